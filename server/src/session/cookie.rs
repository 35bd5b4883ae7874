//! The session cookie's name and attributes.

use std::time::Duration;

use axum::http::{HeaderMap, HeaderValue};

use crate::http::cookies::{header, read_cookie};

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
