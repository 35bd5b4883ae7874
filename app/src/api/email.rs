//! Email verification, password reset and email change.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::FormError;

/// What a link from a verification or email-change mail does.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum EmailLink {
    Verify,
    Change { new_email: String },
}

#[cfg(feature = "ssr")]
impl From<server::accounts::EmailLink> for EmailLink {
    fn from(link: server::accounts::EmailLink) -> Self {
        match link {
            server::accounts::EmailLink::Verify => Self::Verify,
            server::accounts::EmailLink::Change { new_email } => Self::Change { new_email },
        }
    }
}

/// What the link would do, without spending it (an invalid one answers 400): opening a link
/// changes nothing, so mail scanners that fetch links spend none.
#[server]
pub async fn check_email_link(token: String) -> Result<EmailLink, FormError> {
    use super::ssr::*;
    let state = state()?;
    state.email.email_link(&token).await.map(EmailLink::from).map_err(|e| fail(e, &[]))
}

/// Spends a link from a verification or email-change mail: the button on its page posts here.
#[server]
pub async fn verify_email(token: String) -> Result<EmailLink, FormError> {
    use super::ssr::*;
    let state = state()?;
    let client = client().await;
    let done = state.email.verify(&token, &client).await.map_err(|e| fail(e, &[]))?;
    if is_html_form_post() {
        let outcome = match done {
            server::accounts::EmailLink::Verify => "verified",
            server::accounts::EmailLink::Change { .. } => "changed",
        };
        leptos_axum::redirect(&format!("/verify-email?done={outcome}"));
    }
    Ok(done.into())
}

#[server]
pub async fn resend_verification() -> Result<(), FormError> {
    use super::ssr::*;
    let state = state()?;
    let auth = require_auth()?;
    let client = client().await;
    state.email.resend_verification(&auth, &client).await.map_err(|e| fail(e, &[]))?;
    if is_html_form_post() {
        leptos_axum::redirect("/verify-email?resent=1");
    }
    Ok(())
}

#[server]
pub async fn forgot_password(email: String) -> Result<(), FormError> {
    use super::ssr::*;
    let state = state()?;
    let client = client().await;
    state.email.forgot_password(&email, client.ip).await.map_err(|e| fail(e, &[("email", email.trim())]))?;
    if is_html_form_post() {
        leptos_axum::redirect("/forgot-password?sent=1");
    }
    Ok(())
}

/// Whether a reset link can still be used; an unusable one answers 400.
#[server]
pub async fn check_reset_link(token: String) -> Result<bool, FormError> {
    use super::ssr::*;
    let state = state()?;
    let valid = state.email.reset_link_is_valid(&token).await.map_err(|e| fail(e, &[]))?;
    if !valid {
        return Err(fail(server::ServiceError::InvalidLink, &[]));
    }
    Ok(true)
}

#[server]
pub async fn reset_password(token: String, new_password: String) -> Result<(), FormError> {
    use super::ssr::*;
    let state = state()?;
    let client = client().await;
    let reset = state.email.reset_password(&token, &new_password, &client).await.map_err(|e| fail(e, &[]))?;
    clear_session_cookie(&state);
    // `done` travels in the signed flash cookie (a link cannot put this notice on the page).
    let done = if reset.removed_unproven { "&done=unproven_removed" } else { "" };
    leptos_axum::redirect(&format!("/login?reset=1{done}"));
    Ok(())
}

/// Returns the new address the confirmation link was sent to.
#[server]
pub async fn change_email(new_email: String, email_password: String) -> Result<String, FormError> {
    use super::ssr::*;
    let state = state()?;
    let auth = require_auth()?;
    let client = client().await;
    let sent_to = state.email.request_email_change(&auth, &new_email, &email_password, &client).await;
    let sent_to = match sent_to {
        Err(server::ServiceError::NeedsRecentSignIn) if is_html_form_post() => {
            leptos_axum::redirect(&server::session::confirm_path("/account/security"));
            return Ok(String::new());
        }
        other => other.map_err(|e| fail(e, &[("new_email", new_email.trim())]))?,
    };
    if is_html_form_post() {
        leptos_axum::redirect(&format!(
            "/account/security?email_sent={}",
            crate::components::require_user::urlencode(&sent_to)
        ));
    }
    Ok(sent_to)
}
