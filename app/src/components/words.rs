//! How islands get their words without a catalog or words as props (either would put code for
//! them into the WASM, and props their words as escaped JSON into every page): what an island
//! renders once comes from the server (`server_tr!`: hydration keeps the server's text), and
//! the messages it may show later sit as `data-*` attributes on a box the server renders
//! around it, class [`BOX`], read when needed. Not on the island's own elements: hydrating
//! rewrites their `data-*` attributes with what the browser has, which is nothing.

use leptos::prelude::*;

/// The box's class, written once for both [`BOX`] and [`said`]'s selector.
macro_rules! box_class {
    () => {
        "said"
    };
}

/// The class of the box around an island that holds its messages (CSS: `display: contents`).
pub const BOX: &str = box_class!();

/// The message in attribute `attribute` (`data-…`) of the box around `element` (empty when
/// there is none).
#[cfg(feature = "hydrate")]
pub fn said(element: &web_sys::Element, attribute: &str) -> String {
    element
        .closest(concat!(".", box_class!()))
        .ok()
        .flatten()
        .and_then(|b| b.get_attribute(attribute))
        .unwrap_or_default()
}

/// A button of the island to find its box from.
#[derive(Clone, Copy, Default)]
pub struct Said(NodeRef<leptos::html::Button>);

impl Said {
    /// For the button's `node_ref`.
    pub fn node(self) -> NodeRef<leptos::html::Button> {
        self.0
    }

    /// The box's message in `attribute` (empty before the island is in the page).
    #[cfg(feature = "hydrate")]
    pub fn get(self, attribute: &str) -> String {
        self.0.get_untracked().map(|el| said(&el, attribute)).unwrap_or_default()
    }
}
