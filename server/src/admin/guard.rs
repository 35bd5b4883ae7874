//! Who may use the admin console: the one check every admin page and server function makes.
//! An account without the admin role gets "not found", as if the console did not exist; an
//! admin whose session did not sign in with a second factor or a passkey is sent to set one up;
//! every action also needs a recent sign-in.

use uuid::Uuid;

use crate::{ServiceError, session::Authenticated};

pub const NEEDS_SECOND_FACTOR: &str = "admin-needs-second-factor";

/// An admin, signed in strongly enough to use the console.
#[derive(Clone, Debug)]
pub struct Admin {
    pub id: Uuid,
    pub email: String,
}

impl Admin {
    /// May this session look at the console?
    pub fn check(auth: Option<&Authenticated>) -> Result<Self, ServiceError> {
        let auth = auth.filter(|a| a.user.is_admin).ok_or(ServiceError::NotFound)?;
        if !auth.session.record.method.has_second_factor() {
            return Err(ServiceError::Forbidden(NEEDS_SECOND_FACTOR));
        }
        Ok(Self { id: auth.user.id, email: auth.user.email.clone() })
    }

    /// May this session act from the console (the check, and a sign-in in the last 10 minutes)?
    pub fn check_action(auth: Option<&Authenticated>) -> Result<Self, ServiceError> {
        let admin = Self::check(auth)?;
        auth.map_or(Err(ServiceError::NotFound), |a| a.require_recent_sign_in())?;
        Ok(admin)
    }
}
