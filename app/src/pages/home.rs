use leptos::prelude::*;
use leptos_meta::Title;

use crate::{components::theme_toggle::ThemeToggle, site::SiteInfo};

#[component]
pub fn HomePage() -> impl IntoView {
    let site = expect_context::<SiteInfo>();
    view! {
        <Title text="Home"/>
        <section class="hero">
            <h1>"Welcome to " {site.service_name}</h1>
            <p>"One account, signed in safely on every device."</p>
            <p class="actions">
                <a class="button-link" href="/signup">"Create account"</a>
                <a href="/login">"Sign in"</a>
            </p>
            <ThemeToggle/>
        </section>
    }
}
