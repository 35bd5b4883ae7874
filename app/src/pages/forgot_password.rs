use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::{
    api::email::ForgotPassword,
    components::form::{Field, FormMessage, SubmitButton, form_error},
};

#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let error = form_error::<ForgotPassword>();
    let sent = use_query_map().get_untracked().get("sent").is_some();
    view! {
        <Title text=tr!("reset-forgot-title")/>
        <section class="card">
            <h1>{tr!("reset-forgot-title")}</h1>
            <form method="post" action=ForgotPassword::PATH class="form" novalidate="">
                {sent.then(|| view! { <p class="form-success" role="status">{tr!("reset-sent")}</p> })}
                <FormMessage error/>
                <Field label=tr!("form-email") name="email" kind="email" autocomplete="email" error/>
                <SubmitButton label=tr!("reset-send-link")/>
            </form>
            <p><a href="/login">{tr!("form-back-to-sign-in")}</a></p>
        </section>
    }
}
