//! Form building blocks: labelled inputs with inline errors, a form-level message, a submit
//! button with a pending state, and errors read back from the URL when JavaScript is off.

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

/// The latest error of a form: from the action when hydrated, else from the URL.
pub fn form_error<S>(action: ServerAction<S>) -> Signal<Option<FormError>>
where
    S: ServerFn<Error = FormError> + Clone + Send + Sync + 'static,
    S::Output: Clone + Send + Sync + 'static,
{
    let from_url = url_error::<S>();
    Signal::derive(move || match action.value().get() {
        Some(Err(e)) => Some(e),
        Some(Ok(_)) => None,
        None => from_url.clone(),
    })
}

#[component]
pub fn FormMessage(error: Signal<Option<FormError>>) -> impl IntoView {
    move || {
        error.get().and_then(|e| e.message).map(|m| {
            view! { <p class="form-error" role="alert">{m}</p> }
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
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let id = format!("field-{name}");
    let error_id = format!("{id}-error");
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
                value=restored
                aria-invalid=move || message().is_some().to_string()
                aria-describedby=error_id.clone()
            />
            <p class="field-error" id=error_id aria-live="polite">{message}</p>
            {children.map(|c| c())}
        </div>
    }
}

/// A submit button that is disabled and marked busy while its action runs.
#[component]
pub fn SubmitButton(label: &'static str, pending: Memo<bool>) -> impl IntoView {
    view! {
        <button type="submit" disabled=move || pending.get() aria-busy=move || pending.get().to_string()>
            {label}
            <span class="spinner" aria-hidden="true" class:visible=move || pending.get()></span>
        </button>
    }
}
