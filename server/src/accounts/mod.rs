//! Accounts: sign-up, sign-in, password changes.

pub mod email;
pub(crate) mod first_proof;
pub mod service;

pub use crate::users::User;
pub use service::Accounts;
