//! Sign-in with external providers, as data (`config::providers`): OpenID Connect providers
//! found through discovery (Google, any other) and GitHub's OAuth2. Every flow uses PKCE (S256)
//! and `state` (and `nonce` with ID tokens). The flow in flight lives in Postgres (so any
//! instance can finish it, and deleting its row makes a `state` usable once), names its
//! provider, and is bound to the browser by a short-lived signed cookie.

pub(crate) mod apple_secret;
mod authority;
mod discovery;
pub(crate) mod flow_cookie;
pub(crate) mod flows;
mod github;
pub(crate) mod identities;
mod linking;
pub mod messages;
pub(crate) mod provider;
mod reconfirm;
pub(crate) mod routes;
pub(crate) mod service;
mod sign_in;

pub use service::{CallbackParams, Finished, ProviderInfo, SignInWith, Started};
