//! Google sign-in: whether it is offered, finishing the provider's redirect, and the
//! "Connected accounts" section. Starting a sign-in is a plain link to `/auth/google`.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::FormError;

/// What the "Connected accounts" section shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GoogleStatus {
    /// The connected Google account's address, if any.
    pub email: Option<String>,
}

/// True when Google sign-in is configured (the buttons show only then).
#[server]
pub async fn google_enabled() -> Result<bool, ServerFnError> {
    let state = super::ssr::state().map_err(super::ssr::unavailable)?;
    Ok(state.google.is_some())
}

/// Finishes the redirect back from the provider: signs in (or connects Google) and redirects,
/// or answers with the reason it could not.
#[server]
pub async fn finish_google_sign_in(
    code: Option<String>,
    state: Option<String>,
    error: Option<String>,
) -> Result<(), FormError> {
    use server::oidc::{CallbackParams, Finished};

    use super::ssr::{auth, client, fail, page_redirect, set_session_cookie};
    let app = super::ssr::state()?;
    let Some(google) = app.google.as_ref() else {
        return Err(fail(server::ServiceError::NotFound, &[]));
    };
    let headers = super::ssr::with_request(|p| p.headers.clone()).unwrap_or_default();
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.append_header(http::header::SET_COOKIE, google.cookie().clear());
    }
    let current = auth().map(|a| a.user.id);
    let client = client().await;
    match google.finish(&headers, CallbackParams { code, state, error }, current, &client).await {
        Ok(Finished::SignedIn { token, next, .. }) => {
            set_session_cookie(&app, &token);
            page_redirect(&next);
            Ok(())
        }
        Ok(Finished::NeedsCode { pending }) => {
            super::ssr::set_token_cookie(
                &app,
                server::two_step::PENDING_COOKIE,
                &pending,
                server::two_step::PENDING_TTL,
            );
            page_redirect("/login/verify");
            Ok(())
        }
        Ok(Finished::Reconfirmed { next }) => {
            if let Some(auth) = auth() {
                app.sessions.reauthenticated(&auth).await.map_err(|e| fail(e, &[]))?;
            }
            page_redirect(&next);
            Ok(())
        }
        Ok(Finished::Linked { .. }) => {
            page_redirect("/account/security?google=connected");
            Ok(())
        }
        Ok(Finished::Cancelled { back }) => {
            page_redirect(&back);
            Ok(())
        }
        Err(e) => Err(fail(e, &[])),
    }
}

/// "Continue with Google" on the confirm page of an account without a password: with two-step
/// on, the code (or a recovery code) first, then Google's sign-in, whose return re-confirms
/// this device and goes on to `next`.
#[server]
pub async fn reconfirm_with_google(
    next: String,
    code: Option<String>,
    recovery_code: Option<String>,
) -> Result<(), FormError> {
    use super::ssr::*;
    let app = state()?;
    let auth = require_auth()?;
    let Some(google) = app.google.as_ref() else {
        return Err(fail(server::ServiceError::NotFound, &[]));
    };
    let client = client().await;
    app.throttle
        .action(server::auth::throttle::Action::GoogleStart, client.ip)
        .map_err(|e| fail(e, &[("next", &next)]))?;
    let proof = server::two_step::Proof::from_form(code.as_deref(), recovery_code.as_deref());
    let to = server::http::next::safe_next(Some(&next));
    let started = google
        .start_reconfirm(&auth, (&app.two_step, proof), to, &client)
        .await
        .map_err(|e| fail(e, &[("next", &next)]))?;
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.append_header(http::header::SET_COOKIE, started.cookie);
    }
    leptos_axum::redirect(&started.location);
    Ok(())
}

#[server]
pub async fn google_connection() -> Result<Option<GoogleStatus>, FormError> {
    use super::ssr::*;
    let state = state()?;
    let auth = require_auth()?;
    let Some(google) = state.google.as_ref() else { return Ok(None) };
    let email = google.connected(auth.user.id).await.map_err(|e| fail(e, &[]))?;
    Ok(Some(GoogleStatus { email }))
}

#[server]
pub async fn disconnect_google() -> Result<(), FormError> {
    use super::ssr::*;
    let state = state()?;
    let auth = require_auth()?;
    let Some(google) = state.google.as_ref() else {
        return Err(fail(server::ServiceError::NotFound, &[]));
    };
    if !auth.signed_in_recently(chrono::Utc::now()) {
        if is_html_form_post() {
            leptos_axum::redirect(&server::session::confirm_path("/account/security"));
            return Ok(());
        }
        return Err(fail(server::ServiceError::NeedsRecentSignIn, &[]));
    }
    google.disconnect(auth.user.id, &client().await).await.map_err(|e| fail(e, &[]))?;
    if is_html_form_post() {
        leptos_axum::redirect("/account/security?google=disconnected");
    }
    Ok(())
}
