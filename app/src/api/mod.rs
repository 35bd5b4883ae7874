//! Server functions: the browser's API. Each one is a thin adapter that reads the request's
//! session through the one `Auth` extractor, calls a service in `server`, and maps the result
//! to types safe to send to the browser.

pub mod admin;
pub mod auth;
#[cfg(feature = "ssr")]
mod ceremony_cookie;
pub mod email;
pub mod email_code;
pub mod errors;
pub mod language;
pub mod not_me;
pub mod passkeys;
pub mod password;
pub mod profile;
pub mod providers;
pub mod security;
#[cfg(feature = "ssr")]
pub(crate) mod ssr;
pub mod theme;
pub mod two_step;

pub use errors::FormError;
use serde::{Deserialize, Serialize};

/// What the browser may know about the signed-in person: no ids, hashes or tokens.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UserView {
    pub email: String,
    pub email_verified: bool,
    /// False for accounts made with a provider (or a passkey) that never set a password.
    pub has_password: bool,
    /// The display name, or the email when there is none.
    pub label: String,
    pub display_name: Option<String>,
    pub username: Option<String>,
    pub bio: Option<String>,
    /// The 64 px avatar for the header, and the 256 px one for the profile.
    pub avatar_small: Option<String>,
    pub avatar_large: Option<String>,
    /// Shown instead of a picture when there is none.
    pub initials: String,
    /// May open the admin console (the header links to it).
    pub is_admin: bool,
}

/// Initials from a display name or email: "Ada Lovelace" → "AL", "grace@x" → "G".
pub fn initials(label: &str) -> String {
    let name = label.split('@').next().unwrap_or(label);
    let letters: String = name
        .split(|c: char| c.is_whitespace() || c == '.' || c == '_' || c == '-')
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_alphanumeric())
        .take(2)
        .collect();
    if letters.is_empty() { "?".to_owned() } else { letters.to_uppercase() }
}

/// What anyone may see on `/u/{username}`: no email, no ids.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PublicProfileView {
    pub username: String,
    pub display_name: Option<String>,
    pub bio: Option<String>,
    pub avatar_url: Option<String>,
    pub initials: String,
}

/// One signed-in device as the device list shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DeviceView {
    /// Opaque device id used to sign it out; not a session token or hash.
    pub id: String,
    pub name: String,
    pub ip: String,
    pub signed_in_at: TimeView,
    pub last_active: TimeView,
    pub current: bool,
    /// "Password", "Password and authenticator code", "GitHub", "Google + code", …
    pub method: String,
}

/// One line of "Recent activity": "Signed in · Firefox on Linux · 203.0.113.7" and when.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ActivityView {
    pub text: String,
    pub at: TimeView,
}

/// A moment as people read it: "5 minutes ago", with the exact time for a `<time>` element.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimeView {
    /// RFC 3339 in UTC, for `datetime` and for the browser to show in its own time zone.
    pub iso: String,
    /// "2026-11-30 06:50 UTC": the exact time without JavaScript.
    pub utc: String,
    /// "just now", "5 minutes ago", "yesterday", "3 days ago".
    pub ago: String,
}
