//! Accounts: sign-up, sign-in, password changes.

pub(crate) mod email;
pub(crate) mod first_proof;
pub(crate) mod service;

pub use crate::users::User;
pub use email::{EmailFlows, EmailLink};
pub use service::Accounts;
