//! Password hashing and abuse limits.

pub mod breached;
mod hash_pool;
pub mod hasher;
pub(crate) mod lockout;
pub mod throttle;

pub use breached::BreachedPasswords;
pub use hasher::PasswordHasher;
pub use throttle::Throttle;
