//! The avatar form. Without JavaScript it is a plain multipart POST that redirects back; once
//! its island is hydrated it uploads with XMLHttpRequest so a progress bar can follow the bytes,
//! then reloads the account page the way the plain post would have.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

/// A line under the form: what the last upload came to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Notice {
    Success(String),
    Error(String),
}

/// Where the upload route (and the island after a good upload) sends the browser.
pub const UPDATED_URL: &str = "/account?avatar=updated";

/// Messages for the outcome codes the upload route puts in its redirect.
pub fn avatar_error_message(code: &str) -> &'static str {
    match code {
        "gif" => tr!("avatar-error-gif"),
        "damaged" => tr!("avatar-error-damaged"),
        "too_large" => tr!("avatar-error-too-large"),
        "too_many_pixels" => tr!("avatar-error-too-many-pixels"),
        "not_one_file" => tr!("avatar-error-not-one-file"),
        "signed_out" => tr!("avatar-error-signed-out"),
        _ => tr!("avatar-error-not-image"),
    }
}

/// The outcome the upload route's redirect put in the URL (`?avatar=updated`,
/// `?avatar_error=code`), read on the server for the island's first render.
pub fn avatar_outcome() -> Option<Notice> {
    let query = use_query_map().get_untracked();
    if let Some(code) = query.get("avatar_error") {
        Some(Notice::Error(avatar_error_message(&code).to_owned()))
    } else {
        query.get("avatar").map(|_| Notice::Success(tr!("avatar-updated").to_owned()))
    }
}

/// The form in a box holding what an upload may need to say later: the progress bar's name
/// and the failures ([`super::words`]).
#[component]
pub fn AvatarUpload(outcome: Option<Notice>) -> impl IntoView {
    view! {
        <div class=super::words::BOX data-progress=tr!("avatar-progress") data-unsupported=tr!("avatar-unsupported")
            data-failed=tr!("avatar-upload-failed") data-offline=tr!("avatar-upload-offline")>
            <AvatarForm outcome/>
        </div>
    }
    .into_any()
}

#[island]
fn AvatarForm(outcome: Option<Notice>) -> impl IntoView {
    let progress = RwSignal::new(None::<f64>);
    let progress_label = RwSignal::new(String::new());
    let notice = RwSignal::new(outcome);

    #[cfg(feature = "hydrate")]
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        browser::upload(ev, progress, progress_label, notice);
    };
    #[cfg(not(feature = "hydrate"))]
    let on_submit = move |_: leptos::ev::SubmitEvent| {
        let _ = (progress, notice);
    };

    view! {
        <form method="post" action="/account/avatar" enctype="multipart/form-data" class="form" on:submit=on_submit>
            <div class="field">
                <label for="field-avatar">{server_tr!("avatar-label")}</label>
                <input id="field-avatar" type="file" name="avatar" accept="image/jpeg,image/png,image/webp"/>
                <p class="hint">{server_tr!("avatar-hint")}</p>
            </div>
            {move || progress.get().map(|p| view! {
                <progress class="upload-progress" max="100" value=p aria-label=move || progress_label.get()></progress>
            })}
            {move || notice.get().map(|n| match n {
                Notice::Success(text) => view! { <p class="form-success" role="status">{text}</p> }.into_any(),
                Notice::Error(text) => view! { <p class="form-error" role="alert">{text}</p> }.into_any(),
            })}
            <button type="submit" disabled=move || progress.get().is_some()>{server_tr!("avatar-upload")}</button>
        </form>
    }
}

#[cfg(feature = "hydrate")]
mod browser {
    use leptos::prelude::*;
    use wasm_bindgen::{JsCast, closure::Closure};
    use web_sys::{FormData, HtmlFormElement, ProgressEvent, XmlHttpRequest};

    use super::{Notice, UPDATED_URL};
    use crate::components::words::said;

    /// The part of the upload route's JSON answer the form shows. A typed struct rather than
    /// `serde_json::Value`, which would add a generic JSON tree (a few KB) to the WASM.
    #[derive(serde::Deserialize)]
    struct UploadAnswer {
        error: Option<String>,
    }

    pub fn upload(
        ev: leptos::ev::SubmitEvent,
        progress: RwSignal<Option<f64>>,
        progress_label: RwSignal<String>,
        notice: RwSignal<Option<Notice>>,
    ) {
        let fail = move |text: &str| {
            progress.set(None);
            notice.set(Some(Notice::Error(text.to_owned())));
        };
        let Some(form) = ev.target().and_then(|t| t.dyn_into::<HtmlFormElement>().ok()) else { return };
        let say = |attribute: &str| said(&form, attribute);
        progress_label.set(say("data-progress"));
        let (Ok(body), Ok(xhr)) = (FormData::new_with_form(&form), XmlHttpRequest::new()) else {
            return fail(&say("data-unsupported"));
        };
        if xhr.open("POST", "/account/avatar").is_err() {
            return fail(&say("data-unsupported"));
        }
        let _ = xhr.set_request_header("Accept", "application/json");
        notice.set(None);
        progress.set(Some(0.0));

        let on_progress = Closure::<dyn FnMut(ProgressEvent)>::new(move |e: ProgressEvent| {
            if e.length_computable() && e.total() > 0.0 {
                progress.set(Some(e.loaded() / e.total() * 100.0));
            }
        });
        if let Ok(upload) = xhr.upload() {
            upload.set_onprogress(Some(on_progress.as_ref().unchecked_ref()));
        }
        on_progress.forget();

        let done = xhr.clone();
        let failed = say("data-failed");
        let on_load = Closure::once_into_js(move || {
            let status = done.status().unwrap_or(0);
            if status == 200 {
                // The new picture shows in the header and the page: load them afresh.
                let _ = window().location().set_href(UPDATED_URL);
            } else {
                progress.set(None);
                let text = done.response_text().ok().flatten().unwrap_or_default();
                let message =
                    serde_json::from_str::<UploadAnswer>(&text).ok().and_then(|a| a.error).unwrap_or(failed);
                notice.set(Some(Notice::Error(message)));
            }
        });
        xhr.set_onload(Some(on_load.unchecked_ref()));
        let offline = say("data-offline");
        let on_error = Closure::once_into_js(move || fail(&offline));
        xhr.set_onerror(Some(on_error.unchecked_ref()));
        if xhr.send_with_opt_form_data(Some(&body)).is_err() {
            fail(&say("data-failed"));
        }
    }
}
