//! Sign-in providers (Google, GitHub, any OpenID Connect): which are offered, finishing the
//! provider's redirect, and the "Connected accounts" section. Starting a sign-in is a plain
//! link to `/auth/<provider>`.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::FormError;

/// A configured provider: its id (in routes and query flags) and what people read.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProviderView {
    pub id: String,
    pub label: String,
}

/// A provider in the "Connected accounts" section.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConnectionView {
    pub provider: ProviderView,
    /// The connected account's address there, if any.
    pub email: Option<String>,
}

/// The configured providers, in button order (none: no buttons).
#[server]
pub async fn sign_in_providers() -> Result<Vec<ProviderView>, ServerFnError> {
    let state = super::ssr::state().map_err(super::ssr::unavailable)?;
    Ok(state.providers.list().into_iter().map(|p| ProviderView { id: p.id, label: p.label }).collect())
}

/// Finishes the redirect back from the provider: signs in (or connects it) and redirects,
/// or answers with the reason it could not.
#[server]
pub async fn finish_sign_in(
    provider: String,
    code: Option<String>,
    state: Option<String>,
    error: Option<String>,
    user: Option<String>,
) -> Result<(), FormError> {
    use server::oidc::{CallbackParams, Finished};

    use super::ssr::{auth, client, fail, page_redirect, set_session_cookie};
    let app = super::ssr::state()?;
    let providers = &app.providers;
    let headers = super::ssr::with_request(|p| p.headers.clone()).unwrap_or_default();
    if let (Some(response), Some(clear)) =
        (use_context::<leptos_axum::ResponseOptions>(), providers.clear_cookie(&provider))
    {
        response.append_header(http::header::SET_COOKIE, clear);
    }
    let current = auth().map(|a| a.user.id);
    let client = client().await;
    let params = CallbackParams { code, state, error, user };
    match providers.finish(&provider, &headers, params, current, &client).await {
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
            page_redirect(&format!("/account/security?{provider}=connected"));
            Ok(())
        }
        Ok(Finished::Cancelled { back }) => {
            page_redirect(&back);
            Ok(())
        }
        Err(e) => Err(fail(e, &[])),
    }
}

/// "Continue with <provider>" on the confirm page of an account without a password: with
/// two-step on, the code (or a recovery code) first, then the provider's sign-in, whose return
/// re-confirms this device and goes on to `next`.
#[server]
pub async fn reconfirm_with_provider(
    provider: String,
    next: String,
    code: Option<String>,
    recovery_code: Option<String>,
) -> Result<(), FormError> {
    use super::ssr::*;
    let app = state()?;
    let auth = require_auth()?;
    let client = client().await;
    app.throttle
        .action(server::auth::throttle::Action::ProviderStart, client.ip)
        .map_err(|e| fail(e, &[("next", &next)]))?;
    let proof = server::two_step::Proof::from_form(code.as_deref(), recovery_code.as_deref());
    let to = server::http::next::safe_next(Some(&next));
    let started = app
        .providers
        .start_reconfirm(&provider, &auth, (&app.two_step, proof), to, &client)
        .await
        .map_err(|e| fail(e, &[("next", &next)]))?;
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.append_header(http::header::SET_COOKIE, started.cookie);
    }
    leptos_axum::redirect(&started.location);
    Ok(())
}

/// Every configured provider, with the account connected there (empty: none configured).
#[server]
pub async fn provider_connections() -> Result<Vec<ConnectionView>, FormError> {
    use super::ssr::*;
    let state = state()?;
    let auth = require_auth()?;
    let all = state.providers.connections(auth.user.id).await.map_err(|e| fail(e, &[]))?;
    Ok(all
        .into_iter()
        .map(|(p, email)| ConnectionView { provider: ProviderView { id: p.id, label: p.label }, email })
        .collect())
}

#[server]
pub async fn disconnect_provider(provider: String) -> Result<(), FormError> {
    use super::ssr::*;
    let state = state()?;
    let auth = require_auth()?;
    if !auth.signed_in_recently(chrono::Utc::now()) {
        if is_html_form_post() {
            leptos_axum::redirect(&server::session::confirm_path("/account/security"));
            return Ok(());
        }
        return Err(fail(server::ServiceError::NeedsRecentSignIn, &[]));
    }
    state.providers.disconnect(&provider, auth.user.id, &client().await).await.map_err(|e| fail(e, &[]))?;
    if is_html_form_post() {
        leptos_axum::redirect(&format!("/account/security?{provider}=disconnected"));
    }
    Ok(())
}
