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
            let lang = document().document_element().and_then(|html| html.get_attribute("lang"));
            if let Some(local) = in_browser_zone(&iso, lang.as_deref().unwrap_or("en")) {
                title.set(local);
            }
        });
    }
    view! { <time datetime=iso title=move || title.get()>{ago}</time> }
}

/// "Nov 30, 2026, 3:50 PM GMT+9" in the page's language and the browser's time zone
/// (`Intl.DateTimeFormat`).
#[cfg(feature = "hydrate")]
fn in_browser_zone(iso: &str, lang: &str) -> Option<String> {
    use wasm_bindgen::JsValue;
    let date = js_sys::Date::new(&JsValue::from_str(iso));
    if date.get_time().is_nan() {
        return None;
    }
    // `dateStyle` cannot be combined with `timeZoneName` (a RangeError), so name the parts.
    let options = js_sys::Object::new();
    for (key, value) in [
        ("year", "numeric"),
        ("month", "short"),
        ("day", "numeric"),
        ("hour", "numeric"),
        ("minute", "2-digit"),
        ("timeZoneName", "short"),
    ] {
        js_sys::Reflect::set(&options, &key.into(), &value.into()).ok()?;
    }
    // Called through `Reflect::apply`, which turns a thrown error into `Err`: a browser that
    // refuses an option keeps the UTC title instead of breaking the page's other islands.
    let to_locale_string = js_sys::Reflect::get(&date, &"toLocaleString".into()).ok()?;
    let function: &js_sys::Function = wasm_bindgen::JsCast::dyn_ref(&to_locale_string)?;
    let args = js_sys::Array::of2(&JsValue::from_str(lang), &options);
    js_sys::Reflect::apply(function, &date, &args).ok()?.as_string()
}
