#![recursion_limit = "256"]
//! Assembles the deployable server: the `server` services plus the `app` routes.
//! `main.rs` runs it; integration tests spawn it on a free port.

use std::net::SocketAddr;

use app::{App, shell, site::SiteInfo};
use axum::Router;
use leptos::{config::LeptosOptions, prelude::provide_context};
use leptos_axum::{LeptosRoutes, generate_route_list};
use server::{
    AppState, Config,
    db::EmbeddedPostgres,
    startup::{self, StartupError},
};
use tokio::net::TcpListener;

/// The services without serving (for the operator's commands): the database is connected and
/// migrated, no worker runs. Stop the returned embedded cluster, if any, when done.
pub async fn services(config: Config) -> Result<(AppState, Option<EmbeddedPostgres>), StartupError> {
    let database = server::db::connect(&config).await.map_err(StartupError::from)?;
    let state = AppState::new(config, database.pool, leptos_options())?;
    Ok((state, database.embedded))
}

/// A prepared, bound instance that has not started serving yet.
pub struct Application {
    listener: TcpListener,
    router: Router,
    embedded: Option<EmbeddedPostgres>,
    pub state: AppState,
    /// Where `/metrics` is served, when `METRICS_SOCKET` is set.
    pub metrics_addr: Option<SocketAddr>,
}

impl Application {
    /// Connects the database, runs migrations and binds `config.socket` (port 0 picks one).
    pub async fn build(config: Config) -> Result<Self, StartupError> {
        let mut leptos_options = leptos_options();
        leptos_options.site_addr = config.socket;
        let listener = startup::bind(config.socket).await?;
        let prepared = startup::prepare(config, leptos_options).await?;
        let router = router(prepared.state.clone());
        Ok(Self {
            listener,
            router,
            embedded: prepared.embedded,
            state: prepared.state,
            metrics_addr: prepared.metrics_addr,
        })
    }

    pub fn local_addr(&self) -> SocketAddr {
        self.listener.local_addr().expect("a bound listener has an address")
    }

    /// Serves until `shutdown` resolves.
    pub async fn run_until(self, shutdown: impl Future<Output = ()> + Send + 'static) -> std::io::Result<()> {
        startup::serve(self.listener, self.router, self.embedded, shutdown).await
    }
}

/// Leptos routes and server functions with the app state in context, static files and the
/// 404 page as fallback, then the routes and layers from `server`.
fn router(state: AppState) -> Router {
    let routes = generate_route_list(App);
    let context = {
        let state = state.clone();
        move || {
            provide_context(state.clone());
            provide_context(SiteInfo { service_name: state.config.service_name.clone() });
        }
    };
    let app_routes = Router::new()
        .leptos_routes_with_context(&state, routes, context.clone(), {
            let options = state.leptos_options.clone();
            move || shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler_with_context::<AppState, _>(context, shell));
    startup::finish_router(app_routes, state)
}

/// Site layout from `Leptos.toml` (overridden by `LEPTOS_*` variables, as cargo-leptos sets
/// them), or from the environment and built-in defaults when the file is absent.
fn leptos_options() -> LeptosOptions {
    // The working directory in a deployment; the workspace root when tests run in a crate dir.
    let candidates = ["Leptos.toml", concat!(env!("CARGO_MANIFEST_DIR"), "/../../Leptos.toml")];
    let from_file = candidates
        .iter()
        .find(|path| std::path::Path::new(path).exists())
        .and_then(|path| leptos::config::get_configuration(Some(path)).ok());
    let mut options = from_file
        .or_else(|| leptos::config::get_configuration(None).ok())
        .map(|conf| conf.leptos_options)
        .unwrap_or_else(|| LeptosOptions::builder().output_name("accounts").build());
    if options.output_name.is_empty() {
        options.output_name = "accounts".into();
    }
    options
}
