//! Security headers on every response. Pages get a Content-Security-Policy with a per-request
//! nonce from the shell (see `app`); anything else gets the strict default below.

use std::sync::{Arc, OnceLock};

use axum::{
    extract::Request,
    http::{HeaderName, HeaderValue, header},
    middleware::Next,
    response::Response,
};

/// The policy for pages, given the nonce of the inline hydration script and the origin forms
/// may be redirected to besides ours (the identity provider's; empty for none).
pub fn page_policy(nonce: &str, form_origin: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data: https:; connect-src 'self' ws: wss:; \
         object-src 'none'; base-uri 'self'; form-action 'self' {form_origin}; frame-ancestors 'none'"
    )
}

const DEFAULT_POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; \
     base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/// Where the page shell leaves its policy (it knows the nonce Leptos put on the page's inline
/// scripts). It travels in the request's extensions, so the policy reaches the response
/// without depending on how the renderer copies headers.
#[derive(Clone, Default)]
pub struct PagePolicy(Arc<OnceLock<HeaderValue>>);

impl PagePolicy {
    pub fn set(&self, nonce: &str, form_origin: &str) {
        if let Ok(value) = HeaderValue::from_str(&page_policy(nonce, form_origin)) {
            let _ = self.0.set(value);
        }
    }
}

pub async fn apply(mut req: Request, next: Next) -> Response {
    let page = PagePolicy::default();
    req.extensions_mut().insert(page.clone());
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    if let Some(policy) = page.0.get() {
        h.insert(header::CONTENT_SECURITY_POLICY, policy.clone());
    }
    let mut set = |name: HeaderName, value: &'static str| {
        h.entry(name).or_insert(HeaderValue::from_static(value));
    };
    set(header::CONTENT_SECURITY_POLICY, DEFAULT_POLICY);
    set(header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(header::REFERRER_POLICY, "strict-origin-when-cross-origin");
    set(header::X_FRAME_OPTIONS, "DENY");
    res
}
