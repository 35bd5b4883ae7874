//! Sign-up, sign-in, sign-out and the current user.

use leptos::prelude::*;

use super::{FormError, UserView};

#[server]
pub async fn current_user() -> Result<Option<UserView>, ServerFnError> {
    Ok(super::ssr::auth().await.map(|a| UserView {
        email: a.user.email.clone(),
        label: a
            .user
            .display_name
            .clone()
            .unwrap_or_else(|| a.user.email.clone()),
    }))
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
pub async fn sign_in(
    identifier: String,
    password: String,
    next: Option<String>,
) -> Result<(), FormError> {
    use super::ssr::*;
    let state = state()?;
    let client = client().await;
    let next = super::safe_next(next.as_deref());
    match state
        .accounts
        .sign_in(&identifier, &password, &client)
        .await
    {
        Ok((_, token)) => {
            set_session_cookie(&state, &token);
            leptos_axum::redirect(&next);
            Ok(())
        }
        Err(e) => Err(fail(
            e,
            &[("identifier", identifier.trim()), ("next", &next)],
        )),
    }
}

#[server]
pub async fn sign_out() -> Result<(), FormError> {
    use super::ssr::*;
    let state = state()?;
    if let Some(auth) = auth().await {
        state
            .accounts
            .sign_out(&auth)
            .await
            .map_err(|e| fail(e, &[]))?;
    }
    clear_session_cookie(&state);
    leptos_axum::redirect("/");
    Ok(())
}
