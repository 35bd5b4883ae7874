//! Security headers on every response. Pages get a Content-Security-Policy with a per-request
//! nonce from the shell (see `app`); anything else gets the strict default below. Responses
//! that are not static assets are `no-store` (signed-in pages and auth answers must not sit in
//! a shared or back-button cache), and https deployments send HSTS.

use std::sync::{Arc, OnceLock};

use axum::{
    extract::Request,
    http::{HeaderName, HeaderValue, header},
    response::Response,
};

use crate::config::Config;

/// What the policies depend on, fixed at start-up.
#[derive(Clone, Debug)]
pub struct HeaderRules {
    pub https: bool,
    /// `img-src`: ourselves, `data:` and the bucket's public (or presigning) origin.
    img_src: String,
    /// `connect-src`: ourselves, and outside production the live-reload socket of
    /// `cargo leptos watch`.
    connect_src: &'static str,
}

fn origin(url: &str) -> Option<String> {
    let parsed = reqwest::Url::parse(url).ok()?;
    Some(parsed.origin().ascii_serialization()).filter(|o| o != "null")
}

impl HeaderRules {
    pub fn new(config: &Config) -> Self {
        let bucket =
            config.bucket.as_ref().and_then(|b| origin(b.public_url.as_deref().unwrap_or(&b.endpoint)));
        let img_src = match bucket {
            Some(o) => format!("'self' data: {o}"),
            None => "'self' data:".to_owned(),
        };
        let https = config.is_production();
        Self { https, img_src, connect_src: if https { "'self'" } else { "'self' ws: wss:" } }
    }

    /// The policy for pages, given the nonce of the inline hydration script and the origin
    /// forms may be redirected to besides ours (the identity provider's; empty for none).
    pub fn page_policy(&self, nonce: &str, form_origin: &str) -> String {
        format!(
            "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
             style-src 'self'; img-src {}; connect-src {}; \
             object-src 'none'; base-uri 'self'; form-action 'self' {form_origin}; frame-ancestors 'none'",
            self.img_src, self.connect_src
        )
    }
}

const DEFAULT_POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; \
     base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

const HSTS: &str = "max-age=63072000; includeSubDomains";

/// Where the page shell leaves its policy (it knows the nonce Leptos put on the page's inline
/// scripts). It travels in the request's extensions, so the policy reaches the response
/// without depending on how the renderer copies headers.
#[derive(Clone)]
pub struct PagePolicy {
    slot: Arc<OnceLock<HeaderValue>>,
    rules: Arc<HeaderRules>,
}

impl PagePolicy {
    pub fn set(&self, nonce: &str, form_origin: &str) {
        if let Ok(value) = HeaderValue::from_str(&self.rules.page_policy(nonce, form_origin)) {
            let _ = self.slot.set(value);
        }
    }
}

/// Built files that may be cached; everything else is a page or an answer about someone.
fn is_static_asset(path: &str) -> bool {
    path.starts_with("/pkg/") || path == "/favicon.ico"
}

/// Before the handler: the slot where the page shell leaves its policy.
pub fn prepare(rules: &Arc<HeaderRules>, req: &mut Request) -> (PagePolicy, bool) {
    let page = PagePolicy { slot: Arc::default(), rules: rules.clone() };
    req.extensions_mut().insert(page.clone());
    (page, is_static_asset(req.uri().path()))
}

/// After the handler: the page's policy or the default one, and the other headers.
pub fn finish(rules: &HeaderRules, (page, cacheable): (PagePolicy, bool), res: &mut Response) {
    let h = res.headers_mut();
    if let Some(policy) = page.slot.get() {
        h.insert(header::CONTENT_SECURITY_POLICY, policy.clone());
    }
    let mut set = |name: HeaderName, value: &'static str| {
        h.entry(name).or_insert(HeaderValue::from_static(value));
    };
    set(header::CONTENT_SECURITY_POLICY, DEFAULT_POLICY);
    set(header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(header::REFERRER_POLICY, "strict-origin-when-cross-origin");
    set(header::X_FRAME_OPTIONS, "DENY");
    if !cacheable {
        set(header::CACHE_CONTROL, "no-store");
    }
    if rules.https {
        set(header::STRICT_TRANSPORT_SECURITY, HSTS);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_keep_scheme_host_and_port_only() {
        assert_eq!(origin("https://cdn.example.com/bucket/x").as_deref(), Some("https://cdn.example.com"));
        assert_eq!(origin("http://127.0.0.1:9000").as_deref(), Some("http://127.0.0.1:9000"));
        assert_eq!(origin("not a url"), None);
    }
}
