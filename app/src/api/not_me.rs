//! "This wasn't me", the link in every security notice.

use leptos::prelude::*;

use super::FormError;

/// Whether a "This wasn't me" link can still be used, without spending it (an unusable one
/// answers 400): opening a link changes nothing, so mail scanners that fetch links spend none.
#[server]
pub async fn check_not_me_link(token: String) -> Result<(), FormError> {
    use super::ssr::*;
    let state = state()?;
    let valid = state.email.not_me_link_is_valid(&token).await.map_err(|e| fail(e, &[]))?;
    if !valid {
        return Err(fail(server::ServiceError::InvalidLink, &[]));
    }
    Ok(())
}

/// Spends a "This wasn't me" link: the button on its page posts here. Every session of the
/// account ends (this browser's too), pending links die, and a reset link is mailed.
#[server]
pub async fn not_me(token: String) -> Result<(), FormError> {
    use super::ssr::*;
    let state = state()?;
    let client = client().await;
    state.email.not_me(&token, &client).await.map_err(|e| fail(e, &[]))?;
    clear_session_cookie(&state);
    if is_html_form_post() {
        leptos_axum::redirect("/not-me?done=1");
    }
    Ok(())
}
