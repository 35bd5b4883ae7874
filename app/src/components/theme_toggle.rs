use leptos::prelude::*;

/// Flips `data-theme` on `<html>` between light and dark. It only works once its island is
/// hydrated, which makes it the proof of hydration in browser tests.
#[island]
pub fn ThemeToggle() -> impl IntoView {
    let dark = RwSignal::new(false);
    let toggle = move |_| {
        dark.update(|d| *d = !*d);
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-theme", if dark.get_untracked() { "dark" } else { "light" });
        }
    };
    view! {
        <button type="button" class="theme-toggle" aria-pressed=move || dark.get().to_string() on:click=toggle>
            {move || if dark.get() { "Light theme" } else { "Dark theme" }}
        </button>
    }
}
