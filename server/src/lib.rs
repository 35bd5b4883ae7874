//! Services behind the web app: configuration, the Postgres pool (or an embedded cluster),
//! sessions and accounts, HTTP plumbing shared by every route, and application start-up.
//! Holds no view code: the `app` crate renders pages and calls in here from its server
//! functions.

pub mod accounts;
pub mod admin;
pub mod auth;
pub mod client;
pub mod config;
pub mod db;
pub mod domain;
pub(crate) mod email_tokens;
pub mod error;
pub mod health;
pub mod http;
pub mod mail;
pub(crate) mod maintenance;
pub mod metrics;
pub mod oidc;
pub mod passkeys;
pub mod profile;
pub mod session;
pub mod startup;
pub mod state;
pub mod storage;
pub mod telemetry;
#[doc(hidden)]
pub mod test_support;
pub mod trail;
pub mod two_step;
pub(crate) mod users;

pub use config::Config;
pub use error::ServiceError;
pub use state::AppState;
