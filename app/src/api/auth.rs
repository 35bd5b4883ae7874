//! Sign-up, sign-in, sign-out and the current user.

use leptos::prelude::*;

use super::{FormError, UserView};

/// The signed-in person, for scripts and other instances' checks (pages use
/// [`signed_in_user`] directly).
#[server]
pub async fn current_user() -> Result<Option<UserView>, ServerFnError> {
    super::ssr::state().map_err(super::ssr::unavailable)?;
    Ok(signed_in_user())
}

/// The person the session middleware resolved for this request, as the browser may see them.
/// Synchronous: pages render it without a resource or a suspense boundary.
#[cfg(feature = "ssr")]
pub fn signed_in_user() -> Option<UserView> {
    let state = use_context::<server::AppState>()?;
    let auth = super::ssr::auth()?;
    let u = &auth.user;
    let label = u.display_name.clone().unwrap_or_else(|| u.email.clone());
    let avatar = |side| u.avatar_key.as_deref().map(|k| state.profiles.avatar_url(k, side));
    Some(UserView {
        email: u.email.clone(),
        email_verified: u.email_verified_at.is_some(),
        has_password: u.has_password,
        initials: super::initials(&label),
        label,
        display_name: u.display_name.clone(),
        username: u.username.clone(),
        bio: u.bio.clone(),
        avatar_small: avatar(server::profile::avatar::SMALL),
        avatar_large: avatar(server::profile::avatar::LARGE),
        is_admin: u.is_admin,
    })
}

#[server]
pub async fn sign_up(email: String, password: String) -> Result<(), FormError> {
    use super::ssr::*;
    let state = state()?;
    let client = client().await;
    match state.accounts.sign_up(&email, &password, &client).await {
        Ok((_, token)) => {
            set_session_cookie(&state, &token);
            leptos_axum::redirect("/");
            Ok(())
        }
        Err(e) => Err(fail(e, &[("email", email.trim())])),
    }
}

#[server]
pub async fn sign_in(identifier: String, password: String, next: Option<String>) -> Result<(), FormError> {
    use super::ssr::*;
    let state = state()?;
    let client = client().await;
    let next = server::http::next::safe_next(next.as_deref());
    match state.accounts.sign_in(&identifier, &password, &next, &client).await {
        Ok((_, server::two_step::Begun::Session(token))) => {
            set_session_cookie(&state, &token);
            leptos_axum::redirect(&next);
            Ok(())
        }
        Ok((_, server::two_step::Begun::NeedsCode(pending))) => {
            set_token_cookie(
                &state,
                server::two_step::PENDING_COOKIE,
                &pending,
                server::two_step::PENDING_TTL,
            );
            leptos_axum::redirect("/login/verify");
            Ok(())
        }
        Err(e) => Err(fail(e, &[("identifier", identifier.trim()), ("next", &next)])),
    }
}

#[server]
pub async fn sign_out() -> Result<(), FormError> {
    use super::ssr::*;
    let state = state()?;
    if let Some(auth) = auth() {
        state.accounts.sign_out(&auth).await.map_err(|e| fail(e, &[]))?;
    }
    clear_session_cookie(&state);
    leptos_axum::redirect("/");
    Ok(())
}
