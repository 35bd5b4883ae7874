//! What every sign-in does, by password or by Google: continue to the code step when the
//! account has two-step verification on; otherwise (and after the code) start the device's
//! session and record the sign-in in one transaction, and mail the owner when the device is new
//! to the account.

use sqlx::PgPool;
use uuid::Uuid;

use super::users;
use crate::{
    error::ServiceError,
    mail::{Outbox, notices::Where},
    session::change::Change,
    session::{ClientInfo, SessionToken, Sessions, device, store::SignInMethod},
    trail::{self, EventKind},
    two_step,
};

/// Where a sign-in's first step leads.
pub enum Begun {
    /// Signed in: the session's token.
    Session(SessionToken),
    /// The account asks for a code: the token of the pending sign-in (for the `two_step` cookie).
    NeedsCode(SessionToken),
}

/// After a correct password or a Google sign-in: a session, or the code step.
pub async fn begin(
    pool: &PgPool,
    sessions: &Sessions,
    mail: &Outbox,
    user_id: Uuid,
    client: &ClientInfo,
    method: SignInMethod,
    next: &str,
) -> Result<Begun, ServiceError> {
    refuse_locked(pool, user_id).await?;
    if two_step::is_enabled(pool, user_id).await? {
        let mut conn = pool.acquire().await?;
        let pending = two_step::pending::create(&mut conn, user_id, method, next).await?;
        if method == SignInMethod::Password {
            // The password is right: the owner sees it even if no code follows.
            trail::record(&mut conn, user_id, EventKind::PasswordEnteredCodeAsked, client, "").await?;
        }
        metrics::counter!("sign_ins_total", "method" => method.as_str(), "outcome" => "needs_code")
            .increment(1);
        return Ok(Begun::NeedsCode(pending));
    }
    Ok(Begun::Session(start(pool, sessions, mail, user_id, client, method).await?))
}

pub async fn start(
    pool: &PgPool,
    sessions: &Sessions,
    mail: &Outbox,
    user_id: Uuid,
    client: &ClientInfo,
    method: SignInMethod,
) -> Result<SessionToken, ServiceError> {
    let mut change = Change::begin(pool, &sessions.caches, client).await?;
    // Read under a share lock held until the session is in: an operator's lock (an UPDATE of
    // the row) waits for this sign-in and then ends its session, or this one waits and sees it.
    refuse_locked(change.db(), user_id).await?;
    let known = trail::knows_device(change.db(), user_id, client).await?;
    let device_id = Uuid::new_v4();
    let token = sessions.create_for_device(change.db(), user_id, device_id, client, method).await?;
    metrics::counter!("sign_ins_total", "method" => method.as_str(), "outcome" => "success").increment(1);
    change.record(user_id, EventKind::SignedIn, "").await?;
    if !known && let Some(user) = users::find(change.db(), user_id).await? {
        let name = device::describe(&client.user_agent);
        let at = Where { device: &name, ip: client.ip, when: chrono::Utc::now() };
        change.mail(mail, &mail.site.new_sign_in(&user.email, &at).naming_device(device_id)).await?;
    }
    change.commit().await?;
    Ok(token)
}

/// An operator locked the account (`accounts-server users lock`): no way in, whatever the method.
async fn refuse_locked(db: impl sqlx::PgExecutor<'_>, user_id: Uuid) -> Result<(), ServiceError> {
    if users::is_locked(db, user_id).await? == Some(true) {
        metrics::counter!("sign_ins_total", "method" => "any", "outcome" => "locked").increment(1);
        return Err(ServiceError::Locked);
    }
    Ok(())
}
