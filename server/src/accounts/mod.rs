//! Accounts: sign-up, sign-in, password changes.

pub mod service;
pub mod users;

pub use service::Accounts;
pub use users::User;
