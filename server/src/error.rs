//! The service layer's one error type, mapped to an HTTP status and a message a person can
//! act on in exactly one place.

use axum::http::StatusCode;

/// The answer to publishing or mailing before the address is verified (#18).
pub const UNVERIFIED: &str = "Verify your email address first.";

/// The answer to any sign-in of an account an operator locked.
pub const LOCKED: &str = "This account is locked. Contact support to unlock it.";
/// A wrong current password when re-confirming (a failed proof in the security log).
pub const WRONG_CURRENT_PASSWORD: &str = "Your current password is incorrect";
/// A passkey answer that did not verify (a failed proof in the security log).
pub const PASSKEY_FAILED: &str = "That passkey did not work. Try again, or sign in another way.";

/// What went wrong, in terms the person using the app understands.
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    /// One form field is invalid; `field` is the input's name.
    #[error("{field}: {message}")]
    Invalid { field: &'static str, message: String },
    /// The same answer for unknown account, wrong password and password-less account.
    #[error("incorrect credentials")]
    InvalidCredentials,
    #[error("an account with this email already exists")]
    EmailTaken,
    #[error("rate limited for {minutes} minutes")]
    RateLimited { minutes: u64 },
    #[error("not signed in")]
    Unauthorized,
    /// Publishing or mailing from an account whose address nobody has proved.
    #[error("address not verified")]
    Unverified,
    /// A sensitive change on a device that has not proved who it is within 10 minutes.
    #[error("needs a recent sign-in")]
    NeedsRecentSignIn,
    #[error("not found")]
    NotFound,
    /// Signed in, but this needs more than the session has (a second factor for the console).
    #[error("forbidden: {0}")]
    Forbidden(&'static str),
    /// An operator locked the account: no sign-in until they unlock it.
    #[error("account locked")]
    Locked,
    /// A mailed link that is unknown, tampered, expired or already used.
    #[error("invalid or expired link")]
    InvalidLink,
    /// A request refused by a limit or a rule, with the reason shown as is.
    #[error("refused: {0}")]
    Refused(&'static str),
    /// A request that cannot succeed as sent (an expired sign-in attempt, a forged token).
    #[error("bad request: {0}")]
    BadRequest(&'static str),
    /// The account's state does not allow it, with the reason shown as is.
    #[error("conflict: {0}")]
    Conflict(&'static str),
    /// A service we depend on (the identity provider) did not answer.
    #[error("unavailable: {0}")]
    Unavailable(&'static str),
    /// Anything unexpected; details go to the log, never to the person.
    #[error("internal error: {0}")]
    Internal(String),
}

impl ServiceError {
    pub fn invalid(field: &'static str, message: impl Into<String>) -> Self {
        Self::Invalid { field, message: message.into() }
    }

    pub fn status(&self) -> StatusCode {
        match self {
            Self::Invalid { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            Self::InvalidCredentials => StatusCode::UNAUTHORIZED,
            Self::EmailTaken => StatusCode::CONFLICT,
            Self::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
            Self::Unauthorized => StatusCode::UNAUTHORIZED,
            Self::NeedsRecentSignIn | Self::Unverified | Self::Locked | Self::Forbidden(_) => {
                StatusCode::FORBIDDEN
            }
            Self::NotFound => StatusCode::NOT_FOUND,
            Self::InvalidLink => StatusCode::BAD_REQUEST,
            Self::Refused(_) => StatusCode::TOO_MANY_REQUESTS,
            Self::BadRequest(_) => StatusCode::BAD_REQUEST,
            Self::Conflict(_) => StatusCode::CONFLICT,
            Self::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            Self::Internal(_) => StatusCode::SERVICE_UNAVAILABLE,
        }
    }

    /// The message shown to the person, next to `field()` when there is one.
    pub fn user_message(&self) -> String {
        match self {
            Self::Invalid { message, .. } => message.clone(),
            Self::InvalidCredentials => "Incorrect email or password.".into(),
            Self::EmailTaken => "An account with this email already exists".into(),
            Self::RateLimited { minutes } => {
                let unit = if *minutes == 1 { "minute" } else { "minutes" };
                format!("Too many attempts. Try again in {minutes} {unit}.")
            }
            Self::Unauthorized => "Please sign in to continue.".into(),
            Self::NeedsRecentSignIn => "Confirm your password to continue".into(),
            Self::Unverified => UNVERIFIED.into(),
            Self::NotFound => "That no longer exists.".into(),
            Self::Locked => LOCKED.into(),
            Self::InvalidLink => "This link is invalid or has expired.".into(),
            Self::Refused(reason)
            | Self::Forbidden(reason)
            | Self::BadRequest(reason)
            | Self::Conflict(reason)
            | Self::Unavailable(reason) => (*reason).into(),
            Self::Internal(_) => "Something went wrong on our side. Please try again.".into(),
        }
    }

    /// The form field the message belongs to, if any.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            Self::Invalid { field, .. } => Some(field),
            Self::EmailTaken => Some("email"),
            _ => None,
        }
    }
}

/// Failed proofs and refused access, as log lines with the target `security`.
impl ServiceError {
    /// What the security log says about this error, if it is a failed proof or a refusal.
    /// Rate-limited requests are not logged one by one: a flood would become a flood of lines,
    /// and the attempts that led to the limit were logged already.
    fn refusal(&self) -> Option<&'static str> {
        Some(match self {
            Self::InvalidCredentials => "incorrect credentials",
            Self::Invalid { field: "code" | "recovery_code", .. } => "wrong code",
            Self::Invalid { message, .. } if message == WRONG_CURRENT_PASSWORD => {
                "failed re-confirmation: wrong password"
            }
            Self::BadRequest(message) if *message == PASSKEY_FAILED => "passkey did not work",
            Self::Unverified => "refused: address not verified",
            Self::NeedsRecentSignIn => "refused: no recent sign-in",
            Self::Locked => "refused: account locked",
            _ => return None,
        })
    }

    /// Logs the error when it is a failed proof or refused access. Call it where the error
    /// becomes a response: inside the request's span, so the line carries the request id (and
    /// its path). `user`: the signed-in account, if any.
    pub fn log_refusal(&self, user: Option<uuid::Uuid>) {
        let Some(what) = self.refusal() else {
            return;
        };
        match user {
            Some(user) => tracing::warn!(target: "security", %user, "{what}"),
            None => tracing::warn!(target: "security", "{what}"),
        }
    }
}

impl From<sqlx::Error> for ServiceError {
    fn from(e: sqlx::Error) -> Self {
        tracing::error!(error = %e, "database error");
        Self::Internal(e.to_string())
    }
}
