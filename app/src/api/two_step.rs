//! Two-step verification: the code step of a sign-in, and turning it on and off.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::FormError;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TwoStepView {
    pub enabled: bool,
    pub codes_left: i64,
    /// Recovery codes to show until the person says they saved them.
    pub fresh_codes: Option<Vec<String>>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SetupView {
    /// The key in groups of four, for typing into an app.
    pub secret: String,
    /// The QR code, an SVG drawn on the server.
    pub qr_svg: String,
}

/// Whether this browser has a sign-in waiting for its code.
#[server]
pub async fn pending_sign_in() -> Result<bool, FormError> {
    use super::ssr::*;
    let state = state()?;
    let Some(id) = token_cookie(&state, server::two_step::pending::COOKIE) else { return Ok(false) };
    state.two_step.pending(&id).await.map_err(|e| fail(e, &[]))
}

/// The code step: an authenticator code, or a recovery code.
#[server]
pub async fn verify_sign_in(code: Option<String>, recovery_code: Option<String>) -> Result<(), FormError> {
    use super::ssr::*;
    let state = state()?;
    let expired = server::ServiceError::BadRequest(server::two_step::service::EXPIRED);
    let id = token_cookie(&state, server::two_step::pending::COOKIE).ok_or_else(|| fail(expired, &[]))?;
    let client = client().await;
    let done = state.two_step.complete_sign_in(&id, code.as_deref(), recovery_code.as_deref(), &client).await;
    let (token, next) = done.map_err(|e| fail(e, &[]))?;
    clear_token_cookie(&state, server::two_step::pending::COOKIE);
    set_session_cookie(&state, &token);
    leptos_axum::redirect(&next);
    Ok(())
}

#[server]
pub async fn two_step_status() -> Result<TwoStepView, FormError> {
    use super::ssr::*;
    let state = state()?;
    let auth = require_auth()?;
    let s = state.two_step.status(&auth).await.map_err(|e| fail(e, &[]))?;
    Ok(TwoStepView { enabled: s.enabled, codes_left: s.codes_left, fresh_codes: s.fresh_codes })
}

/// The secret being set up (the same on a reload until it is turned on).
#[server]
pub async fn two_step_setup() -> Result<SetupView, FormError> {
    use super::ssr::*;
    let state = state()?;
    let auth = require_auth()?;
    let s = state.two_step.setup(&auth).await.map_err(|e| fail(e, &[]))?;
    Ok(SetupView { secret: s.secret, qr_svg: s.qr_svg })
}

#[server]
pub async fn turn_on_two_step(code: String) -> Result<(), FormError> {
    use super::ssr::*;
    let state = state()?;
    let auth = require_auth()?;
    let client = client().await;
    state.two_step.turn_on(&auth, &code, &client).await.map_err(|e| fail(e, &[]))?;
    leptos_axum::redirect("/account/two-step");
    Ok(())
}

#[server]
pub async fn recovery_codes_saved() -> Result<(), FormError> {
    use super::ssr::*;
    let state = state()?;
    let auth = require_auth()?;
    state.two_step.codes_saved(&auth).await.map_err(|e| fail(e, &[]))?;
    leptos_axum::redirect("/account/two-step");
    Ok(())
}

#[server]
pub async fn regenerate_recovery_codes() -> Result<(), FormError> {
    use super::ssr::*;
    let state = state()?;
    let auth = require_auth()?;
    let client = client().await;
    match state.two_step.regenerate_codes(&auth, &client).await {
        Ok(()) => leptos_axum::redirect("/account/two-step"),
        Err(e) => return confirm_first(e, "/account/two-step"),
    }
    Ok(())
}

#[server]
pub async fn turn_off_two_step(code: String) -> Result<(), FormError> {
    use super::ssr::*;
    let state = state()?;
    let auth = require_auth()?;
    let client = client().await;
    match state.two_step.turn_off(&auth, &code, &client).await {
        Ok(()) => leptos_axum::redirect("/account/security"),
        Err(e) => return confirm_first(e, "/account/two-step"),
    }
    Ok(())
}
