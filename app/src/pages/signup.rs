use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;

use crate::{
    api::auth::SignUp,
    components::{
        form::{Field, FormMessage, SubmitButton, form_error},
        password_meter::PasswordMeter,
        provider_buttons::ProviderButtons,
    },
};

#[component]
pub fn SignUpPage() -> impl IntoView {
    let error = form_error::<SignUp>();
    let taken = move || error.get().and_then(|e| e.code).as_deref() == Some("email_taken");
    view! {
        <Title text=tr!("signup-title")/>
        <section class="card">
            <h1>{tr!("signup-title")}</h1>
            <form method="post" action=SignUp::PATH class="form" novalidate="">
                <FormMessage error/>
                <Field label=tr!("form-email") name="email" kind="email" autocomplete="email" error>
                    <Show when=taken>
                        <p class="field-help">
                            <a href="/login">{tr!("nav-sign-in")}</a>
                            " "{tr!("signup-taken-or")}" "
                            <a href="/forgot-password">{tr!("signup-taken-reset")}</a>
                        </p>
                    </Show>
                </Field>
                <Field
                    label=tr!("form-password")
                    name="password" kind="password" autocomplete="new-password" error
                >
                    <PasswordMeter field="field-password".to_owned() email_field="field-email".to_owned()/>
                </Field>
                <p class="hint">{tr!("form-password-hint")}</p>
                <SubmitButton label=tr!("signup-submit")/>
            </form>
            <p><a href="/signup/code">{tr!("signup-without-password")}</a></p>
            <ProviderButtons next="/".to_owned()/>
            <p>{tr!("signup-have-account")}" "<a href="/login">{tr!("nav-sign-in")}</a></p>
        </section>
    }
}
