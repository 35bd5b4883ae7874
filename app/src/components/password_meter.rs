//! The strength meter under a new-password field (ASVS 2.1.8): an island that, as the person
//! types, asks the server's own rule (the `password_strength` server function), so the meter and
//! the refusal on submit cannot disagree. Judging in the browser would mean shipping zxcvbn's
//! dictionaries in the WASM (about 880 KB gzipped); a debounced request costs a few hundred bytes.
//!
//! Rendered hidden: without JavaScript there is no meter, and the server's message on submit
//! says what is wrong. The word sits in a polite live region for screen readers.

use leptos::prelude::*;

/// How long typing must pause before the password is judged.
#[cfg(feature = "hydrate")]
const PAUSE: std::time::Duration = std::time::Duration::from_millis(300);

#[island]
pub fn PasswordMeter(
    /// The `id` of the password input to follow.
    field: String,
    /// The `id` of the email input whose words count against the password (sign-up); the
    /// server uses the account's own address when signed in or on a reset link.
    #[prop(optional)]
    email_field: Option<String>,
    /// The `id` of the input holding the reset link's token, on the reset form (read from the
    /// page, so the token is not copied into the island's props).
    #[prop(optional)]
    token_field: Option<String>,
) -> impl IntoView {
    let ready = RwSignal::new(false);
    let judged = RwSignal::new(None::<crate::api::password::StrengthView>);
    #[cfg(feature = "hydrate")]
    browser::follow(browser::Inputs { field, email_field, token_field }, ready, judged);
    #[cfg(not(feature = "hydrate"))]
    let _ = (field, email_field, token_field);
    let level = move || judged.get().map_or(0, |j| j.level).to_string();
    view! {
        <div class="strength" hidden=move || !ready.get()>
            <div class="strength-bar" aria-hidden="true" data-level=level
                class:accepted=move || judged.get().is_some_and(|j| j.accepted)>
                <span></span>
            </div>
            <p class="strength-word" aria-live="polite">
                // "Strength: Weak", in the reader's language: the server words it.
                {move || judged.get().map(|j| j.text)}
            </p>
        </div>
    }
}

#[cfg(feature = "hydrate")]
mod browser {
    use leptos::{ev, prelude::*, server_fn::ServerFn};
    use wasm_bindgen::{JsCast, closure::Closure};
    use web_sys::XmlHttpRequest;

    use crate::api::password::{PasswordStrength, StrengthView};

    pub struct Inputs {
        pub field: String,
        pub email_field: Option<String>,
        pub token_field: Option<String>,
    }

    /// The current value of the input with `id`, if there is one.
    fn value_of(id: &str) -> Option<String> {
        let element = document().get_element_by_id(id)?;
        js_sys::Reflect::get(&element, &"value".into()).ok()?.as_string()
    }

    /// Judges the field's value once typing pauses; an answer to an older value is dropped.
    pub fn follow(inputs: Inputs, ready: RwSignal<bool>, judged: RwSignal<Option<StrengthView>>) {
        Effect::new(move |_| ready.set(true));
        let inputs = std::rc::Rc::new(inputs);
        let typed = StoredValue::new(0u64);
        let _listener = window_event_listener(ev::input, move |event| {
            let target = event.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
            if target.is_none_or(|t| t.id() != inputs.field) {
                return;
            }
            let turn = typed.get_value() + 1;
            typed.set_value(turn);
            let inputs = inputs.clone();
            set_timeout(
                move || {
                    if typed.get_value() != turn {
                        return;
                    }
                    let password = value_of(&inputs.field).unwrap_or_default();
                    if password.is_empty() {
                        judged.set(None);
                        return;
                    }
                    let email = inputs.email_field.as_deref().and_then(value_of).unwrap_or_default();
                    let token = inputs.token_field.as_deref().and_then(value_of).unwrap_or_default();
                    ask(&[("password", &password), ("email", &email), ("token", &token)], move |answer| {
                        if typed.get_value() == turn {
                            judged.set(answer);
                        }
                    });
                },
                super::PAUSE,
            );
        });
    }

    /// Posts `form` to the `password_strength` server function and hands `done` its answer
    /// (`None` when refused or failed: the meter then shows nothing rather than a wrong word).
    /// A plain request rather than the generated server-function client, which would add
    /// about 23 KB (gzipped, measured) to the WASM for this one call.
    fn ask(form: &[(&str, &str)], done: impl FnOnce(Option<StrengthView>) + 'static) {
        let Ok(xhr) = XmlHttpRequest::new() else { return done(None) };
        if xhr.open("POST", PasswordStrength::PATH).is_err() {
            return done(None);
        }
        let _ = xhr.set_request_header("Accept", "application/json");
        let _ = xhr.set_request_header("Content-Type", "application/x-www-form-urlencoded");
        let body: Vec<String> = form
            .iter()
            .map(|(k, v)| format!("{k}={}", String::from(js_sys::encode_uri_component(v))))
            .collect();
        let answered = xhr.clone();
        let on_load = Closure::once_into_js(move || {
            let ok = answered.status().is_ok_and(|s| s == 200);
            let text = answered.response_text().ok().flatten().unwrap_or_default();
            done(ok.then(|| serde_json::from_str::<StrengthView>(&text).ok()).flatten());
        });
        xhr.set_onload(Some(on_load.unchecked_ref()));
        let _ = xhr.send_with_opt_str(Some(&body.join("&")));
    }
}
