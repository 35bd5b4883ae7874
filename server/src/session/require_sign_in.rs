//! Signed-out visits to account pages are redirected to sign-in (and unverified ones to
//! `/verify-email`), and an account waiting to be deleted sees only the page that keeps or
//! deletes it, on the server, before any
//! rendering; in the browser the router does the same (see `app`).

use axum::{
    extract::Request,
    http::{Method, StatusCode, header::LOCATION},
    middleware::Next,
    response::{IntoResponse, Response},
};

use super::Auth;
use crate::http::next::encode_component;

fn protected(path: &str) -> bool {
    path == "/account" || path.starts_with("/account/")
}

/// The page an account waiting to be deleted is sent to from every other page.
pub const DELETION_PAGE: &str = "/account/deletion";

/// Pages and files an account waiting to be deleted may still open.
fn open_while_deleting(path: &str) -> bool {
    path == DELETION_PAGE || path.starts_with("/pkg/") || path.starts_with("/api/") || path == "/favicon.ico"
}

pub async fn guard(req: Request, next: Next) -> Response {
    let user = req.extensions().get::<Auth>().and_then(|a| a.0.as_ref().map(|a| a.user.clone()));
    if req.method() == Method::GET && user.as_ref().is_some_and(|u| u.deletion_due_at.is_some()) {
        if open_while_deleting(req.uri().path()) {
            return next.run(req).await;
        }
        return (StatusCode::SEE_OTHER, [(LOCATION, DELETION_PAGE.to_owned())]).into_response();
    }
    if req.method() != Method::GET || !protected(req.uri().path()) {
        return next.run(req).await;
    }
    match user {
        Some(u) if u.email_verified_at.is_some() => return next.run(req).await,
        // Until the address is verified, account pages send the person to check their inbox.
        Some(_) => return (StatusCode::SEE_OTHER, [(LOCATION, "/verify-email".to_owned())]).into_response(),
        None => {}
    }
    let target = req.uri().path_and_query().map(|p| p.as_str()).unwrap_or("/account");
    let location = format!("/login?next={}", encode_component(target));
    (StatusCode::SEE_OTHER, [(LOCATION, location)]).into_response()
}
