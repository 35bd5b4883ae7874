//! Services behind the web app: configuration, the Postgres pool (or an embedded cluster),
//! sessions and accounts, HTTP plumbing shared by every route, and application start-up.
//! Holds no view code: the `app` crate renders pages and calls in here from its server
//! functions.

pub mod accounts;
pub mod admin;
pub mod auth;
pub(crate) mod client;
pub(crate) mod config;
pub mod db;
pub mod domain;
pub(crate) mod email_codes;
pub(crate) mod email_tokens;
pub(crate) mod error;
pub(crate) mod health;
pub mod http;
pub mod i18n;
pub(crate) mod mail;
pub(crate) mod maintenance;
pub(crate) mod metrics;
pub mod oidc;
pub mod passkeys;
pub mod profile;
pub mod session;
pub mod startup;
pub(crate) mod state;
pub(crate) mod storage;
pub mod telemetry;
#[doc(hidden)]
pub mod test_support;
pub mod trail;
pub mod two_step;
pub(crate) mod users;

pub use config::Config;
pub use error::ServiceError;
pub use state::AppState;
