//! One module per route.

pub mod account;
pub mod home;
pub mod login;
pub mod not_found;
pub mod public_profile;
pub mod security;
pub mod signup;
