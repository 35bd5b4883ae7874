//! Form building blocks: labelled inputs with inline errors, a form-level message, a submit
//! button with a pending state, and errors read back from the URL.
//!
//! Forms are plain HTML posts to a server function, with or without JavaScript: the server
//! answers with a redirect, back to the form with the error (and what was typed) in the URL, or
//! on to the next page. Pages are rendered on the server only; what the browser adds (the busy
//! state) is one listener for every form ([`super::busy`]).

use leptos::{
    prelude::*,
    server_fn::{ServerFn, error::ServerFnUrlError},
};
use leptos_router::hooks::use_query_map;

use crate::api::FormError;

/// The error a plain (no-JavaScript) form post of `S` left in the URL after its redirect.
pub fn url_error<S: ServerFn<Error = FormError>>() -> Option<FormError> {
    let query = use_query_map().get_untracked();
    let path = query.get("__path")?;
    let err = query.get("__err")?;
    (path == S::PATH).then(|| ServerFnUrlError::<FormError>::decode_err(&err))
}

/// The error the last post of `S` left, for the fields and message of its form.
pub fn form_error<S: ServerFn<Error = FormError>>() -> Signal<Option<FormError>> {
    Signal::stored(url_error::<S>())
}

#[component]
pub fn FormMessage(error: Signal<Option<FormError>>) -> impl IntoView {
    move || {
        error.get().and_then(|e| {
            // Refused until the address is verified: the way to get a new link is one click away.
            let resend = (e.code.as_deref() == Some("unverified"))
                .then(|| view! { " "<a href="/verify-email">{tr!("form-resend-verification")}</a> });
            e.message.map(|m| view! { <p class="form-error" role="alert">{m}{resend}</p> })
        })
    }
}

/// A labelled input. Its error shows below it and is linked with `aria-describedby`.
#[component]
pub fn Field(
    label: &'static str,
    name: &'static str,
    #[prop(default = "text")] kind: &'static str,
    #[prop(default = "off")] autocomplete: &'static str,
    error: Signal<Option<FormError>>,
    #[prop(optional, into)] value: Option<String>,
    #[prop(optional)] inputmode: Option<&'static str>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let id = format!("field-{name}");
    let error_id = format!("{id}-error");
    let toggle_target = id.clone();
    let message = move || error.get().and_then(|e| e.field(name));
    // What was typed before an error wins over the stored value.
    let restored = error.get_untracked().and_then(|e| e.value(name)).or(value);
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input
                id=id
                name=name
                type=kind
                autocomplete=autocomplete
                inputmode=inputmode
                value=restored
                aria-invalid=move || message().is_some().to_string()
                aria-describedby=error_id.clone()
            />
            {(kind == "password").then(|| view! { <super::password_toggle::PasswordToggle target=toggle_target/> })}
            <p class="field-error" id=error_id aria-live="polite">{message}</p>
            {children.map(|c| c())}
        </div>
    }
}

/// A submit button that is disabled and marked busy once its form is sent, so a second click
/// cannot post twice. Plain HTML: one listener for every form does the busy state
/// ([`super::busy`]), so a page with many buttons ships no island or props for them.
#[component]
pub fn SubmitButton(
    /// A catalog message (`tr!`).
    label: &'static str,
    /// Styled as destructive (deleting, signing out everywhere, disconnecting).
    #[prop(optional)]
    danger: bool,
) -> impl IntoView {
    view! {
        <button type="submit" class=danger.then_some("danger") aria-busy="false">
            {label}
            <span class="spinner" aria-hidden="true"></span>
        </button>
    }
}
