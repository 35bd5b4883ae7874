//! Small self-contained error pages (no stylesheet or script: the app may be half down), each
//! with the request's reference, so support can find the log lines of what went wrong.

use axum::{
    http::{HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};

pub const SOMETHING_WENT_WRONG: &str = "Something went wrong.";

/// `message` is plain text (escaped here); the reference is a request id (hex and dashes).
fn page(status: StatusCode, title: &str, message: &str, reference: Option<&str>) -> Response {
    let reference = reference
        .filter(|r| r.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        .map(|r| format!(" Reference: <code>{r}</code>"))
        .unwrap_or_default();
    let message = message.replace('&', "&amp;").replace('<', "&lt;").replace('\'', "&#39;");
    let body = format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title}</title></head><body>\
         <main><h1>{title}</h1><p role=\"alert\">{message}{reference}</p>\
         <p><a href=\"\">Try again</a></p></main></body></html>"
    );
    let mut res = (status, body).into_response();
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8"));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    // Nothing to load: the strictest policy (the edge layer keeps headers already set).
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'none'; frame-ancestors 'none'"),
    );
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    res
}

/// The answer to a bug (a panic): a 500 that says nothing about what failed.
pub fn internal_error(reference: Option<&str>) -> Response {
    page(StatusCode::INTERNAL_SERVER_ERROR, "Something went wrong", SOMETHING_WENT_WRONG, reference)
}

/// The database cannot be reached: a 503 worth retrying in a moment.
pub fn unavailable(message: &str, reference: Option<&str>) -> Response {
    let mut res = page(StatusCode::SERVICE_UNAVAILABLE, "Temporarily unavailable", message, reference);
    res.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static("5"));
    res
}
