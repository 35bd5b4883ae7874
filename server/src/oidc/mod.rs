//! "Continue with Google": OpenID Connect sign-in with PKCE (S256), `state` and `nonce`, against
//! any provider found through discovery. The flow in flight lives in Postgres (so any instance
//! can finish it, and deleting its row makes a `state` usable once) and is bound to the browser
//! by a short-lived signed cookie.

pub(crate) mod flow_cookie;
pub(crate) mod flows;
pub(crate) mod identities;
mod linking;
pub mod messages;
pub(crate) mod provider;
mod reconfirm;
pub(crate) mod routes;
pub(crate) mod service;
mod sign_in;

pub use service::{CallbackParams, Finished, GoogleSignIn};
mod authority;
