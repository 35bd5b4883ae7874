//! A request id on every request: assigned here (any id the client sent is replaced), logged
//! with the request's span, returned as `X-Request-Id`, and shown on error pages as
//! "Reference: …" so support can find the log lines of what went wrong.

use std::sync::{
    LazyLock,
    atomic::{AtomicU64, Ordering},
};

use axum::{
    extract::Request,
    http::{HeaderMap, HeaderName, HeaderValue},
};
use ring::rand::{SecureRandom, SystemRandom};
use tower_http::{request_id::PropagateRequestIdLayer, set_header::SetRequestHeaderLayer};

pub const HEADER: HeaderName = HeaderName::from_static("x-request-id");

/// A random prefix per process and a counter: unique across instances without a system call
/// per request.
static PREFIX: LazyLock<String> = LazyLock::new(|| {
    let mut bytes = [0u8; 4];
    let _ = SystemRandom::new().fill(&mut bytes);
    bytes.iter().map(|b| format!("{b:02x}")).collect()
});
static NEXT: AtomicU64 = AtomicU64::new(1);

fn next_id() -> String {
    format!("{}-{:x}", *PREFIX, NEXT.fetch_add(1, Ordering::Relaxed))
}

/// The id of the request these headers belong to.
pub fn of(headers: &HeaderMap) -> Option<&str> {
    headers.get(HEADER).and_then(|v| v.to_str().ok())
}

/// Makes the header value of a fresh id.
type MakeId = fn(&Request) -> Option<HeaderValue>;

fn fresh(_: &Request) -> Option<HeaderValue> {
    HeaderValue::from_str(&next_id()).ok()
}

/// Sets a fresh id on every request (replacing any the client sent) and copies it to the
/// response: plain tower layers, no boxed future per request.
pub fn layers() -> (SetRequestHeaderLayer<MakeId>, PropagateRequestIdLayer) {
    (SetRequestHeaderLayer::overriding(HEADER, fresh as MakeId), PropagateRequestIdLayer::new(HEADER))
}

#[cfg(test)]
mod tests {
    #[test]
    fn ids_are_unique_and_header_safe() {
        let (a, b) = (super::next_id(), super::next_id());
        assert_ne!(a, b);
        assert!(a.chars().all(|c| c.is_ascii_hexdigit() || c == '-'));
    }
}
