//! The passkey ceremonies and the account's list.

use std::sync::Arc;

use sqlx::PgPool;
use uuid::Uuid;
use webauthn_rs::prelude::{
    AuthenticationResult, DiscoverableAuthentication, Passkey, PasskeyRegistration, PublicKeyCredential,
    RegisterPublicKeyCredential, Url, Webauthn, WebauthnBuilder,
};

use super::{
    budget::Budget,
    ceremony::{self, Kind},
    store,
};
use crate::{
    auth::Throttle,
    error::ServiceError,
    i18n::{tr, tr_args},
    mail::Outbox,
    session::change::{Change, Keep},
    session::{
        Authenticated, ClientInfo, SessionToken, Sessions, TokenHash, device, signed_in, store::SignInMethod,
    },
    trail::EventKind,
    users::{
        self,
        ways_in::{Way, WaysIn},
    },
};

pub const FAILED: &str = crate::error::PASSKEY_FAILED;
pub const EXPIRED: &str = "err-passkey-expired";
pub const LAST_WAY_IN: &str = "err-passkey-last-way-in";
/// The answer to a sign-in start past `PASSKEY_SIGN_IN_CEREMONIES_MAX`.
pub const BUSY: &str = "err-passkey-busy";
const NAME_MAX: usize = 60;

/// A started ceremony: the options for `navigator.credentials` (JSON) and the cookie's token.
pub struct Challenge {
    pub options: String,
    pub token: SessionToken,
}

#[derive(Clone)]
pub struct Passkeys {
    pub(super) pool: PgPool,
    pub(super) webauthn: Arc<Webauthn>,
    pub(super) sessions: Sessions,
    outbox: Outbox,
    pub(super) throttle: Throttle,
    /// Sign-ins started and not finished, across the deployment.
    budget: Arc<Budget>,
}

pub(super) fn bad(_: impl std::fmt::Display) -> ServiceError {
    metrics::counter!("sign_ins_total", "method" => "passkey", "outcome" => "failure").increment(1);
    ServiceError::BadRequest(FAILED)
}

/// A passkey's name: trimmed, 1 to 60 characters.
fn name_of(name: &str) -> Result<String, ServiceError> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > NAME_MAX {
        return Err(ServiceError::invalid("name", "err-passkey-name-length"));
    }
    Ok(name.to_owned())
}

impl Passkeys {
    /// `None` when SERVICE_DOMAIN has no domain name (an IP address cannot be a relying party).
    pub fn new(
        config: &crate::config::Config,
        pool: PgPool,
        sessions: Sessions,
        outbox: Outbox,
        throttle: Throttle,
    ) -> Option<Self> {
        let origin = Url::parse(&config.service_domain).ok()?;
        let rp_id = origin.domain()?.to_owned();
        let webauthn =
            WebauthnBuilder::new(&rp_id, &origin).ok()?.rp_name(&config.service_name).build().ok()?;
        let budget = Arc::new(Budget::new(config.passkey_sign_in_ceremonies_max));
        Some(Self { pool, webauthn: Arc::new(webauthn), sessions, outbox, throttle, budget })
    }

    pub async fn list(&self, user_id: Uuid) -> Result<Vec<store::Listed>, ServiceError> {
        Ok(store::list(&self.pool, user_id).await?)
    }

    /// Starts adding a passkey to the signed-in account (needs a proven address and a recent
    /// sign-in: a passkey added to an address nobody proved could be a stranger's, waiting).
    pub async fn start_registration(&self, auth: &Authenticated) -> Result<Challenge, ServiceError> {
        auth.require_verified()?;
        auth.require_recent_sign_in()?;
        let user = &auth.user;
        let exclude = store::ids(&self.pool, user.id).await?;
        let shown = user.display_name.as_deref().unwrap_or(&user.email);
        let (options, state) = self
            .webauthn
            .start_passkey_registration(user.id, &user.email, shown, Some(exclude))
            .map_err(|e| ServiceError::Internal(format!("passkey registration: {e}")))?;
        let state = serde_json::to_string(&state).expect("registration state serialises");
        let token = ceremony::begin(&self.pool, Kind::Register, Some(user.id), &state, None).await?;
        // Sign-in offers no list of credentials (the authenticator offers its own), so the key
        // must be discoverable: webauthn-rs asks for "discouraged" by default.
        let mut options = serde_json::to_value(&options).expect("options serialise");
        if let Some(selection) = options.pointer_mut("/publicKey/authenticatorSelection") {
            selection["residentKey"] = "required".into();
            selection["requireResidentKey"] = true.into();
        }
        Ok(Challenge { options: options.to_string(), token })
    }

