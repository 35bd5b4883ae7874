//! `/account/confirm?next=…`: "Confirm your password to continue". Sensitive changes need a
//! recent sign-in; this page re-confirms (the password, or Google for accounts without one)
//! and then carries on to `next`.

use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::{
    api::security::ConfirmPassword,
    components::{
        form::{Field, FormMessage, SubmitButton, form_error},
        require_user::RequireUser,
    },
};

pub const HEADING: &str = "Confirm your password to continue";

#[component]
pub fn ConfirmPage() -> impl IntoView {
    let error = form_error::<ConfirmPassword>();
    let next = use_query_map().get_untracked().get("next").unwrap_or_else(|| "/account/security".into());
    view! {
        <Title text="Confirm it's you"/>
        <RequireUser children=move |user| view! {
            <section class="card">
                <h1>{HEADING}</h1>
                <p>"For your security, changes to how you sign in need you to have signed in within the last 10 minutes."</p>
                {if user.has_password {
                    view! {
                        <form method="post" action=ConfirmPassword::PATH class="form" novalidate="">
                            <FormMessage error/>
                            <input type="hidden" name="next" value=next.clone()/>
                            <Field label="Password" name="password" kind="password" autocomplete="current-password" error/>
                            <SubmitButton label="Continue"/>
                        </form>
                    }.into_any()
                } else {
                    view! {
                        <form method="post" action="/auth/google/connect" class="form">
                            <input type="hidden" name="next" value=next.clone()/>
                            <p>"Your account signs in with Google: sign in with it again to continue."</p>
                            <button type="submit">"Continue with Google"</button>
                        </form>
                    }.into_any()
                }}
            </section>
        }/>
    }
}
