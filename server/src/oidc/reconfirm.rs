//! "Confirm it's you" with a provider the account has connected: its own identity there
//! signing in again re-confirms this device (see [`super::Finished::Reconfirmed`]). With
//! two-step on, the code (or a recovery code) is checked before the provider is asked, so the
//! provider alone never stands for both factors.

use super::{SignInWith, service::Started};
use crate::{
    error::ServiceError,
    session::{Authenticated, ClientInfo},
    two_step::{Proof, TwoStep},
};

impl SignInWith {
    /// Checks the second factor (when two-step is on), then starts a sign-in with provider `id`
    /// that finishes in this account and goes on to `next`.
    pub async fn start_reconfirm(
        &self,
        id: &str,
        auth: &Authenticated,
        second: (&TwoStep, Proof<'_>),
        next: String,
        client: &ClientInfo,
    ) -> Result<Started, ServiceError> {
        auth.require_verified()?;
        if self.connected(id, auth.user.id).await?.is_none() {
            return Err(self.provider(id)?.messages.not_connected());
        }
        let (two_step, proof) = second;
        two_step.confirm(auth, proof, client).await?;
        self.start(id, next, Some(auth.user.id)).await
    }
}
