//! Profiles: public fields, the avatar pipeline, account deletion.

pub mod avatar;
pub mod service;
pub mod upload_route;

pub use service::{Profiles, PublicProfile};
