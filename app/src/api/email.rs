//! Email verification, password reset and email change.

use leptos::prelude::*;

use super::FormError;

/// Follows a link from a verification or email-change mail.
#[server]
pub async fn verify_email(token: String) -> Result<(), FormError> {
    use super::ssr::*;
    let state = state()?;
    let client = client().await;
    state.email.verify(&token, &client).await.map_err(|e| fail(e, &[]))
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
    state.email.reset_password(&token, &new_password, &client).await.map_err(|e| fail(e, &[]))?;
    clear_session_cookie(&state);
    leptos_axum::redirect("/login?reset=1");
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
            leptos_axum::redirect(&server::session::recent::confirm_path("/account/security"));
            return Ok(String::new());
        }
        other => other.map_err(|e| fail(e, &[("new_email", new_email.trim())]))?,
    };
    if is_html_form_post() {
        leptos_axum::redirect(&format!("/account/security?email_sent={}", urlencode(&sent_to)));
    }
    Ok(sent_to)
}

#[cfg(feature = "ssr")]
fn urlencode(s: &str) -> String {
    server::http::next::encode_component(s)
}
