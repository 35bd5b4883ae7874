//! Accounts: sign-up, sign-in, password changes.

pub(crate) mod confirm;
pub mod email;
pub mod email_tokens;
pub(crate) mod first_proof;
pub mod service;
pub mod signed_in;
pub(crate) mod users;
pub(crate) mod ways_in;

pub use service::Accounts;
pub use users::User;
