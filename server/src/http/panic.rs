//! A panic while answering a request (a bug) becomes the generic error page with the request's
//! reference, and an error line inside the request's span (so with its id). Without this the
//! connection's task dies with the panic and the browser sees a dropped connection.
//!
//! A plain tower layer, no boxed future per request. The request id is read before the
//! handler runs: after a panic there is nothing left to read it from.

use std::{
    any::Any,
    convert::Infallible,
    future::Future,
    panic::{AssertUnwindSafe, catch_unwind},
    pin::Pin,
    task::{Context, Poll},
};

use axum::{extract::Request, http::HeaderValue, response::Response};
use pin_project_lite::pin_project;
use tower::{Layer, Service};

use super::{error_page, request_id};
use crate::i18n::Lang;

#[derive(Clone, Copy, Default)]
pub struct CatchPanicLayer;

impl<S> Layer<S> for CatchPanicLayer {
    type Service = CatchPanic<S>;

    fn layer(&self, inner: S) -> Self::Service {
        CatchPanic { inner }
    }
}

#[derive(Clone)]
pub struct CatchPanic<S> {
    inner: S,
}

impl<S> Service<Request> for CatchPanic<S>
where
    S: Service<Request, Response = Response, Error = Infallible>,
{
    type Response = Response;
    type Error = Infallible;
    type Future = Caught<S::Future>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, req: Request) -> Self::Future {
        let reference = req.headers().get(request_id::HEADER).cloned();
        let lang = req.extensions().get::<Lang>().copied().unwrap_or_default();
        Caught { future: self.inner.call(req), reference, lang }
    }
}

pin_project! {
    /// The handler's future, each poll inside `catch_unwind`.
    pub struct Caught<F> {
        #[pin]
        future: F,
        reference: Option<HeaderValue>,
        lang: Lang,
    }
}

impl<F> Future for Caught<F>
where
    F: Future<Output = Result<Response, Infallible>>,
{
    type Output = Result<Response, Infallible>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.project();
        let future = this.future;
        match catch_unwind(AssertUnwindSafe(|| future.poll(cx))) {
            Ok(poll) => poll,
            // The future is not polled again: this answer ends it.
            Err(panic) => Poll::Ready(Ok(answer(panic.as_ref(), *this.lang, this.reference.as_ref()))),
        }
    }
}

fn answer(panic: &(dyn Any + Send), lang: Lang, reference: Option<&HeaderValue>) -> Response {
    let message = panic
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| panic.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("(no message)");
    tracing::error!(panic = message, "the request panicked; answered 500");
    error_page::internal_error(lang, reference.and_then(|r| r.to_str().ok()))
}

#[cfg(test)]
mod tests {
    use axum::{Router, body::Body, routing::get};
    use tower::ServiceExt;

    use super::*;

    #[tokio::test]
    async fn a_panicking_handler_is_answered_with_the_error_page() {
        let bug = || async {
            let empty: Vec<&'static str> = Vec::new();
            empty[std::hint::black_box(1)]
        };
        let router = Router::new().route("/", get(bug)).layer(CatchPanicLayer);
        let req = Request::builder().uri("/").header(request_id::HEADER, "ab-1").body(Body::empty()).unwrap();
        let res = router.oneshot(req).await.unwrap();
        assert_eq!(res.status(), 500);
        let body = axum::body::to_bytes(res.into_body(), 64 * 1024).await.unwrap();
        let body = String::from_utf8_lossy(&body);
        assert!(body.contains("Something went wrong. Reference: <code>ab-1</code>"), "{body}");
    }
}
