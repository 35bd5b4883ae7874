//! "Show" / "Hide" next to a password field: an island, rendered hidden, so with JavaScript off
//! the field stays a plain password input and nothing offers what cannot work.

use leptos::prelude::*;

/// The toggle in a box holding its two labels ([`super::words`]).
#[component]
pub fn PasswordToggle(target: String) -> impl IntoView {
    view! {
        <span class=super::words::BOX data-show=tr!("form-show-password") data-hide=tr!("form-hide-password")>
            <Toggle target/>
        </span>
    }
    .into_any()
}

#[island]
fn Toggle(target: String) -> impl IntoView {
    let ready = RwSignal::new(false);
    let shown = RwSignal::new(false);
    let button = NodeRef::<leptos::html::Button>::new();
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| ready.set(true));
    let input = target.clone();
    let on_click = move |_| {
        let show = !shown.get_untracked();
        shown.set(show);
        #[cfg(feature = "hydrate")]
        {
            if let Some(field) = document().get_element_by_id(&input) {
                let _ = field.set_attribute("type", if show { "text" } else { "password" });
            }
            if let Some(button) = button.get_untracked() {
                let label = super::words::said(&button, if show { "data-hide" } else { "data-show" });
                button.set_text_content(Some(&label));
            }
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = &input;
    };
    view! {
        <button
            type="button"
            class="link-button password-toggle"
            hidden=move || !ready.get()
            aria-controls=target
            aria-pressed=move || shown.get().to_string()
            node_ref=button
            on:click=on_click
        >
            {server_tr!("form-show-password")}
        </button>
    }
}
