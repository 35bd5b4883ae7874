use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::auth::SignIn;
use crate::components::{
    form::{Field, FormMessage, SubmitButton, form_error},
    passkey::PasskeySignIn,
    provider_buttons::{ProviderButtons, ProviderNotices},
    require_user::urlencode,
};

/// The flash `done` value after a reset that was the address's first proof.
const UNPROVEN_REMOVED: &str = "unproven_removed";

/// The code page, carrying where to go after signing in.
fn code_link(next: &str) -> String {
    match next {
        "/" => "/login/code".to_owned(),
        next => format!("/login/code?next={}", urlencode(next)),
    }
}

#[component]
pub fn LoginPage() -> impl IntoView {
    let error = form_error::<SignIn>();
    let query = use_query_map();
    let next = move || {
        error
            .get()
            .and_then(|e| e.value("next"))
            .or_else(|| query.get().get("next"))
            .unwrap_or_else(|| "/".to_owned())
    };
    view! {
        <Title text=tr!("login-title")/>
        <section class="card">
            <h1>{tr!("login-title")}</h1>
            {query.get_untracked().get("reset").map(|_| view! {
                <p class="form-success" role="status">{tr!("login-reset-done")}</p>
            })}
            {(query.get_untracked().get("done").as_deref() == Some(UNPROVEN_REMOVED)).then(|| view! {
                <p class="form-success" role="status">{tr!("login-unproven-removed")}</p>
            })}
            <ProviderNotices/>
            <form method="post" action=SignIn::PATH class="form" novalidate="">
                <FormMessage error/>
                <input type="hidden" name="next" value=next/>
                <Field
                    label=tr!("login-identifier")
                    name="identifier" autocomplete="username webauthn" error
                />
                <Field
                    label=tr!("form-password")
                    name="password" kind="password" autocomplete="current-password" error
                />
                <SubmitButton label=tr!("login-submit")/>
            </form>
            <ProviderButtons next=Signal::derive(next)/>
            <PasskeySignIn next=next()/>
            <p><a href="/forgot-password">{tr!("login-forgot-password")}</a></p>
            <p><a href=move || code_link(&next())>{tr!("login-email-code")}</a></p>
            <p>{tr!("login-new-here")}" "<a href="/signup">{tr!("nav-create-account")}</a></p>
        </section>
    }
}
