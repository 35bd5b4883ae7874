//! Two-step verification: the code step of a sign-in, turning it on and off, replacing a lost
//! authenticator, and recovery codes (shown once, by the page the answer leads to).

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::FormError;

/// The cookie that carries new recovery codes, sealed, to the one page view that shows them.
#[cfg(feature = "ssr")]
const FRESH_CODES: &str = "fresh_codes";
#[cfg(feature = "ssr")]
const FRESH_CODES_TTL: std::time::Duration = std::time::Duration::from_secs(120);

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TwoStepView {
    pub enabled: bool,
    pub codes_left: i64,
    /// Recovery codes just made by this browser: shown on this page view only.
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
    let Some(id) = token_cookie(&state, server::two_step::PENDING_COOKIE) else { return Ok(false) };
    state.two_step.pending(&id).await.map_err(|e| fail(e, &[]))
}

/// The code step: an authenticator code, or a recovery code.
#[server]
pub async fn verify_sign_in(code: Option<String>, recovery_code: Option<String>) -> Result<(), FormError> {
    use super::ssr::*;
    let state = state()?;
    let expired = server::ServiceError::BadRequest(server::two_step::EXPIRED);
    let id = token_cookie(&state, server::two_step::PENDING_COOKIE).ok_or_else(|| fail(expired, &[]))?;
    let client = client().await;
    let done = state.two_step.complete_sign_in(&id, code.as_deref(), recovery_code.as_deref(), &client).await;
    let (token, next) = match done {
        Ok(done) => done,
        Err(e @ server::ServiceError::BadRequest(server::two_step::TOO_MANY)) => {
            // The sign-in is over: the browser forgets it and starts again from the password.
            clear_token_cookie(&state, server::two_step::PENDING_COOKIE);
            return Err(fail(e, &[]));
        }
        Err(e) => return Err(fail(e, &[])),
    };
    clear_token_cookie(&state, server::two_step::PENDING_COOKIE);
    set_session_cookie(&state, &token);
    leptos_axum::redirect(&next);
    Ok(())
}

/// On or off, recovery codes left, and the codes this browser just made (then forgotten).
#[server]
pub async fn two_step_status() -> Result<TwoStepView, FormError> {
    use super::ssr::*;
    let state = state()?;
    let auth = require_auth()?;
    let s = state.two_step.status(&auth).await.map_err(|e| fail(e, &[]))?;
    let sealed =
        with_request(|p| server::http::cookies::read_cookie(&p.headers, FRESH_CODES).map(str::to_owned))
            .flatten();
    let fresh_codes = sealed.and_then(|v| state.two_step.open_fresh_codes(auth.user.id, &v));
    if fresh_codes.is_some() {
        clear_token_cookie(&state, FRESH_CODES);
    }
    Ok(TwoStepView { enabled: s.enabled, codes_left: s.codes_left, fresh_codes })
}

/// Whether re-confirming asks for a code as well.
#[server]
pub async fn two_step_enabled() -> Result<bool, FormError> {
    use super::ssr::*;
    let state = state()?;
    let auth = require_auth()?;
    state.two_step.is_on(auth.user.id).await.map_err(|e| fail(e, &[]))
}

/// The key this device is setting up (the same on a reload, for 10 minutes).
#[server]
pub async fn two_step_setup() -> Result<SetupView, FormError> {
    use super::ssr::*;
    let state = state()?;
    let auth = require_auth()?;
    let s = state.two_step.setup(&auth, false).await.map_err(|e| fail(e, &[]))?;
    Ok(SetupView { secret: s.secret, qr_svg: s.qr_svg })
}

/// The key of a new authenticator app that will replace the current one.
#[server]
pub async fn new_authenticator_setup() -> Result<SetupView, FormError> {
    use super::ssr::*;
    let state = state()?;
    let auth = require_auth()?;
    let s = state.two_step.setup(&auth, true).await.map_err(|e| fail(e, &[]))?;
    Ok(SetupView { secret: s.secret, qr_svg: s.qr_svg })
}

/// Carries new recovery codes to the page that shows them once (without JavaScript the answer
/// itself is a redirect, so they ride along sealed in a two-minute cookie).
#[cfg(feature = "ssr")]
fn show_once(state: &server::AppState, user_id: uuid::Uuid, codes: &[String]) {
    let sealed = state.two_step.seal_fresh_codes(user_id, codes);
    super::ssr::set_cookie_value(state, FRESH_CODES, sealed, FRESH_CODES_TTL);
}

/// Turns two-step on; answers the new recovery codes, shown once.
#[server]
pub async fn turn_on_two_step(code: String) -> Result<Vec<String>, FormError> {
    use super::ssr::*;
    let state = state()?;
    let auth = require_auth()?;
    let client = client().await;
    match state.two_step.turn_on(&auth, &code, &client).await {
        Ok(codes) => {
            show_once(&state, auth.user.id, &codes);
            leptos_axum::redirect("/account/two-step");
            Ok(codes)
        }
        Err(e) => confirm_first(e, "/account/two-step").map(|()| Vec::new()),
    }
}

/// The person saved the codes shown to them: back to the two-step page.
#[server]
pub async fn recovery_codes_saved() -> Result<(), FormError> {
    use super::ssr::*;
    let state = state()?;
    require_auth()?;
    clear_token_cookie(&state, FRESH_CODES);
    leptos_axum::redirect("/account/two-step");
    Ok(())
}

/// New recovery codes, answered (and shown) once.
#[server]
pub async fn regenerate_recovery_codes() -> Result<Vec<String>, FormError> {
    use super::ssr::*;
    let state = state()?;
    let auth = require_auth()?;
    let client = client().await;
    match state.two_step.regenerate_codes(&auth, &client).await {
        Ok(codes) => {
            show_once(&state, auth.user.id, &codes);
            leptos_axum::redirect("/account/two-step");
            Ok(codes)
        }
        Err(e) => confirm_first(e, "/account/two-step").map(|()| Vec::new()),
    }
}

/// Turns two-step off with a current code, or one recovery code when the phone is lost.
#[server]
pub async fn turn_off_two_step(code: Option<String>, recovery_code: Option<String>) -> Result<(), FormError> {
    use super::ssr::*;
    let state = state()?;
    let auth = require_auth()?;
    let client = client().await;
    let proof = server::two_step::Proof::from_form(code.as_deref(), recovery_code.as_deref());
    match state.two_step.turn_off(&auth, proof, &client).await {
        Ok(()) => leptos_axum::redirect("/account/security"),
        Err(e) => return confirm_first(e, "/account/two-step"),
    }
    Ok(())
}

/// A new authenticator app in place of a lost one: its first code, and a code from the old app
/// or one recovery code.
#[server]
pub async fn replace_authenticator(
    new_code: String,
    code: Option<String>,
    recovery_code: Option<String>,
) -> Result<(), FormError> {
    use super::ssr::*;
    let state = state()?;
    let auth = require_auth()?;
    let client = client().await;
    let proof = server::two_step::Proof::from_form(code.as_deref(), recovery_code.as_deref());
    match state.two_step.replace_authenticator(&auth, &new_code, proof, &client).await {
        Ok(()) => leptos_axum::redirect("/account/two-step?replaced=1"),
        Err(e) => return confirm_first(e, "/account/two-step?replace=1"),
    }
    Ok(())
}
