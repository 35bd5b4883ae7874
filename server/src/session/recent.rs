//! "Recent sign-in": the device signed in, or re-confirmed its password (or Google), within
//! the last 10 minutes. Sensitive changes (connecting or disconnecting Google, changing the
//! email or password, deleting the account) need it; otherwise the person is sent to
//! `/account/confirm?next=…` and then carries on. Forms that ask for the current password
//! re-confirm by that password.

use std::time::Duration;

use chrono::{DateTime, Utc};

use super::Authenticated;
use crate::http::next::encode_component;

pub const RECENT_SIGN_IN: Duration = Duration::from_secs(10 * 60);

/// Where the person re-confirms before going on to `next`.
pub fn confirm_path(next: &str) -> String {
    format!("/account/confirm?next={}", encode_component(next))
}

impl Authenticated {
    /// True when this device proved who it is within [`RECENT_SIGN_IN`].
    pub fn signed_in_recently(&self, now: DateTime<Utc>) -> bool {
        chrono::Duration::from_std(RECENT_SIGN_IN)
            .is_ok_and(|recent| now - self.session.record.authenticated_at < recent)
    }

    /// Refuses a sensitive change on a device that has not proved who it is lately.
    pub fn require_recent_sign_in(&self) -> Result<(), crate::error::ServiceError> {
        if self.signed_in_recently(Utc::now()) {
            Ok(())
        } else {
            Err(crate::error::ServiceError::NeedsRecentSignIn)
        }
    }
}
