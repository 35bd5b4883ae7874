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

#[component]
pub fn CodeLinkPage() -> impl IntoView {
    let token = use_query_map().get_untracked().get("token").unwrap_or_default();
    let link = OnceResource::new(check_code_link(token.clone()));
    let error = form_error::<SignInWithCodeLink>();
    view! {
        <Title text=tr!("code-login-title")/>
        <section class="card">
            <Suspense fallback=|| view! { <p class="loading">{tr!("form-checking-link")}</p> }>
                {move || {
                    let token = token.clone();
                    Suspend::new(async move {
                        match link.await {
                            Ok(CodeLink::ThisBrowser { address }) => view! {
                                <h1>{tr!("code-link-this-device")}</h1>
                                <p>
                                    {tr!("code-link-sign-in-as-before")}
                                    <strong class="pending-email">{address}</strong>
                                    {tr!("code-link-sign-in-as-after")}
                                </p>
                                <form method="post" action=SignInWithCodeLink::PATH class="form">
                                    <FormMessage error/>
                                    <input type="hidden" name="token" value=token/>
                                    <SubmitButton label=tr!("code-link-this-device")/>
                                </form>
                            }.into_any(),
                            Ok(CodeLink::OtherBrowser { code }) => view! {
                                <h1>{tr!("code-link-your-code")}</h1>
                                <FormMessage error/>
                                <p>{tr!("code-link-other-browser")}</p>
                                <p class="sign-in-code" data-code="">{code}</p>
                                <p class="hint">{tr!("code-link-nobody-signed-in")}</p>
                            }.into_any(),
                            Ok(CodeLink::Invalid) | Err(_) => view! {
                                <h1>{tr!("code-link-invalid")}</h1>
                                <FormMessage error/>
                                <p><a href="/login/code">{tr!("code-link-ask-new")}</a></p>
                            }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </section>
    }
}
