use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::{components::session_context::signed_in, site::SiteInfo};

/// `/`: an invitation to sign up or in; signed in, a greeting and the way to one's account.
#[component]
pub fn HomePage() -> impl IntoView {
    let site = expect_context::<SiteInfo>();
    // `deleted` comes only through the signed flash cookie (see `server::http::flash`).
    let deleted = use_query_map().get_untracked().get("deleted");
    view! {
        <Title text=tr!("home-title")/>
        {deleted.map(|d| view! {
            <p class="form-success" role="status">
                {if d == "scheduled" { tr!("home-deletion-scheduled") } else { tr!("home-deleted") }}
            </p>
        })}
        <section class="hero">
            {match signed_in() {
                Some(user) => view! {
                    <h1>{tr!("home-welcome-back", name = user.label)}</h1>
                    <p class="actions">
                        <a class="button-link" href="/account">{tr!("nav-account")}</a>
                        <a href="/account/security">{tr!("home-security-link")}</a>
                    </p>
                }.into_any(),
                None => view! {
                    <h1>{tr!("home-welcome", service = site.service_name)}</h1>
                    <p>{tr!("home-tagline")}</p>
                    <p class="actions">
                        <a class="button-link" href="/signup">{tr!("nav-create-account")}</a>
                        <a href="/login">{tr!("nav-sign-in")}</a>
                    </p>
                }.into_any(),
            }}
        </section>
    }
}
