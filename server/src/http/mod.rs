//! HTTP plumbing shared by every route: health checks, request logging, body limits, CSRF,
//! security headers, sessions.

pub mod client_ip;
pub mod cookies;
pub mod csrf;
pub(crate) mod edge;
pub mod error_page;
pub mod flash;
pub mod layers;
pub mod next;
pub(crate) mod panic;
pub mod request_id;
pub mod security_headers;
pub mod server_fn_errors;
pub mod unavailable;
