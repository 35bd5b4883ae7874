//! Server functions: the browser's API. Each one is a thin adapter that reads the request's
//! session through the one `Auth` extractor, calls a service in `server`, and maps the result
//! to types safe to send to the browser.

pub mod auth;
pub mod errors;
pub mod security;
#[cfg(feature = "ssr")]
mod ssr;

pub use errors::FormError;
use serde::{Deserialize, Serialize};

/// What the browser may know about the signed-in person: no ids, hashes or tokens.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UserView {
    pub email: String,
    /// The display name, or the email when there is none.
    pub label: String,
}

/// One signed-in device as the device list shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DeviceView {
    /// Opaque device id used to sign it out; not a session token or hash.
    pub id: String,
    pub name: String,
    pub ip: String,
    pub signed_in_at: String,
    pub last_active: String,
    pub current: bool,
}

/// A same-site path to return to after sign-in, or "/" for anything else (absolute URLs,
/// protocol-relative `//host`, backslashes, control characters).
pub fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(p)
            if p.starts_with('/')
                && !p.starts_with("//")
                && !p.contains('\\')
                && !p.chars().any(char::is_control)
                && p.len() <= 512 =>
        {
            p.to_owned()
        }
        _ => "/".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn only_same_site_paths_are_followed() {
        assert_eq!(safe_next(Some("/account/security")), "/account/security");
        assert_eq!(safe_next(Some("/account?tab=1")), "/account?tab=1");
        for bad in [
            "https://evil.example/",
            "//evil.example",
            "/\\evil.example",
            "javascript:alert(1)",
            "account",
            "",
        ] {
            assert_eq!(safe_next(Some(bad)), "/", "{bad}");
        }
        assert_eq!(safe_next(None), "/");
    }
}
