//! Small self-contained error pages (no stylesheet or script: the app may be half down), each
//! with the request's reference, so support can find the log lines of what went wrong.

use axum::{
    http::{HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};

use crate::i18n::{Lang, tr, tr_args};

/// "Something went wrong." (the message of the page a bug gets).
pub const SOMETHING_WENT_WRONG: &str = "err-page-something-went-wrong";

/// `title` and `message` are message ids (the message is escaped here); the reference is a
/// request id (hex and dashes).
fn page(status: StatusCode, lang: Lang, title: &str, message: &str, reference: Option<&str>) -> Response {
    let reference = reference
        .filter(|r| r.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        .map(|r| {
            let code = format!("<code>{r}</code>");
            format!(" {}", tr_args(lang, "err-reference", &[("id", code.into())]))
        })
        .unwrap_or_default();
    let escape = |text: &str| text.replace('&', "&amp;").replace('<', "&lt;").replace('\'', "&#39;");
    let message = escape(tr(lang, message));
    let title = escape(tr(lang, title));
    let try_again = escape(tr(lang, "err-page-try-again"));
    let code = lang.code();
    let body = format!(
        "<!DOCTYPE html><html lang=\"{code}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title}</title></head><body>\
         <main><h1>{title}</h1><p role=\"alert\">{message}{reference}</p>\
         <p><a href=\"\">{try_again}</a></p></main></body></html>"
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
pub fn internal_error(lang: Lang, reference: Option<&str>) -> Response {
    let title = "err-page-something-went-wrong-title";
    page(StatusCode::INTERNAL_SERVER_ERROR, lang, title, SOMETHING_WENT_WRONG, reference)
}

/// The database cannot be reached: a 503 worth retrying in a moment. `message`: a message id.
pub fn unavailable(lang: Lang, message: &str, reference: Option<&str>) -> Response {
    let title = "err-page-unavailable-title";
    let mut res = page(StatusCode::SERVICE_UNAVAILABLE, lang, title, message, reference);
    res.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static("5"));
    res
}
