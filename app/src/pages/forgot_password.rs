use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::{
    api::email::ForgotPassword,
    components::form::{Field, FormMessage, SubmitButton, form_error},
};

pub const SENT: &str = "If an account exists for that address, we've sent a link to reset the password.";

#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let error = form_error::<ForgotPassword>();
    let sent = use_query_map().get_untracked().get("sent").is_some();
    view! {
        <Title text="Forgot password"/>
        <section class="card">
            <h1>"Forgot password"</h1>
            <form method="post" action=ForgotPassword::PATH class="form" novalidate="">
                {sent.then(|| view! { <p class="form-success" role="status">{SENT}</p> })}
                <FormMessage error/>
                <Field label="Email" name="email" kind="email" autocomplete="email" error/>
                <SubmitButton label="Send reset link"/>
            </form>
            <p><a href="/login">"Back to sign in"</a></p>
        </section>
    }
}
