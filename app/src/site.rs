//! Facts about this deployment that pages show, such as the service name.

/// Provided as context on the server; in the browser it is read back from the
/// `<meta name="application-name">` the shell rendered, so hydration sees the same text.
#[derive(Clone, Debug)]
pub struct SiteInfo {
    pub service_name: String,
}

impl SiteInfo {
    #[cfg(feature = "ssr")]
    pub fn current() -> Self {
        leptos::prelude::use_context::<Self>().unwrap_or_else(|| Self { service_name: "Accounts".to_owned() })
    }

    #[cfg(not(feature = "ssr"))]
    pub fn current() -> Self {
        let service_name = leptos::prelude::document()
            .query_selector("meta[name=application-name]")
            .ok()
            .flatten()
            .and_then(|meta| meta.get_attribute("content"))
            .unwrap_or_else(|| "Accounts".to_owned());
        Self { service_name }
    }
}
