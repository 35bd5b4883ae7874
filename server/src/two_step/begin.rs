//! Where a sign-in's first step leads: the code step when the account has two-step
//! verification on, otherwise straight to the device's session.

use sqlx::PgPool;
use uuid::Uuid;

use crate::{
    error::ServiceError,
    mail::Outbox,
    session::{
        ClientInfo, SessionToken, Sessions,
        signed_in::{self, refuse_locked},
        store::SignInMethod,
    },
    trail::{self, EventKind},
};

/// Where a sign-in's first step leads.
pub enum Begun {
    /// Signed in: the session's token.
    Session(SessionToken),
    /// The account asks for a code: the token of the pending sign-in (for the `two_step` cookie).
    NeedsCode(SessionToken),
}

/// After a correct password or a provider's sign-in: a session, or the code step.
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
    if super::is_enabled(pool, user_id).await? {
        let mut conn = pool.acquire().await?;
        let pending = super::pending::create(&mut conn, user_id, &method, next).await?;
        if method == SignInMethod::Password {
            // The password is right: the owner sees it even if no code follows.
            trail::record(&mut conn, user_id, EventKind::PasswordEnteredCodeAsked, client, "").await?;
        }
        metrics::counter!("sign_ins_total", "method" => method.metric_label(), "outcome" => "needs_code")
            .increment(1);
        return Ok(Begun::NeedsCode(pending));
    }
    Ok(Begun::Session(signed_in::start(pool, sessions, mail, user_id, client, method).await?))
}
