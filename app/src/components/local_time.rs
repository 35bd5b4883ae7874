use leptos::prelude::*;

use crate::api::TimeView;

/// A moment as people read it: "5 minutes ago" inside `<time datetime>`, with the exact time in
/// the tooltip. The server can only say UTC; once the island runs, the tooltip shows the time
/// in the browser's own time zone.
#[component]
pub fn When(time: TimeView) -> impl IntoView {
    view! { <LocalTime iso=time.iso utc=time.utc ago=time.ago/> }
}

#[island]
fn LocalTime(iso: String, utc: String, ago: String) -> impl IntoView {
    let title = RwSignal::new(utc);
    #[cfg(feature = "hydrate")]
    {
        let iso = iso.clone();
        Effect::new(move |_| {
            if let Some(local) = in_browser_zone(&iso) {
                title.set(local);
            }
        });
    }
    view! { <time datetime=iso title=move || title.get()>{ago}</time> }
}

/// "Nov 30, 2026, 7:50 AM" in the browser's locale and time zone (`Intl.DateTimeFormat`).
#[cfg(feature = "hydrate")]
fn in_browser_zone(iso: &str) -> Option<String> {
    use wasm_bindgen::JsValue;
    let date = js_sys::Date::new(&JsValue::from_str(iso));
    if date.get_time().is_nan() {
        return None;
    }
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into()).ok()?;
    js_sys::Reflect::set(&options, &"timeStyle".into(), &"short".into()).ok()?;
    js_sys::Reflect::set(&options, &"timeZoneName".into(), &"short".into()).ok()?;
    date.to_locale_string("default", &options).as_string()
}
