//! HTTP plumbing shared by every route: health checks, request logging, body limits, CSRF,
//! security headers, sessions.

pub(crate) mod client_ip;
pub mod cookies;
pub(crate) mod csrf;
pub(crate) mod edge;
pub(crate) mod error_page;
pub(crate) mod flash;
pub(crate) mod language;
pub(crate) mod layers;
pub mod next;
pub(crate) mod panic;
pub mod request_id;
pub mod security_headers;
pub(crate) mod server_fn_errors;
pub(crate) mod unavailable;
