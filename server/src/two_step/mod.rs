//! Two-step verification: a code from an authenticator app (TOTP) or a recovery code after the
//! password or Google, for accounts that turn it on.

pub mod codes;
pub mod guesses;
pub mod manage;
pub mod pending;
pub mod secret;
pub mod service;
pub mod setups;
pub mod sign_in;
pub mod store;

pub use service::{Proof, TwoStep};

/// Whether a sign-in of this account must continue with a code.
pub use store::is_enabled;
