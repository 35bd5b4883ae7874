use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::providers::{finish_sign_in, sign_in_providers};

/// `/auth/<provider>/callback`: where the provider sends the browser back. The server finishes
/// the sign-in while rendering and redirects; this page only shows when it could not.
#[component]
pub fn ProviderCallbackPage() -> impl IntoView {
    let query = use_query_map().get_untracked();
    let provider = use_params_map().get_untracked().get("provider").unwrap_or_default();
    let outcome = OnceResource::new(finish_sign_in(
        provider.clone(),
        query.get("code"),
        query.get("state"),
        query.get("error"),
        query.get("user"),
    ));
    let providers = OnceResource::new(sign_in_providers());
    view! {
        <Suspense fallback=|| view! { <p class="loading">{tr!("provider-signing-in")}</p> }>
            {move || {
                let provider = provider.clone();
                Suspend::new(async move {
                    let label = providers
                        .await
                        .unwrap_or_default()
                        .into_iter()
                        .find(|p| p.id == provider)
                        .map_or_else(
                            || tr!("provider-sign-in-generic").to_owned(),
                            |p| tr!("provider-sign-in-named", provider = p.label),
                        );
                    let body = match outcome.await {
                        Ok(()) => view! { <p class="loading">{tr!("provider-signing-in")}</p> }.into_any(),
                        Err(e) => view! {
                            <p class="form-error" role="alert">{e.to_string()}</p>
                            <p><a href="/login">{tr!("form-back-to-sign-in")}</a></p>
                        }
                        .into_any(),
                    };
                    view! {
                        <Title text=label.clone()/>
                        <section class="card">
                            <h1>{label}</h1>
                            {body}
                        </section>
                    }
                })
            }}
        </Suspense>
    }
}
