//! Form errors and notices travel in a short-lived signed cookie, not in the URL. A form post
//! that fails answers with a redirect back to the form; Leptos puts the error (and what was
//! typed) in that redirect's query (`__path`, `__err`), a changed address is announced with
//! `?email_sent=…`, a spent email link with `?done=…`, a deleted account with `?deleted=1`. Left in the URL, anyone could put any words on our pages with a crafted
//! link. This layer moves those parameters of a redirect into a `flash` cookie (HMAC-signed,
//! 60 s, bound to the redirect's path), drops them from every incoming URL, and puts them back
//! into the request only for the page the cookie was made for, once. Forms keep working with
//! JavaScript off, and keep what was typed (passwords never travel at all).

use std::time::Duration;

use axum::{
    extract::Request,
    http::{HeaderValue, Method, Uri, header},
    response::Response,
};
use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use ring::hmac;

use super::cookies as cookie;

/// Query parameters that only a signed cookie may carry.
pub const PARAMS: [&str; 6] = ["__path", "__err", "email_sent", "done", "deleted", "resent"];
pub const NAME: &str = "flash";
const MAX_AGE: Duration = Duration::from_secs(60);
/// Beyond this the value would not fit a cookie: the parameters then stay in the URL.
const MAX_VALUE: usize = 3800;

#[derive(Clone)]
pub struct Flash {
    key: hmac::Key,
    secure: bool,
}

fn is_flash_pair(pair: &str) -> bool {
    let name = pair.split('=').next().unwrap_or(pair);
    PARAMS.contains(&name)
}

/// The path of a `Location` (absolute or not), without query or fragment.
fn path_of(location: &str) -> &str {
    let no_fragment = location.split('#').next().unwrap_or(location);
    let no_query = no_fragment.split('?').next().unwrap_or(no_fragment);
    match no_query.split_once("://") {
        Some((_, rest)) => rest.find('/').map_or("/", |i| &rest[i..]),
        None => no_query,
    }
}

impl Flash {
    pub fn new(secret: &[u8], secure: bool) -> Self {
        let derived = hmac::sign(&hmac::Key::new(hmac::HMAC_SHA256, secret), b"flash cookie key");
        Self { key: hmac::Key::new(hmac::HMAC_SHA256, derived.as_ref()), secure }
    }

    /// Moves the flash parameters of `location` into a cookie: the new location and the
    /// cookie, or `None` when there are none (or too many to fit).
    pub fn seal(&self, location: &str) -> Option<(String, HeaderValue)> {
        let (before_fragment, fragment) = match location.split_once('#') {
            Some((b, f)) => (b, Some(f)),
            None => (location, None),
        };
        let (base, query) = before_fragment.split_once('?')?;
        let (moved, kept): (Vec<&str>, Vec<&str>) = query.split('&').partition(|p| is_flash_pair(p));
        if moved.is_empty() {
            return None;
        }
        let payload = format!("{}\n{}", path_of(base), moved.join("&"));
        let tag = hmac::sign(&self.key, payload.as_bytes());
        let value = format!("{}.{}", URL_SAFE_NO_PAD.encode(&payload), URL_SAFE_NO_PAD.encode(tag.as_ref()));
        if value.len() > MAX_VALUE {
            return None;
        }
        let mut next = base.to_owned();
        if !kept.is_empty() {
            next.push('?');
            next.push_str(&kept.join("&"));
        }
        if let Some(f) = fragment {
            next.push('#');
            next.push_str(f);
        }
        Some((next, cookie::header(NAME, value, "/", self.secure, MAX_AGE)))
    }

    /// The path and parameters a genuine cookie carries.
    pub fn open(&self, value: &str) -> Option<(String, String)> {
        let (payload, tag) = value.split_once('.')?;
        let payload = URL_SAFE_NO_PAD.decode(payload).ok()?;
        let tag = URL_SAFE_NO_PAD.decode(tag).ok()?;
        hmac::verify(&self.key, &payload, &tag).ok()?;
        let (path, params) =
            String::from_utf8(payload).ok()?.split_once('\n').map(|(a, b)| (a.to_owned(), b.to_owned()))?;
        Some((path, params))
    }

    fn clear(&self) -> HeaderValue {
        cookie::header(NAME, String::new(), "/", self.secure, Duration::ZERO)
    }
}

/// Before the handler: drops forged flash parameters from the request and, for the page a
/// genuine cookie was made for, adds its parameters. True when the cookie was used up (or is
/// to be removed).
pub fn before(flash: &Flash, req: &mut Request) -> bool {
    let forged = req.uri().query().is_some_and(|q| q.split('&').any(is_flash_pair));
    if !forged && cookie::read_cookie(req.headers(), NAME).is_none() {
        // The common case, a page view with no form behind it: nothing to parse or copy.
        return false;
    }
    let uri = req.uri();
    let path = uri.path().to_owned();
    let mut pairs: Vec<String> = uri
        .query()
        .unwrap_or("")
        .split('&')
        .filter(|p| !p.is_empty() && !is_flash_pair(p))
        .map(str::to_owned)
        .collect();
    let mut used = false;
    if let Some(value) = cookie::read_cookie(req.headers(), NAME) {
        match flash.open(value) {
            Some((for_path, params)) if for_path == path && *req.method() == Method::GET => {
                pairs.extend(params.split('&').map(str::to_owned));
                used = true;
            }
            Some(_) => {}
            None => used = true,
        }
    }
    if forged || used {
        let query = if pairs.is_empty() { String::new() } else { format!("?{}", pairs.join("&")) };
        if let Ok(new) = format!("{path}{query}").parse::<Uri>() {
            *req.uri_mut() = new;
        }
    }
    used
}

/// After the handler: moves the flash parameters of a redirect into the cookie, or clears a
/// cookie that was used up.
pub fn after(flash: &Flash, used: bool, res: &mut Response) {
    let sealed = match res.headers().get(header::LOCATION).and_then(|l| l.to_str().ok()) {
        Some(location) if res.status().is_redirection() => flash.seal(location),
        _ => None,
    };
    match sealed {
        Some((location, cookie)) => {
            if let Ok(location) = HeaderValue::from_str(&location) {
                res.headers_mut().insert(header::LOCATION, location);
                res.headers_mut().append(header::SET_COOKIE, cookie);
            }
        }
        None if used => {
            res.headers_mut().append(header::SET_COOKIE, flash.clear());
        }
        None => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seals_only_flash_parameters_and_opens_only_genuine_cookies() {
        let flash = Flash::new(&[3; 32], false);
        let (location, cookie) = flash
            .seal("http://127.0.0.1:3000/login?next=%2Faccount&__path=%2Fapi%2Fsign_in&__err=abc#top")
            .unwrap();
        assert_eq!(location, "http://127.0.0.1:3000/login?next=%2Faccount#top");
        let value =
            cookie.to_str().unwrap().split(';').next().unwrap().trim_start_matches("flash=").to_owned();
        assert_eq!(flash.open(&value), Some(("/login".into(), "__path=%2Fapi%2Fsign_in&__err=abc".into())));
        assert!(Flash::new(&[4; 32], false).open(&value).is_none(), "another key");
        let mut forged = value.clone().into_bytes();
        forged[3] ^= 1;
        assert!(flash.open(std::str::from_utf8(&forged).unwrap()).is_none());
        assert!(flash.seal("/account?saved=1").is_none());
        assert_eq!(path_of("/account/security?email_sent=a"), "/account/security");
    }
}
