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
        <Title text=tr!("verify-title")/>
        <section class="card">
            {match (done.as_deref(), token) {
                (Some("verified"), _) => view! { <Done heading=tr!("verify-verified")/> }.into_any(),
                (Some("changed"), _) => view! { <Done heading=tr!("verify-changed")/> }.into_any(),
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
        <p><a href="/account">{tr!("verify-go-to-account")}</a></p>
    }
}

/// The one button that spends the link (a plain form post, with or without JavaScript).
#[component]
fn ConfirmLink(token: String) -> impl IntoView {
    let link = OnceResource::new(check_email_link(token.clone()));
    let error = form_error::<VerifyEmail>();
    view! {
        <Suspense fallback=|| view! { <p class="loading">{tr!("form-checking-link")}</p> }>
            {move || {
                let token = token.clone();
                Suspend::new(async move {
                    let (heading, lead, label) = match link.await {
                        Ok(EmailLink::Verify) => (
                            tr!("verify-title"),
                            view! { <p>{tr!("verify-press-button")}</p> }.into_any(),
                            tr!("verify-submit"),
                        ),
                        Ok(EmailLink::Change { new_email }) => (
                            tr!("verify-change-title"),
                            view! {
                                <p>
                                    {tr!("verify-change-before")}
                                    <strong class="pending-email">{new_email}</strong>
                                    {tr!("verify-change-after")}
                                </p>
                            }.into_any(),
                            tr!("verify-change-submit"),
                        ),
                        Err(_) => return view! {
                            <h1>{tr!("verify-invalid-link")}</h1>
                            <p>{tr!("verify-invalid-explain")}</p>
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
        Some(user) if user.email_verified => view! { <Done heading=tr!("verify-verified")/> }.into_any(),
        Some(user) => view! {
            <h1>{tr!("verify-check-inbox")}</h1>
            <p>
                {tr!("verify-sent-before")}
                <strong class="pending-email">{user.email}</strong>
                {tr!("verify-sent-after")}
            </p>
            <form method="post" action=ResendVerification::PATH class="form">
                {sent.then(|| view! { <p class="form-success" role="status">{tr!("verify-sent-again")}</p> })}
                <FormMessage error/>
                <SubmitButton label=tr!("verify-resend")/>
            </form>
        }
        .into_any(),
        None => view! {
            <h1>{tr!("verify-title")}</h1>
            <p><a href="/login?next=/verify-email">{tr!("nav-sign-in")}</a>{tr!("verify-sign-in-to-ask")}</p>
        }
        .into_any(),
    }
}