    /// Finishes adding a passkey: the ceremony must be this browser's and this account's.
    pub async fn finish_registration(
        &self,
        auth: &Authenticated,
        id: &TokenHash,
        name: &str,
        credential: &str,
        client: &ClientInfo,
    ) -> Result<(), ServiceError> {
        let user = &auth.user;
        auth.require_verified()?;
        let name = if name.trim().is_empty() {
            device::describe_in(client.lang, &client.user_agent)
        } else {
            name_of(name)?
        };
        let started = ceremony::take(&self.pool, id, Kind::Register).await?;
        let started =
            started.filter(|s| s.user_id == Some(user.id)).ok_or(ServiceError::BadRequest(EXPIRED))?;
        let state: PasskeyRegistration = serde_json::from_str(&started.state).map_err(bad)?;
        let credential: RegisterPublicKeyCredential = serde_json::from_str(credential).map_err(bad)?;
        let passkey = self.webauthn.finish_passkey_registration(&credential, &state).map_err(bad)?;
        let mut change = Change::begin(&self.pool, &self.sessions.caches, client).await?;
        if !store::insert(change.db(), user.id, &name, &passkey).await? {
            return Err(ServiceError::Conflict("err-passkey-already-registered"));
        }
        change.record(user.id, EventKind::PasskeyAdded, &name).await?;
        let what = tr_args(user.lang, "notice-passkey-added", &[("name", name.as_str().into())]);
        let subject = tr(user.lang, "notice-passkey-added-subject");
        let mail = self.outbox.site.two_step_changed(user.lang, &user.email, subject, &what);
        change.mail(&self.outbox, &mail).await?;
        change.commit().await?;
        Ok(())
    }

    /// Starts a sign-in with any passkey of this site (the authenticator offers its own). Past
    /// the cap on unfinished sign-ins, a 503: the table of ceremonies stays bounded.
    pub async fn start_sign_in(&self, next: &str, client: &ClientInfo) -> Result<Challenge, ServiceError> {
        self.throttle.action(crate::auth::throttle::Action::PasskeyStart, client.ip)?;
        // Before taking a connection: a start waiting for the count must not hold one.
        let Some(admitted) = self.budget.admit(&self.pool).await? else {
            return Err(ServiceError::Unavailable(BUSY));
        };
        let (options, state) = self
            .webauthn
            .start_discoverable_authentication()
            .map_err(|e| ServiceError::Internal(format!("passkey sign-in: {e}")))?;
        let state = serde_json::to_string(&state).expect("authentication state serialises");
        let token = ceremony::begin(&self.pool, Kind::SignIn, None, &state, Some(next)).await?;
        drop(admitted);
        Ok(Challenge { options: serde_json::to_string(&options).expect("options serialise"), token })
    }

