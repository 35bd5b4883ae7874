//! `GET /auth/google` starts a sign-in (a plain link, so it works without JavaScript);
//! `POST /auth/google/connect` starts connecting Google to the signed-in account. Both answer
//! with a redirect to the provider. The callback, `/auth/google/callback`, is a page of the
//! app that calls [`super::GoogleSignIn::finish`]. Without Google configured these routes are
//! not mounted, so they answer 404.

use axum::{
    Form, Router,
    extract::{FromRef, Query, State, rejection::FormRejection},
    http::{StatusCode, header},
    response::{IntoResponse, Redirect, Response},
    routing::{get, post},
};
use serde::Deserialize;

use super::GoogleSignIn;
use crate::{
    ServiceError,
    auth::{Throttle, throttle::Action},
    http::next::{encode_component, safe_next},
    session::{Auth, ClientInfo, recent::confirm_path},
    two_step::TwoStep,
};

/// What these routes use of the app's state.
#[derive(Clone)]
pub struct GoogleRoutes {
    pub google: Option<GoogleSignIn>,
    pub throttle: Throttle,
    pub two_step: TwoStep,
}

pub fn routes<S>(google: Option<&GoogleSignIn>) -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    GoogleRoutes: FromRef<S>,
{
    match google {
        Some(_) => {
            Router::new().route("/auth/google", get(start)).route("/auth/google/connect", post(connect))
        }
        None => Router::new(),
    }
}

#[derive(Deserialize)]
struct StartQuery {
    next: Option<String>,
}

fn to_provider(started: super::service::Started) -> Response {
    (StatusCode::SEE_OTHER, [(header::LOCATION, started.location)], [(header::SET_COOKIE, started.cookie)])
        .into_response()
}

/// Where a failed start sends the person: back to the page they came from, which shows why.
fn back(page: &str, error: ServiceError, next: Option<&str>) -> Response {
    error.log_refusal(None);
    let code = match error {
        ServiceError::Unavailable(_) => "unavailable",
        _ => "failed",
    };
    let next = next.map(|n| format!("&next={}", encode_component(n))).unwrap_or_default();
    Redirect::to(&format!("{page}?google={code}{next}")).into_response()
}

async fn start(
    State(state): State<GoogleRoutes>,
    client: ClientInfo,
    Query(query): Query<StartQuery>,
) -> Response {
    let Some(google) = &state.google else { return StatusCode::NOT_FOUND.into_response() };
    let next = safe_next(query.next.as_deref());
    // Each start inserts a row: limited per client address.
    if let Err(e) = state.throttle.action(Action::GoogleStart, client.ip) {
        return back("/login", e, (next != "/").then_some(next.as_str()));
    }
    match google.start(next.clone(), None).await {
        Ok(started) => to_provider(started),
        Err(e) => back("/login", e, (next != "/").then_some(next.as_str())),
    }
}

#[derive(Deserialize)]
struct ConnectForm {
    next: Option<String>,
}

/// Connects Google, which needs a recent sign-in; with Google already connected, signing in
/// with it again *is* the re-confirmation (how accounts without a password confirm), and the
/// person then goes on to `next`.
async fn connect(
    State(state): State<GoogleRoutes>,
    auth: Auth,
    client: ClientInfo,
    form: Result<Form<ConnectForm>, FormRejection>,
) -> Response {
    let Some(google) = &state.google else { return StatusCode::NOT_FOUND.into_response() };
    let Some(auth) = auth.0 else {
        return Redirect::to("/login?next=/account/security").into_response();
    };
    if let Err(e) = auth.require_verified() {
        e.log_refusal(Some(auth.user.id));
        // Where the person can resend the verification mail.
        return Redirect::to("/verify-email").into_response();
    }
    if let Err(e) = state.throttle.action(Action::GoogleStart, client.ip) {
        return back("/account/security", e, None);
    }
    let reconfirming = match google.connected(auth.user.id).await {
        Ok(connected) => connected.is_some(),
        Err(e) => return back("/account/security", e, None),
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
    // With two-step on, Google alone does not re-confirm: the confirm page asks for the code
    // first (`GoogleSignIn::start_reconfirm`).
    if reconfirming {
        match state.two_step.is_on(auth.user.id).await {
            Ok(true) => return Redirect::to(&confirm_path(&next)).into_response(),
            Ok(false) => {}
            Err(e) => return back("/account/security", e, None),
        }
    }
    match google.start(next, Some(auth.user.id)).await {
        Ok(started) => to_provider(started),
        Err(e) => back("/account/security", e, None),
    }
}
