use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::verify_email::INVALID_LINK;
use crate::{
    api::not_me::{NotMe, check_not_me_link},
    components::form::{FormMessage, SubmitButton, form_error},
};

pub const HEADING: &str = "This wasn't me";
pub const BUTTON: &str = "Sign out everywhere and reset my password";
pub const DONE: &str = "Every device is signed out";

/// `/not-me`: the "This wasn't me" link of a security notice (`?token=`) opens a page with one
/// button that spends it, so a mail scanner that fetches the link changes nothing; `?done=`
/// (only ever from the signed flash cookie) says the button worked.
#[component]
pub fn NotMePage() -> impl IntoView {
    let query = use_query_map().get_untracked();
    let done = query.get("done").is_some();
    let token = query.get("token");
    view! {
        <Title text=HEADING/>
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
        <h1>{DONE}</h1>
        <p>"Every device signed in to your account was signed out, and links we mailed before no longer work."</p>
        <p>"We sent a link to set a new password to your account's address. Set a new password now: until you do, whoever knows the old one can still sign in."</p>
        <p><a href="/login">"Sign in"</a></p>
    }
}

#[component]
fn Invalid() -> impl IntoView {
    view! {
        <h1>{INVALID_LINK}</h1>
        <p>"Each “This wasn't me” link works once. You can still reset your password, which signs out every device."</p>
        <p><a href="/forgot-password">"Reset your password"</a></p>
    }
}

/// The one button that spends the link (a plain form post, with or without JavaScript).
#[component]
fn Confirm(token: String) -> impl IntoView {
    let link = OnceResource::new(check_not_me_link(token.clone()));
    let error = form_error::<NotMe>();
    view! {
        <Suspense fallback=|| view! { <p class="loading">"Checking your link…"</p> }>
            {move || {
                let token = token.clone();
                Suspend::new(async move {
                    if link.await.is_err() {
                        return view! { <Invalid/> }.into_any();
                    }
                    view! {
                        <h1>{HEADING}</h1>
                        <p>"If you did not make the change we mailed you about, someone else may have your password."</p>
                        <p>"Press the button to sign out every device signed in to your account, this one too, stop every link we mailed that has not been used, and get a link to set a new password."</p>
                        <form method="post" action=NotMe::PATH class="form">
                            <FormMessage error/>
                            <input type="hidden" name="token" value=token/>
                            <SubmitButton label=BUTTON/>
                        </form>
                    }.into_any()
                })
            }}
        </Suspense>
    }
}
