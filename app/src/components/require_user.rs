use leptos::prelude::*;
use leptos_router::{components::Redirect, hooks::use_location};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

use super::session_context::signed_in;
use crate::api::UserView;

/// Renders `children` for a signed-in person with a verified email; otherwise answers with a
/// redirect: to `/verify-email`, or to sign-in with a `next` back here.
#[component]
pub fn RequireUser<F, V>(children: F) -> impl IntoView
where
    F: FnOnce(UserView) -> V,
    V: IntoView + 'static,
{
    match signed_in() {
        Some(user) if user.email_verified => children(user).into_any(),
        Some(_) => view! { <Redirect path="/verify-email"/> }.into_any(),
        None => {
            let here = use_location().pathname.get_untracked();
            let path = format!("/login?next={}", urlencode(&here));
            view! { <Redirect path=path/> }.into_any()
        }
    }
}

/// Everything but unreserved characters and '/' is escaped in a `next` parameter.
const NEXT: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'_').remove(b'.').remove(b'~').remove(b'/');

/// A query value for the app's own links (the one percent-encoder of pages and server functions).
pub fn urlencode(s: &str) -> String {
    utf8_percent_encode(s, NEXT).to_string()
}
