//! The passkey buttons: islands that run the WebAuthn ceremonies in the browser. Rendered
//! hidden; they show themselves once hydrated in a browser that has WebAuthn, so with
//! JavaScript off (or no passkey support) nothing offers what cannot work.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "hydrate")]
use {
    crate::api::passkeys::{
        AddPasskey, ConfirmWithPasskey, PasskeyConfirmOptions, PasskeyRegistrationOptions,
        PasskeySignInOptions, SignInWithPasskey,
    },
    leptos::server_fn::ServerFn,
};

/// The words of a passkey button, translated on the server (islands carry no catalog).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PasskeyTexts {
    /// The button's label.
    pub label: String,
    /// This device already holds a passkey for the account.
    pub already: String,
    /// The browser's ceremony failed without saying why.
    pub failed: String,
    /// The server refused without saying why (passkey.js shows it).
    pub generic: String,
}

impl PasskeyTexts {
    /// In the request's language, for a button labelled `label`; called on the server.
    fn translated(label: &'static str) -> Self {
        Self {
            label: label.to_owned(),
            already: tr!("passkey-already").to_owned(),
            failed: tr!("passkey-failed").to_owned(),
            generic: tr!("passkey-generic").to_owned(),
        }
    }
}

/// What a failed ceremony says; `None` when the person cancelled.
#[cfg(feature = "hydrate")]
fn failure(code: &str, message: String, texts: &PasskeyTexts) -> Option<String> {
    match code {
        "NotAllowedError" | "AbortError" => None,
        "InvalidStateError" => Some(texts.already.clone()),
        _ if message.is_empty() => Some(texts.failed.clone()),
        _ => Some(message),
    }
}

/// "Sign in with a passkey" on the sign-in page (and the passkeys offered in its autofill).
#[component]
pub fn PasskeySignIn(next: String) -> impl IntoView {
    view! { <PasskeySignInButton next texts=PasskeyTexts::translated(tr!("passkey-sign-in"))/> }
}

#[island]
fn PasskeySignInButton(next: String, texts: PasskeyTexts) -> impl IntoView {
    let shown = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    #[cfg(feature = "hydrate")]
    {
        let next = next.clone();
        let texts = texts.clone();
        Effect::new(move |_| {
            shown.set(browser::supported());
            let next = next.clone();
            let texts = texts.clone();
            leptos::task::spawn_local(async move {
                let (start, finish) = (PasskeySignInOptions::PATH, SignInWithPasskey::PATH);
                match browser::autofill(start, finish, &next, &texts.generic).await {
                    Ok(Some(to)) => {
                        let _ = window().location().set_href(&to);
                    }
                    Ok(None) => {}
                    // The button took over, or the person looked away: the button still works.
                    Err((code, message)) => error.set(failure(&code, message, &texts)),
                }
            });
        });
    }
    #[cfg(feature = "hydrate")]
    let paths = (PasskeySignInOptions::PATH, SignInWithPasskey::PATH);
    #[cfg(not(feature = "hydrate"))]
    let paths = ("", "");
    ceremony_button(texts, paths, next, shown, busy, error)
}

/// "Confirm with a passkey" on the confirm page: one of the account's own passkeys makes this
/// device's sign-in recent, then the page goes on to `next`.
#[component]
pub fn PasskeyConfirm(next: String) -> impl IntoView {
    view! { <PasskeyConfirmButton next texts=PasskeyTexts::translated(tr!("passkey-confirm"))/> }
}

#[island]
fn PasskeyConfirmButton(next: String, texts: PasskeyTexts) -> impl IntoView {
    let shown = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| shown.set(browser::supported()));
    #[cfg(feature = "hydrate")]
    let paths = (PasskeyConfirmOptions::PATH, ConfirmWithPasskey::PATH);
    #[cfg(not(feature = "hydrate"))]
    let paths = ("", "");
    ceremony_button(texts, paths, next, shown, busy, error)
}

