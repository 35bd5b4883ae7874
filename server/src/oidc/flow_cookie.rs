//! Binds a sign-in attempt to the browser that started it: the `state` travels to the provider
//! and back in the URL, and also sits in this signed, HttpOnly cookie scoped to the provider's
//! routes (`<id>_flow` on `/auth/<id>`).
//! A callback whose `state` differs from the cookie's (a link planted by someone else) is refused.

use std::time::Duration;

use axum::http::{HeaderMap, HeaderValue};
use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use ring::hmac;

use crate::http::cookies::{self as cookie, read_cookie};

/// How long a person may spend at the provider before the attempt expires.
pub const FLOW_TTL: Duration = Duration::from_secs(600);

#[derive(Clone)]
pub struct FlowCookie {
    key: hmac::Key,
    secure: bool,
    name: String,
    path: String,
}

impl FlowCookie {
    /// The cookie of the provider `id` (a [`crate::config::ProviderId`]: cookie- and path-safe).
    pub fn new(secret: &[u8], secure: bool, id: &str) -> Self {
        let root = hmac::Key::new(hmac::HMAC_SHA256, secret);
        // One key for every provider: the name and path keep the cookies apart, and `take`
        // checks that the attempt was started with the provider finishing it.
        let key = hmac::Key::new(hmac::HMAC_SHA256, hmac::sign(&root, b"oidc-flow-v1").as_ref());
        Self { key, secure, name: format!("{id}_flow"), path: format!("/auth/{id}") }
    }

    fn build(&self, value: String, max_age: Duration) -> HeaderValue {
        cookie::header(&self.name, value, &self.path, self.secure, max_age)
    }

    /// The cookie carrying `state` (which is URL-safe base64 from the OIDC library).
    pub fn set(&self, state: &str) -> HeaderValue {
        let tag = hmac::sign(&self.key, state.as_bytes());
        self.build(format!("{state}.{}", URL_SAFE_NO_PAD.encode(tag.as_ref())), FLOW_TTL)
    }

    pub fn clear(&self) -> HeaderValue {
        self.build(String::new(), Duration::ZERO)
    }

    /// The `state` in the request's cookie, if the cookie is ours and untampered.
    pub fn state(&self, headers: &HeaderMap) -> Option<String> {
        let value = read_cookie(headers, &self.name)?;
        let (state, tag) = value.rsplit_once('.')?;
        if state.is_empty() || state.len() > 128 || tag.len() > 64 {
            return None;
        }
        let tag = URL_SAFE_NO_PAD.decode(tag).ok()?;
        hmac::verify(&self.key, state.as_bytes(), &tag).ok()?;
        Some(state.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use axum::http::header::COOKIE;

    use super::*;

    fn request_with(set_cookie: &HeaderValue) -> HeaderMap {
        let pair = set_cookie.to_str().unwrap().split(';').next().unwrap().to_owned();
        let mut headers = HeaderMap::new();
        headers.insert(COOKIE, pair.parse().unwrap());
        headers
    }

    #[test]
    fn round_trips_and_refuses_tampering() {
        let cookie = FlowCookie::new(b"0123456789abcdef0123456789abcdef", false, "google");
        let set = cookie.set("abc_DEF-123");
        let text = set.to_str().unwrap();
        assert!(
            text.contains("HttpOnly") && text.contains("Path=/auth/google") && text.contains("SameSite=Lax")
        );
        assert_eq!(cookie.state(&request_with(&set)).as_deref(), Some("abc_DEF-123"));

        let other = FlowCookie::new(b"another secret key of 32 bytes!!", false, "google");
        assert_eq!(other.state(&request_with(&set)), None, "signed with another key");
        let forged = HeaderValue::from_static("google_flow=abc_DEF-124.AAAA");
        assert_eq!(cookie.state(&request_with(&forged)), None, "forged tag");
        assert_eq!(cookie.state(&HeaderMap::new()), None);
    }
}
