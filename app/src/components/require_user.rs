use leptos::prelude::*;
use leptos_router::{components::Redirect, hooks::use_location};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

use super::session_context::use_session;
use crate::api::UserView;

/// Renders `children` for a signed-in person; otherwise sends the browser to sign-in with a
/// `next` back here. (On first load the server has already redirected.)
#[component]
pub fn RequireUser<F, V>(children: F) -> impl IntoView
where
    F: Fn(UserView) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let session = use_session();
    let location = use_location();
    view! {
        <Transition fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || {
                let children = children.clone();
                Suspend::new(async move {
                    match session.user.await {
                        Ok(Some(user)) if user.email_verified => children(user).into_any(),
                        Ok(Some(_)) => view! { <Redirect path="/verify-email"/> }.into_any(),
                        _ => {
                            let here = location.pathname.get_untracked();
                            let path = format!("/login?next={}", urlencode(&here));
                            view! { <Redirect path=path/> }.into_any()
                        }
                    }
                })
            }}
        </Transition>
    }
}

/// Everything but unreserved characters and '/' is escaped in a `next` parameter.
const NEXT: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'_').remove(b'.').remove(b'~').remove(b'/');

pub fn urlencode(s: &str) -> String {
    utf8_percent_encode(s, NEXT).to_string()
}
