use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::{
    form::{Field, FormMessage, SubmitButton, form_error},
    google_button::GoogleButton,
    session_context::use_session,
};

#[component]
pub fn SignUpPage() -> impl IntoView {
    let action = use_session().sign_up;
    let error = form_error(action);
    let taken = move || error.get().and_then(|e| e.code).as_deref() == Some("email_taken");
    view! {
        <Title text="Create account"/>
        <section class="card">
            <h1>"Create account"</h1>
            <ActionForm action=action attr:class="form" attr:novalidate="">
                <FormMessage error/>
                <Field label="Email" name="email" kind="email" autocomplete="email" error>
                    <Show when=taken>
                        <p class="field-help">
                            <a href="/login">"Sign in"</a>" or "<a href="/forgot-password">"reset your password"</a>
                        </p>
                    </Show>
                </Field>
                <Field label="Password" name="password" kind="password" autocomplete="new-password" error/>
                <p class="hint">"At least 10 characters. A few unrelated words work well."</p>
                <SubmitButton label="Create account" pending=action.pending()/>
            </ActionForm>
            <GoogleButton next="/".to_owned()/>
            <p>"Already have an account? "<a href="/login">"Sign in"</a></p>
        </section>
    }
}
