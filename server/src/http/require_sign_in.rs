//! Signed-out visits to account pages are redirected to sign-in on the server, before any
//! rendering; in the browser the router does the same (see `app`).

use axum::{
    extract::Request,
    http::{Method, StatusCode, header::LOCATION},
    middleware::Next,
    response::{IntoResponse, Response},
};

use crate::session::Auth;

fn protected(path: &str) -> bool {
    path == "/account" || path.starts_with("/account/")
}

pub async fn guard(req: Request, next: Next) -> Response {
    let signed_in = req.extensions().get::<Auth>().is_some_and(|a| a.0.is_some());
    if signed_in || req.method() != Method::GET || !protected(req.uri().path()) {
        return next.run(req).await;
    }
    let target = req.uri().path_and_query().map(|p| p.as_str()).unwrap_or("/account");
    let location = format!("/login?next={}", encode_component(target));
    (StatusCode::SEE_OTHER, [(LOCATION, location)]).into_response()
}

/// Percent-encodes everything but unreserved characters and '/'.
pub fn encode_component(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}
