//! Read-your-writes across instances. Other instances learn of a change through `NOTIFY`, a few
//! milliseconds later; the browser that made the change may be faster, since its very next
//! request (often the redirect after a form post) can reach another instance first. So every
//! state-changing request gets a short-lived cookie back, and while a browser carries it its
//! requests read the session and user from Postgres instead of the cache. The cookie carries no
//! secret: a forged one only makes its own requests a little slower.

use axum::http::{HeaderMap, HeaderValue};
use std::time::Duration;

use crate::http::cookies::{self as cookie, read_cookie};

const NAME: &str = "recent_write";
/// Far longer than a notification takes to arrive, short enough to cost nothing.
const SECS: i64 = 5;

/// The cookie a state-changing request answers with; its value is when the change happened.
pub fn mark(now: i64, secure: bool) -> HeaderValue {
    cookie::header(NAME, now.to_string(), "/", secure, Duration::from_secs(SECS as u64))
}

/// True when this browser changed something in the last few seconds.
pub fn is_recent(headers: &HeaderMap, now: i64) -> bool {
    read_cookie(headers, NAME)
        .and_then(|v| v.parse::<i64>().ok())
        .is_some_and(|at| (-SECS..=SECS).contains(&(now - at)))
}

#[cfg(test)]
mod tests {
    use axum::http::header::COOKIE;

    use super::*;

    #[test]
    fn only_a_recent_mark_counts() {
        let headers = |v: &str| {
            let mut h = HeaderMap::new();
            h.insert(COOKIE, HeaderValue::from_str(&format!("{NAME}={v}")).unwrap());
            h
        };
        assert!(mark(1000, true).to_str().unwrap().contains("Max-Age=5"));
        assert!(is_recent(&headers("1000"), 1003));
        assert!(!is_recent(&headers("1000"), 1010), "expired");
        assert!(!is_recent(&headers("999999999999"), 1000), "from the future");
        assert!(!is_recent(&headers("x"), 1000));
        assert!(!is_recent(&HeaderMap::new(), 1000));
    }
}
