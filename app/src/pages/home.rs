use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::{components::theme_toggle::ThemeToggle, site::SiteInfo};

#[component]
pub fn HomePage() -> impl IntoView {
    let site = expect_context::<SiteInfo>();
    let deleted = use_query_map().get_untracked().get("deleted").is_some();
    view! {
        <Title text="Home"/>
        {deleted.then(|| view! { <p class="form-success" role="status">"Your account has been deleted."</p> })}
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
