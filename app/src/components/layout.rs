use leptos::prelude::*;

use leptos::server_fn::ServerFn;

use super::{session_context::signed_in, theme_toggle::ThemeToggle};
use crate::{api::auth::SignOut, site::SiteInfo};

/// Site name linking home, and the navigation: sign-in links, or the person and "Sign out".
#[component]
pub fn Header() -> impl IntoView {
    let site = expect_context::<SiteInfo>();
    let signed_out = || {
        view! {
            <a href="/login">"Sign in"</a>
            <a class="button-link" href="/signup">"Create account"</a>
        }
    };
    view! {
        <header class="site-header">
            <a class="brand" href="/">{site.service_name}</a>
            <nav class="site-nav" aria-label="Account">
                {match signed_in() {
                    Some(user) => view! {
                        {user.is_admin.then(|| view! { <a href="/admin">"Admin"</a> })}
                        <a class="user-link" href="/account">
                            <Avatar url=user.avatar_small.clone() initials=user.initials.clone() size=32/>
                            <span>{user.label}</span>
                        </a>
                        <form method="post" action=SignOut::PATH class="inline-form">
                            <button type="submit" class="link-button">"Sign out"</button>
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
        Some(src) => view! { <img class="avatar" src=src alt="Avatar" width=size height=size/> }.into_any(),
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
        </footer>
    }
}
