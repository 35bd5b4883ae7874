//! `/account/two-step`: set up, recovery codes (shown once, on the view that follows making
//! them), turn off (with a code or a recovery code), and `?replace=1`: a new authenticator.

use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::two_step_replace::ReplaceAuthenticatorForm;
use crate::{
    api::two_step::{
        RecoveryCodesSaved, RegenerateRecoveryCodes, TurnOffTwoStep, TurnOnTwoStep, two_step_setup,
        two_step_status,
    },
    components::{
        form::{Field, FormMessage, SubmitButton, form_error},
        require_user::RequireUser,
    },
};

/// `/account/two-step`: set up, recovery codes, turn off.
#[component]
pub fn TwoStepPage() -> impl IntoView {
    view! {
        <Title text="Two-step verification"/>
        <RequireUser children=|_| view! { <TwoStep/> }/>
    }
}

#[component]
fn TwoStep() -> impl IntoView {
    let status = OnceResource::new(two_step_status());
    let query = use_query_map().get_untracked();
    let replace = query.get("replace").is_some();
    let recovery = query.get("recovery").is_some();
    let replaced = query.get("replaced").is_some();
    view! {
        <section class="card">
            <Suspense fallback=|| view! { <p class="loading">"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match status.await {
                        Ok(s) => match (s.fresh_codes, s.enabled) {
                            (Some(codes), _) => view! { <FreshCodes codes/> }.into_any(),
                            (None, true) if replace => view! { <ReplaceAuthenticatorForm recovery/> }.into_any(),
                            (None, true) => view! { <IsOn codes_left=s.codes_left recovery replaced/> }.into_any(),
                            (None, false) => view! { <SetUp/> }.into_any(),
                        },
                        Err(e) => view! { <p class="form-error" role="alert">{e.to_string()}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn SetUp() -> impl IntoView {
    let setup = OnceResource::new(two_step_setup());
    let error = form_error::<TurnOnTwoStep>();
    view! {
        <h1>"Set up two-step verification"</h1>
        <p>"After your password or a connected account, signing in will ask for a code from an authenticator app on your phone."</p>
        <Suspense fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match setup.await {
                    Ok(s) => view! {
                        <ol class="steps">
                            <li>"Scan this QR code with your authenticator app:"
                                <div class="qr" inner_html=s.qr_svg></div>
                            </li>
                            <li>"Or enter this key: "<code class="two-step-secret">{s.secret}</code></li>
                            <li>"Enter the 6-digit code the app shows."</li>
                        </ol>
                        <form method="post" action=TurnOnTwoStep::PATH class="form" novalidate="">
                            <FormMessage error/>
                            <Field label="Code" name="code" autocomplete="one-time-code" inputmode="numeric" error/>
                            <SubmitButton label="Turn on"/>
                        </form>
                    }.into_any(),
                    Err(e) => view! { <p class="form-error" role="alert">{e.to_string()}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn FreshCodes(codes: Vec<String>) -> impl IntoView {
    view! {
        <h1>"Save your recovery codes"</h1>
        <p>"If you lose your phone, each of these codes signs you in once instead of a code from the app. Keep them somewhere safe: they are shown only now."</p>
        <ul class="recovery-codes">
            {codes.into_iter().map(|c| view! { <li><code>{c}</code></li> }).collect_view()}
        </ul>
        <form method="post" action=RecoveryCodesSaved::PATH class="form">
            <SubmitButton label="I saved my codes"/>
        </form>
    }
}

#[component]
fn IsOn(codes_left: i64, recovery: bool, replaced: bool) -> impl IntoView {
    let off_error = form_error::<TurnOffTwoStep>();
    let codes_error = form_error::<RegenerateRecoveryCodes>();
    view! {
        <h1>"Two-step verification is on"</h1>
        {replaced.then(|| view! { <p class="notice" role="status">"Your new authenticator app is set up; the old one no longer works."</p> })}
        <p class="codes-left">{format!("{codes_left} recovery codes left.")}</p>
        <form method="post" action=RegenerateRecoveryCodes::PATH class="form">
            <FormMessage error=codes_error/>
            <SubmitButton label="Make new recovery codes"/>
        </form>
        <h2>"Lost your phone?"</h2>
        <p><a href="/account/two-step?replace=1">"Set up a new authenticator app"</a></p>
        <h2>"Turn off"</h2>
        <form method="post" action=TurnOffTwoStep::PATH class="form" novalidate="">
            <FormMessage error=off_error/>
            {if recovery {
                view! { <Field label="Recovery code" name="recovery_code" autocomplete="off" error=off_error/> }.into_any()
            } else {
                view! { <Field label="Code" name="code" autocomplete="one-time-code" inputmode="numeric" error=off_error/> }.into_any()
            }}
            <SubmitButton label="Turn off"/>
        </form>
        {if recovery {
            view! { <p><a href="/account/two-step">"Use your authenticator app instead"</a></p> }.into_any()
        } else {
            view! { <p><a href="/account/two-step?recovery=1">"Use a recovery code instead"</a></p> }.into_any()
        }}
    }
}

/// The "Two-step verification" section of the security page.
#[component]
pub fn TwoStepSummary() -> impl IntoView {
    let status = OnceResource::new(two_step_status());
    view! {
        <section class="card" aria-labelledby="two-step-heading">
            <h2 id="two-step-heading">"Two-step verification"</h2>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let on = status.await.map(|s| s.enabled).unwrap_or(false);
                    if on {
                        view! {
                            <p>"On: signing in asks for a code from your authenticator app."</p>
                            <p><a href="/account/two-step">"Manage two-step verification"</a></p>
                        }.into_any()
                    } else {
                        view! {
                            <p>"Off. Add a code from an authenticator app to your sign-in."</p>
                            <p><a href="/account/two-step">"Set up two-step verification"</a></p>
                        }.into_any()
                    }
                })}
            </Suspense>
        </section>
    }
}
