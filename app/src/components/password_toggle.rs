//! "Show" / "Hide" next to a password field: an island, rendered hidden, so with JavaScript off
//! the field stays a plain password input and nothing offers what cannot work.

use leptos::prelude::*;

#[island]
pub fn PasswordToggle(
    target: String,
    /// The two labels, translated on the server (islands carry no catalog).
    show_label: String,
    hide_label: String,
) -> impl IntoView {
    let ready = RwSignal::new(false);
    let shown = RwSignal::new(false);
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| ready.set(true));
    let input = target.clone();
    let on_click = move |_| {
        let show = !shown.get_untracked();
        shown.set(show);
        #[cfg(feature = "hydrate")]
        if let Some(field) = document().get_element_by_id(&input) {
            let _ = field.set_attribute("type", if show { "text" } else { "password" });
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
            on:click=on_click
        >
            {move || if shown.get() { hide_label.clone() } else { show_label.clone() }}
        </button>
    }
}
