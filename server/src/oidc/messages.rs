//! What people read when a provider's sign-in does not go through, worded with the provider's
//! label ("Google sign-in was cancelled."). Browsers and tests match these.
//!
//! Errors carry `&'static str`, so each label's messages are made once per process and kept
//! (a handful of providers, configured at start-up: a few hundred bytes each, never freed).

use std::{
    collections::HashMap,
    sync::{Mutex, OnceLock},
};

/// Each provider's messages, one set per label.
#[derive(Debug)]
pub struct Messages {
    pub cancelled: &'static str,
    pub unavailable: &'static str,
    pub rejected: &'static str,
    pub email_unverified: &'static str,
    pub account_exists: &'static str,
    pub linked_elsewhere: &'static str,
    pub already_connected: &'static str,
    pub needs_password: &'static str,
    pub not_connected: &'static str,
}

/// The same for every provider: the attempt itself ran out.
pub const EXPIRED: &str = "This sign-in attempt expired. Please try again.";
/// Google's, for the tests and pages that name them.
pub const CANCELLED: &str = "Google sign-in was cancelled.";
pub const UNAVAILABLE: &str = "Google is unavailable right now. Try again or use your password.";
pub const REJECTED: &str = "Google sign-in failed. Please try again.";
pub const EMAIL_UNVERIFIED: &str =
    "Google has not verified this email address. Verify it with Google, or sign up with a password.";
pub const ACCOUNT_EXISTS: &str =
    "An account with this email exists. Sign in with your password to connect Google.";
pub const LINKED_ELSEWHERE: &str = "This Google account is already connected to another account.";
pub const ALREADY_CONNECTED: &str =
    "Your account is already connected to another Google account. Disconnect it first.";
pub const NEEDS_PASSWORD: &str = "Set a password before disconnecting Google.";
pub const NOT_CONNECTED: &str = "Your account has no Google sign-in to confirm with.";

/// The messages for `label`; `no_verified_email` replaces the unverified-address message for
/// providers whose verified address comes from a list (GitHub).
pub fn for_label(label: &str, no_verified_email: bool) -> &'static Messages {
    static MADE: OnceLock<Mutex<HashMap<(String, bool), &'static Messages>>> = OnceLock::new();
    let mut made = MADE.get_or_init(Default::default).lock().unwrap_or_else(|e| e.into_inner());
    made.entry((label.to_owned(), no_verified_email))
        .or_insert_with(|| Box::leak(Box::new(make(label, no_verified_email))))
}

fn make(label: &str, no_verified_email: bool) -> Messages {
    let keep = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
    Messages {
        cancelled: keep(format!("{label} sign-in was cancelled.")),
        unavailable: keep(format!("{label} is unavailable right now. Try again or use your password.")),
        rejected: keep(format!("{label} sign-in failed. Please try again.")),
        email_unverified: keep(if no_verified_email {
            format!("Your {label} account has no verified email address.")
        } else {
            format!(
                "{label} has not verified this email address. Verify it with {label}, or sign up with a password."
            )
        }),
        account_exists: keep(format!(
            "An account with this email exists. Sign in with your password to connect {label}."
        )),
        linked_elsewhere: keep(format!("This {label} account is already connected to another account.")),
        already_connected: keep(format!(
            "Your account is already connected to another {label} account. Disconnect it first."
        )),
        needs_password: keep(format!("Set a password before disconnecting {label}.")),
        not_connected: keep(format!("Your account has no {label} sign-in to confirm with.")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn google_reads_as_before_and_labels_are_made_once() {
        let google = for_label("Google", false);
        assert_eq!(google.cancelled, CANCELLED);
        assert_eq!(google.unavailable, UNAVAILABLE);
        assert_eq!(google.rejected, REJECTED);
        assert_eq!(google.email_unverified, EMAIL_UNVERIFIED);
        assert_eq!(google.account_exists, ACCOUNT_EXISTS);
        assert_eq!(google.linked_elsewhere, LINKED_ELSEWHERE);
        assert_eq!(google.already_connected, ALREADY_CONNECTED);
        assert_eq!(google.needs_password, NEEDS_PASSWORD);
        assert_eq!(google.not_connected, NOT_CONNECTED);
        assert!(std::ptr::eq(google, for_label("Google", false)));
        assert_eq!(
            for_label("GitHub", true).email_unverified,
            "Your GitHub account has no verified email address."
        );
    }
}
