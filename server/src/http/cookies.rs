//! Reading and writing our cookies: every one is HttpOnly and SameSite=Lax, and Secure on https.

use std::time::Duration;

use axum::http::{HeaderMap, HeaderValue, header::COOKIE};
use cookie::{Cookie, SameSite};

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
