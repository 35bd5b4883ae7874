//! What people read when a provider's sign-in does not go through, worded with the provider's
//! label ("Google sign-in was cancelled."). Browsers and tests match these.
//!
//! Errors carry `&'static str`, so each label is kept once per process (a handful of
//! providers, configured at start-up, never freed); the words are message ids
//! (`err-provider-…`, taking the label as `$provider`), read in the reader's language.

use std::{
    collections::HashMap,
    sync::{Mutex, OnceLock},
};

use axum::http::StatusCode;

use crate::error::ServiceError;

/// Each provider's failures, one set per label.
#[derive(Debug)]
pub struct Messages {
    label: &'static str,
    /// The provider's verified address comes from a list (GitHub): "has no verified address".
    no_verified_email: bool,
}

/// The same for every provider: the attempt itself ran out.
pub const EXPIRED: &str = "err-sign-in-attempt-expired";
/// Google's, in English, for the tests and pages that name them.
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
    made.entry((label.to_owned(), no_verified_email)).or_insert_with(|| {
        let label = Box::leak(label.to_owned().into_boxed_str());
        Box::leak(Box::new(Messages { label, no_verified_email }))
    })
}

impl Messages {
    fn error(&self, status: StatusCode, id: &'static str) -> ServiceError {
        ServiceError::Provider { status, id, provider: self.label }
    }

    /// The provider did not answer.
    pub fn unavailable(&self) -> ServiceError {
        self.error(StatusCode::SERVICE_UNAVAILABLE, "err-provider-unavailable")
    }

    /// The provider refused the code, or its answer did not verify.
    pub fn rejected(&self) -> ServiceError {
        self.error(StatusCode::BAD_REQUEST, "err-provider-rejected")
    }

    pub fn email_unverified(&self) -> ServiceError {
        let id = if self.no_verified_email {
            "err-provider-no-verified-email"
        } else {
            "err-provider-email-unverified"
        };
        self.error(StatusCode::BAD_REQUEST, id)
    }

    pub fn account_exists(&self) -> ServiceError {
        self.error(StatusCode::CONFLICT, "err-provider-account-exists")
    }

    pub fn linked_elsewhere(&self) -> ServiceError {
        self.error(StatusCode::CONFLICT, "err-provider-linked-elsewhere")
    }

    pub fn already_connected(&self) -> ServiceError {
        self.error(StatusCode::CONFLICT, "err-provider-already-connected")
    }

    pub fn needs_password(&self) -> ServiceError {
        self.error(StatusCode::CONFLICT, "err-provider-needs-password")
    }

    pub fn not_connected(&self) -> ServiceError {
        self.error(StatusCode::BAD_REQUEST, "err-provider-not-connected")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn google_reads_as_before_and_labels_are_made_once() {
        let google = for_label("Google", false);
        let english = |e: ServiceError| e.user_message(Lang::En);
        assert_eq!(english(google.unavailable()), UNAVAILABLE);
        assert_eq!(english(google.rejected()), REJECTED);
        assert_eq!(english(google.email_unverified()), EMAIL_UNVERIFIED);
        assert_eq!(english(google.account_exists()), ACCOUNT_EXISTS);
        assert_eq!(english(google.linked_elsewhere()), LINKED_ELSEWHERE);
        assert_eq!(english(google.already_connected()), ALREADY_CONNECTED);
        assert_eq!(english(google.needs_password()), NEEDS_PASSWORD);
        assert_eq!(english(google.not_connected()), NOT_CONNECTED);
        assert_eq!(google.rejected().status(), StatusCode::BAD_REQUEST);
        assert!(google.unavailable().is_unavailable());
        assert!(std::ptr::eq(google, for_label("Google", false)));
        assert_eq!(
            english(for_label("GitHub", true).email_unverified()),
            "Your GitHub account has no verified email address."
        );
        assert_eq!(
            ServiceError::BadRequest(EXPIRED).user_message(Lang::En),
            "This sign-in attempt expired. Please try again."
        );
    }
}
