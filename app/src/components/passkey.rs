//! The passkey buttons: islands that run the WebAuthn ceremonies in the browser. Rendered
//! hidden; they show themselves once hydrated in a browser that has WebAuthn, so with
//! JavaScript off (or no passkey support) nothing offers what cannot work. Their words come
//! from the server: labels as rendered, the messages a failure may need on a box around each
//! ([`super::words`]).

use leptos::prelude::*;

use super::words::Said;
#[cfg(feature = "hydrate")]
use {
    crate::api::passkeys::{
        AddPasskey, ConfirmWithPasskey, PasskeyConfirmOptions, PasskeyRegistrationOptions,
        PasskeySignInOptions, SignInWithPasskey,
    },
    leptos::server_fn::ServerFn,
};

/// What a failed ceremony says; `None` when the person cancelled. `said` reads the messages
/// the server left on the island's box.
#[cfg(feature = "hydrate")]
fn failure(code: &str, message: String, said: Said) -> Option<String> {
    match code {
        "NotAllowedError" | "AbortError" => None,
        "InvalidStateError" => Some(said.get("data-already")),
        _ if message.is_empty() => Some(said.get("data-failed")),
        _ => Some(message),
    }
}

/// The messages a failed ceremony may show, on the box around the island ([`super::words`]).
#[component]
fn Messages(children: Children) -> impl IntoView {
    view! {
        <div class=super::words::BOX data-already=tr!("passkey-already") data-failed=tr!("passkey-failed")
            data-generic=tr!("passkey-generic")>
            {children()}
        </div>
    }
    .into_any()
}

/// "Sign in with a passkey" on the sign-in page (and the passkeys offered in its autofill).
#[component]
pub fn PasskeySignIn(next: String) -> impl IntoView {
    view! { <Messages><PasskeySignInButton next/></Messages> }
}

#[island]
fn PasskeySignInButton(next: String) -> impl IntoView {
    let shown = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let said = Said::default();
    #[cfg(feature = "hydrate")]
    {
        let next = next.clone();
        Effect::new(move |_| {
            shown.set(browser::supported());
            let next = next.clone();
            leptos::task::spawn_local(async move {
                let (start, finish) = (PasskeySignInOptions::PATH, SignInWithPasskey::PATH);
                match browser::autofill(start, finish, &next, &said.get("data-generic")).await {
                    Ok(Some(to)) => {
                        let _ = window().location().set_href(&to);
                    }
                    Ok(None) => {}
                    // The button took over, or the person looked away: the button still works.
                    Err((code, message)) => error.set(failure(&code, message, said)),
                }
            });
        });
    }
    #[cfg(feature = "hydrate")]
    let paths = (PasskeySignInOptions::PATH, SignInWithPasskey::PATH);
    #[cfg(not(feature = "hydrate"))]
    let paths = ("", "");
    ceremony_button(server_tr!("passkey-sign-in"), said, paths, next, shown, busy, error)
}

/// "Confirm with a passkey" on the confirm page: one of the account's own passkeys makes this
/// device's sign-in recent, then the page goes on to `next`.
#[component]
pub fn PasskeyConfirm(next: String) -> impl IntoView {
    view! { <Messages><PasskeyConfirmButton next/></Messages> }
}

#[island]
fn PasskeyConfirmButton(next: String) -> impl IntoView {
    let shown = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| shown.set(browser::supported()));
    #[cfg(feature = "hydrate")]
    let paths = (PasskeyConfirmOptions::PATH, ConfirmWithPasskey::PATH);
    #[cfg(not(feature = "hydrate"))]
    let paths = ("", "");
    ceremony_button(server_tr!("passkey-confirm"), Said::default(), paths, next, shown, busy, error)
}

/// A button that runs a `navigator.credentials.get` ceremony between the server functions at
/// `paths` (options, answer) and then goes where the answer says; hidden until the browser
/// shows it can.
fn ceremony_button(
    label: &'static str,
    said: Said,
    paths: (&'static str, &'static str),
    next: String,
    shown: RwSignal<bool>,
    busy: RwSignal<bool>,
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    let on_click = move |_| {
        #[cfg(feature = "hydrate")]
        {
            busy.set(true);
            error.set(None);
            let next = next.clone();
            leptos::task::spawn_local(async move {
                match browser::sign_in(paths.0, paths.1, &next, &said.get("data-generic")).await {
                    Ok(to) => {
                        let _ = window().location().set_href(&to);
                    }
                    Err((code, message)) => {
                        busy.set(false);
                        error.set(failure(&code, message, said));
                    }
                }
            });
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (&next, paths);
    };
    view! {
        <div class="passkey" hidden=move || !shown.get()>
            <button type="button" class="secondary" node_ref=said.node() on:click=on_click disabled=move || busy.get()
            aria-busy=move || busy.get().to_string()>
                {label}
            </button>
            {move || error.get().map(|e| view! { <p class="form-error" role="alert">{e}</p> })}
        </div>
    }
}

/// "Add a passkey" on the security page, with a name for it.
#[component]
pub fn PasskeyAdd() -> impl IntoView {
    view! { <Messages><PasskeyAddForm/></Messages> }
}

#[island]
fn PasskeyAddForm() -> impl IntoView {
    let shown = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let name = RwSignal::new(String::new());
    let said = Said::default();
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| shown.set(browser::supported()));
    let on_click = move |_| {
        #[cfg(feature = "hydrate")]
        {
            busy.set(true);
            error.set(None);
            leptos::task::spawn_local(async move {
                let start = PasskeyRegistrationOptions::PATH;
                let finish = AddPasskey::PATH;
                match browser::add(start, finish, &name.get_untracked(), &said.get("data-generic")).await {
                    Ok(_) => {
                        let _ = window().location().set_href("/account/security");
                    }
                    Err((code, _)) if code == "recent_sign_in" => {
                        let _ = window().location().set_href("/account/confirm?next=%2Faccount%2Fsecurity");
                    }
                    Err((code, message)) => {
                        busy.set(false);
                        error.set(failure(&code, message, said));
                    }
                }
            });
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (busy, error, said);
    };
    view! {
        <div class="passkey-add form" hidden=move || !shown.get()>
            <div class="field">
                <label for="field-passkey-name">{server_tr!("passkey-name")}</label>
                <input id="field-passkey-name" type="text" maxlength="60" placeholder=server_tr!("passkey-name-placeholder")
                    prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
            </div>
            <button type="button" node_ref=said.node() on:click=on_click disabled=move || busy.get()
                aria-busy=move || busy.get().to_string()>
                {server_tr!("passkey-add")}
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
