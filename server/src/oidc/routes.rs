//! `GET /auth/<provider>` starts a sign-in (a plain link, so it works without JavaScript);
//! `POST /auth/<provider>/connect` starts connecting the provider to the signed-in account. Both
//! answer with a redirect to the provider. The callback, `/auth/<provider>/callback`, is a page
//! of the app that calls [`super::SignInWith::finish`]. A provider that is not configured
//! answers 404.

use axum::{
    Form, Router,
    extract::{FromRef, Path, Query, State, rejection::FormRejection},
    http::{StatusCode, header},
    response::{IntoResponse, Redirect, Response},
    routing::{get, post},
};
use serde::Deserialize;

use super::SignInWith;
use crate::{
    ServiceError,
    auth::{Throttle, throttle::Action},
    http::next::{encode_component, safe_next},
    session::{Auth, ClientInfo, recent::confirm_path},
    two_step::TwoStep,
};

/// What these routes use of the app's state.
#[derive(Clone)]
pub struct ProviderRoutes {
    pub providers: SignInWith,
    pub throttle: Throttle,
    pub two_step: TwoStep,
}

pub fn routes<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    ProviderRoutes: FromRef<S>,
{
    Router::new()
        .route("/auth/{provider}", get(start))
        .route("/auth/{provider}/connect", post(connect))
        .route("/auth/{provider}/callback", post(posted_back))
}

#[derive(Deserialize)]
struct PostedBack {
    code: Option<String>,
    state: Option<String>,
    error: Option<String>,
    user: Option<String>,
}

/// A provider that posts its answer back (Apple's `response_mode=form_post`, a cross-site
/// POST, let through the CSRF guard for this path only): the same answer goes on as a GET to
/// the callback page, a top-level navigation that carries the `SameSite=Lax` flow cookie. This
/// handler changes nothing; the page checks everything as for any provider.
async fn posted_back(
    State(state): State<ProviderRoutes>,
    Path(id): Path<String>,
    form: Result<Form<PostedBack>, FormRejection>,
) -> Response {
    if state.providers.provider(&id).is_err() {
        return StatusCode::NOT_FOUND.into_response();
    }
    let Ok(Form(form)) = form else { return StatusCode::BAD_REQUEST.into_response() };
    let query: Vec<String> =
        [("code", form.code), ("state", form.state), ("error", form.error), ("user", form.user)]
            .into_iter()
            .filter_map(|(k, v)| {
                v.filter(|v| v.len() <= 4096).map(|v| format!("{k}={}", encode_component(&v)))
            })
            .collect();
    Redirect::to(&format!("/auth/{id}/callback?{}", query.join("&"))).into_response()
}

#[derive(Deserialize)]
struct StartQuery {
    next: Option<String>,
}

fn to_provider(started: super::service::Started) -> Response {
    (StatusCode::SEE_OTHER, [(header::LOCATION, started.location)], [(header::SET_COOKIE, started.cookie)])
        .into_response()
}

/// Where a failed start sends the person: back to the page they came from, which shows why
/// (`?<provider>=unavailable`: fixed codes, so a crafted link cannot put words on our pages).
fn back(page: &str, id: &str, error: ServiceError, next: Option<&str>) -> Response {
    error.log_refusal(None);
    let code = if error.is_unavailable() { "unavailable" } else { "failed" };
    let next = next.map(|n| format!("&next={}", encode_component(n))).unwrap_or_default();
    Redirect::to(&format!("{page}?{id}={code}{next}")).into_response()
}

async fn start(
    State(state): State<ProviderRoutes>,
    Path(id): Path<String>,
    client: ClientInfo,
    Query(query): Query<StartQuery>,
) -> Response {
    if state.providers.provider(&id).is_err() {
        return StatusCode::NOT_FOUND.into_response();
    }
    let next = safe_next(query.next.as_deref());
    // Each start inserts a row: limited per client address.
    if let Err(e) = state.throttle.action(Action::ProviderStart, client.ip) {
        return back("/login", &id, e, (next != "/").then_some(next.as_str()));
    }
    match state.providers.start(&id, next.clone(), None).await {
        Ok(started) => to_provider(started),
        Err(e) => back("/login", &id, e, (next != "/").then_some(next.as_str())),
    }
}

#[derive(Deserialize)]
struct ConnectForm {
    next: Option<String>,
}

/// Connects the provider, which needs a recent sign-in; with it already connected, signing in
/// with it again *is* the re-confirmation (how accounts without a password confirm), and the
/// person then goes on to `next`.
async fn connect(
    State(state): State<ProviderRoutes>,
    Path(id): Path<String>,
    auth: Auth,
    client: ClientInfo,
    form: Result<Form<ConnectForm>, FormRejection>,
) -> Response {
    let providers = &state.providers;
    if providers.provider(&id).is_err() {
        return StatusCode::NOT_FOUND.into_response();
    }
    let Some(auth) = auth.0 else {
        return Redirect::to("/login?next=/account/security").into_response();
    };
    if let Err(e) = auth.require_verified() {
        e.log_refusal(Some(auth.user.id));
        // Where the person can resend the verification mail.
        return Redirect::to("/verify-email").into_response();
    }
    if let Err(e) = state.throttle.action(Action::ProviderStart, client.ip) {
        return back("/account/security", &id, e, None);
    }
    let reconfirming = match providers.connected(&id, auth.user.id).await {
        Ok(connected) => connected.is_some(),
        Err(e) => return back("/account/security", &id, e, None),
    };
    if !reconfirming && !auth.signed_in_recently(chrono::Utc::now()) {
        ServiceError::NeedsRecentSignIn.log_refusal(Some(auth.user.id));
        return Redirect::to(&confirm_path("/account/security")).into_response();
    }
    let next = if reconfirming {
        safe_next(form.ok().and_then(|Form(f)| f.next).as_deref())
    } else {
        "/account/security".to_owned()
    };
    // With two-step on, the provider alone does not re-confirm: the confirm page asks for the
    // code first (`SignInWith::start_reconfirm`).
    if reconfirming {
        match state.two_step.is_on(auth.user.id).await {
            Ok(true) => return Redirect::to(&confirm_path(&next)).into_response(),
            Ok(false) => {}
            Err(e) => return back("/account/security", &id, e, None),
        }
    }
    match providers.start(&id, next, Some(auth.user.id)).await {
        Ok(started) => to_provider(started),
        Err(e) => back("/account/security", &id, e, None),
    }
}
