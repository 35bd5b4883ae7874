//! Middleware applied to the whole router.

use std::time::Duration;

use axum::{Router, body::Body, http::Request, response::Response};
use tower_http::trace::TraceLayer;
use tracing::Span;

use super::request_id;

/// Largest request body accepted by every route but uploads (applied in `startup`).
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

/// A request slower than this is logged at info whatever its status.
const SLOW: Duration = Duration::from_secs(1);

/// One span per request with its id, method and path only: query strings may carry tokens,
/// and headers (cookies, Authorization) and bodies are never recorded. The id is assigned
/// outside the span (see [`request_id`]), so every line logged for a request carries it.
///
/// The closing "response" line is a warning for 5xx, info for 4xx and slow requests, and debug
/// for the rest: `/metrics` counts every request, and writing a line for each successful page
/// took ~6 % of a signed-in page's CPU.
pub fn apply(router: Router) -> Router {
    let (set_id, propagate_id) = request_id::layers();
    router
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(|req: &Request<Body>| {
                    let id = request_id::of(req.headers()).unwrap_or("-");
                    tracing::info_span!("request", id = %id, method = %req.method(), path = %req.uri().path())
                })
                .on_request(())
                .on_response(|res: &Response, latency: Duration, _span: &Span| {
                    let (status, latency_ms) = (res.status(), latency.as_secs_f64() * 1000.0);
                    if status.is_server_error() {
                        tracing::warn!(status = status.as_u16(), latency_ms, "response");
                    } else if status.is_client_error() || latency >= SLOW {
                        tracing::info!(status = status.as_u16(), latency_ms, "response");
                    } else {
                        tracing::debug!(status = status.as_u16(), latency_ms, "response");
                    }
                })
                .on_failure(()),
        )
        .layer(propagate_id)
        .layer(set_id)
}
