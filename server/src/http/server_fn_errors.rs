//! Server functions answer 500 when a request cannot even be decoded (missing fields, wrong
//! content type, garbage bytes): that is the client's fault, so it becomes 400. Our own
//! failures set their status explicitly (see `ServiceError::status`), so a 500 left here can
//! only be a decoding error.

use axum::{
    extract::Request,
    http::{HeaderName, StatusCode},
    middleware::Next,
    response::Response,
};

/// Header server functions put on their error responses.
const SERVER_FN_ERROR: HeaderName = HeaderName::from_static("serverfnerror");

pub async fn map_decode_errors(req: Request, next: Next) -> Response {
    let mut res = next.run(req).await;
    if res.status() == StatusCode::INTERNAL_SERVER_ERROR && res.headers().contains_key(SERVER_FN_ERROR) {
        *res.status_mut() = StatusCode::BAD_REQUEST;
    }
    res
}
