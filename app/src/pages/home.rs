use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::{components::session_context::signed_in, site::SiteInfo};

/// `/`: an invitation to sign up or in; signed in, a greeting and the way to one's account.
/// After "Delete account" with a grace period.
pub const SCHEDULED: &str =
    "Your account will be deleted. We've emailed you the date: sign in before then to keep it.";

#[component]
pub fn HomePage() -> impl IntoView {
    let site = expect_context::<SiteInfo>();
    // `deleted` comes only through the signed flash cookie (see `server::http::flash`).
    let deleted = use_query_map().get_untracked().get("deleted");
    view! {
        <Title text="Home"/>
        {deleted.map(|d| view! {
            <p class="form-success" role="status">
                {if d == "scheduled" { SCHEDULED } else { "Your account has been deleted." }}
            </p>
        })}
        <section class="hero">
            {match signed_in() {
                Some(user) => view! {
                    <h1>"Welcome back, " {user.label}</h1>
                    <p class="actions">
                        <a class="button-link" href="/account">"Account"</a>
                        <a href="/account/security">"Security and devices"</a>
                    </p>
                }.into_any(),
                None => view! {
                    <h1>"Welcome to " {site.service_name}</h1>
                    <p>"One account, signed in safely on every device."</p>
                    <p class="actions">
                        <a class="button-link" href="/signup">"Create account"</a>
                        <a href="/login">"Sign in"</a>
                    </p>
                }.into_any(),
            }}
        </section>
    }
}
