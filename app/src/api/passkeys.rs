//! Passkeys: the two ceremonies (called by the passkey islands with `fetch`), and the list on
//! the security page (plain form posts).

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::FormError;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PasskeyView {
    /// The credential id (base64url), to rename or remove it.
    pub id: String,
    pub name: String,
    pub created: super::TimeView,
    pub last_used: Option<super::TimeView>,
}

#[cfg(feature = "ssr")]
fn service() -> Result<server::passkeys::Passkeys, FormError> {
    let state = super::ssr::state()?;
    state.passkeys.clone().ok_or_else(|| super::ssr::fail(server::ServiceError::NotFound, &[]))
}

#[cfg(feature = "ssr")]
fn credential_id(id: &str) -> Result<Vec<u8>, FormError> {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(id.trim())
        .map_err(|_| super::ssr::fail(server::ServiceError::NotFound, &[]))
}

/// The ceremony this browser started and names (`ceremony`), or "expired".
#[cfg(feature = "ssr")]
fn finishing(
    state: &server::AppState,
    ceremony: Option<&str>,
) -> Result<server::session::TokenHash, FormError> {
    let expired = server::ServiceError::BadRequest(server::passkeys::EXPIRED);
    super::ceremony_cookie::finishing(state, ceremony).ok_or_else(|| super::ssr::fail(expired, &[]))
}

/// Whether this deployment offers passkeys (SERVICE_DOMAIN has a domain name).
#[server]
pub async fn passkeys_enabled() -> Result<bool, FormError> {
    Ok(super::ssr::state()?.passkeys.is_some())
}

/// Options for `navigator.credentials.create` (JSON); the ceremony is bound to this browser.
#[server]
pub async fn passkey_registration_options() -> Result<String, FormError> {
    use super::ssr::*;
    let passkeys = service()?;
    let auth = require_auth()?;
    let challenge = passkeys.start_registration(&auth).await.map_err(|e| fail(e, &[]))?;
    Ok(super::ceremony_cookie::started(&state()?, &challenge.token, challenge.options))
}

/// `ceremony`: the name the options carried (none: the browser's newest ceremony).
#[server]
pub async fn add_passkey(
    name: String,
    credential: String,
    ceremony: Option<String>,
) -> Result<(), FormError> {
    use super::ssr::*;
    let state = state()?;
    let passkeys = service()?;
    let auth = require_auth()?;
    let id = finishing(&state, ceremony.as_deref())?;
    let client = client().await;
    passkeys.finish_registration(&auth, &id, &name, &credential, &client).await.map_err(|e| fail(e, &[]))
}

/// Options for `navigator.credentials.get` (JSON), for any passkey of this site.
#[server]
pub async fn passkey_sign_in_options(next: Option<String>) -> Result<String, FormError> {
    use super::ssr::*;
    let passkeys = service()?;
    let next = server::http::next::safe_next(next.as_deref());
    let client = client().await;
    let challenge = passkeys.start_sign_in(&next, &client).await.map_err(|e| fail(e, &[]))?;
    Ok(super::ceremony_cookie::started(&state()?, &challenge.token, challenge.options))
}

/// Signs in with the passkey the browser returned; answers where to go next. `ceremony`: the
/// name the options carried (none: the browser's newest ceremony).
#[server]
pub async fn sign_in_with_passkey(credential: String, ceremony: Option<String>) -> Result<String, FormError> {
    use super::ssr::*;
    let state = state()?;
    let passkeys = service()?;
    let id = finishing(&state, ceremony.as_deref())?;
    let client = client().await;
    let (token, next) = passkeys.finish_sign_in(&id, &credential, &client).await.map_err(|e| fail(e, &[]))?;
    set_session_cookie(&state, &token);
    Ok(next)
}

/// Options for "Confirm with a passkey": the signed-in account's passkeys only.
#[server]
pub async fn passkey_confirm_options(next: Option<String>) -> Result<String, FormError> {
    use super::ssr::*;
    let passkeys = service()?;
    let auth = require_auth()?;
    let next = server::http::next::safe_next(next.as_deref());
    let client = client().await;
    let challenge = passkeys.start_confirm(&auth, &next, &client).await.map_err(|e| fail(e, &[]))?;
    Ok(super::ceremony_cookie::started(&state()?, &challenge.token, challenge.options))
}

/// Re-confirms this device with one of the account's passkeys; answers where to go next.
#[server]
pub async fn confirm_with_passkey(credential: String, ceremony: Option<String>) -> Result<String, FormError> {
    use super::ssr::*;
    let state = state()?;
    let passkeys = service()?;
    let auth = require_auth()?;
    let id = finishing(&state, ceremony.as_deref())?;
    let client = client().await;
    passkeys.finish_confirm(&auth, &id, &credential, &client).await.map_err(|e| fail(e, &[]))
}

#[server]
pub async fn list_passkeys() -> Result<Vec<PasskeyView>, FormError> {
    use super::ssr::*;
    use base64::Engine;
    let auth = require_auth()?;
    let Some(passkeys) = state()?.passkeys.clone() else { return Ok(Vec::new()) };
    let rows = passkeys.list(auth.user.id).await.map_err(|e| fail(e, &[]))?;
    Ok(rows
        .into_iter()
        .map(|p| PasskeyView {
            id: base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&p.id),
            name: p.name,
            created: time_view(p.created_at),
            last_used: p.last_used_at.map(time_view),
        })
        .collect())
}

#[server]
pub async fn rename_passkey(id: String, name: String) -> Result<(), FormError> {
    use super::ssr::*;
    let passkeys = service()?;
    let auth = require_auth()?;
    passkeys
        .rename(&auth, &credential_id(&id)?, &name)
        .await
        .map_err(|e| fail(e, &[("name", name.trim())]))?;
    if is_html_form_post() {
        leptos_axum::redirect("/account/security");
    }
    Ok(())
}

#[server]
pub async fn remove_passkey(id: String) -> Result<(), FormError> {
    use super::ssr::*;
    let passkeys = service()?;
    let auth = require_auth()?;
    let client = client().await;
    match passkeys.remove(&auth, &credential_id(&id)?, &client).await {
        Ok(()) if is_html_form_post() => leptos_axum::redirect("/account/security"),
        Ok(()) => {}
        Err(e) => return confirm_first(e, "/account/security"),
    }
    Ok(())
}

#[server]
pub async fn remove_password() -> Result<(), FormError> {
    use super::ssr::*;
    let passkeys = service()?;
    let auth = require_auth()?;
    let client = client().await;
    match passkeys.remove_password(&auth, &client).await {
        Ok(()) if is_html_form_post() => leptos_axum::redirect("/account/security"),
        Ok(()) => {}
        Err(e) => return confirm_first(e, "/account/security"),
    }
    Ok(())
}
