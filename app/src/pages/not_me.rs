use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::{
    api::not_me::{NotMe, check_not_me_link},
    components::form::{FormMessage, SubmitButton, form_error},
};

/// `/not-me`: the "This wasn't me" link of a security notice (`?token=`) opens a page with one
/// button that spends it, so a mail scanner that fetches the link changes nothing; `?done=`
/// (only ever from the signed flash cookie) says the button worked.
#[component]
pub fn NotMePage() -> impl IntoView {
    let query = use_query_map().get_untracked();
    let done = query.get("done").is_some();
    let token = query.get("token");
    view! {
        <Title text=tr!("notme-title")/>
        <section class="card">
            {match (done, token) {
                (true, _) => view! { <Done/> }.into_any(),
                (false, Some(token)) => view! { <Confirm token/> }.into_any(),
                (false, None) => view! { <Invalid/> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn Done() -> impl IntoView {
    view! {
        <h1>{tr!("notme-done")}</h1>
        <p>{tr!("notme-done-explain")}</p>
        <p>{tr!("notme-done-reset")}</p>
        <p><a href="/login">{tr!("nav-sign-in")}</a></p>
    }
}

#[component]
fn Invalid() -> impl IntoView {
    view! {
        <h1>{tr!("verify-invalid-link")}</h1>
        <p>{tr!("notme-invalid-explain")}</p>
        <p><a href="/forgot-password">{tr!("notme-reset-password")}</a></p>
    }
}

/// The one button that spends the link (a plain form post, with or without JavaScript).
#[component]
fn Confirm(token: String) -> impl IntoView {
    let link = OnceResource::new(check_not_me_link(token.clone()));
    let error = form_error::<NotMe>();
    view! {
        <Suspense fallback=|| view! { <p class="loading">{tr!("form-checking-link")}</p> }>
            {move || {
                let token = token.clone();
                Suspend::new(async move {
                    if link.await.is_err() {
                        return view! { <Invalid/> }.into_any();
                    }
                    view! {
                        <h1>{tr!("notme-title")}</h1>
                        <p>{tr!("notme-explain")}</p>
                        <p>{tr!("notme-press")}</p>
                        <form method="post" action=NotMe::PATH class="form">
                            <FormMessage error/>
                            <input type="hidden" name="token" value=token/>
                            <SubmitButton label=tr!("notme-button")/>
                        </form>
                    }.into_any()
                })
            }}
        </Suspense>
    }
}
