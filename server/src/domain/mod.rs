//! Values parsed at the edge: once constructed, they are valid.

mod email;
mod password;

pub use email::EmailAddress;
pub use password::{NewPassword, PASSWORD_MAX_LEN};
