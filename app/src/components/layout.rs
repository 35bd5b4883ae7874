use leptos::prelude::*;

use leptos::server_fn::ServerFn;

use super::{session_context::signed_in, theme_toggle::ThemeToggle};
use crate::{
    api::{auth::SignOut, language::SetLanguage},
    site::SiteInfo,
};

/// Site name linking home, and the navigation: sign-in links, or the person and "Sign out".
#[component]
pub fn Header() -> impl IntoView {
    let site = expect_context::<SiteInfo>();
    let signed_out = || {
        view! {
            <a href="/login">{tr!("nav-sign-in")}</a>
            <a class="button-link" href="/signup">{tr!("nav-create-account")}</a>
        }
    };
    view! {
        <header class="site-header">
            <a class="brand" href="/">{site.service_name}</a>
            <nav class="site-nav" aria-label="Account">
                {match signed_in() {
                    Some(user) => view! {
                        {user.is_admin.then(|| view! { <a href="/admin">{tr!("nav-admin")}</a> })}
                        <a class="user-link" href="/account">
                            <Avatar url=user.avatar_small.clone() initials=user.initials.clone() size=32/>
                            <span>{user.label}</span>
                        </a>
                        <form method="post" action=SignOut::PATH class="inline-form">
                            <button type="submit" class="link-button">{tr!("nav-sign-out")}</button>
                        </form>
                    }.into_any(),
                    None => signed_out().into_any(),
                }}
                <ThemeToggle/>
            </nav>
        </header>
    }
}

/// The person's picture, or their initials in a circle when there is none. The circle is sized
/// by a class (`avatar-32`, `avatar-64`, `avatar-128`): pages allow no inline styles.
#[component]
pub fn Avatar(url: Option<String>, initials: String, size: u32) -> impl IntoView {
    match url {
        Some(src) => {
            view! { <img class="avatar" src=src alt=tr!("avatar-alt") width=size height=size/> }.into_any()
        }
        None => view! {
            <span class=format!("avatar initials avatar-{size}") aria-hidden="true">{initials}</span>
        }
        .into_any(),
    }
}

#[component]
pub fn Footer() -> impl IntoView {
    let site = expect_context::<SiteInfo>();
    view! {
        <footer class="site-footer">
            <span>{site.service_name}</span>
            <LanguagePicker/>
        </footer>
    }
}

/// The language picker: a plain form post, like the theme choice, so it works without
/// JavaScript. Each language is listed in its own name.
#[component]
fn LanguagePicker() -> impl IntoView {
    view! {
        <form method="post" action=SetLanguage::PATH class="language-choice">
            <label for="language-select">{tr!("language-label")}</label>
            <select id="language-select" name="lang" inner_html=options(crate::i18n::lang_code())></select>
            <button type="submit" class="link-button">{tr!("language-choose")}</button>
        </form>
    }
}

/// Code and own name of each language (`server::i18n::Lang`, which the browser build lacks).
const LANGUAGES: [(&str, &str); 3] = [("en", "English"), ("de", "Deutsch"), ("ja", "日本語")];

/// The picker's `<option>`s with `current` selected: the same markup on every page in a
/// language, so written once per language (the names need no escaping).
fn options(current: &str) -> &'static str {
    static OPTIONS: std::sync::LazyLock<[String; 3]> = std::sync::LazyLock::new(|| {
        LANGUAGES.map(|(chosen, _)| {
            LANGUAGES
                .iter()
                .map(|(code, name)| {
                    let selected = if *code == chosen { " selected" } else { "" };
                    format!(r#"<option value="{code}" lang="{code}"{selected}>{name}</option>"#)
                })
                .collect()
        })
    });
    let index = LANGUAGES.iter().position(|(code, _)| *code == current).unwrap_or(0);
    &OPTIONS[index]
}
