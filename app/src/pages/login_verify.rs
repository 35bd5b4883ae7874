use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::{
    api::two_step::{VerifySignIn, pending_sign_in},
    components::form::{Field, FormMessage, SubmitButton, form_error},
};

pub const ENTER_CODE: &str = "Enter the 6-digit code from your authenticator app";

/// `/login/verify`: the second step of a sign-in for accounts with two-step verification on.
#[component]
pub fn LoginVerifyPage() -> impl IntoView {
    let recovery = use_query_map().get_untracked().get("recovery").is_some();
    let pending = OnceResource::new(pending_sign_in());
    let error = form_error::<VerifySignIn>();
    view! {
        <Title text="Two-step verification"/>
        <section class="card">
            <Suspense fallback=|| view! { <p class="loading">"Loading…"</p> }>
                {move || Suspend::new(async move {
                    if !matches!(pending.await, Ok(true)) {
                        return view! {
                            <h1>"This sign-in has expired."</h1>
                            <p><a href="/login">"Sign in again"</a></p>
                        }.into_any();
                    }
                    view! {
                        <h1>"Two-step verification"</h1>
                        <form method="post" action=VerifySignIn::PATH class="form" novalidate="">
                            <FormMessage error/>
                            {if recovery {
                                view! {
                                    <p>"Enter one of the recovery codes you saved. Each works once."</p>
                                    <Field label="Recovery code" name="recovery_code" autocomplete="off" error/>
                                }.into_any()
                            } else {
                                view! {
                                    <p>{ENTER_CODE}</p>
                                    <Field label="Code" name="code" autocomplete="one-time-code" inputmode="numeric" error/>
                                }.into_any()
                            }}
                            <SubmitButton label="Verify"/>
                        </form>
                        {if recovery {
                            view! { <p><a href="/login/verify">"Use your authenticator app instead"</a></p> }.into_any()
                        } else {
                            view! { <p><a href="/login/verify?recovery=1">"Use a recovery code instead"</a></p> }.into_any()
                        }}
                    }.into_any()
                })}
            </Suspense>
        </section>
    }
}
