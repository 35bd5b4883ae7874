//! "Continue with Google" on the sign-in and sign-up pages: a plain link, so it works with
//! JavaScript off. Shown only when Google sign-in is configured.

use leptos::prelude::*;

use super::require_user::urlencode;
use crate::api::google::google_enabled;

/// Why the last Google attempt came back to this page (`?google=` on the URL). The reasons are
/// fixed codes rather than text in the URL, so a crafted link cannot put words on our pages.
pub fn google_notice(code: &str) -> Option<&'static str> {
    match code {
        "cancelled" => Some("Google sign-in was cancelled."),
        "unavailable" => Some("Google is unavailable right now. Try again or use your password."),
        "failed" => Some("Google sign-in failed. Please try again."),
        _ => None,
    }
}

#[component]
pub fn GoogleButton(#[prop(into)] next: Signal<String>) -> impl IntoView {
    let enabled = OnceResource::new(google_enabled());
    let href = move || match next.get().as_str() {
        "/" | "" => "/auth/google".to_owned(),
        n => format!("/auth/google?next={}", urlencode(n)),
    };
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                matches!(enabled.await, Ok(true)).then(|| view! {
                    <div class="alt-sign-in">
                        <p class="divider"><span>"or"</span></p>
                        <a class="button-link button-google" href=href rel="external">"Continue with Google"</a>
                    </div>
                })
            })}
        </Suspense>
    }
}
