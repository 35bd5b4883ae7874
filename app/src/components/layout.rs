use leptos::prelude::*;

use crate::site::SiteInfo;

/// Site name linking home, and the navigation.
#[component]
pub fn Header() -> impl IntoView {
    let site = expect_context::<SiteInfo>();
    view! {
        <header class="site-header">
            <a class="brand" href="/">{site.service_name}</a>
            <nav class="site-nav" aria-label="Account">
                <a href="/login">"Sign in"</a>
                <a class="button-link" href="/signup">"Create account"</a>
            </nav>
        </header>
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
