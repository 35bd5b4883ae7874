use leptos::prelude::*;
use leptos_meta::{Stylesheet, Title, provide_meta_context};
use leptos_router::{
    StaticSegment,
    components::{Route, Router, Routes},
};

use crate::{
    components::layout::{Footer, Header},
    pages::{home::HomePage, not_found::NotFound},
    site::SiteInfo,
};

/// The application: layout around the routed page.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let site = SiteInfo::current();
    provide_context(site.clone());

    // Tests wait for this marker to know the WASM took over the page.
    Effect::new(|_| {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-hydrated", "true");
        }
    });

    view! {
        <Stylesheet id="leptos" href="/pkg/accounts.css"/>
        <Title formatter=move |page: String| format!("{page} · {}", site.service_name)/>
        <Router>
            <Header/>
            <main class="main">
                <Routes fallback=NotFound>
                    <Route path=StaticSegment("") view=HomePage/>
                </Routes>
            </main>
            <Footer/>
        </Router>
    }
}
