//! Values parsed at the edge: once constructed, they are valid.

mod email;
mod password;
mod profile;
pub(crate) mod typed_code;

pub use email::EmailAddress;
pub use password::{NewPassword, PASSWORD_MAX_LEN, Strength, user_inputs};
pub use profile::{Bio, DisplayName, Username};
