//! One module per route.

pub mod account;
pub mod account_deletion;
pub mod admin;
pub mod confirm;
pub mod connected_accounts;
pub mod forgot_password;
pub mod home;
pub mod login;
pub mod login_code;
pub mod login_code_link;
pub mod login_verify;
pub mod not_found;
pub mod not_me;
pub mod passkeys;
pub mod provider_callback;
pub mod public_profile;
pub mod recent_activity;
pub mod reset_password;
pub mod security;
pub mod signup;
pub mod two_step;
pub mod two_step_replace;
pub mod verify_email;
