use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::{
    api::email::ForgotPassword,
    components::form::{Field, FormMessage, SubmitButton, form_error},
};

pub const SENT: &str = "If an account exists for that address, we've sent a link to reset the password.";

#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let action = ServerAction::<ForgotPassword>::new();
    let error = form_error(action);
    let from_redirect = use_query_map().get_untracked().get("sent").is_some();
    let sent = move || {
        matches!(action.value().get(), Some(Ok(()))) || (action.value().get().is_none() && from_redirect)
    };
    view! {
        <Title text="Forgot password"/>
        <section class="card">
            <h1>"Forgot password"</h1>
            <ActionForm action=action attr:class="form" attr:novalidate="">
                <Show when=sent>
                    <p class="form-success" role="status">{SENT}</p>
                </Show>
                <FormMessage error/>
                <Field label="Email" name="email" kind="email" autocomplete="email" error/>
                <SubmitButton label="Send reset link" pending=action.pending()/>
            </ActionForm>
            <p><a href="/login">"Back to sign in"</a></p>
        </section>
    }
}
