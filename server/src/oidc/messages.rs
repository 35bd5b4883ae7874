//! What people read when Google sign-in does not go through. Browsers and tests match these.

pub const CANCELLED: &str = "Google sign-in was cancelled.";
pub const EXPIRED: &str = "This sign-in attempt expired. Please try again.";
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
