//! Account operations. Each validates its input, enforces limits, writes Postgres (publishing
//! the invalidations in the same transaction), then invalidates this instance's caches.

use sqlx::PgPool;
use uuid::Uuid;

use crate::users::{self, User};
use crate::{
    auth::{BreachedPasswords, PasswordHasher, Throttle, lockout, throttle::Action},
    domain::{EmailAddress, NewPassword, PASSWORD_MAX_LEN, Strength, user_inputs},
    error::ServiceError,
    session::change::{Change, Keep},
    session::{Authenticated, ClientInfo, SessionToken, Sessions, store::SignInMethod},
    trail::{self, EventKind},
};

#[derive(Clone)]
pub struct Accounts {
    pool: PgPool,
    sessions: Sessions,
    hasher: PasswordHasher,
    throttle: Throttle,
    email: super::email::EmailFlows,
    breached: BreachedPasswords,
}

impl Accounts {
    pub fn new(
        pool: PgPool,
        sessions: Sessions,
        hasher: PasswordHasher,
        throttle: Throttle,
        email: super::email::EmailFlows,
        breached: BreachedPasswords,
    ) -> Self {
        Self { pool, sessions, hasher, throttle, email, breached }
    }

    /// Creates the account and signs it in on this device.
    pub async fn sign_up(
        &self,
        email: &str,
        password: &str,
        client: &ClientInfo,
    ) -> Result<(User, SessionToken), ServiceError> {
        let email_result = EmailAddress::parse(email);
        let password_result = NewPassword::parse(password, "password", &user_inputs(email));
        let email = email_result?;
        let password = password_result?;
        if let Some(ip) = client.ip {
            self.throttle.sign_up_attempt(ip)?;
        }
        // After the per-IP limit, so a flood of sign-ups cannot turn into a flood of lookups.
        self.breached.refuse_if_breached(&password, "password").await?;
        let hash = self.hasher.hash(password.expose()).await?;
        let mut change = Change::begin(&self.pool, &self.sessions.caches, client).await?;
        let user = users::insert(change.db(), email.as_str(), &hash, client.lang)
            .await?
            .ok_or(ServiceError::EmailTaken)?;
        self.email.queue_verification(change.db(), &user).await?;
        change.mailed_through(&self.email.outbox);
        let token = self
            .sessions
            .create_for_device(change.db(), user.id, Uuid::new_v4(), client, SignInMethod::Password)
            .await?;
        change.record(user.id, EventKind::SignedUp, "").await?;
        change.commit().await?;
        tracing::info!(user = %user.id, "account created");
        Ok((user, token))
    }

    /// Checks credentials; every failure is the same `InvalidCredentials` after the same work.
    pub async fn sign_in(
        &self,
        identifier: &str,
        password: &str,
        next: &str,
        client: &ClientInfo,
    ) -> Result<(Uuid, crate::two_step::Begun), ServiceError> {
        if let Some(ip) = client.ip {
            self.throttle.sign_in_attempt(ip)?;
        }
        let password = if password.chars().count() > PASSWORD_MAX_LEN { "" } else { password };
        if identifier.trim().is_empty() {
            self.hasher.verify(password, None).await?;
            return Err(ServiceError::InvalidCredentials);
        }
        let found = users::credentials(&self.pool, identifier).await?;
        // A locked account says so before any password is checked: a guesser must not learn
        // from the answer that a password was right.
        if found.as_ref().is_some_and(|c| c.locked) {
            metrics::counter!("sign_ins_total", "method" => "password", "outcome" => "locked").increment(1);
            return Err(ServiceError::Locked);
        }
        // Counted before the check, the same way for known and unknown identifiers; a known
        // account's email and username share one count.
        let key = match &found {
            Some(account) => lockout::account(account.id),
            None => identifier.to_owned(),
        };
        let reserved = self.throttle.lockout.reserve(&self.pool, &key).await?;
        let stored = found.as_ref().and_then(|c| c.password_hash.as_deref());
        let verified = self.hasher.verify(password, stored).await?;
        let Some(user_id) = found.as_ref().map(|c| c.id).filter(|_| verified.ok && !password.is_empty())
        else {
            if let Some(account) = found {
                self.record_failure(account.id, reserved.locks, client).await?;
            }
            metrics::counter!("sign_ins_total", "method" => "password", "outcome" => "failure").increment(1);
            return Err(ServiceError::InvalidCredentials);
        };
        self.throttle.lockout.clear(&self.pool, &[&key]).await?;
        if verified.needs_rehash {
            let hash = self.hasher.hash(password).await?;
            users::set_password_hash(&self.pool, user_id, &hash).await?;
        }
        let outbox = &self.email.outbox;
        let begun = crate::two_step::begin(
            &self.pool,
            &self.sessions,
            outbox,
            user_id,
            client,
            SignInMethod::Password,
            next,
        )
        .await?;
        Ok((user_id, begun))
    }

