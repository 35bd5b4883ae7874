//! The code step of a sign-in: an authenticator code or a recovery code, counted per account;
//! the [`super::guesses::FREE`]th wrong one in a row ends the pending sign-in.

use super::{
    pending,
    service::{Checked, EXPIRED, Proof, TOO_MANY, TwoStep},
    store,
};
use crate::{
    error::ServiceError,
    session::{ClientInfo, SessionToken, TokenHash, signed_in},
};

impl TwoStep {
    /// Whether the half-signed-in browser holding `id` may still enter a code.
    pub async fn pending(&self, id: &TokenHash) -> Result<bool, ServiceError> {
        Ok(pending::find(&self.pool, id).await?.is_some())
    }

    /// The code step of a sign-in: an authenticator code, or a recovery code. Returns the new
    /// session and where to go.
    pub async fn complete_sign_in(
        &self,
        id: &TokenHash,
        code: Option<&str>,
        recovery_code: Option<&str>,
        client: &ClientInfo,
    ) -> Result<(SessionToken, String), ServiceError> {
        let expired = || ServiceError::BadRequest(EXPIRED);
        let started = pending::find(&self.pool, id).await?.ok_or_else(expired)?;
        let user_id = started.user_id;
        let row = store::find(&self.pool, user_id).await?.filter(|r| r.enabled).ok_or_else(expired)?;
        let email = crate::users::find(&self.pool, user_id).await?.ok_or_else(expired)?.email;
        let proof = Proof::from_form(code, recovery_code);
        match self.check(user_id, &email, &row.secret_sealed, proof, client).await? {
            Checked::Right => {}
            Checked::Wrong { locked: true, .. } => {
                // Ten wrong in a row: this sign-in is over, and the next one waits the lock.
                let mut conn = self.pool.acquire().await?;
                pending::take(&mut conn, id).await?;
                return Err(ServiceError::BadRequest(TOO_MANY));
            }
            Checked::Wrong { error, .. } => return Err(error),
        }
        let mut conn = self.pool.acquire().await?;
        let started = pending::take(&mut conn, id).await?.ok_or_else(expired)?;
        drop(conn);
        let method = started.method.with_code();
        let token =
            signed_in::start(&self.pool, &self.sessions, &self.outbox, user_id, client, method).await?;
        if matches!(proof, Proof::Recovery(_)) {
            self.recovery_code_used(user_id, &email, client, "notice-recovery-used-sign-in").await?;
        }
        Ok((token, started.next))
    }
}
