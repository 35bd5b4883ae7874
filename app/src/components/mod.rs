//! Pieces shared by several pages.

pub mod avatar_upload;
#[cfg(feature = "hydrate")]
pub mod busy;
pub mod form;
pub mod layout;
pub mod local_time;
pub mod passkey;
pub mod password_meter;
pub mod password_toggle;
pub mod provider_buttons;
pub mod require_user;
pub mod session_context;
pub mod theme_toggle;
pub mod verify_banner;
pub mod words;
