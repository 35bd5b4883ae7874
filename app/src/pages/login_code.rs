//! `/login/code` and `/signup/code`: ask for a code by mail, then type it in this browser.

use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::{
    api::email_code::{RequestCode, SignInWithCode, code_asked},
    components::form::{Field, FormMessage, SubmitButton, form_error},
};

pub const SENT: &str = "If an account exists for that address, we've sent a code to it.";
pub const SENT_NEW: &str = "We've sent a code to that address.";
pub const ENTER_CODE: &str = "Enter the code from the email";

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
        ("Create account without a password", "/signup/code")
    } else {
        ("Sign in with a code", "/login/code")
    };
    view! {
        <Title text=title/>
        <section class="card">
            <h1>{title}</h1>
            {sent.then(|| view! {
                <p class="form-success" role="status">{if new_account { SENT_NEW } else { SENT }}</p>
            })}
            <Suspense fallback=|| view! { <p class="loading">"Loading…"</p> }>
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
                view! { <p>"Rather use a password? "<a href="/signup">"Create account with a password"</a></p> }.into_any()
            } else {
                view! { <p><a href="/login">"Sign in with a password"</a></p> }.into_any()
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
            <p>"We'll email you a code. It works for 10 minutes, in this browser only."</p>
            <Field label="Email" name="email" kind="email" autocomplete="email" error/>
            <SubmitButton label="Send code"/>
        </form>
    }
}

#[component]
fn EnterCode(here: &'static str, new_account: bool) -> impl IntoView {
    let error = form_error::<SignInWithCode>();
    view! {
        <form method="post" action=SignInWithCode::PATH class="form" novalidate="">
            <FormMessage error/>
            <p>{ENTER_CODE}</p>
            <Field label="Code" name="code" autocomplete="one-time-code" error/>
            <SubmitButton label=if new_account { "Create account" } else { "Sign in" }/>
        </form>
        <p><a href=format!("{here}?again=1")>"Send a new code or use another address"</a></p>
    }
}