    async fn record_failure(
        &self,
        user_id: Uuid,
        locks: bool,
        client: &ClientInfo,
    ) -> Result<(), ServiceError> {
        let mut conn = self.pool.acquire().await?;
        trail::record(&mut conn, user_id, EventKind::SignInFailed, client, "").await?;
        if locks {
            trail::record(&mut conn, user_id, EventKind::LockedOut, client, "").await?;
        }
        Ok(())
    }

    /// Sets a new password, ends every other session, and gives this device a fresh token.
    pub async fn change_password(
        &self,
        auth: &Authenticated,
        current: &str,
        new: &str,
        client: &ClientInfo,
    ) -> Result<SessionToken, ServiceError> {
        let user = &auth.user;
        crate::auth::current_password::current_password(
            &self.pool,
            &self.hasher,
            &self.throttle,
            user,
            current,
            "current_password",
        )
        .await?;
        let new = NewPassword::parse(new, "new_password", &user_inputs(&user.email))?;
        self.breached.refuse_if_breached(&new, "new_password").await?;
        let hash = self.hasher.hash(new.expose()).await?;
        let device = auth.session.record.device_id;

        let mut change = Change::begin(&self.pool, &self.sessions.caches, client).await?;
        change.end_sessions(user.id, Keep::Nothing).await?;
        users::set_password_hash(change.db(), user.id, &hash).await?;
        crate::email_tokens::void_all(change.db(), user.id).await?;
        let token = self
            .sessions
            .create_for_device(change.db(), user.id, device, client, auth.session.record.method.clone())
            .await?;
        change.record(user.id, EventKind::PasswordChanged, "").await?;
        let outbox = &self.email.outbox;
        change.mail(outbox, &outbox.site.password_changed(user.lang, &user.email)).await?;
        change.all_sessions_changed(user.id);
        change.commit().await?;
        tracing::info!(user = %user.id, "password changed; other sessions ended");
        Ok(token)
    }

    /// Judges a password being typed with the rule a submit applies, for the forms' strength
    /// meter: against the words of the reset link's account (`token`), else the signed-in
    /// account's, else `email` as typed on the sign-up form. Nothing is stored or logged, and the
    /// breached-password API is not asked (only a submitted password is).
    pub async fn password_strength(
        &self,
        auth: Option<&Authenticated>,
        password: &str,
        email: &str,
        token: &str,
        client: &ClientInfo,
    ) -> Result<Strength, ServiceError> {
        self.throttle.action(Action::PasswordStrength, client.ip)?;
        let email = match auth {
            _ if !token.is_empty() => self.email.reset_link_email(token).await?.unwrap_or_default(),
            Some(auth) => auth.user.email.clone(),
            None => email.to_owned(),
        };
        let password = password.to_owned();
        // zxcvbn takes milliseconds on a long password: off the request threads.
        tokio::task::spawn_blocking(move || Strength::of(&password, &user_inputs(&email)))
            .await
            .map_err(|e| ServiceError::Internal(format!("strength check: {e}")))
    }

    /// Re-confirms the password on this device, so sensitive changes are allowed for the next
    /// 10 minutes. Wrong guesses count toward the sign-in lockout.
    /// "Confirm your password to continue": the password and, on an account with two-step,
    /// a code or a recovery code (`second`); only both make this device's sign-in recent.
    pub async fn confirm_password(
        &self,
        auth: &Authenticated,
        password: &str,
        second: (&crate::two_step::TwoStep, crate::two_step::Proof<'_>),
        client: &crate::session::ClientInfo,
    ) -> Result<(), ServiceError> {
        crate::auth::current_password::current_password(
            &self.pool,
            &self.hasher,
            &self.throttle,
            &auth.user,
            password,
            "password",
        )
        .await?;
        let (two_step, proof) = second;
        two_step.confirm(auth, proof, client).await?;
        self.sessions.reauthenticated(auth).await
    }

    /// The account's last security events, newest first ("Recent activity").
    pub async fn recent_activity(&self, user_id: Uuid) -> Result<Vec<trail::SecurityEvent>, ServiceError> {
        Ok(trail::latest(&self.pool, user_id, trail::SHOWN).await?)
    }

    /// Ends the current device's session.
    pub async fn sign_out(&self, auth: &Authenticated) -> Result<(), ServiceError> {
        self.sessions.end_device(auth.user.id, auth.session.record.device_id, None).await?;
        Ok(())
    }
}
