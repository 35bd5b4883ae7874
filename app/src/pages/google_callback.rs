use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::google::finish_google_sign_in;

/// `/auth/google/callback`: where the provider sends the browser back. The server finishes the
/// sign-in while rendering and redirects; this page only shows when it could not.
#[component]
pub fn GoogleCallbackPage() -> impl IntoView {
    let query = use_query_map().get_untracked();
    let outcome =
        OnceResource::new(finish_google_sign_in(query.get("code"), query.get("state"), query.get("error")));
    view! {
        <Title text="Google sign-in"/>
        <section class="card">
            <h1>"Google sign-in"</h1>
            <Suspense fallback=|| view! { <p class="loading">"Signing you in…"</p> }>
                {move || Suspend::new(async move {
                    match outcome.await {
                        Ok(()) => view! { <p class="loading">"Signing you in…"</p> }.into_any(),
                        Err(e) => view! {
                            <p class="form-error" role="alert">{e.to_string()}</p>
                            <p><a href="/login">"Back to sign in"</a></p>
                        }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}
