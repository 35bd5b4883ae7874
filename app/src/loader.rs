//! What starts the islands: preload hints for the module and the WASM, and a small inline
//! script that loads them when the browser is idle, calls `hydrate()` and then each island's
//! function on its `<leptos-island>` element, in page order, in the same task (so nothing the
//! page receives later finds an island not yet live).
//!
//! Leptos's `HydrationScripts` does the same with a 1.8 KB script formatted anew on every page; this
//! one is written once per process and is a fifth of the size. It supports what the app
//! uses: islands without children (no `<leptos-children>`), no islands router, no split WASM,
//! no hashed file names (`HydrationScripts` is used when those are on).

use std::sync::OnceLock;

use leptos::prelude::*;

/// Where the module and the WASM are, and the script, built from the options on first use.
struct Loader {
    js: String,
    wasm: String,
    script: String,
}

fn loader(options: &LeptosOptions) -> &'static Loader {
    static LOADER: OnceLock<Loader> = OnceLock::new();
    LOADER.get_or_init(|| {
        let pkg = format!("/{}", options.site_pkg_dir);
        let name = &options.output_name;
        // As `HydrationScripts` names them: cargo-leptos sets `LEPTOS_OUTPUT_NAME` and writes
        // `<name>.wasm`; wasm-bindgen alone writes `<name>_bg.wasm`.
        let suffix = if option_env!("LEPTOS_OUTPUT_NAME").is_none() { "_bg" } else { "" };
        let js = format!("{pkg}/{name}.js");
        let wasm = format!("{pkg}/{name}{suffix}.wasm");
        let script = format!(
            "(()=>{{const go=()=>import({js:?}).then(m=>m.default({{module_or_path:{wasm:?}}}).then(()=>{{\
             m.hydrate();for(const el of document.querySelectorAll(\"leptos-island\")){{\
             const f=m[el.dataset.component];f?f(el):console.warn(\"no island\",el.dataset.component)}}}}));\
             \"requestIdleCallback\"in window?requestIdleCallback(go):go()}})()"
        );
        Loader { js, wasm, script }
    })
}

/// In `<head>`, in place of `HydrationScripts`.
#[component]
pub fn IslandLoader(options: LeptosOptions) -> impl IntoView {
    if options.hash_files {
        return view! { <HydrationScripts options islands=true/> }.into_any();
    }
    // Pages render on the server only: no part of them is hydrated but the islands, so no
    // hydration markers are written around the rest (what `HydrationScripts` also does).
    if let Some(context) = Owner::current_shared_context() {
        context.set_is_hydrating(false);
    }
    let loader = loader(&options);
    let nonce = leptos::nonce::use_nonce();
    view! {
        <link rel="modulepreload" href=loader.js.as_str()/>
        <link rel="preload" href=loader.wasm.as_str() r#as="fetch" r#type="application/wasm" crossorigin=""/>
        <script type="module" nonce=nonce inner_html=loader.script.as_str()></script>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_script_loads_the_sites_module_and_wasm_and_is_small() {
        let options = LeptosOptions::builder().output_name("accounts").site_pkg_dir("pkg").build();
        let loader = loader(&options);
        assert_eq!(loader.js, "/pkg/accounts.js");
        assert!(
            loader.wasm.starts_with("/pkg/accounts") && loader.wasm.ends_with(".wasm"),
            "{}",
            loader.wasm
        );
        assert!(loader.script.contains(r#"import("/pkg/accounts.js")"#), "{}", loader.script);
        assert!(loader.script.contains(&format!("module_or_path:{:?}", loader.wasm)), "{}", loader.script);
        assert!(loader.script.len() < 600, "{} bytes", loader.script.len());
    }
}
