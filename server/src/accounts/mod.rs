//! Accounts: sign-up, sign-in, password changes.

pub(crate) mod email;
pub mod email_code;
pub(crate) mod first_proof;
pub(crate) mod service;

pub use crate::users::User;
pub use email::{EmailFlows, EmailLink};
pub use email_code::EmailCodes;
pub use service::Accounts;
