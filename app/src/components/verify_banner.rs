//! Until the address is verified, every page says what happens next, with a way to resend.

use leptos::{prelude::*, server_fn::ServerFn};
use leptos_router::hooks::use_location;

use crate::{
    api::email::ResendVerification,
    components::{
        form::{FormMessage, form_error},
        session_context::signed_in,
    },
};

#[component]
pub fn VerifyBanner() -> impl IntoView {
    let on_verify_page = use_location().pathname.get_untracked() == "/verify-email";
    // A refused resend (the limits of the verification page apply) comes back here.
    let error = form_error::<ResendVerification>();
    signed_in().filter(|user| !user.email_verified && !on_verify_page).map(|user| {
        view! {
            <div class="banner" role="status">
                <span>"Check your inbox: we sent a link to "<strong>{user.email}</strong>"."</span>
                <form method="post" action=ResendVerification::PATH class="inline-form">
                    <button type="submit" class="link-button">"Resend"</button>
                </form>
                <FormMessage error/>
            </div>
        }
    })
}
