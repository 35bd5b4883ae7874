//! What a response sets in the browser: the session cookie, and the short-lived signed cookies
//! of other steps (a pending code step, passkey ceremonies). The signing key and the cookie's
//! attributes stay in here; callers hand over tokens and get header values back.

use std::time::Duration;

use axum::http::{HeaderMap, HeaderValue};

use super::{SessionToken, Sessions, TokenHash};
use crate::http::cookies as cookie;

impl Sessions {
    /// The `Set-Cookie` value that signs this browser in with `token`.
    pub fn session_cookie(&self, token: &SessionToken) -> HeaderValue {
        self.cookie.set(self.keys.sign(token))
    }

    /// The `Set-Cookie` value that removes the session cookie.
    pub fn signed_out_cookie(&self) -> HeaderValue {
        self.cookie.clear()
    }

    /// A cookie `name` of ours holding `value` for `ttl` (zero removes it), with the session
    /// cookie's attributes (HttpOnly, SameSite=Lax, Secure in production).
    pub fn cookie_header(&self, name: &str, value: String, ttl: Duration) -> HeaderValue {
        cookie::header(name, value, "/", self.cookie.secure(), ttl)
    }

    /// True when cookies carry `Secure` (production).
    pub fn cookies_secure(&self) -> bool {
        self.cookie.secure()
    }

    /// `token` signed, for a cookie.
    pub fn sign(&self, token: &SessionToken) -> String {
        self.keys.sign(token)
    }

    /// The token of a signed cookie value, if genuine.
    pub fn verify(&self, value: &str) -> Option<SessionToken> {
        self.keys.verify(value)
    }

    /// The hash of the token in our cookie `name` among `headers`, if the cookie is genuine.
    pub fn token_in(&self, headers: &HeaderMap, name: &str) -> Option<TokenHash> {
        let value = cookie::read_cookie(headers, name)?;
        self.keys.verify(value).map(|token| token.hash())
    }
}
