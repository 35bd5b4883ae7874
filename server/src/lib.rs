//! Services behind the web app: configuration, the Postgres pool (or an embedded cluster),
//! HTTP plumbing shared by every route, and application start-up. Holds no view code: the
//! `app` crate renders pages and calls in here from its server functions.

pub mod config;
pub mod db;
pub mod http;
pub mod startup;
pub mod state;
pub mod telemetry;

pub use config::Config;
pub use state::AppState;
