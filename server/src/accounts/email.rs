//! Proving ownership of an address, getting back in after a forgotten password, and moving
//! to a new address. Every mail is queued in the outbox inside the transaction of the change.

mod not_me;

use std::net::IpAddr;

use sqlx::{PgConnection, PgPool};

use super::first_proof;
use crate::{
    auth::{BreachedPasswords, PasswordHasher, Throttle, lockout, throttle::Action},
    domain::{EmailAddress, NewPassword, user_inputs},
    email_tokens::{self, Purpose, Redeemed},
    error::ServiceError,
    mail::{Outbox, outbox},
    session::change::{Change, Keep},
    session::{Authenticated, ClientInfo, Sessions},
    trail::EventKind,
    users::{self, User},
};

/// Reset links per address per hour beyond which requests are silently dropped.
const RESETS_PER_ADDRESS_PER_HOUR: i64 = 5;
/// Email change requests per account per hour.
const CHANGES_PER_ACCOUNT_PER_HOUR: i64 = 5;

/// What a completed password reset did besides setting the password.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reset {
    /// It was the address's first proof and ways in added before it were removed.
    pub removed_unproven: bool,
}

/// What a link mailed to prove an address does when its button is pressed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EmailLink {
    /// Marks the account's address verified.
    Verify,
    /// Moves the account to `new_email`.
    Change { new_email: String },
}

#[derive(Clone)]
pub struct EmailFlows {
    pool: PgPool,
    pub outbox: Outbox,
    sessions: Sessions,
    hasher: PasswordHasher,
    throttle: Throttle,
    breached: BreachedPasswords,
}

impl EmailFlows {
    pub fn new(
        pool: PgPool,
        outbox: Outbox,
        sessions: Sessions,
        hasher: PasswordHasher,
        throttle: Throttle,
        breached: BreachedPasswords,
    ) -> Self {
        Self { pool, outbox, sessions, hasher, throttle, breached }
    }

    /// Queues a verification mail for the account's address (inside the caller's transaction).
    pub async fn queue_verification(&self, conn: &mut PgConnection, user: &User) -> Result<(), sqlx::Error> {
        let token = email_tokens::create(conn, user.id, Purpose::Verify, None).await?;
        outbox::enqueue(conn, &self.outbox.site.verify_email(user.lang, &user.email, &token)).await
    }

    /// Sends another verification mail: at most one a minute and ten a day.
    pub async fn resend_verification(
        &self,
        auth: &Authenticated,
        client: &ClientInfo,
    ) -> Result<(), ServiceError> {
        let user = &auth.user;
        if user.email_verified_at.is_some() {
            return Ok(());
        }
        self.throttle.action(Action::VerificationResend, client.ip)?;
        let mut tx = self.pool.begin().await?;
        if email_tokens::recent(&mut tx, user.id, Purpose::Verify, 60.0).await? > 0 {
            return Err(ServiceError::Refused("err-email-just-sent"));
        }
        if email_tokens::recent(&mut tx, user.id, Purpose::Verify, 86_400.0).await? >= 10 {
            return Err(ServiceError::Refused("err-email-daily-limit"));
        }
        self.queue_verification(&mut tx, user).await?;
        tx.commit().await?;
        self.outbox.wake();
        Ok(())
    }

    /// What a verification or email-change link would do, without spending it: opening a link
    /// (as mail scanners do) changes nothing; the page's button spends it with [`Self::verify`].
    pub async fn email_link(&self, token: &str) -> Result<EmailLink, ServiceError> {
        let mut conn = self.pool.acquire().await?;
        let found = email_tokens::peek(&mut conn, token, &[Purpose::Verify, Purpose::Change]).await?;
        match found.ok_or(ServiceError::InvalidLink)? {
            Redeemed { purpose: Purpose::Change, new_email: Some(new_email), .. } => {
                Ok(EmailLink::Change { new_email })
            }
            _ => Ok(EmailLink::Verify),
        }
    }

