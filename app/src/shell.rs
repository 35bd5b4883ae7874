use leptos::prelude::*;
use leptos_meta::MetaTags;

use crate::{App, site::SiteInfo};

/// The HTML document around the app. Only `<body>` is hydrated; the head carries what the
/// browser needs before the WASM runs, including the site name read back during hydration.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let site = SiteInfo::current();
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
