//! The busy state of every form's submit buttons ([`super::form::SubmitButton`]): once a form is
//! sent, its buttons are disabled and `aria-busy`, so a second click cannot post twice; a page
//! brought back from the back/forward cache gets them back. One listener serves every form, so
//! buttons need no island, props or words in the WASM.

use leptos::{ev, prelude::*};
use wasm_bindgen::JsCast;
use web_sys::Element;

/// The buttons [`super::form::SubmitButton`] renders (and no others).
const BUTTONS: &str = "button[type=submit][aria-busy]";

/// Installs the listeners; called once when the page's WASM starts.
pub fn install() {
    let _submit = window_event_listener(ev::submit, |event| {
        let Some(form) = event.target().map(JsCast::unchecked_into::<Element>) else { return };
        // After every other listener (an island may take the submission over and cancel it),
        // and after the browser has read the form: a submitter disabled before that would
        // drop its own name and value.
        set_timeout(
            move || {
                if !event.default_prevented() {
                    set_busy(&form, true);
                }
            },
            std::time::Duration::ZERO,
        );
    });
    let _show = window_event_listener(ev::pageshow, |_| {
        if let Some(root) = document().document_element() {
            set_busy(&root, false);
        }
    });
}

/// Marks every submit button under `within` busy (disabled) or idle.
fn set_busy(within: &Element, busy: bool) {
    let Ok(buttons) = within.query_selector_all(BUTTONS) else { return };
    for i in 0..buttons.length() {
        let Some(button) = buttons.item(i).map(JsCast::unchecked_into::<Element>) else { continue };
        let _ = if busy { button.set_attribute("disabled", "") } else { button.remove_attribute("disabled") };
        let _ = button.set_attribute("aria-busy", if busy { "true" } else { "false" });
    }
}