    /// Spends a verification or email-change link, in any browser, signed in or not.
    pub async fn verify(&self, token: &str, client: &ClientInfo) -> Result<EmailLink, ServiceError> {
        let mut change = Change::begin(&self.pool, &self.sessions.caches, client).await?;
        let redeemed = email_tokens::redeem(change.db(), token, &[Purpose::Verify, Purpose::Change])
            .await?
            .ok_or(ServiceError::InvalidLink)?;
        let user_id = redeemed.user_id;
        let done = match (redeemed.purpose, redeemed.new_email) {
            (Purpose::Change, Some(new_email)) => {
                let old = users::find(change.db(), user_id).await?.ok_or(ServiceError::InvalidLink)?;
                if !users::move_to_email(change.db(), user_id, &new_email).await? {
                    return Err(ServiceError::Refused("err-email-taken-since"));
                }
                // Links mailed to the old address stop working.
                email_tokens::void(change.db(), user_id, Purpose::Reset).await?;
                let detail = format!("from {} to {new_email}", old.email);
                change.record(user_id, EventKind::EmailChanged, &detail).await?;
                change
                    .mail(
                        &self.outbox,
                        &self.outbox.site.email_changed(old.lang, &old.email, &new_email).about(user_id),
                    )
                    .await?;
                EmailLink::Change { new_email }
            }
            _ => {
                users::mark_verified(change.db(), user_id).await?;
                EmailLink::Verify
            }
        };
        change.user_changed(user_id);
        change.commit().await?;
        Ok(done)
    }

    /// Always the same answer in the same time: the lookup and the mail happen after the
    /// answer, on a connection taken before it (so a database outage is still a 503).
    pub async fn forgot_password(&self, email: &str, ip: Option<IpAddr>) -> Result<(), ServiceError> {
        if let Some(ip) = ip {
            self.throttle.sign_in_attempt(ip)?;
        }
        let Ok(email) = EmailAddress::parse(email) else { return Ok(()) };
        let conn = self.pool.acquire().await?;
        let flows = self.clone();
        tokio::spawn(async move {
            if let Err(e) = flows.mail_reset_link(conn, &email).await {
                tracing::error!(error = %e, "could not queue a password reset mail");
            }
        });
        Ok(())
    }

    /// Mails a reset link when the account exists and its hourly limit allows.
    async fn mail_reset_link(
        &self,
        mut conn: sqlx::pool::PoolConnection<sqlx::Postgres>,
        email: &EmailAddress,
    ) -> Result<(), ServiceError> {
        let Some(user_id) = users::credentials(&mut *conn, email.as_str()).await?.map(|c| c.id) else {
            return Ok(());
        };
        let lang = users::lang::of(&mut *conn, user_id).await?;
        let mut tx = sqlx::Connection::begin(&mut *conn).await?;
        if email_tokens::recent(&mut tx, user_id, Purpose::Reset, 3600.0).await?
            >= RESETS_PER_ADDRESS_PER_HOUR
        {
            return Ok(());
        }
        email_tokens::void(&mut tx, user_id, Purpose::Reset).await?;
        let token = email_tokens::create(&mut tx, user_id, Purpose::Reset, None).await?;
        outbox::enqueue(&mut tx, &self.outbox.site.reset_password(lang, email.as_str(), &token)).await?;
        tx.commit().await?;
        self.outbox.wake();
        Ok(())
    }

    /// True when a reset link can still be used (to show its form or an error page).
    pub async fn reset_link_is_valid(&self, token: &str) -> Result<bool, ServiceError> {
        let mut conn = self.pool.acquire().await?;
        Ok(email_tokens::peek(&mut conn, token, &[Purpose::Reset]).await?.is_some())
    }

    /// The address of the account a usable reset link belongs to.
    pub async fn reset_link_email(&self, token: &str) -> Result<Option<String>, ServiceError> {
        let mut conn = self.pool.acquire().await?;
        let Some(found) = email_tokens::peek(&mut conn, token, &[Purpose::Reset]).await? else {
            return Ok(None);
        };
        Ok(users::find(&mut *conn, found.user_id).await?.map(|user| user.email))
    }

