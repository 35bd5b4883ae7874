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

/// The form's words, translated on the server (islands carry no catalog).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AvatarTexts {
    pub label: String,
    pub hint: String,
    pub progress: String,
    pub upload: String,
    /// The browser cannot send the file with XMLHttpRequest.
    pub unsupported: String,
    /// The server refused without saying why.
    pub failed: String,
    /// The request never reached the server.
    pub offline: String,
}

impl AvatarTexts {
    /// In the request's language; called by the server-rendered parent.
    pub fn translated() -> Self {
        Self {
            label: tr!("avatar-label").to_owned(),
            hint: tr!("avatar-hint").to_owned(),
            progress: tr!("avatar-progress").to_owned(),
            upload: tr!("avatar-upload").to_owned(),
            unsupported: tr!("avatar-unsupported").to_owned(),
            failed: tr!("avatar-upload-failed").to_owned(),
            offline: tr!("avatar-upload-offline").to_owned(),
        }
    }
}

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

#[island]
pub fn AvatarUpload(outcome: Option<Notice>, texts: AvatarTexts) -> impl IntoView {
    let AvatarTexts { label, hint, progress: progress_label, upload, .. } = texts.clone();
    let progress = RwSignal::new(None::<f64>);
    let notice = RwSignal::new(outcome);

    #[cfg(feature = "hydrate")]
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        browser::upload(ev, progress, notice, &texts);
    };
    #[cfg(not(feature = "hydrate"))]
    let on_submit = move |_: leptos::ev::SubmitEvent| {
        let _ = (progress, notice, &texts);
    };

    view! {
        <form method="post" action="/account/avatar" enctype="multipart/form-data" class="form" on:submit=on_submit>
            <div class="field">
                <label for="field-avatar">{label}</label>
                <input id="field-avatar" type="file" name="avatar" accept="image/jpeg,image/png,image/webp"/>
                <p class="hint">{hint}</p>
            </div>
            {move || progress.get().map(|p| view! {
                <progress class="upload-progress" max="100" value=p aria-label=progress_label.clone()></progress>
            })}
            {move || notice.get().map(|n| match n {
                Notice::Success(text) => view! { <p class="form-success" role="status">{text}</p> }.into_any(),
                Notice::Error(text) => view! { <p class="form-error" role="alert">{text}</p> }.into_any(),
            })}
            <button type="submit" disabled=move || progress.get().is_some()>{upload}</button>
        </form>
    }
}

#[cfg(feature = "hydrate")]
mod browser {
    use leptos::prelude::*;
    use wasm_bindgen::{JsCast, closure::Closure};
    use web_sys::{FormData, HtmlFormElement, ProgressEvent, XmlHttpRequest};

    use super::{AvatarTexts, Notice, UPDATED_URL};

    /// The part of the upload route's JSON answer the form shows. A typed struct rather than
    /// `serde_json::Value`, which would add a generic JSON tree (a few KB) to the WASM.
    #[derive(serde::Deserialize)]
    struct UploadAnswer {
        error: Option<String>,
    }

    pub fn upload(
        ev: leptos::ev::SubmitEvent,
        progress: RwSignal<Option<f64>>,
        notice: RwSignal<Option<Notice>>,
        texts: &AvatarTexts,
    ) {
        let fail = move |text: &str| {
            progress.set(None);
            notice.set(Some(Notice::Error(text.to_owned())));
        };
        let Some(form) = ev.target().and_then(|t| t.dyn_into::<HtmlFormElement>().ok()) else { return };
        let (Ok(data), Ok(xhr)) = (FormData::new_with_form(&form), XmlHttpRequest::new()) else {
            return fail(&texts.unsupported);
        };
        if xhr.open("POST", "/account/avatar").is_err() {
            return fail(&texts.unsupported);
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
        let failed = texts.failed.clone();
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
        let offline = texts.offline.clone();
        let on_error = Closure::once_into_js(move || fail(&offline));
        xhr.set_onerror(Some(on_error.unchecked_ref()));
        if xhr.send_with_opt_form_data(Some(&data)).is_err() {
            fail(&texts.failed);
        }
    }
}
