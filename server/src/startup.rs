//! Start-up in two halves: `prepare` turns configuration into shared state (database ready,
//! migrations run); `serve` binds, serves the router the binary assembled, and shuts down
//! gracefully. The binary sits between them to add the Leptos routes from `app`.

use std::{net::SocketAddr, sync::Arc};

use axum::{Router, middleware};
use leptos::config::LeptosOptions;
use tokio::net::TcpListener;
use tower_http::limit::RequestBodyLimitLayer;

use crate::{
    AppState,
    config::Config,
    db::{self, EmbeddedPostgres},
    http, session,
};

pub use crate::state::StartupError;

/// Everything a running instance owns.
pub struct Prepared {
    pub state: AppState,
    pub embedded: Option<EmbeddedPostgres>,
    /// Where `/metrics` is served, when `METRICS_SOCKET` is set.
    pub metrics_addr: Option<SocketAddr>,
}

pub async fn prepare(config: Config, leptos_options: LeptosOptions) -> Result<Prepared, StartupError> {
    let database = db::connect(&config).await?;
    let state = AppState::new(config, database.pool, leptos_options)?;
    session::listener::start(&state.pool, state.sessions.caches.clone(), state.sessions.listener.clone())
        .await;
    state.sessions.spawn_flusher();
    crate::maintenance::spawn(state.pool.clone(), state.sessions.clone(), state.profiles.clone());
    state.throttle.spawn_pruning(state.pool.clone());
    state.email.outbox.spawn_worker();
    let metrics_addr = match state.config.metrics_socket {
        Some(addr) => Some(
            crate::metrics::serve(addr, state.clone())
                .await
                .map_err(|source| StartupError::Bind { addr, source })?,
        ),
        None => None,
    };
    Ok(Prepared { state, embedded: database.embedded, metrics_addr })
}

/// Adds the routes and layers owned by this crate to the app's router. Layers run outside-in:
/// logging and body limit, security headers, a panic becoming the error page (so it still gets
/// the headers), CSRF, session resolution, then the sign-in guard.
pub fn finish_router(app_routes: Router<AppState>, state: AppState) -> Router {
    let resolver = Arc::new(session::middleware::Resolver {
        sessions: state.sessions.clone(),
        trusted_proxy_hops: state.config.trusted_proxy_hops,
    });
    let edge =
        Arc::new(http::edge::Edge { header_rules: state.header_rules.clone(), flash: state.flash.clone() });
    let limited = app_routes
        .merge(crate::storage::media_route::routes())
        .merge(crate::oidc::routes::routes())
        .merge(crate::accounts::export_route::routes())
        .layer(RequestBodyLimitLayer::new(http::layers::MAX_BODY_BYTES));
    let uploads = crate::profile::upload_route::routes()
        .layer(RequestBodyLimitLayer::new(crate::profile::upload_route::MAX_REQUEST_BYTES));
    let router = limited
        .merge(uploads)
        .layer(middleware::from_fn(http::server_fn_errors::map_decode_errors))
        .layer(middleware::from_fn(session::require_sign_in::guard))
        .layer(middleware::from_fn_with_state(resolver, session::middleware::resolve_session))
        .layer(middleware::from_fn_with_state(state.config.clone(), http::csrf::guard))
        .layer(http::panic::CatchPanicLayer)
        .layer(middleware::from_fn_with_state(edge, http::edge::apply))
        .merge(crate::health::routes())
        .with_state(state.clone());
    let router = http::layers::apply(router);
    if state.config.metrics_socket.is_some() {
        router.layer(middleware::from_fn(crate::metrics::track))
    } else {
        router
    }
}

/// A bound listener, so tests can bind port 0 and learn the address before serving.
pub async fn bind(addr: SocketAddr) -> Result<TcpListener, StartupError> {
    TcpListener::bind(addr).await.map_err(|source| StartupError::Bind { addr, source })
}

/// Serves until `shutdown` resolves, then stops the embedded database if it was started here.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    embedded: Option<EmbeddedPostgres>,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    // Graceful shutdown waits for open connections; a client (or proxy) that keeps one open
    // must not keep the process alive forever, so the wait is bounded.
    let (stopping, mut stopped) = tokio::sync::watch::channel(false);
    let signal = async move {
        shutdown.await;
        let _ = stopping.send(true);
    };
    let deadline = async move {
        let _ = stopped.wait_for(|s| *s).await;
        tokio::time::sleep(SHUTDOWN_GRACE).await;
    };
    let server = axum::serve(listener, router.into_make_service_with_connect_info::<SocketAddr>())
        .with_graceful_shutdown(signal);
    let result = tokio::select! {
        result = server.into_future() => result,
        () = deadline => {
            tracing::warn!("connections still open {}s after the shutdown signal; stopping anyway", SHUTDOWN_GRACE.as_secs());
            Ok(())
        }
    };
    if let Some(cluster) = embedded {
        cluster.stop().await;
    }
    result
}

/// How long open connections get to finish once shutdown starts.
const SHUTDOWN_GRACE: std::time::Duration = std::time::Duration::from_secs(10);

/// Resolves on Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = terminate => {} }
    tracing::info!("shutting down");
}
