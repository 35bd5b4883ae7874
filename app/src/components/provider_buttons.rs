//! "Continue with <provider>" on the sign-in and sign-up pages: plain links, so they work with
//! JavaScript off, one per configured provider in the configured order; and why the last
//! attempt came back (`?<provider>=cancelled` on the URL).

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::require_user::urlencode;
use crate::api::providers::{ProviderView, sign_in_providers};

/// Why the last attempt with the provider labelled `label` came back to this page. The reasons
/// are fixed codes rather than text in the URL, so a crafted link cannot put words on our
/// pages (the label comes from the configuration).
pub fn provider_notice(label: &str, code: &str) -> Option<String> {
    match code {
        "cancelled" => Some(tr!("provider-cancelled", provider = label)),
        "unavailable" => Some(tr!("provider-unavailable", provider = label)),
        "failed" => Some(tr!("provider-failed", provider = label)),
        _ => None,
    }
}

/// The notices of every provider named on the URL (`?github=cancelled`).
pub fn notices(providers: &[ProviderView], query: &leptos_router::params::ParamsMap) -> Vec<String> {
    providers
        .iter()
        .filter_map(|p| query.get(&p.id).and_then(|code| provider_notice(&p.label, &code)))
        .collect()
}

/// The alerts for the last attempts that came back to this page.
#[component]
pub fn ProviderNotices() -> impl IntoView {
    let providers = OnceResource::new(sign_in_providers());
    let query = use_query_map().get_untracked();
    view! {
        <Suspense>
            {move || {
                let query = query.clone();
                Suspend::new(async move {
                    let providers = providers.await.unwrap_or_default();
                    notices(&providers, &query)
                        .into_iter()
                        .map(|m| view! { <p class="form-error" role="alert">{m}</p> })
                        .collect_view()
                })
            }}
        </Suspense>
    }
}

#[component]
pub fn ProviderButtons(#[prop(into)] next: Signal<String>) -> impl IntoView {
    let providers = OnceResource::new(sign_in_providers());
    let href = move |id: &str| match next.get().as_str() {
        "/" | "" => format!("/auth/{id}"),
        n => format!("/auth/{id}?next={}", urlencode(n)),
    };
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                let providers = providers.await.unwrap_or_default();
                (!providers.is_empty()).then(|| view! {
                    <div class="alt-sign-in">
                        <p class="divider"><span>{tr!("provider-or")}</span></p>
                        {providers.into_iter().map(|p| view! {
                            <a class=format!("button-link button-provider button-{}", p.id) href=href(&p.id) rel="external">
                                {tr!("provider-continue-with", provider = &p.label)}
                            </a>
                        }).collect_view()}
                    </div>
                })
            })}
        </Suspense>
    }
}
