//! The theme choice without JavaScript: the header's form posts here, the answer sets the
//! cookie and (a plain form post) returns to the page it came from.

use leptos::prelude::*;

use super::FormError;

#[server]
pub async fn set_theme(theme: String) -> Result<(), FormError> {
    use super::ssr::*;
    let Some(theme) = crate::theme::Theme::parse(&theme) else {
        return Err(FormError::message(tr!("theme-invalid")));
    };
    let secure = state()?.sessions.cookies_secure();
    if let (Some(response), Ok(value)) =
        (use_context::<leptos_axum::ResponseOptions>(), http::HeaderValue::from_str(&theme.cookie(secure)))
    {
        response.append_header(http::header::SET_COOKIE, value);
    }
    Ok(())
}
