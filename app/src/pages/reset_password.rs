use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::{
    api::email::{ResetPassword, check_reset_link},
    components::{
        form::{Field, FormMessage, SubmitButton, form_error},
        password_meter::PasswordMeter,
    },
};

#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let token = use_query_map().get_untracked().get("token").unwrap_or_default();
    let valid = OnceResource::new(check_reset_link(token.clone()));
    let error = form_error::<ResetPassword>();
    view! {
        <Title text=tr!("reset-title")/>
        <section class="card">
            <Suspense fallback=|| view! { <p class="loading">{tr!("form-checking-link")}</p> }>
                {move || {
                    let token = token.clone();
                    Suspend::new(async move {
                        match valid.await {
                            Ok(true) => view! {
                                <h1>{tr!("reset-title")}</h1>
                                <form method="post" action=ResetPassword::PATH class="form" novalidate="">
                                    <FormMessage error/>
                                    <input type="hidden" id="reset-token" name="token" value=token/>
                                    <Field
                                        label=tr!("reset-new-password")
                                        name="new_password" kind="password" autocomplete="new-password" error
                                    >
                                        <PasswordMeter field="field-new_password".to_owned() token_field="reset-token".to_owned()/>
                                    </Field>
                                    <p class="hint">{tr!("form-password-hint")}</p>
                                    <SubmitButton label=tr!("reset-submit")/>
                                </form>
                            }.into_any(),
                            _ => view! {
                                <h1>{tr!("verify-invalid-link")}</h1>
                                <p><a href="/forgot-password">{tr!("reset-ask-new-link")}</a></p>
                            }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </section>
    }
}
