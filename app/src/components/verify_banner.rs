//! Until the address is verified, every page says what happens next, with a way to resend.

use leptos::{prelude::*, server_fn::ServerFn};
use leptos_router::hooks::use_location;

use crate::{
    api::email::ResendVerification,
    components::{
        form::{FormMessage, form_error},
        session_context::{SessionContext, signed_in},
    },
};

#[component]
pub fn VerifyBanner() -> impl IntoView {
    // On every page: most people are verified, so that is asked first and nothing else is read.
    let unverified =
        with_context::<SessionContext, _>(|s| s.user.as_ref().is_some_and(|u| !u.email_verified));
    if unverified != Some(true) || use_location().pathname.get_untracked() == "/verify-email" {
        return None;
    }
    // A refused resend (the limits of the verification page apply) comes back here.
    let error = form_error::<ResendVerification>();
    signed_in().map(|user| {
        view! {
            <div class="banner" role="status">
                <span>
                    {tr!("verify-banner-before")}<strong>{user.email}</strong>{tr!("verify-banner-after")}
                </span>
                <form method="post" action=ResendVerification::PATH class="inline-form">
                    <button type="submit" class="link-button">{tr!("verify-banner-resend")}</button>
                </form>
                <FormMessage error/>
            </div>
        }
    })
}
