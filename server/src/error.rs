//! The service layer's one error type, mapped to an HTTP status and a message a person can
//! act on in exactly one place.
//!
//! Errors carry Fluent message ids (`err-…`, in `locales/<lang>/errors.ftl`), never words:
//! [`ServiceError::user_message`] is the one place they become the reader's language.

use axum::http::StatusCode;

use crate::i18n::{self, Lang};

/// The answer to publishing or mailing before the address is verified (#18).
pub const UNVERIFIED: &str = "err-unverified";

/// The answer to any sign-in of an account an operator locked.
pub const LOCKED: &str = "err-locked";
/// A wrong current password when re-confirming (a failed proof in the security log).
pub const WRONG_CURRENT_PASSWORD: &str = "err-wrong-current-password";
/// A passkey answer that did not verify (a failed proof in the security log).
pub const PASSKEY_FAILED: &str = "err-passkey-failed";

/// What went wrong, in terms the person using the app understands.
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    /// One form field is invalid; `field` is the input's name, `message` a message id.
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
    /// A request refused by a limit or a rule; the reason (a message id) is shown.
    #[error("refused: {0}")]
    Refused(&'static str),
    /// A request that cannot succeed as sent (an expired sign-in attempt, a forged token).
    #[error("bad request: {0}")]
    BadRequest(&'static str),
    /// The account's state does not allow it; the reason (a message id) is shown.
    #[error("conflict: {0}")]
    Conflict(&'static str),
    /// A service we depend on (the identity provider) did not answer.
    #[error("unavailable: {0}")]
    Unavailable(&'static str),
    /// A sign-in provider's attempt did not go through, in words that name the provider:
    /// `id` is a message taking its label as `$provider`; `status` is the answer's.
    #[error("{provider}: {id}")]
    Provider { status: StatusCode, id: &'static str, provider: &'static str },
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
            Self::Provider { status, .. } => *status,
            Self::Internal(_) => StatusCode::SERVICE_UNAVAILABLE,
        }
    }

    /// A service we depend on did not answer: worth trying again later.
    pub fn is_unavailable(&self) -> bool {
        match self {
            Self::Unavailable(_) => true,
            Self::Provider { status, .. } => *status == StatusCode::SERVICE_UNAVAILABLE,
            _ => false,
        }
    }

    /// The message shown to the person in `lang`, next to `field()` when there is one.
    pub fn user_message(&self, lang: Lang) -> String {
        let say = |message: &str| say(lang, message);
        match self {
            Self::Invalid { message, .. } => say(message),
            Self::InvalidCredentials => say("err-invalid-credentials"),
            Self::EmailTaken => say("err-email-taken"),
            Self::RateLimited { minutes } => {
                i18n::tr_args(lang, "err-rate-limited", &[("count", (*minutes).into())])
            }
            Self::Unauthorized => say("err-unauthorized"),
            Self::NeedsRecentSignIn => say("err-needs-recent-sign-in"),
            Self::Unverified => say(UNVERIFIED),
            Self::NotFound => say("err-not-found"),
            Self::Locked => say(LOCKED),
            Self::InvalidLink => say("err-invalid-link"),
            Self::Refused(reason)
            | Self::Forbidden(reason)
            | Self::BadRequest(reason)
            | Self::Conflict(reason)
            | Self::Unavailable(reason) => say(reason),
            Self::Provider { id, provider, .. } => {
                i18n::tr_args(lang, id, &[("provider", (*provider).into())])
            }
            Self::Internal(_) => say("err-internal"),
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

/// A message id (`err-email-invalid`) in `lang`. Words that are no id (an error made with a
/// sentence rather than an id) are shown as they are.
pub fn say(lang: Lang, message: &str) -> String {
    let is_id = message.contains('-')
        && message.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if is_id { i18n::tr(lang, message).to_owned() } else { message.to_owned() }
}

impl From<sqlx::Error> for ServiceError {
    fn from(e: sqlx::Error) -> Self {
        tracing::error!(error = %e, "database error");
        Self::Internal(e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_read_in_the_reader_language() {
        let limited = |minutes| ServiceError::RateLimited { minutes }.user_message(Lang::En);
        assert_eq!(limited(1), "Too many attempts. Try again in 1 minute.");
        assert_eq!(limited(15), "Too many attempts. Try again in 15 minutes.");
        assert_eq!(
            ServiceError::Locked.user_message(Lang::En),
            "This account is locked. Contact support to unlock it."
        );
        assert_eq!(ServiceError::Unverified.user_message(Lang::De), i18n::tr(Lang::De, UNVERIFIED));
        let wrong = ServiceError::invalid("current_password", WRONG_CURRENT_PASSWORD);
        assert_eq!(wrong.user_message(Lang::En), "Your current password is incorrect");
        assert_eq!(wrong.refusal(), Some("failed re-confirmation: wrong password"));
        assert_eq!(ServiceError::BadRequest(PASSKEY_FAILED).refusal(), Some("passkey did not work"));
        let words = ServiceError::invalid("q", "Already in the reader's words.");
        assert_eq!(words.user_message(Lang::Ja), "Already in the reader's words.");
        let provider = ServiceError::Provider {
            status: StatusCode::BAD_REQUEST,
            id: "err-provider-rejected",
            provider: "Acme",
        };
        assert_eq!(provider.user_message(Lang::En), "Acme sign-in failed. Please try again.");
    }
}
