//! `/login/code` and `/signup/code`: ask for a code by mail, then type it in this browser.

use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::{
    api::email_code::{RequestCode, SignInWithCode, code_asked},
    components::form::{Field, FormMessage, SubmitButton, form_error},
};

/// `/login/code`.
#[component]
pub fn LoginCodePage() -> impl IntoView {
    view! { <CodePage new_account=false/> }
}

/// `/signup/code`: the same, but the code creates the account when none has the address.
#[component]
pub fn SignUpCodePage() -> impl IntoView {
    view! { <CodePage new_account=true/> }
}

#[component]
fn CodePage(new_account: bool) -> impl IntoView {
    let query = use_query_map().get_untracked();
    let sent = query.get("sent").is_some();
    let again = query.get("again").is_some();
    let next = query.get("next").unwrap_or_else(|| "/".to_owned());
    let asked = OnceResource::new(code_asked());
    let (title, here) = if new_account {
        (tr!("code-signup-title"), "/signup/code")
    } else {
        (tr!("code-login-title"), "/login/code")
    };
    view! {
        <Title text=title/>
        <section class="card">
            <h1>{title}</h1>
            {sent.then(|| view! {
                <p class="form-success" role="status">
                    {if new_account { tr!("code-sent-new") } else { tr!("code-sent") }}
                </p>
            })}
            <Suspense fallback=|| view! { <p class="loading">{tr!("form-loading")}</p> }>
                {move || {
                    let next = next.clone();
                    Suspend::new(async move {
                        if matches!(asked.await, Ok(true)) && !again {
                            view! { <EnterCode here new_account/> }.into_any()
                        } else {
                            view! { <AskForCode next new_account/> }.into_any()
                        }
                    })
                }}
            </Suspense>
            {if new_account {
                view! {
                    <p>
                        {tr!("code-rather-password")}" "
                        <a href="/signup">{tr!("code-signup-with-password")}</a>
                    </p>
                }
                .into_any()
            } else {
                view! { <p><a href="/login">{tr!("code-login-with-password")}</a></p> }.into_any()
            }}
        </section>
    }
}

#[component]
fn AskForCode(next: String, new_account: bool) -> impl IntoView {
    let error = form_error::<RequestCode>();
    let next = move || error.get().and_then(|e| e.value("next")).unwrap_or_else(|| next.clone());
    view! {
        <form method="post" action=RequestCode::PATH class="form" novalidate="">
            <FormMessage error/>
            <input type="hidden" name="next" value=next/>
            {new_account.then(|| view! { <input type="hidden" name="new_account" value="1"/> })}
            <p>{tr!("code-explain")}</p>
            <Field label=tr!("form-email") name="email" kind="email" autocomplete="email" error/>
            <SubmitButton label=tr!("code-send")/>
        </form>
    }
}

#[component]
fn EnterCode(here: &'static str, new_account: bool) -> impl IntoView {
    let error = form_error::<SignInWithCode>();
    view! {
        <form method="post" action=SignInWithCode::PATH class="form" novalidate="">
            <FormMessage error/>
            <p>{tr!("code-enter")}</p>
            <Field label=tr!("form-code") name="code" autocomplete="one-time-code" error/>
            <SubmitButton label=if new_account { tr!("signup-submit") } else { tr!("login-submit") }/>
        </form>
        <p><a href=format!("{here}?again=1")>{tr!("code-new-or-other")}</a></p>
    }
}
