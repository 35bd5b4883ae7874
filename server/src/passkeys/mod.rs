//! Passkeys (WebAuthn, `webauthn-rs`): adding, naming and removing them, and signing in with
//! one (a full sign-in: no password and no second code). The relying party is SERVICE_DOMAIN.

mod budget;
pub mod ceremony;
pub mod confirm;
pub mod service;
pub(crate) mod store;

pub use service::Passkeys;
