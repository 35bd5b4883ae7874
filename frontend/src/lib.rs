//! The WASM entry point. Pages are rendered on the server only; the browser hydrates the
//! islands in them (submit buttons, the avatar upload, the theme toggle).

// Nothing here names `app`, so without this the crate would not be linked and its islands'
// exported hydrate functions would be missing from the WASM.
extern crate app;

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
    // The loader hydrates every island right after this returns, in the same task, so nothing
    // the page receives later (a click, a key) finds an island not yet live. Tests wait for it.
    if let Some(root) = leptos::prelude::document().document_element() {
        let _ = root.set_attribute("data-hydrated", "true");
    }
}
