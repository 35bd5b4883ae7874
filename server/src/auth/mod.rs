//! Password hashing and abuse limits.

pub mod hasher;
pub mod throttle;

pub use hasher::PasswordHasher;
pub use throttle::Throttle;
