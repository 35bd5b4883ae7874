//! The strength meter's judge: the server's own password rule, so the meter on the forms and
//! the refusal on submit cannot disagree.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::FormError;

/// What the meter shows for one password.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StrengthView {
    /// "Too short", "Too long", "Weak", "Fair" or "Strong".
    pub word: String,
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
    let level = match strength {
        Strength::TooShort | Strength::TooLong => 1,
        Strength::Weak => 2,
        Strength::Fair => 3,
        Strength::Strong => 4,
    };
    Ok(StrengthView { word: strength.word().to_owned(), level, accepted: strength.is_accepted() })
}
