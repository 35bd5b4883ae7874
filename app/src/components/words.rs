//! How islands get their words without a catalog or words as props (either would put code for
//! them into the WASM, and props their words as escaped JSON into every page): what an island
//! renders once comes from the server (`server_tr!`: hydration keeps the server's text), and
//! the messages it may show later sit as `data-*` attributes on a box the server renders
//! around it, class [`BOX`], read when needed. Not on the island's own elements: hydrating
//! rewrites their `data-*` attributes with what the browser has, which is nothing.

use leptos::prelude::*;

/// The class of the box around an island that holds its messages (CSS: `display: contents`).
pub const BOX: &str = "said";

/// The `data-<name>` message of the box around `element` (empty when there is none).
#[cfg(feature = "hydrate")]
pub fn said(element: &web_sys::Element, name: &str) -> String {
    element
        .closest(&format!(".{BOX}"))
        .ok()
        .flatten()
        .and_then(|b| b.get_attribute(&format!("data-{name}")))
        .unwrap_or_default()
}

/// An element of the island to find its box from.
#[derive(Clone, Copy, Default)]
pub struct Said(NodeRef<leptos::html::Div>);

impl Said {
    /// For the element's `node_ref`.
    pub fn node(self) -> NodeRef<leptos::html::Div> {
        self.0
    }

    /// The box's `data-<name>` message (empty before the island is in the page).
    #[cfg(feature = "hydrate")]
    pub fn get(self, name: &str) -> String {
        self.0.get_untracked().map(|el| said(&el, name)).unwrap_or_default()
    }
}