    /// Sets a new password from a reset link: the address counts as verified, every session
    /// ends, and a notice is mailed. When the reset is the address's first proof, the ways in
    /// the account gained before it are removed too ([`first_proof`]); the answer says whether
    /// any were.
    pub async fn reset_password(
        &self,
        token: &str,
        new_password: &str,
        client: &ClientInfo,
    ) -> Result<Reset, ServiceError> {
        let mut change = Change::begin(&self.pool, &self.sessions.caches, client).await?;
        let user_id = email_tokens::peek(change.db(), token, &[Purpose::Reset])
            .await?
            .ok_or(ServiceError::InvalidLink)?
            .user_id;
        let user = users::find(change.db(), user_id).await?.ok_or(ServiceError::InvalidLink)?;
        let password = NewPassword::parse(new_password, "new_password", &user_inputs(&user.email))?;
        self.breached.refuse_if_breached(&password, "new_password").await?;
        let hash = self.hasher.hash(password.expose()).await?;
        // The row locked from here on (ending the sessions locks it), so whether this is the
        // address's first proof (read again under the lock) cannot change before this commits.
        change.end_sessions(user_id, Keep::Nothing).await?;
        let user = users::find(change.db(), user_id).await?.ok_or(ServiceError::InvalidLink)?;
        email_tokens::redeem(change.db(), token, &[Purpose::Reset])
            .await?
            .ok_or(ServiceError::InvalidLink)?;
        email_tokens::void_all(change.db(), user_id).await?;
        let removed_unproven = user.email_verified_at.is_none()
            && first_proof::remove_unproven_ways_in(change.db(), user_id).await?;
        users::set_password_hash_proven(change.db(), user_id, &hash).await?;
        // The owner proved the mailbox: whatever lock a guesser caused ends here.
        self.throttle.lockout.clear(change.db(), &[&lockout::account(user_id)]).await?;
        change.mail(&self.outbox, &self.outbox.site.password_changed(user.lang, &user.email)).await?;
        change.record(user_id, EventKind::PasswordReset, "").await?;
        if removed_unproven {
            change.record(user_id, EventKind::UnprovenMethodsRemoved, "").await?;
        }
        change.all_sessions_changed(user_id);
        change.commit().await?;
        Ok(Reset { removed_unproven })
    }

    /// Mails a confirmation link to the new address and a notice to the old one; the change
    /// applies only when the link is followed. Returns the new address.
    pub async fn request_email_change(
        &self,
        auth: &Authenticated,
        new_email: &str,
        password: &str,
        client: &ClientInfo,
    ) -> Result<String, ServiceError> {
        let user = &auth.user;
        auth.require_verified()?;
        self.throttle.action(Action::EmailChange, client.ip)?;
        let new_email = EmailAddress::parse(new_email)
            .map_err(|_| ServiceError::invalid("new_email", "err-email-invalid"))?;
        if user.has_password {
            crate::auth::current_password::current_password(
                &self.pool,
                &self.hasher,
                &self.throttle,
                user,
                password,
                "email_password",
            )
            .await?;
        } else if !auth.signed_in_recently(chrono::Utc::now()) {
            // Accounts without a password re-confirm with Google (see `session::recent`).
            return Err(ServiceError::NeedsRecentSignIn);
        }
        if new_email.as_str() == user.email {
            return Err(ServiceError::invalid("new_email", "err-email-same"));
        }
        if users::credentials(&self.pool, new_email.as_str()).await?.is_some() {
            return Err(ServiceError::invalid("new_email", "err-email-taken"));
        }
        let mut change = Change::begin(&self.pool, &self.sessions.caches, client).await?;
        if email_tokens::recent(change.db(), user.id, Purpose::Change, 3600.0).await?
            >= CHANGES_PER_ACCOUNT_PER_HOUR
        {
            return Err(ServiceError::Refused("err-email-change-limit"));
        }
        email_tokens::void(change.db(), user.id, Purpose::Change).await?;
        let token =
            email_tokens::create(change.db(), user.id, Purpose::Change, Some(new_email.as_str())).await?;
        let site = &self.outbox.site;
        let lang = user.lang;
        change.mail(&self.outbox, &site.confirm_new_email(lang, new_email.as_str(), &token)).await?;
        change.mail(&self.outbox, &site.email_change_notice(lang, &user.email, new_email.as_str())).await?;
        let detail = format!("to {}", new_email.as_str());
        change.record(user.id, EventKind::EmailChangeRequested, &detail).await?;
        change.commit().await?;
        Ok(new_email.to_string())
    }
}
