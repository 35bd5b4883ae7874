//! The language choice: the footer's form posts here; the answer keeps the choice in the `lang`
//! cookie and (a plain form post) returns to the page it came from. A signed-in person's mails
//! follow the choice too: it becomes the account's language.

use leptos::prelude::*;

use super::FormError;

#[server]
pub async fn set_language(lang: String) -> Result<(), FormError> {
    use super::ssr::*;
    let Some(lang) = server::i18n::Lang::parse(&lang) else {
        return Err(FormError::message(crate::i18n::t("language-invalid")));
    };
    let state = state()?;
    // `auth`, not `require_auth`: an account waiting to be deleted still gets its mails.
    if let Some(auth) = auth()
        && auth.user.lang != lang
    {
        state.profiles.set_language(auth.user.id, lang).await.map_err(|e| fail(e, &[]))?;
    }
    let secure = state.sessions.cookies_secure();
    if let (Some(response), Ok(value)) =
        (use_context::<leptos_axum::ResponseOptions>(), http::HeaderValue::from_str(&lang.cookie(secure)))
    {
        response.append_header(http::header::SET_COOKIE, value);
    }
    Ok(())
}
