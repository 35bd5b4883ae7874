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
        <Title text=tr!("twostep-title")/>
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
            <Suspense fallback=|| view! { <p class="loading">{tr!("account-loading")}</p> }>
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
        <h1>{tr!("twostep-set-up")}</h1>
        <p>{tr!("twostep-setup-intro")}</p>
        <Suspense fallback=|| view! { <p class="loading">{tr!("account-loading")}</p> }>
            {move || Suspend::new(async move {
                match setup.await {
                    Ok(s) => view! {
                        <ol class="steps">
                            <li>{tr!("twostep-scan")}
                                <div class="qr" inner_html=s.qr_svg></div>
                            </li>
                            <li>{tr!("twostep-enter-key")}" "<code class="two-step-secret">{s.secret}</code></li>
                            <li>{tr!("twostep-enter-code")}</li>
                        </ol>
                        <form method="post" action=TurnOnTwoStep::PATH class="form" novalidate="">
                            <FormMessage error/>
                            <Field label=tr!("twostep-code") name="code" autocomplete="one-time-code" inputmode="numeric" error/>
                            <SubmitButton label=tr!("twostep-turn-on")/>
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
        <h1>{tr!("twostep-codes-heading")}</h1>
        <p>{tr!("twostep-codes-intro")}</p>
        <ul class="recovery-codes">
            {codes.into_iter().map(|c| view! { <li><code>{c}</code></li> }).collect_view()}
        </ul>
        <form method="post" action=RecoveryCodesSaved::PATH class="form">
            <SubmitButton label=tr!("twostep-codes-saved")/>
        </form>
    }
}

#[component]
fn IsOn(codes_left: i64, recovery: bool, replaced: bool) -> impl IntoView {
    let off_error = form_error::<TurnOffTwoStep>();
    let codes_error = form_error::<RegenerateRecoveryCodes>();
    view! {
        <h1>{tr!("twostep-on-heading")}</h1>
        {replaced.then(|| view! { <p class="notice" role="status">{tr!("twostep-replaced")}</p> })}
        <p class="codes-left">{tr!("twostep-codes-left", count = codes_left)}</p>
        <form method="post" action=RegenerateRecoveryCodes::PATH class="form">
            <FormMessage error=codes_error/>
            <SubmitButton label=tr!("twostep-new-codes")/>
        </form>
        <h2>{tr!("twostep-lost-phone")}</h2>
        <p><a href="/account/two-step?replace=1">{tr!("twostep-new-app")}</a></p>
        <h2>{tr!("twostep-turn-off")}</h2>
        <form method="post" action=TurnOffTwoStep::PATH class="form" novalidate="">
            <FormMessage error=off_error/>
            {if recovery {
                view! { <Field label=tr!("twostep-recovery-code") name="recovery_code" autocomplete="off" error=off_error/> }.into_any()
            } else {
                view! { <Field label=tr!("twostep-code") name="code" autocomplete="one-time-code" inputmode="numeric" error=off_error/> }.into_any()
            }}
            <SubmitButton label=tr!("twostep-turn-off")/>
        </form>
        {if recovery {
            view! { <p><a href="/account/two-step">{tr!("twostep-use-app")}</a></p> }.into_any()
        } else {
            view! { <p><a href="/account/two-step?recovery=1">{tr!("twostep-use-recovery")}</a></p> }.into_any()
        }}
    }
}

/// The "Two-step verification" section of the security page.
#[component]
pub fn TwoStepSummary() -> impl IntoView {
    let status = OnceResource::new(two_step_status());
    view! {
        <section class="card" aria-labelledby="two-step-heading">
            <h2 id="two-step-heading">{tr!("twostep-title")}</h2>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let on = status.await.map(|s| s.enabled).unwrap_or(false);
                    if on {
                        view! {
                            <p>{tr!("twostep-summary-on")}</p>
                            <p><a href="/account/two-step">{tr!("twostep-manage")}</a></p>
                        }.into_any()
                    } else {
                        view! {
                            <p>{tr!("twostep-summary-off")}</p>
                            <p><a href="/account/two-step">{tr!("twostep-set-up")}</a></p>
                        }.into_any()
                    }
                })}
            </Suspense>
        </section>
    }
}
