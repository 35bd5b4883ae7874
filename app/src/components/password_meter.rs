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
                {move || judged.get().map(|j| format!("Strength: {}", j.word))}
            </p>
        </div>
    }
}

#[cfg(feature = "hydrate")]
mod browser {
    use leptos::{ev, prelude::*};
    use wasm_bindgen::JsCast;

    use crate::api::password::{StrengthView, password_strength};

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
                    leptos::task::spawn_local(async move {
                        let answer = password_strength(password, email, token).await;
                        if typed.get_value() == turn {
                            // A refused or failed check shows nothing rather than a wrong word.
                            judged.set(answer.ok());
                        }
                    });
                },
                super::PAUSE,
            );
        });
    }
}
