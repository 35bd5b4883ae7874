//! Signing in (or up) with a code sent by mail: asking for one, typing it, and the mail's link.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::FormError;

/// What the page a mail's link opens shows (the service's `LinkView`, safe for the browser).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum CodeLink {
    /// This browser asked: one button signs it in.
    ThisBrowser { address: String },
    /// Another browser: the code, to type where the sign-in started.
    OtherBrowser { code: String },
    /// Used, replaced, expired or never made.
    Invalid,
}

#[cfg(feature = "ssr")]
const COOKIE: &str = server::accounts::email_code::COOKIE;
#[cfg(feature = "ssr")]
const COOKIE_TTL: std::time::Duration = std::time::Duration::from_secs(600);

/// Mails a code (when an account has the address, or with `new_account` to create one) and
/// binds this browser to it. The answer is the same for every address.
#[server]
pub async fn request_code(
    email: String,
    next: Option<String>,
    new_account: Option<String>,
) -> Result<(), FormError> {
    use super::ssr::*;
    let state = state()?;
    let client = client().await;
    let next = server::http::next::safe_next(next.as_deref());
    let new_account = new_account.is_some();
    match state.email_codes.request(&email, new_account, &next, &client).await {
        Ok(browser) => {
            set_token_cookie(&state, COOKIE, &browser, COOKIE_TTL);
            let page = if new_account { "/signup/code" } else { "/login/code" };
            let next = match next.as_str() {
                "/" => String::new(),
                other => format!("&next={}", server::http::next::encode_component(other)),
            };
            leptos_axum::redirect(&format!("{page}?sent=1{next}"));
            Ok(())
        }
        Err(e) => Err(fail(e, &[("email", email.trim()), ("next", &next)])),
    }
}

/// Whether this browser asked for a code in the last 10 minutes (its page then asks for it).
#[server]
pub async fn code_asked() -> Result<bool, FormError> {
    use super::ssr::*;
    let state = state()?;
    Ok(token_cookie(&state, COOKIE).is_some())
}

/// The code typed in the browser that asked for it.
#[server]
pub async fn sign_in_with_code(code: String) -> Result<(), FormError> {
    use super::ssr::*;
    let state = state()?;
    let client = client().await;
    let browser = token_cookie(&state, COOKIE);
    let done = state.email_codes.sign_in(browser.as_ref(), &code, &client).await;
    signed_in(&state, done)
}

/// What the mail's link shows in this browser; opening it changes nothing.
#[server]
pub async fn check_code_link(token: String) -> Result<CodeLink, FormError> {
    use super::ssr::*;
    use server::accounts::email_code::LinkView;
    let state = state()?;
    let browser = token_cookie(&state, COOKIE);
    Ok(match state.email_codes.link(&token, browser.as_ref()).await {
        Ok(LinkView::ThisBrowser { address }) => CodeLink::ThisBrowser { address },
        Ok(LinkView::OtherBrowser { code }) => CodeLink::OtherBrowser { code },
        Err(server::ServiceError::InvalidLink) => CodeLink::Invalid,
        Err(e) => return Err(fail(e, &[])),
    })
}

/// The link page's button: signs in this browser if it is the one that asked.
#[server]
pub async fn sign_in_with_code_link(token: String) -> Result<(), FormError> {
    use super::ssr::*;
    let state = state()?;
    let client = client().await;
    let browser = token_cookie(&state, COOKIE);
    let done = state.email_codes.sign_in_with_link(&token, browser.as_ref(), &client).await;
    signed_in(&state, done)
}

/// A finished first step: the session, or the two-step code page.
#[cfg(feature = "ssr")]
fn signed_in(
    app: &server::AppState,
    done: Result<(server::two_step::Begun, String), server::ServiceError>,
) -> Result<(), FormError> {
    use super::ssr::*;
    use server::two_step::{Begun, PENDING_COOKIE, PENDING_TTL};
    let (begun, next) = done.map_err(|e| fail(e, &[]))?;
    clear_token_cookie(app, COOKIE);
    match begun {
        Begun::Session(token) => {
            set_session_cookie(app, &token);
            leptos_axum::redirect(&next);
        }
        Begun::NeedsCode(pending) => {
            set_token_cookie(app, PENDING_COOKIE, &pending, PENDING_TTL);
            leptos_axum::redirect("/login/verify");
        }
    }
    Ok(())
}
