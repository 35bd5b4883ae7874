use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::{
    api::email::{EmailLink, ResendVerification, VerifyEmail, check_email_link},
    components::{
        form::{FormMessage, SubmitButton, form_error},
        session_context::signed_in,
    },
};

pub const VERIFIED: &str = "Your email is verified.";
pub const CHANGED: &str = "Your new address is confirmed.";
pub const INVALID_LINK: &str = "This link is invalid or has expired.";

/// `/verify-email`: a mailed link (`?token=`) opens a page with one button that spends it, so
/// a mail scanner that fetches the link changes nothing; `?done=` (only ever from the signed
/// flash cookie) says what the button did; otherwise a signed-in, unverified person is asked to
/// check their inbox.
#[component]
pub fn VerifyEmailPage() -> impl IntoView {
    let query = use_query_map().get_untracked();
    let done = query.get("done");
    let token = query.get("token");
    view! {
        <Title text="Verify your email"/>
        <section class="card">
            {match (done.as_deref(), token) {
                (Some("verified"), _) => view! { <Done heading=VERIFIED/> }.into_any(),
                (Some("changed"), _) => view! { <Done heading=CHANGED/> }.into_any(),
                (_, Some(token)) => view! { <ConfirmLink token/> }.into_any(),
                _ => view! { <CheckInbox/> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn Done(heading: &'static str) -> impl IntoView {
    view! {
        <h1>{heading}</h1>
        <p><a href="/account">"Go to your account"</a></p>
    }
}

/// The one button that spends the link (a plain form post, with or without JavaScript).
#[component]
fn ConfirmLink(token: String) -> impl IntoView {
    let link = OnceResource::new(check_email_link(token.clone()));
    let error = form_error::<VerifyEmail>();
    view! {
        <Suspense fallback=|| view! { <p class="loading">"Checking your link…"</p> }>
            {move || {
                let token = token.clone();
                Suspend::new(async move {
                    let (heading, lead, label) = match link.await {
                        Ok(EmailLink::Verify) => (
                            "Verify your email",
                            view! { <p>"Press the button to confirm that this address is yours."</p> }.into_any(),
                            "Verify my email",
                        ),
                        Ok(EmailLink::Change { new_email }) => (
                            "Confirm your new address",
                            view! {
                                <p>"Your account's address becomes "<strong class="pending-email">{new_email}</strong>" when you press the button."</p>
                            }.into_any(),
                            "Confirm the new address",
                        ),
                        Err(_) => return view! {
                            <h1>{INVALID_LINK}</h1>
                            <p>"Sign in and ask for a new email from your account."</p>
                        }.into_any(),
                    };
                    view! {
                        <h1>{heading}</h1>
                        {lead}
                        <form method="post" action=VerifyEmail::PATH class="form">
                            <FormMessage error/>
                            <input type="hidden" name="token" value=token/>
                            <SubmitButton label=label/>
                        </form>
                    }.into_any()
                })
            }}
        </Suspense>
    }
}

#[component]
fn CheckInbox() -> impl IntoView {
    let error = form_error::<ResendVerification>();
    let sent = use_query_map().get_untracked().get("resent").is_some();
    match signed_in() {
        Some(user) if user.email_verified => view! { <Done heading=VERIFIED/> }.into_any(),
        Some(user) => view! {
            <h1>"Check your inbox"</h1>
            <p>"We sent a link to "<strong class="pending-email">{user.email}</strong>". Follow it to verify your address."</p>
            <form method="post" action=ResendVerification::PATH class="form">
                {sent.then(|| view! { <p class="form-success" role="status">"Sent again."</p> })}
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
