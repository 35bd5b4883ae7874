//! Two-step verification: a code from an authenticator app (TOTP) or a recovery code after the
//! password or Google, for accounts that turn it on.

mod begin;
pub(crate) mod codes;
pub(crate) mod guesses;
pub mod manage;
pub mod pending;
pub(crate) mod secret;
pub mod service;
pub(crate) mod setups;
pub mod sign_in;
pub(crate) mod store;

pub use begin::{Begun, begin};
pub use service::{Proof, TwoStep};

/// Whether a sign-in of this account must continue with a code.
pub use store::is_enabled;