    /// Finishes a passkey sign-in: a full sign-in (no second code). Returns the session and
    /// where to go.
    pub async fn finish_sign_in(
        &self,
        id: &TokenHash,
        credential: &str,
        client: &ClientInfo,
    ) -> Result<(SessionToken, String), ServiceError> {
        if let Some(ip) = client.ip {
            self.throttle.sign_in_attempt(ip)?;
        }
        let started =
            ceremony::take(&self.pool, id, Kind::SignIn).await?.ok_or(ServiceError::BadRequest(EXPIRED))?;
        let state: DiscoverableAuthentication = serde_json::from_str(&started.state).map_err(bad)?;
        let credential: PublicKeyCredential = serde_json::from_str(credential).map_err(bad)?;
        let (user_id, cred_id) =
            self.webauthn.identify_discoverable_authentication(&credential).map_err(bad)?;
        let passkey =
            store::find(&self.pool, user_id, cred_id).await?.ok_or(ServiceError::BadRequest(FAILED))?;
        let result =
            self.webauthn.finish_discoverable_authentication_v2(&credential, state, &passkey).map_err(bad)?;
        self.record_use(passkey, &result).await?;
        let token = signed_in::start(
            &self.pool,
            &self.sessions,
            &self.outbox,
            user_id,
            client,
            SignInMethod::Passkey,
        )
        .await?;
        Ok((token, started.next.unwrap_or_else(|| "/".to_owned())))
    }

    /// Stores what a verified assertion changed (counter, backup state, last use). Two uses
    /// of one passkey at once both pass the counter check of the verification; only the one
    /// whose counter is still ahead of the stored one may write it, the other is refused.
    pub(super) async fn record_use(
        &self,
        mut passkey: Passkey,
        result: &AuthenticationResult,
    ) -> Result<(), ServiceError> {
        passkey.update_credential(result);
        if !store::used(&self.pool, &passkey, result.counter()).await? {
            return Err(bad("a concurrent use moved the counter past this one"));
        }
        Ok(())
    }

    pub async fn rename(&self, auth: &Authenticated, id: &[u8], name: &str) -> Result<(), ServiceError> {
        let name = name_of(name)?;
        if !store::rename(&self.pool, auth.user.id, id, &name).await? {
            return Err(ServiceError::NotFound);
        }
        Ok(())
    }

    /// Removes a passkey (needs a recent sign-in), never the account's last way in.
    pub async fn remove(
        &self,
        auth: &Authenticated,
        id: &[u8],
        client: &ClientInfo,
    ) -> Result<(), ServiceError> {
        auth.require_recent_sign_in()?;
        let user_id = auth.user.id;
        let mut change = Change::begin(&self.pool, &self.sessions.caches, client).await?;
        if !WaysIn::locked(change.db(), user_id).await?.allows_removing(Way::Passkey) {
            return Err(ServiceError::Conflict(LAST_WAY_IN));
        }
        if !store::remove(change.db(), user_id, id).await? {
            return Err(ServiceError::NotFound);
        }
        change.record(user_id, EventKind::PasskeyRemoved, "").await?;
        let lang = auth.user.lang;
        let (subject, what) =
            (tr(lang, "notice-passkey-removed-subject"), tr(lang, "notice-passkey-removed"));
        let mail = self.outbox.site.two_step_changed(lang, &auth.user.email, subject, what);
        change.mail(&self.outbox, &mail).await?;
        change.commit().await?;
        Ok(())
    }

    /// Removes the account's password, once a passkey (or Google) can sign in instead. Needs a
    /// recent sign-in; every other session ends.
    pub async fn remove_password(
        &self,
        auth: &Authenticated,
        client: &ClientInfo,
    ) -> Result<(), ServiceError> {
        auth.require_recent_sign_in()?;
        let user_id = auth.user.id;
        let mut change = Change::begin(&self.pool, &self.sessions.caches, client).await?;
        if !WaysIn::locked(change.db(), user_id).await?.allows_removing(Way::Password) {
            return Err(ServiceError::Conflict("err-password-last-way-in"));
        }
        users::remove_password(change.db(), user_id).await?;
        change.end_sessions(user_id, Keep::Device(auth.session.record.device_id)).await?;
        change.record(user_id, EventKind::PasswordRemoved, "").await?;
        let lang = auth.user.lang;
        let (subject, what) =
            (tr(lang, "notice-password-removed-subject"), tr(lang, "notice-password-removed"));
        let mail = self.outbox.site.two_step_changed(lang, &auth.user.email, subject, what);
        change.mail(&self.outbox, &mail).await?;
        change.user_changed(user_id);
        change.commit().await?;
        Ok(())
    }
}
