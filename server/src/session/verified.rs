//! Until its address is verified, an account publishes nothing and makes us mail no one: the
//! address may be someone else's. The one check, called by every action that publishes or
//! mails (saving the profile or username, uploading an avatar, requesting an email change,
//! connecting Google). Reading one's account, resending the verification, signing out,
//! changing the password and deleting the account stay allowed.

use super::Authenticated;
use crate::error::ServiceError;

impl Authenticated {
    pub fn require_verified(&self) -> Result<(), ServiceError> {
        match self.user.email_verified_at {
            Some(_) => Ok(()),
            None => Err(ServiceError::Unverified),
        }
    }
}
