//! Password hashing and abuse limits.

mod hash_pool;
pub mod hasher;
pub mod lockout;
pub mod throttle;

pub use hasher::PasswordHasher;
pub use throttle::Throttle;
