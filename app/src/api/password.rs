//! The strength meter's judge: the server's own password rule, so the meter on the forms and
//! the refusal on submit cannot disagree.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::FormError;

/// What the meter shows for one password.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StrengthView {
    /// What the meter shows: "Strength: Weak" (worded here, as islands carry no catalog).
    pub text: String,
    /// 0 (nothing typed) to 4, for the bar.
    pub level: u8,
    /// True when the password would be accepted (breach check aside, done on submit).
    pub accepted: bool,
}

/// Judges `password` against the account's email words: the signed-in account's, else the
/// reset link's (`token`), else `email` as typed on the sign-up form. Nothing is stored or
/// logged, and the breach check is left to submit, so typing sends no hash prefixes anywhere.
#[server]
pub async fn password_strength(
    password: String,
    email: String,
    token: String,
) -> Result<StrengthView, FormError> {
    use super::ssr::*;
    use server::domain::Strength;
    let state = state()?;
    let client = client().await;
    let strength = state
        .accounts
        .password_strength(auth().as_ref(), &password, &email, &token, &client)
        .await
        .map_err(|e| fail(e, &[]))?;
    let (level, word) = match strength {
        Strength::TooShort => (1, tr!("form-strength-too-short")),
        Strength::TooLong => (1, tr!("form-strength-too-long")),
        Strength::Weak => (2, tr!("form-strength-weak")),
        Strength::Fair => (3, tr!("form-strength-fair")),
        Strength::Strong => (4, tr!("form-strength-strong")),
    };
    let text = tr!("form-strength", word = word);
    Ok(StrengthView { text, level, accepted: strength.is_accepted() })
}
