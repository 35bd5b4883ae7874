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
        <Title text="Create account"/>
        <section class="card">
            <h1>"Create account"</h1>
            <form method="post" action=SignUp::PATH class="form" novalidate="">
                <FormMessage error/>
                <Field label="Email" name="email" kind="email" autocomplete="email" error>
                    <Show when=taken>
                        <p class="field-help">
                            <a href="/login">"Sign in"</a>" or "<a href="/forgot-password">"reset your password"</a>
                        </p>
                    </Show>
                </Field>
                <Field label="Password" name="password" kind="password" autocomplete="new-password" error>
                    <PasswordMeter field="field-password".to_owned() email_field="field-email".to_owned()/>
                </Field>
                <p class="hint">"At least 12 characters. A few unrelated words work well."</p>
                <SubmitButton label="Create account"/>
            </form>
            <p><a href="/signup/code">"Create account without a password"</a></p>
            <ProviderButtons next="/".to_owned()/>
            <p>"Already have an account? "<a href="/login">"Sign in"</a></p>
        </section>
    }
}
