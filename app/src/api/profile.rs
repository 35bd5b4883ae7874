//! Profile fields, avatar removal, public profiles and account deletion.

use leptos::prelude::*;

use super::{FormError, PublicProfileView};

#[server]
pub async fn update_profile(display_name: String, username: String, bio: String) -> Result<(), FormError> {
    use super::ssr::*;
    let state = state()?;
    let auth = require_auth()?;
    let typed =
        [("display_name", display_name.as_str()), ("username", username.as_str()), ("bio", bio.as_str())];
    auth.require_verified().map_err(|e| fail(e, &typed))?;
    state.profiles.update(auth.user.id, &display_name, &username, &bio).await.map_err(|e| fail(e, &typed))?;
    if is_html_form_post() {
        leptos_axum::redirect("/account?saved=1");
    }
    Ok(())
}

#[server]
pub async fn remove_avatar() -> Result<(), FormError> {
    use super::ssr::*;
    let state = state()?;
    let auth = require_auth()?;
    state.profiles.remove_avatar(auth.user.id).await.map_err(|e| fail(e, &[]))?;
    Ok(())
}

#[server]
pub async fn public_profile(username: String) -> Result<Option<PublicProfileView>, ServerFnError> {
    use super::ssr::*;
    let state = state().map_err(unavailable)?;
    let found = state
        .profiles
        .public(&username)
        .await
        .map_err(|e| unavailable(e.user_message(crate::i18n::lang())))?;
    Ok(found.map(|p| {
        let label = p.display_name.clone().unwrap_or_else(|| p.username.clone());
        PublicProfileView {
            initials: super::initials(&label),
            avatar_url: p
                .avatar_key
                .as_deref()
                .map(|k| state.profiles.avatar_url(k, server::profile::avatar::LARGE)),
            username: p.username,
            display_name: p.display_name,
            bio: p.bio,
        }
    }))
}

#[server]
pub async fn delete_account(password: String) -> Result<(), FormError> {
    use super::ssr::*;
    let state = state()?;
    let auth = require_auth()?;
    let client = client().await;
    let done = state.profiles.delete_account(&auth, &password, &client).await.map_err(|e| fail(e, &[]))?;
    clear_session_cookie(&state);
    leptos_axum::redirect(match done {
        server::profile::Deletion::Done => "/?deleted=1",
        server::profile::Deletion::Scheduled(_) => "/?deleted=scheduled",
    });
    Ok(())
}

/// When the signed-in person's account will be deleted (`None`: it is not waiting).
#[server]
pub async fn deletion_due() -> Result<Option<String>, FormError> {
    use super::ssr::*;
    let due = auth().and_then(|a| a.user.deletion_due_at);
    Ok(due.map(|at| server::i18n::moments::date(crate::i18n::lang(), at)))
}

/// "Keep my account", signed in during the grace period.
#[server]
pub async fn keep_account() -> Result<(), FormError> {
    use super::ssr::*;
    let state = state()?;
    let auth = auth().ok_or_else(|| fail(server::ServiceError::Unauthorized, &[]))?;
    let client = client().await;
    state.profiles.keep_account(&auth, &client).await.map_err(|e| fail(e, &[]))?;
    leptos_axum::redirect("/account?kept=1");
    Ok(())
}

/// "Delete now", signed in during the grace period.
#[server]
pub async fn delete_now() -> Result<(), FormError> {
    use super::ssr::*;
    let state = state()?;
    let auth = auth().ok_or_else(|| fail(server::ServiceError::Unauthorized, &[]))?;
    state.profiles.delete_now(&auth).await.map_err(|e| fail(e, &[]))?;
    clear_session_cookie(&state);
    leptos_axum::redirect("/?deleted=1");
    Ok(())
}
