//! "Confirm it's you" with a passkey: one of the signed-in account's own passkeys, with user
//! verification, makes this device's sign-in recent. A passkey signs in alone (it is
//! something held and something known or been), so it stands for the password and the code.

use webauthn_rs::prelude::{PasskeyAuthentication, PublicKeyCredential};

use super::{
    Passkeys,
    ceremony::{self, Kind},
    service::{Challenge, EXPIRED, FAILED, bad},
    store,
};
use crate::{
    auth::throttle::Action,
    error::ServiceError,
    session::{Authenticated, ClientInfo, TokenHash},
};

/// The answer when the account has no passkey to confirm with.
pub const NO_PASSKEY: &str = "err-passkey-none";

impl Passkeys {
    /// Options for `navigator.credentials.get` listing this account's passkeys only.
    pub async fn start_confirm(
        &self,
        auth: &Authenticated,
        next: &str,
        client: &ClientInfo,
    ) -> Result<Challenge, ServiceError> {
        self.throttle.action(Action::PasskeyStart, client.ip)?;
        let user_id = auth.user.id;
        let keys = store::all(&self.pool, user_id).await?;
        if keys.is_empty() {
            return Err(ServiceError::BadRequest(NO_PASSKEY));
        }
        let (options, state) = self
            .webauthn
            .start_passkey_authentication(&keys)
            .map_err(|e| ServiceError::Internal(format!("passkey confirmation: {e}")))?;
        let state = serde_json::to_string(&state).expect("authentication state serialises");
        let token = ceremony::begin(&self.pool, Kind::Confirm, Some(user_id), &state, Some(next)).await?;
        Ok(Challenge { options: serde_json::to_string(&options).expect("options serialise"), token })
    }

    /// Finishes the ceremony this browser started for this account; answers where to go next.
    pub async fn finish_confirm(
        &self,
        auth: &Authenticated,
        id: &TokenHash,
        credential: &str,
        client: &ClientInfo,
    ) -> Result<String, ServiceError> {
        if let Some(ip) = client.ip {
            self.throttle.sign_in_attempt(ip)?;
        }
        let user_id = auth.user.id;
        let started = ceremony::take(&self.pool, id, Kind::Confirm).await?;
        let started =
            started.filter(|s| s.user_id == Some(user_id)).ok_or(ServiceError::BadRequest(EXPIRED))?;
        let state: PasskeyAuthentication = serde_json::from_str(&started.state).map_err(bad)?;
        let credential: PublicKeyCredential = serde_json::from_str(credential).map_err(bad)?;
        let result = self.webauthn.finish_passkey_authentication(&credential, &state).map_err(|e| {
            tracing::warn!(target: "security", %user_id, "re-confirmation refused: the passkey did not verify");
            bad(e)
        })?;
        let passkey = store::find(&self.pool, user_id, result.cred_id())
            .await?
            .ok_or(ServiceError::BadRequest(FAILED))?;
        self.record_use(passkey, &result).await?;
        self.sessions.reauthenticated(auth).await?;
        Ok(started.next.unwrap_or_else(|| "/account/security".to_owned()))
    }
}
