//! Cross-site request forgery guard: a state-changing request must come from our own pages.
//! Allowed when `Origin` matches SERVICE_DOMAIN, or (no Origin) `Referer` is under it, or the
//! browser says `Sec-Fetch-Site: same-origin`. Otherwise 403 before any handler runs.

use axum::{
    extract::{Request, State},
    http::{HeaderMap, Method, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
};

use std::sync::Arc;

use crate::Config;

pub fn is_same_site(headers: &HeaderMap, service_domain: &str) -> bool {
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    if header("sec-fetch-site") == Some("same-origin") {
        return true;
    }
    match header("origin") {
        Some(origin) => origin == service_domain,
        None => header("referer")
            .is_some_and(|r| r == service_domain || r.starts_with(&format!("{service_domain}/"))),
    }
}

/// `POST /auth/<provider>/callback`: a provider posting its answer back (Apple's `form_post`)
/// comes from the provider's site. The handler only turns it into a GET of the callback page,
/// where state, flow cookie and code are checked as for any provider.
fn is_posted_back(path: &str) -> bool {
    let mut parts = path.split('/');
    matches!(
        (parts.next(), parts.next(), parts.next(), parts.next(), parts.next()),
        (Some(""), Some("auth"), Some(id), Some("callback"), None) if !id.is_empty()
    )
}

pub async fn guard(State(config): State<Arc<Config>>, req: Request, next: Next) -> Response {
    let safe = matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if safe || is_same_site(req.headers(), &config.service_domain) || is_posted_back(req.uri().path()) {
        return next.run(req).await;
    }
    // The request span names the path and carries the request id.
    let origin = req.headers().get("origin").and_then(|v| v.to_str().ok()).unwrap_or("");
    let origin = origin.get(..origin.len().min(200)).unwrap_or("");
    tracing::warn!(target: "security", method = %req.method(), origin, "refused a cross-site request");
    let lang = req.extensions().get::<crate::i18n::Lang>().copied().unwrap_or_default();
    (StatusCode::FORBIDDEN, crate::i18n::tr(lang, "err-cross-site")).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, v.parse().unwrap());
        }
        h
    }

    #[test]
    fn only_a_provider_callback_may_be_posted_from_elsewhere() {
        assert!(is_posted_back("/auth/apple/callback"));
        assert!(!is_posted_back("/auth/apple/connect"));
        assert!(!is_posted_back("/auth//callback"));
        assert!(!is_posted_back("/auth/apple/callback/x"));
        assert!(!is_posted_back("/api/sign_out"));
    }

    #[test]
    fn accepts_same_origin_and_refuses_others() {
        let d = "https://app.example.com";
        assert!(is_same_site(&headers(&[("origin", "https://app.example.com")]), d));
        assert!(is_same_site(&headers(&[("referer", "https://app.example.com/login")]), d));
        assert!(is_same_site(&headers(&[("sec-fetch-site", "same-origin")]), d));
        assert!(!is_same_site(&headers(&[("origin", "https://evil.example")]), d));
        assert!(!is_same_site(&headers(&[("referer", "https://app.example.com.evil.example/")]), d));
        assert!(!is_same_site(
            &headers(&[("origin", "https://evil.example"), ("referer", "https://app.example.com/")]),
            d
        ));
        assert!(!is_same_site(&headers(&[("sec-fetch-site", "cross-site")]), d));
        assert!(!is_same_site(&HeaderMap::new(), d));
    }
}
