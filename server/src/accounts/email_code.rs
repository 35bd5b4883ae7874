//! Signing in (or up) with a code sent by mail. The code works only in the browser that asked
//! for it: that browser holds a signed cookie whose token's hash is on the code's row, and both
//! the typed code and the mail's link are checked against it, so a forwarded mail or a mail
//! scanner opening the link signs nobody in. Asking answers the same, in the same time, for
//! every address: the lookup and the mail happen after the answer.

use sqlx::PgPool;
use uuid::Uuid;

use super::first_proof;
use crate::{
    auth::{Throttle, lockout},
    domain::EmailAddress,
    email_codes::{self, CodeKeys, Live},
    email_tokens::{self, LinkToken},
    error::ServiceError,
    i18n::Lang,
    mail::{Outbox, outbox},
    session::{
        ClientInfo, SessionToken, Sessions, TokenHash,
        change::{Change, Keep},
        signed_in::refuse_locked,
        store::SignInMethod,
    },
    trail::EventKind,
    two_step::{self, Begun},
    users,
};

/// The cookie of the browser that asked for a code.
pub const COOKIE: &str = "email_code";
pub const EXPIRED: &str = "err-email-code-expired";
pub const TOO_MANY: &str = "err-email-code-too-many";
pub const WRONG: &str = "err-email-code-wrong";
pub const OTHER_BROWSER: &str = "err-email-code-other-browser";

/// What the page a mail's link opens shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkView {
    /// This browser asked: one button signs it in.
    ThisBrowser { address: String },
    /// Another browser: the code, to type where the sign-in started.
    OtherBrowser { code: String },
}

#[derive(Clone)]
pub struct EmailCodes {
    pool: PgPool,
    sessions: Sessions,
    outbox: Outbox,
    throttle: Throttle,
    keys: CodeKeys,
}

impl EmailCodes {
    pub fn new(
        pool: PgPool,
        sessions: Sessions,
        outbox: Outbox,
        throttle: Throttle,
        secret_key: &[u8],
    ) -> Self {
        Self { pool, sessions, outbox, throttle, keys: CodeKeys::new(secret_key) }
    }

    /// Mails a code to `address` if an account has it (or, with `new_account`, to create one).
    /// Returns the token for this browser's cookie, whatever the address.
    pub async fn request(
        &self,
        address: &str,
        new_account: bool,
        next: &str,
        client: &ClientInfo,
    ) -> Result<SessionToken, ServiceError> {
        let address =
            EmailAddress::parse(address).map_err(|_| ServiceError::invalid("email", "err-email-invalid"))?;
        self.throttle.email_code(client.ip)?;
        let browser = SessionToken::generate();
        let conn = self.pool.acquire().await?;
        let (codes, hash, next, lang) = (self.clone(), browser.hash(), next.to_owned(), client.lang);
        tokio::spawn(async move {
            if let Err(e) = codes.mail_code(conn, &address, new_account, &hash, &next, lang).await {
                tracing::error!(error = %e, "could not queue a sign-in code");
            }
        });
        Ok(browser)
    }

    /// The mail is in the account's language, or the asking request's (`lang`) for a new one.
    async fn mail_code(
        &self,
        mut conn: sqlx::pool::PoolConnection<sqlx::Postgres>,
        address: &EmailAddress,
        new_account: bool,
        browser: &TokenHash,
        next: &str,
        lang: Lang,
    ) -> Result<(), ServiceError> {
        let user_id = users::credentials(&mut *conn, address.as_str()).await?.map(|c| c.id);
        let lang = match user_id {
            Some(id) => users::lang::of(&mut *conn, id).await?,
            None => lang,
        };
        let mut tx = sqlx::Connection::begin(&mut *conn).await?;
        if email_codes::issued_last_hour(&mut tx, address.as_str()).await?
            >= email_codes::PER_ADDRESS_PER_HOUR
        {
            return Ok(());
        }
        // A code is made for every address, mailed or not, so what typing codes answers (wrong,
        // then too many) cannot tell whether the address has an account. An unmailed code's
        // link never leaves this function: nobody can know it.
        let issued =
            email_codes::issue(&mut tx, &self.keys, address.as_str(), user_id, &browser.0, next).await?;
        if user_id.is_none() && !new_account {
            return Ok(tx.commit().await?);
        }
        let link = LinkToken { secret: issued.link, ttl_secs: email_codes::TTL.as_secs_f64() };
        let mail = self.outbox.site.sign_in_code(lang, address.as_str(), &issued.code, &link);
        outbox::enqueue(&mut tx, &mail).await?;
        tx.commit().await?;
        self.outbox.wake();
        Ok(())
    }

