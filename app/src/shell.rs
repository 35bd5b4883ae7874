use leptos::prelude::*;
use leptos_meta::MetaTags;

use crate::{App, site::SiteInfo};

/// The HTML document around the app. Only `<body>` is hydrated; the head carries what the
/// browser needs before the WASM runs, including the site name read back during hydration.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let site = SiteInfo::current();
    #[cfg(feature = "ssr")]
    set_content_security_policy();
    view! {
        <!DOCTYPE html>
        <html lang="en" data-theme="light">
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="application-name" content=site.service_name/>
                <AutoReload options=options.clone()/>
                <HydrationScripts options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// Pages allow exactly the inline scripts that carry this response's nonce.
#[cfg(feature = "ssr")]
fn set_content_security_policy() {
    // Forms may post to us only, except that "Connect" on the security page is answered with a
    // redirect to the identity provider, which `form-action` also governs.
    let provider = use_context::<server::AppState>()
        .and_then(|state| state.google.as_ref().map(|g| g.origin()))
        .unwrap_or_default();
    if let (Some(nonce), Some(response)) =
        (leptos::nonce::use_nonce(), use_context::<leptos_axum::ResponseOptions>())
        && let Ok(value) = http::HeaderValue::from_str(&server::http::security_headers::page_policy(
            nonce.as_inner(),
            &provider,
        ))
    {
        response.insert_header(http::header::CONTENT_SECURITY_POLICY, value);
    }
}
