use leptos::{prelude::*, server_fn::ServerFn};

use crate::{api::theme::SetTheme, theme::Theme};

/// "Dark theme" / "Light theme" in the header. Both buttons are rendered and CSS shows the one
/// that switches away from the theme in effect (the chosen one, else the system's), so the
/// label is right before any script runs. Without JavaScript the form posts and the server keeps
/// the choice in a cookie; once hydrated, a click switches at once and writes the same cookie.
/// Its island is also the proof of hydration in browser tests.
#[island]
pub fn ThemeToggle() -> impl IntoView {
    let to_dark = NodeRef::<leptos::html::Button>::new();
    let to_light = NodeRef::<leptos::html::Button>::new();
    #[allow(unused_variables)]
    let choose = move |ev: leptos::ev::MouseEvent, theme: Theme| {
        #[cfg(feature = "hydrate")]
        {
            ev.prevent_default();
            apply(theme);
            // The clicked button is hidden now: keep the keyboard focus on the one shown.
            let shown = if theme == Theme::Dark { to_light } else { to_dark };
            if let Some(button) = shown.get_untracked() {
                let _ = button.focus();
            }
        }
    };
    view! {
        <form method="post" action=SetTheme::PATH class="theme-choice">
            <button type="submit" name="theme" value=Theme::Dark.as_str() class="link-button to-dark" node_ref=to_dark
                on:click=move |ev| choose(ev, Theme::Dark)>{server_tr!("theme-dark")}</button>
            <button type="submit" name="theme" value=Theme::Light.as_str() class="link-button to-light" node_ref=to_light
                on:click=move |ev| choose(ev, Theme::Light)>{server_tr!("theme-light")}</button>
        </form>
    }
}

/// Switches the page and keeps the choice, as the server would.
#[cfg(feature = "hydrate")]
fn apply(theme: Theme) {
    let document = document();
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("data-theme", theme.as_str());
    }
    let secure = window().location().protocol().is_ok_and(|p| p == "https:");
    let _ = js_sys::Reflect::set(&document, &"cookie".into(), &theme.cookie(secure).into());
}
