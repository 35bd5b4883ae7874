//! "Confirm it's you" with Google, for an account that has it connected: its own Google
//! signing in again re-confirms this device (see [`super::Finished::Reconfirmed`]). With
//! two-step on, the code (or a recovery code) is checked before Google is asked, so Google
//! alone never stands for both factors.

use super::{GoogleSignIn, messages, service::Started};
use crate::{
    error::ServiceError,
    session::{Authenticated, ClientInfo},
    two_step::{Proof, TwoStep},
};

impl GoogleSignIn {
    /// Checks the second factor (when two-step is on), then starts a sign-in with Google that
    /// finishes in this account and goes on to `next`.
    pub async fn start_reconfirm(
        &self,
        auth: &Authenticated,
        second: (&TwoStep, Proof<'_>),
        next: String,
        client: &ClientInfo,
    ) -> Result<Started, ServiceError> {
        auth.require_verified()?;
        if self.connected(auth.user.id).await?.is_none() {
            return Err(ServiceError::BadRequest(messages::NOT_CONNECTED));
        }
        let (two_step, proof) = second;
        two_step.confirm(auth, proof, client).await?;
        self.start(next, Some(auth.user.id)).await
    }
}
