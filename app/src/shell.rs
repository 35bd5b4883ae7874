use leptos::prelude::*;
use leptos_meta::MetaTags;

use crate::{App, loader::IslandLoader, site::SiteInfo};

/// The HTML document around the app. Only the islands in `<body>` are hydrated.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let site = SiteInfo::current();
    #[cfg(feature = "ssr")]
    set_content_security_policy();
    // No attribute: the stylesheet follows `prefers-color-scheme`.
    #[cfg(feature = "ssr")]
    let theme = crate::theme::chosen().map(crate::theme::Theme::as_str);
    #[cfg(not(feature = "ssr"))]
    let theme: Option<&str> = None;
    view! {
        <!DOCTYPE html>
        <html lang=crate::i18n::lang_code() data-theme=theme>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="application-name" content=site.service_name/>
                {watching().then(|| view! { <AutoReload options=options.clone()/> })}
                <IslandLoader options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// Whether `cargo leptos watch` runs the server (it sets `LEPTOS_WATCH`), read once: the
/// reload script is for that alone, and asking on every page cost an options copy and an
/// environment lookup.
fn watching() -> bool {
    static WATCHING: std::sync::LazyLock<bool> =
        std::sync::LazyLock::new(|| std::env::var_os("LEPTOS_WATCH").is_some());
    *WATCHING
}

/// Pages allow exactly the inline scripts that carry this response's nonce. The policy goes to
/// the security-headers layer through the request (see `server::http::security_headers`).
#[cfg(feature = "ssr")]
fn set_content_security_policy() {
    // Forms may post to us only, except that "Connect" on the security page is answered with a
    // redirect to an identity provider, which `form-action` also governs.
    let provider = use_context::<server::AppState>()
        .map(|state| state.providers.origins().to_owned())
        .unwrap_or_default();
    let page = crate::api::ssr::with_request(|parts| {
        parts.extensions.get::<server::http::security_headers::PagePolicy>().cloned()
    })
    .flatten();
    if let (Some(nonce), Some(page)) = (leptos::nonce::use_nonce(), page) {
        page.set(nonce.as_inner(), &provider);
    }
}
