use leptos::prelude::*;
use leptos_meta::Title;

/// Rendered for any path no route matches, with HTTP status 404 on the server.
#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    view! {
        <Title text=tr!("auth-not-found")/>
        <section class="not-found">
            <h1>{tr!("auth-not-found")}</h1>
            <p>{tr!("auth-not-found-explain")}</p>
            <p><a href="/">{tr!("auth-go-home")}</a></p>
        </section>
    }
}
