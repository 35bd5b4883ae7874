//! Profiles: public fields, the avatar pipeline, account deletion (at once or after a grace
//! period).

pub mod avatar;
pub mod deletion;
pub(crate) mod service;
pub(crate) mod upload_route;

pub use service::{Deletion, Profiles, PublicProfile};