/// A button that runs a `navigator.credentials.get` ceremony between the server functions at
/// `paths` (options, answer) and then goes where the answer says; hidden until the browser
/// shows it can.
fn ceremony_button(
    texts: PasskeyTexts,
    paths: (&'static str, &'static str),
    next: String,
    shown: RwSignal<bool>,
    busy: RwSignal<bool>,
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    let label = texts.label.clone();
    let on_click = move |_| {
        #[cfg(feature = "hydrate")]
        {
            busy.set(true);
            error.set(None);
            let next = next.clone();
            let texts = texts.clone();
            leptos::task::spawn_local(async move {
                match browser::sign_in(paths.0, paths.1, &next, &texts.generic).await {
                    Ok(to) => {
                        let _ = window().location().set_href(&to);
                    }
                    Err((code, message)) => {
                        busy.set(false);
                        error.set(failure(&code, message, &texts));
                    }
                }
            });
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (&next, paths, &texts);
    };
    view! {
        <div class="passkey" hidden=move || !shown.get()>
            <button type="button" class="secondary" on:click=on_click disabled=move || busy.get() aria-busy=move || busy.get().to_string()>
                {label}
            </button>
            {move || error.get().map(|e| view! { <p class="form-error" role="alert">{e}</p> })}
        </div>
    }
}

/// "Add a passkey" on the security page, with a name for it.
#[component]
pub fn PasskeyAdd() -> impl IntoView {
    view! {
        <PasskeyAddForm
            texts=PasskeyTexts::translated(tr!("passkey-add"))
            name_label=tr!("passkey-name").to_owned()
            name_placeholder=tr!("passkey-name-placeholder").to_owned()
        />
    }
}

#[island]
fn PasskeyAddForm(texts: PasskeyTexts, name_label: String, name_placeholder: String) -> impl IntoView {
    let shown = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let name = RwSignal::new(String::new());
    let label = texts.label.clone();
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| shown.set(browser::supported()));
    let on_click = move |_| {
        #[cfg(feature = "hydrate")]
        {
            busy.set(true);
            error.set(None);
            let texts = texts.clone();
            leptos::task::spawn_local(async move {
                let start = PasskeyRegistrationOptions::PATH;
                let finish = AddPasskey::PATH;
                match browser::add(start, finish, &name.get_untracked(), &texts.generic).await {
                    Ok(_) => {
                        let _ = window().location().set_href("/account/security");
                    }
                    Err((code, _)) if code == "recent_sign_in" => {
                        let _ = window().location().set_href("/account/confirm?next=%2Faccount%2Fsecurity");
                    }
                    Err((code, message)) => {
                        busy.set(false);
                        error.set(failure(&code, message, &texts));
                    }
                }
            });
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = &texts;
    };
    view! {
        <div class="passkey-add form" hidden=move || !shown.get()>
            <div class="field">
                <label for="field-passkey-name">{name_label}</label>
                <input id="field-passkey-name" type="text" maxlength="60" placeholder=name_placeholder
                    prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
            </div>
            <button type="button" on:click=on_click disabled=move || busy.get() aria-busy=move || busy.get().to_string()>
                {label}
            </button>
            {move || error.get().map(|e| view! { <p class="form-error" role="alert">{e}</p> })}
        </div>
    }
}

#[cfg(feature = "hydrate")]
mod browser {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen(module = "/src/components/passkey.js")]
    extern "C" {
        #[wasm_bindgen(js_name = passkeysSupported)]
        pub fn supported() -> bool;
        #[wasm_bindgen(catch, js_name = addPasskey)]
        async fn add_passkey(
            start: &str,
            finish: &str,
            name: &str,
            generic: &str,
        ) -> Result<JsValue, JsValue>;
        #[wasm_bindgen(catch, js_name = signInWithPasskey)]
        async fn sign_in_with_passkey(
            start: &str,
            finish: &str,
            next: &str,
            generic: &str,
        ) -> Result<JsValue, JsValue>;
        #[wasm_bindgen(catch, js_name = passkeyAutofill)]
        async fn passkey_autofill(
            start: &str,
            finish: &str,
            next: &str,
            generic: &str,
        ) -> Result<JsValue, JsValue>;
    }

    /// A JS error as (its name or our code, its message).
    fn error(e: JsValue) -> (String, String) {
        let get = |key: &str| {
            js_sys::Reflect::get(&e, &JsValue::from_str(key))
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_default()
        };
        let code = get("code");
        (if code.is_empty() { get("name") } else { code }, get("message"))
    }

    /// `generic`: what a refusal without a message of the server's says (in the page's language).
    pub async fn add(start: &str, finish: &str, name: &str, generic: &str) -> Result<(), (String, String)> {
        add_passkey(start, finish, name, generic).await.map(|_| ()).map_err(error)
    }

    /// Where to go once a passkey was chosen from the autofill; `None` where the browser has
    /// no passkey autofill.
    pub async fn autofill(
        start: &str,
        finish: &str,
        next: &str,
        generic: &str,
    ) -> Result<Option<String>, (String, String)> {
        let to = passkey_autofill(start, finish, next, generic).await.map_err(error)?;
        Ok(to.as_string())
    }

    pub async fn sign_in(
        start: &str,
        finish: &str,
        next: &str,
        generic: &str,
    ) -> Result<String, (String, String)> {
        let to = sign_in_with_passkey(start, finish, next, generic).await.map_err(error)?;
        Ok(to.as_string().unwrap_or_else(|| "/".to_owned()))
    }
}
