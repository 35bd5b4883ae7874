//! The WASM entry point. Pages are rendered on the server only; the browser hydrates the
//! islands in them (the avatar upload, the theme toggle, passkeys, …) and keeps every form's
//! submit buttons from posting twice.

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
    app::components::busy::install();
    // The loader hydrates every island right after this returns, in the same task, so nothing
    // the page receives later (a click, a key) finds an island not yet live. Tests wait for it.
    if let Some(root) = leptos::prelude::document().document_element() {
        let _ = root.set_attribute("data-hydrated", "true");
    }
}
