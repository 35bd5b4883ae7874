//! The ceiling the app is measured against: an axum handler that answers "hello", on the same
//! runtime as `accounts-server` (`#[tokio::main]`: multi-threaded, one worker per core), the same
//! allocator (mimalloc) and the same `axum::serve` loop, with nothing else. Listens on `SOCKET`
//! (default 127.0.0.1:3000).

use std::net::SocketAddr;

use axum::{Router, routing::get};

/// The server's allocator, so the ceiling differs from the app only by what the app does.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() {
    let socket = std::env::var("SOCKET").unwrap_or_else(|_| "127.0.0.1:3000".to_owned());
    let listener = tokio::net::TcpListener::bind(&socket)
        .await
        .unwrap_or_else(|e| panic!("cannot listen on {socket}: {e}"));
    let app = Router::new().route("/", get(|| async { "hello" }));
    axum::serve(listener, app.into_make_service_with_connect_info::<SocketAddr>()).await.expect("serve");
}
