use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::{
    api::two_step::{VerifySignIn, pending_sign_in},
    components::form::{Field, FormMessage, SubmitButton, form_error},
};

/// `/login/verify`: the second step of a sign-in for accounts with two-step verification on.
#[component]
pub fn LoginVerifyPage() -> impl IntoView {
    let recovery = use_query_map().get_untracked().get("recovery").is_some();
    let pending = OnceResource::new(pending_sign_in());
    let error = form_error::<VerifySignIn>();
    view! {
        <Title text=tr!("login-verify-title")/>
        <section class="card">
            <Suspense fallback=|| view! { <p class="loading">{tr!("form-loading")}</p> }>
                {move || Suspend::new(async move {
                    if !matches!(pending.await, Ok(true)) {
                        return view! {
                            <h1>{tr!("login-verify-expired")}</h1>
                            <p><a href="/login">{tr!("login-verify-sign-in-again")}</a></p>
                        }.into_any();
                    }
                    view! {
                        <h1>{tr!("login-verify-title")}</h1>
                        <form method="post" action=VerifySignIn::PATH class="form" novalidate="">
                            <FormMessage error/>
                            {if recovery {
                                view! {
                                    <p>{tr!("login-verify-recovery-explain")}</p>
                                    <Field
                                        label=tr!("form-recovery-code")
                                        name="recovery_code" autocomplete="off" error
                                    />
                                }.into_any()
                            } else {
                                view! {
                                    <p>{tr!("login-verify-enter-code")}</p>
                                    <Field
                                        label=tr!("form-code")
                                        name="code" autocomplete="one-time-code" inputmode="numeric" error
                                    />
                                }.into_any()
                            }}
                            <SubmitButton label=tr!("login-verify-submit")/>
                        </form>
                        {if recovery {
                            view! { <p><a href="/login/verify">{tr!("form-use-authenticator")}</a></p> }
                                .into_any()
                        } else {
                            view! { <p><a href="/login/verify?recovery=1">{tr!("form-use-recovery-code")}</a></p> }
                                .into_any()
                        }}
                    }.into_any()
                })}
            </Suspense>
        </section>
    }
}
