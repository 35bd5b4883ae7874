//! Two-step verification: a code from an authenticator app (TOTP) or a recovery code after the
//! password or Google, for accounts that turn it on.

mod begin;
pub(crate) mod codes;
pub(crate) mod guesses;
pub(crate) mod manage;
pub(crate) mod pending;
pub(crate) mod secret;
pub(crate) mod service;
pub(crate) mod setups;
pub(crate) mod sign_in;
pub(crate) mod store;

pub use begin::{Begun, begin};
pub use pending::{COOKIE as PENDING_COOKIE, TTL as PENDING_TTL};
pub use service::{EXPIRED, Proof, TOO_MANY, TwoStep};

/// Whether a sign-in of this account must continue with a code.
pub use store::is_enabled;
