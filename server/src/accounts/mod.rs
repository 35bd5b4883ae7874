//! Accounts: sign-up, sign-in, password changes.

pub mod confirm;
pub mod email;
pub mod email_tokens;
pub mod first_proof;
pub mod service;
pub mod signed_in;
pub mod users;
pub mod ways_in;

pub use service::Accounts;
pub use users::User;
