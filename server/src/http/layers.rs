//! Middleware applied to the whole router.

use std::time::Duration;

use axum::{Router, body::Body, http::Request, response::Response};
use tower_http::trace::TraceLayer;
use tracing::Span;

use super::request_id;

/// Largest request body accepted by every route but uploads (applied in `startup`).
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

/// One span per request with its id, method and path only: query strings may carry tokens,
/// and headers (cookies, Authorization) and bodies are never recorded. The id is assigned
/// outside the span (see [`request_id`]), so every line logged for a request carries it.
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
                    tracing::info!(
                        status = res.status().as_u16(),
                        latency_ms = latency.as_secs_f64() * 1000.0,
                        "response"
                    );
                })
                .on_failure(()),
        )
        .layer(propagate_id)
        .layer(set_id)
}
