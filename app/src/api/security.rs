//! The device list and password change on `/account/security`.

use leptos::prelude::*;

use super::{DeviceView, FormError};

#[server]
pub async fn list_devices() -> Result<Vec<DeviceView>, FormError> {
    use super::ssr::*;
    let state = state()?;
    let auth = require_auth()?;
    let current = auth.session.record.device_id;
    let rows = state.sessions.devices(auth.user.id).await.map_err(|e| fail(e, &[]))?;
    Ok(rows
        .into_iter()
        .map(|d| DeviceView {
            id: d.device_id.to_string(),
            name: server::session::device::describe(&d.user_agent),
            ip: d.ip.map(|ip| ip.ip().to_string()).unwrap_or_else(|| "unknown".into()),
            signed_in_at: format_time(d.created_at),
            last_active: format_time(d.last_seen_at),
            current: d.device_id == current,
        })
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
        return Err(fail(
            server::ServiceError::invalid("device", "Use “Sign out” in the header to sign out this device."),
            &[],
        ));
    }
    state.sessions.end_device(auth.user.id, device_id).await.map_err(|e| fail(e, &[]))?;
    Ok(())
}

#[server]
pub async fn sign_out_other_devices() -> Result<(), FormError> {
    use super::ssr::*;
    let state = state()?;
    let auth = require_auth()?;
    state
        .sessions
        .end_all_except(auth.user.id, Some(auth.session.record.device_id))
        .await
        .map_err(|e| fail(e, &[]))?;
    Ok(())
}

#[server]
pub async fn sign_out_everywhere() -> Result<(), FormError> {
    use super::ssr::*;
    let state = state()?;
    let auth = require_auth()?;
    state.sessions.end_all_except(auth.user.id, None).await.map_err(|e| fail(e, &[]))?;
    clear_session_cookie(&state);
    leptos_axum::redirect("/login");
    Ok(())
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
