//! The device list and password change on `/account/security`.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::{ActivityView, DeviceView, FormError};

/// The ways this account can re-confirm on the confirm page (beside its password, if any).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct WaysToConfirm {
    /// A code or a recovery code is asked with the password or a provider.
    pub two_step: bool,
    /// The providers connected to the account.
    pub providers: Vec<super::providers::ProviderView>,
    pub passkey: bool,
}

#[server]
pub async fn confirm_ways() -> Result<WaysToConfirm, FormError> {
    use super::ssr::*;
    let state = state()?;
    let auth = require_auth()?;
    let id = auth.user.id;
    let two_step = state.two_step.is_on(id).await.map_err(|e| fail(e, &[]))?;
    let providers = state
        .providers
        .connections(id)
        .await
        .map_err(|e| fail(e, &[]))?
        .into_iter()
        .filter(|(_, email)| email.is_some())
        .map(|(p, _)| super::providers::ProviderView { id: p.id, label: p.label })
        .collect();
    let passkey = match &state.passkeys {
        Some(passkeys) => !passkeys.list(id).await.map_err(|e| fail(e, &[]))?.is_empty(),
        None => false,
    };
    Ok(WaysToConfirm { two_step, providers, passkey })
}

#[server]
pub async fn list_devices() -> Result<Vec<DeviceView>, FormError> {
    use super::ssr::*;
    let state = state()?;
    let auth = require_auth()?;
    let current = auth.session.record.device_id;
    let rows = state.sessions.devices(auth.user.id).await.map_err(|e| fail(e, &[]))?;
    let mut devices: Vec<DeviceView> = rows
        .into_iter()
        .map(|d| DeviceView {
            id: d.device_id.to_string(),
            name: server::session::device::describe_in(crate::i18n::lang(), &d.user_agent),
            ip: d.ip.map(|ip| ip.ip().to_string()).unwrap_or_else(|| tr!("security-ip-unknown").into()),
            signed_in_at: time_view(d.created_at),
            last_active: time_view(d.last_seen_at),
            current: d.device_id == current,
            method: d.method.describe_in(crate::i18n::lang(), &state.sessions.names),
        })
        .collect();
    // This device first; the others stay by last activity, as the store sorts them.
    devices.sort_by_key(|d| !d.current);
    Ok(devices)
}

/// The account's last security events, newest first, in words.
#[server]
pub async fn recent_activity() -> Result<Vec<ActivityView>, FormError> {
    use super::ssr::*;
    let state = state()?;
    let auth = require_auth()?;
    let events = state.accounts.recent_activity(auth.user.id).await.map_err(|e| fail(e, &[]))?;
    let lang = crate::i18n::lang();
    Ok(events
        .iter()
        .map(|e| ActivityView { text: server::trail::words_in(lang, e), at: time_view(e.at) })
        .collect())
}

#[server]
pub async fn sign_out_device(device: String) -> Result<(), FormError> {
    use super::ssr::*;
    let state = state()?;
    let auth = require_auth()?;
    let Ok(device_id) = device.parse::<uuid::Uuid>() else {
        return Err(fail(server::ServiceError::NotFound, &[]));
    };
    if device_id == auth.session.record.device_id {
        return Err(fail(server::ServiceError::invalid("device", tr!("security-sign-out-this-device")), &[]));
    }
    let client = client().await;
    let trail = signed_out(&client, "one device");
    state.sessions.end_device(auth.user.id, device_id, Some(trail)).await.map_err(|e| fail(e, &[]))?;
    Ok(())
}

#[server]
pub async fn sign_out_other_devices() -> Result<(), FormError> {
    use super::ssr::*;
    let state = state()?;
    let auth = require_auth()?;
    let client = client().await;
    state
        .sessions
        .end_all_except(
            auth.user.id,
            Some(auth.session.record.device_id),
            Some(signed_out(&client, "all other devices")),
        )
        .await
        .map_err(|e| fail(e, &[]))?;
    Ok(())
}

#[server]
pub async fn sign_out_everywhere() -> Result<(), FormError> {
    use super::ssr::*;
    let state = state()?;
    let auth = require_auth()?;
    let client = client().await;
    let trail = signed_out(&client, "every device");
    state.sessions.end_all_except(auth.user.id, None, Some(trail)).await.map_err(|e| fail(e, &[]))?;
    clear_session_cookie(&state);
    leptos_axum::redirect("/login");
    Ok(())
}

/// Re-confirms on this device (the password, and a code or a recovery code when two-step is
/// on), then goes on to `next` (a path on this site).
#[server]
pub async fn confirm_password(
    password: String,
    next: String,
    code: Option<String>,
    recovery_code: Option<String>,
) -> Result<(), FormError> {
    use super::ssr::*;
    let state = state()?;
    let auth = require_auth()?;
    let client = client().await;
    let proof = server::two_step::Proof::from_form(code.as_deref(), recovery_code.as_deref());
    state
        .accounts
        .confirm_password(&auth, &password, (&state.two_step, proof), &client)
        .await
        .map_err(|e| fail(e, &[("next", &next)]))?;
    leptos_axum::redirect(&server::http::next::safe_next(Some(&next)));
    Ok(())
}

#[cfg(feature = "ssr")]
fn signed_out<'a>(client: &'a server::session::ClientInfo, detail: &'a str) -> server::session::Trail<'a> {
    server::session::Trail { kind: server::trail::EventKind::DevicesSignedOut, client, detail }
}

#[server]
pub async fn change_password(current_password: String, new_password: String) -> Result<(), FormError> {
    use super::ssr::*;
    let state = state()?;
    let auth = require_auth()?;
    let client = client().await;
    match state.accounts.change_password(&auth, &current_password, &new_password, &client).await {
        Ok(token) => {
            set_session_cookie(&state, &token);
            leptos_axum::redirect("/account/security?password_changed=1");
            Ok(())
        }
        Err(e) => Err(fail(e, &[])),
    }
}