    /// Signs in with the code typed in the browser that asked for it.
    pub async fn sign_in(
        &self,
        browser: Option<&TokenHash>,
        code: &str,
        client: &ClientInfo,
    ) -> Result<(Begun, String), ServiceError> {
        if let Some(ip) = client.ip {
            self.throttle.sign_in_attempt(ip)?;
        }
        if code.trim().is_empty() {
            return Err(ServiceError::invalid("code", "err-email-code-empty"));
        }
        let browser = browser.ok_or(ServiceError::BadRequest(EXPIRED))?;
        let live = email_codes::for_browser(&self.pool, &browser.0)
            .await?
            .ok_or(ServiceError::BadRequest(EXPIRED))?;
        if let Some(user_id) = live.user_id {
            refuse_locked(&self.pool, user_id).await?;
        }
        // Counted before the check, on the code and on the account's guessing lock.
        let key = live.user_id.map_or_else(|| live.address.clone(), lockout::account);
        let reserved = self.throttle.lockout.reserve(&self.pool, &key).await?;
        let attempts =
            email_codes::attempt(&self.pool, &live.id).await?.ok_or(ServiceError::BadRequest(TOO_MANY))?;
        if !self.keys.matches(code, &live.code_hash) {
            let mut conn = self.pool.acquire().await?;
            let spent = attempts >= email_codes::MAX_ATTEMPTS;
            if spent {
                email_codes::end(&mut *conn, &live.id).await?;
            }
            if let Some(user_id) = live.user_id {
                crate::trail::record(&mut conn, user_id, EventKind::SignInFailed, client, "").await?;
                if reserved.locks {
                    crate::trail::record(&mut conn, user_id, EventKind::LockedOut, client, "").await?;
                }
            }
            metrics::counter!("sign_ins_total", "method" => "email_code", "outcome" => "failure")
                .increment(1);
            return Err(if spent {
                ServiceError::BadRequest(TOO_MANY)
            } else {
                ServiceError::invalid("code", WRONG)
            });
        }
        self.finish(live, &key, client).await
    }

    /// What the page a mail's link opens shows; opening it changes nothing.
    pub async fn link(&self, link: &str, browser: Option<&TokenHash>) -> Result<LinkView, ServiceError> {
        let live = email_codes::for_link(&self.pool, link).await?.ok_or(ServiceError::InvalidLink)?;
        Ok(match browser {
            Some(b) if live.asked_by(&b.0) => LinkView::ThisBrowser { address: live.address },
            _ => LinkView::OtherBrowser { code: self.keys.code_of(link).ok_or(ServiceError::InvalidLink)? },
        })
    }

    /// The link's button: signs in the browser that asked, and no other.
    pub async fn sign_in_with_link(
        &self,
        link: &str,
        browser: Option<&TokenHash>,
        client: &ClientInfo,
    ) -> Result<(Begun, String), ServiceError> {
        if let Some(ip) = client.ip {
            self.throttle.sign_in_attempt(ip)?;
        }
        let live = email_codes::for_link(&self.pool, link).await?.ok_or(ServiceError::InvalidLink)?;
        if !browser.is_some_and(|b| live.asked_by(&b.0)) {
            return Err(ServiceError::BadRequest(OTHER_BROWSER));
        }
        if let Some(user_id) = live.user_id {
            refuse_locked(&self.pool, user_id).await?;
        }
        let key = live.user_id.map_or_else(|| live.address.clone(), lockout::account);
        self.finish(live, &key, client).await
    }

    /// Spends the code, creates the account or proves its address, then signs in (through the
    /// code step when two-step is on).
    async fn finish(
        &self,
        live: Live,
        key: &str,
        client: &ClientInfo,
    ) -> Result<(Begun, String), ServiceError> {
        let mut change = Change::begin(&self.pool, &self.sessions.caches, client).await?;
        if !email_codes::end(change.db(), &live.id).await? {
            return Err(ServiceError::BadRequest(EXPIRED));
        }
        let user_id = match live.user_id {
            Some(id) => id,
            None => match users::insert_verified(change.db(), &live.address, None, client.lang).await? {
                Some(user) => {
                    change.record(user.id, EventKind::SignedUp, "with an email code").await?;
                    tracing::info!(user = %user.id, "account created with an email code");
                    user.id
                }
                // An account took the address since the code was sent: the code proves the
                // mailbox for it as for any other.
                None => {
                    users::find_by_email(change.db(), &live.address)
                        .await?
                        .ok_or(ServiceError::InvalidLink)?
                        .id
                }
            },
        };
        self.first_proof(&mut change, user_id).await?;
        self.throttle.lockout.clear(change.db(), &[key, &lockout::account(user_id)]).await?;
        change.commit().await?;
        let method = SignInMethod::EmailCode { code: false };
        let begun =
            two_step::begin(&self.pool, &self.sessions, &self.outbox, user_id, client, method, &live.next)
                .await?;
        Ok((begun, live.next))
    }

    /// A code is a proof of the address. When it is the first, whatever way in the account
    /// gained before it may be a stranger's, planted to wait for the owner: as after a reset
    /// that is the first proof, the password, passkeys, two-step and linked identities go, with
    /// every session and pending link.
    async fn first_proof(&self, change: &mut Change<'_>, user_id: Uuid) -> Result<(), ServiceError> {
        users::lock(change.db(), user_id).await?;
        let user = users::find(change.db(), user_id).await?.ok_or(ServiceError::InvalidLink)?;
        if user.email_verified_at.is_some() {
            return Ok(());
        }
        change.end_sessions(user_id, Keep::Nothing).await?;
        email_tokens::void_all(change.db(), user_id).await?;
        let removed = first_proof::remove_unproven_ways_in(change.db(), user_id).await?;
        if user.has_password {
            users::remove_password(change.db(), user_id).await?;
        }
        users::mark_verified(change.db(), user_id).await?;
        if removed || user.has_password {
            change.record(user_id, EventKind::UnprovenMethodsRemoved, "").await?;
        }
        change.user_changed(user_id);
        change.all_sessions_changed(user_id);
        Ok(())
    }
}
