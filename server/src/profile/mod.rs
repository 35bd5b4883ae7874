//! Profiles: public fields, the avatar pipeline, account deletion.

pub mod avatar;
pub(crate) mod service;
pub(crate) mod upload_route;

pub use service::{Profiles, PublicProfile};
