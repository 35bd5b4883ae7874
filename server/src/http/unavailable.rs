//! The answer when the database cannot be reached while reading who is signed in: a 503 that
//! says so, never a page rendered as signed out (which a person would take for a sign-out).

use axum::{
    http::{HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};

pub const DATABASE_MESSAGE: &str = "We can't reach our database right now. Please try again in a moment.";

/// A small self-contained page (no stylesheet or script: the app may be half down), with the
/// request's reference for support.
pub fn database_unavailable(reference: Option<&str>) -> Response {
    let reference = reference.map(|r| format!("<p>Reference: <code>{r}</code></p>")).unwrap_or_default();
    let body = format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>Temporarily unavailable</title></head><body>\
         <main><h1>Temporarily unavailable</h1><p role=\"alert\">{}</p>{reference}\
         <p><a href=\"\">Try again</a></p></main></body></html>",
        DATABASE_MESSAGE.replace('\'', "&#39;")
    );
    let mut res = (StatusCode::SERVICE_UNAVAILABLE, body).into_response();
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8"));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(header::RETRY_AFTER, HeaderValue::from_static("5"));
    res
}
