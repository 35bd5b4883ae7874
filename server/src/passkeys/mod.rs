//! Passkeys (WebAuthn, `webauthn-rs`): adding, naming and removing them, and signing in with
//! one (a full sign-in: no password and no second code). The relying party is SERVICE_DOMAIN.

mod budget;
pub(crate) mod ceremony;
pub(crate) mod confirm;
pub(crate) mod service;
pub(crate) mod store;

pub use ceremony::{COOKIE as CEREMONY_COOKIE, TTL as CEREMONY_TTL};
pub use confirm::NO_PASSKEY;
pub use service::{EXPIRED, Passkeys};
