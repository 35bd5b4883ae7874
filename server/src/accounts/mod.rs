//! Accounts: sign-up, sign-in, password changes.

pub(crate) mod email;
pub mod email_code;
pub mod export;
pub(crate) mod export_route;
pub(crate) mod first_proof;
pub(crate) mod service;

pub use crate::users::User;
pub use email::{EmailFlows, EmailLink};
pub use email_code::EmailCodes;
pub use export::DataExport;
pub use service::Accounts;
