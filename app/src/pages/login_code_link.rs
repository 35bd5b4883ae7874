//! `/login/code/confirm?token=`: the page a code mail's link opens. Opening it changes nothing
//! (mail scanners open links); its one button signs in only the browser that asked for the
//! code. Any other browser is shown the code, to type where the sign-in started.

use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::{
    api::email_code::{CodeLink, SignInWithCodeLink, check_code_link},
    components::form::{FormMessage, SubmitButton, form_error},
};

pub const OTHER_BROWSER: &str =
    "This link signs in only the browser where you asked for the code. Type this code there:";
pub const INVALID: &str = "This code has expired or was already used.";

#[component]
pub fn CodeLinkPage() -> impl IntoView {
    let token = use_query_map().get_untracked().get("token").unwrap_or_default();
    let link = OnceResource::new(check_code_link(token.clone()));
    let error = form_error::<SignInWithCodeLink>();
    view! {
        <Title text="Sign in with a code"/>
        <section class="card">
            <Suspense fallback=|| view! { <p class="loading">"Checking your link…"</p> }>
                {move || {
                    let token = token.clone();
                    Suspend::new(async move {
                        match link.await {
                            Ok(CodeLink::ThisBrowser { address }) => view! {
                                <h1>"Sign in on this device"</h1>
                                <p>"Sign in as "<strong class="pending-email">{address}</strong>" in this browser."</p>
                                <form method="post" action=SignInWithCodeLink::PATH class="form">
                                    <FormMessage error/>
                                    <input type="hidden" name="token" value=token/>
                                    <SubmitButton label="Sign in on this device"/>
                                </form>
                            }.into_any(),
                            Ok(CodeLink::OtherBrowser { code }) => view! {
                                <h1>"Your sign-in code"</h1>
                                <FormMessage error/>
                                <p>{OTHER_BROWSER}</p>
                                <p class="sign-in-code" data-code="">{code}</p>
                                <p class="hint">"Nobody is signed in by opening this link."</p>
                            }.into_any(),
                            Ok(CodeLink::Invalid) | Err(_) => view! {
                                <h1>{INVALID}</h1>
                                <FormMessage error/>
                                <p><a href="/login/code">"Ask for a new code"</a></p>
                            }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </section>
    }
}
