//! Password hashing, re-checking the current password, and abuse limits.

pub(crate) mod breached;
pub(crate) mod current_password;
mod hash_pool;
pub(crate) mod hasher;
pub(crate) mod lockout;
pub mod throttle;

pub use breached::BreachedPasswords;
pub use hasher::PasswordHasher;
pub use throttle::Throttle;
