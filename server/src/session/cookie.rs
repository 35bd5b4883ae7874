//! The session cookie's name and attributes.

use std::time::Duration;

use axum::http::{HeaderMap, HeaderValue, header::COOKIE};
use cookie::{Cookie, SameSite};

#[derive(Clone, Debug)]
pub struct SessionCookie {
    pub name: &'static str,
    secure: bool,
    max_age: Duration,
}

impl SessionCookie {
    /// `__Host-session` with `Secure` on https; plain `session` for local http. The browser
    /// keeps it for the session's lifetime and renewal window, never past the absolute limit.
    pub fn new(https: bool, session_ttl: Duration, renewal_window: Duration, max_lifetime: Duration) -> Self {
        Self {
            name: if https { "__Host-session" } else { "session" },
            secure: https,
            max_age: (session_ttl + renewal_window).min(max_lifetime),
        }
    }

    pub fn for_config(config: &crate::config::Config) -> Self {
        Self::new(
            config.is_production(),
            config.session_ttl,
            config.session_renewal_window,
            config.session_max_lifetime,
        )
    }

    fn build(&self, value: String, max_age: Duration) -> HeaderValue {
        header(self.name, value, "/", self.secure, max_age)
    }

    /// True on https, where every cookie of ours is `Secure`.
    pub fn secure(&self) -> bool {
        self.secure
    }

    pub fn set(&self, value: String) -> HeaderValue {
        self.build(value, self.max_age)
    }

    pub fn clear(&self) -> HeaderValue {
        self.build(String::new(), Duration::ZERO)
    }

    /// The raw value of our cookie in the request, if present.
    pub fn read<'a>(&self, headers: &'a HeaderMap) -> Option<&'a str> {
        read_cookie(headers, self.name)
    }
}

/// A `Set-Cookie` value with the attributes every cookie of ours has: HttpOnly, SameSite=Lax (the
/// redirect back from an identity provider is a top-level GET, which carries Lax cookies), and
/// `Secure` on https.
pub fn header(name: &str, value: String, path: &str, secure: bool, max_age: Duration) -> HeaderValue {
    let cookie = Cookie::build((name, value))
        .http_only(true)
        .same_site(SameSite::Lax)
        .path(path)
        .secure(secure)
        .max_age(cookie::time::Duration::seconds(max_age.as_secs() as i64))
        .build();
    HeaderValue::from_str(&cookie.to_string()).expect("cookie values are ASCII")
}

/// The raw value of the cookie `name` in a request, if present.
pub fn read_cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|h| h.to_str().ok())
        .flat_map(|h| h.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(n, _)| *n == name)
        .map(|(_, value)| value)
}
