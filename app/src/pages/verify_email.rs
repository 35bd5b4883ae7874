use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::{
    api::email::{ResendVerification, verify_email},
    components::{
        form::{FormMessage, SubmitButton, form_error},
        session_context::signed_in,
    },
};

pub const VERIFIED: &str = "Your email is verified.";
pub const INVALID_LINK: &str = "This link is invalid or has expired.";

/// `/verify-email`: follows a link (`?token=`), or asks a signed-in, unverified person to
/// check their inbox.
#[component]
pub fn VerifyEmailPage() -> impl IntoView {
    let token = use_query_map().get_untracked().get("token");
    view! {
        <Title text="Verify your email"/>
        <section class="card">
            {match token {
                Some(token) => view! { <FollowLink token/> }.into_any(),
                None => view! { <CheckInbox/> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn FollowLink(token: String) -> impl IntoView {
    let outcome = OnceResource::new(verify_email(token));
    view! {
        <Suspense fallback=|| view! { <p class="loading">"Checking your link…"</p> }>
            {move || Suspend::new(async move {
                match outcome.await {
                    Ok(()) => view! {
                        <h1>{VERIFIED}</h1>
                        <p><a href="/account">"Go to your account"</a></p>
                    }.into_any(),
                    Err(_) => view! {
                        <h1>{INVALID_LINK}</h1>
                        <p>"Sign in and ask for a new email from your account."</p>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn CheckInbox() -> impl IntoView {
    let error = form_error::<ResendVerification>();
    let sent = use_query_map().get_untracked().get("resent").is_some();
    match signed_in() {
        Some(user) if user.email_verified => view! {
            <h1>{VERIFIED}</h1>
            <p><a href="/account">"Go to your account"</a></p>
        }.into_any(),
        Some(user) => view! {
            <h1>"Check your inbox"</h1>
            <p>"We sent a link to "<strong class="pending-email">{user.email}</strong>". Follow it to verify your address."</p>
            <form method="post" action=ResendVerification::PATH class="form">
                {sent.then(|| view! { <p class="form-success" role="status">"We sent another email."</p> })}
                <FormMessage error/>
                <SubmitButton label="Resend email"/>
            </form>
        }.into_any(),
        None => view! {
            <h1>"Verify your email"</h1>
            <p><a href="/login?next=/verify-email">"Sign in"</a>" to ask for a new link."</p>
        }.into_any(),
    }
}
