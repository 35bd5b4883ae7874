//! Server-side helpers shared by the server functions.

use http::header::{ACCEPT, SET_COOKIE};
use leptos::prelude::*;
use leptos_axum::ResponseOptions;
use server::{
    AppState, ServiceError,
    session::{Auth, Authenticated, ClientInfo, SessionToken},
};

use super::FormError;

pub fn state() -> Result<AppState, FormError> {
    use_context::<AppState>().ok_or_else(|| FormError::message(crate::tr!("err-server-misconfigured")))
}

/// Reads the request being answered without cloning it (`use_context` would copy every
/// header and extension: measurable on every page).
pub fn with_request<T>(read: impl FnOnce(&http::request::Parts) -> T) -> Option<T> {
    with_context::<http::request::Parts, T>(read)
}

/// The request's session, resolved once by the session middleware and left in the request's
/// extensions: reading it is synchronous, for server functions and page rendering alike.
pub fn auth() -> Option<Authenticated> {
    with_request(|p| p.extensions.get::<Auth>().and_then(|a| a.0.clone())).flatten()
}

/// The signed-in person, unless their account waits to be deleted: nothing but keeping or
/// deleting it works then ([`auth`] for those two).
pub fn require_auth() -> Result<Authenticated, FormError> {
    match auth() {
        Some(a) if a.user.deletion_due_at.is_some() => {
            Err(fail(ServiceError::Forbidden(server::profile::deletion::SCHEDULED), &[]))
        }
        Some(a) => Ok(a),
        None => Err(fail(ServiceError::Unauthorized, &[])),
    }
}

pub async fn client() -> ClientInfo {
    leptos_axum::extract::<ClientInfo>().await.unwrap_or_default()
}

/// True for a plain HTML form post (JavaScript off): errors then travel in a redirect.
pub fn is_html_form_post() -> bool {
    with_request(|p| {
        p.method == http::Method::POST
            && p.headers.get(ACCEPT).and_then(|v| v.to_str().ok()).is_some_and(|v| v.contains("text/html"))
    })
    .unwrap_or(false)
}

/// Maps a service error to the form error and HTTP status the browser gets (and logs failed
/// proofs and refusals, see `ServiceError::log_refusal`). Plain form posts keep the redirect
/// status so the browser returns to the form, which shows the error.
pub fn fail(error: ServiceError, values: &[(&str, &str)]) -> FormError {
    let user = with_request(|p| p.extensions.get::<Auth>().and_then(|a| a.0.as_ref().map(|a| a.user.id)));
    error.log_refusal(user.flatten());
    if !is_html_form_post()
        && let Some(response) = use_context::<ResponseOptions>()
    {
        response.set_status(error.status());
    }
    let mut message = error.user_message(crate::i18n::lang());
    if (matches!(error, ServiceError::Internal(_)) || error.is_unavailable())
        && let Some(id) =
            with_request(|p| server::http::request_id::of(&p.headers).map(str::to_owned)).flatten()
    {
        // Support finds the log lines of what went wrong by this reference.
        message = format!("{message} {}", crate::tr!("err-reference", id = id));
    }
    let code = match error {
        ServiceError::EmailTaken => Some("email_taken".to_owned()),
        // The form shows a link to resend the verification mail.
        ServiceError::Unverified => Some("unverified".to_owned()),
        // Scripts (the passkey island) send the person to confirm their password first.
        ServiceError::NeedsRecentSignIn => Some("recent_sign_in".to_owned()),
        // The admin pages answer these as "not found" and "set up a second factor".
        ServiceError::NotFound => Some("not_found".to_owned()),
        ServiceError::Forbidden(_) => Some("forbidden".to_owned()),
        _ => None,
    };
    let (message, fields) = match error.field() {
        Some(field) => (None, vec![(field.to_owned(), message)]),
        None => (Some(message), vec![]),
    };
    FormError {
        message,
        fields,
        values: values.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect(),
        code,
    }
}

pub fn set_session_cookie(state: &AppState, token: &SessionToken) {
    if let Some(response) = use_context::<ResponseOptions>() {
        response.append_header(SET_COOKIE, state.sessions.session_cookie(token));
    }
}

/// A short-lived cookie of our own that carries a signed random token (the code step's pending
/// sign-in, a passkey ceremony): never a session, and only its hash is stored.
pub fn set_token_cookie(state: &AppState, name: &str, token: &SessionToken, ttl: std::time::Duration) {
    set_cookie_value(state, name, state.sessions.sign(token), ttl);
}

pub fn clear_token_cookie(state: &AppState, name: &str) {
    set_cookie_value(state, name, String::new(), std::time::Duration::ZERO);
}

pub fn set_cookie_value(state: &AppState, name: &str, value: String, ttl: std::time::Duration) {
    if let Some(response) = use_context::<ResponseOptions>() {
        response.append_header(SET_COOKIE, state.sessions.cookie_header(name, value, ttl));
    }
}

/// The hash of the token in the cookie `name`, if the cookie is genuine.
pub fn token_cookie(state: &AppState, name: &str) -> Option<server::session::TokenHash> {
    with_request(|p| state.sessions.token_in(&p.headers, name)).flatten()
}

/// A server function that needs a recent sign-in: a plain form post goes to confirm the
/// password and comes back to `next`; scripts get the error (code `recent_sign_in`).
pub fn confirm_first(error: ServiceError, next: &str) -> Result<(), FormError> {
    match error {
        ServiceError::NeedsRecentSignIn if is_html_form_post() => {
            leptos_axum::redirect(&server::session::confirm_path(next));
            Ok(())
        }
        other => Err(fail(other, &[])),
    }
}

pub fn clear_session_cookie(state: &AppState) {
    if let Some(response) = use_context::<ResponseOptions>() {
        response.append_header(SET_COOKIE, state.sessions.signed_out_cookie());
    }
}

/// `t` as the pages show it, relative to now.
pub fn time_view(t: chrono::DateTime<chrono::Utc>) -> super::TimeView {
    super::TimeView {
        iso: t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        utc: server::trail::exact(t),
        ago: server::i18n::moments::ago(crate::i18n::lang(), t, chrono::Utc::now()),
    }
}

/// A failure on our side for server functions that return `ServerFnError`: answered 503, so it
/// is never mistaken for a malformed request (which the decode-error layer turns into 400).
pub fn unavailable(message: impl std::fmt::Display) -> leptos::prelude::ServerFnError {
    if let Some(response) = use_context::<ResponseOptions>() {
        response.set_status(http::StatusCode::SERVICE_UNAVAILABLE);
    }
    leptos::prelude::ServerFnError::new(message.to_string())
}

/// A redirect from a page being rendered (a GET), whatever the client accepts: `redirect`
/// alone answers 200 with a Location header to clients that do not ask for HTML.
pub fn page_redirect(path: &str) {
    leptos_axum::redirect(path);
    let is_get = with_request(|p| p.method == http::Method::GET).unwrap_or(false);
    if is_get && let Some(response) = use_context::<ResponseOptions>() {
        response.set_status(http::StatusCode::SEE_OTHER);
    }
}
