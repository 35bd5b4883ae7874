//! `/account/confirm?next=…`: "Confirm your password to continue". Sensitive changes need a
//! recent sign-in; this page re-confirms (the password, or a provider for accounts without one;
//! with two-step on, a code or a recovery code as well; or one of the account's passkeys,
//! which stands for both) and then carries on to `next`.

use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::{
    api::{
        FormError,
        providers::ReconfirmWithProvider,
        security::{ConfirmPassword, WaysToConfirm, confirm_ways},
    },
    components::{
        form::{Field, FormMessage, SubmitButton, form_error},
        passkey::PasskeyConfirm,
        require_user::RequireUser,
    },
};

#[component]
pub fn ConfirmPage() -> impl IntoView {
    let query = use_query_map().get_untracked();
    let next = query.get("next").unwrap_or_else(|| "/account/security".into());
    let recovery = query.get("recovery").is_some();
    let ways = OnceResource::new(confirm_ways());
    view! {
        <Title text=tr!("confirm-title")/>
        <RequireUser children=move |user| {
            let next = next.clone();
            view! {
                <section class="card">
                    <h1>{tr!("confirm-heading")}</h1>
                    <p>{tr!("confirm-explain")}</p>
                    <Suspense fallback=|| view! { <p class="loading">{tr!("form-loading")}</p> }>
                        {let next = next.clone(); move || { let next = next.clone(); Suspend::new(async move {
                            let ways = ways.await.unwrap_or_default();
                            let passkey = ways.passkey;
                            view! {
                                {forms(user.has_password, ways, &next, recovery)}
                                {passkey.then(|| view! {
                                    <p class="muted">{tr!("confirm-or-passkey")}</p>
                                    <PasskeyConfirm next=next.clone()/>
                                })}
                            }
                        })}}
                    </Suspense>
                </section>
            }
        }/>
    }
}

/// The password form, or each connected provider for an account without a password; with
/// two-step on, each with the code (or recovery code) field and the link to switch between them.
fn forms(has_password: bool, ways: WaysToConfirm, next: &str, recovery: bool) -> AnyView {
    let link = ways.two_step.then(|| switch_link(next, recovery));
    let next = next.to_owned();
    if has_password {
        let error = form_error::<ConfirmPassword>();
        view! {
            <form method="post" action=ConfirmPassword::PATH class="form" novalidate="">
                <FormMessage error/>
                <input type="hidden" name="next" value=next/>
                <Field
                    label=tr!("form-password")
                    name="password" kind="password" autocomplete="current-password" error
                />
                {ways.two_step.then(|| second_factor(recovery, error))}
                <SubmitButton label=tr!("confirm-submit")/>
            </form>
            {link}
        }
        .into_any()
    } else if !ways.providers.is_empty() {
        let error = form_error::<ReconfirmWithProvider>();
        let two_step = ways.two_step;
        let forms = ways
            .providers
            .into_iter()
            .map(|provider| {
                let next = next.clone();
                view! {
                    <form method="post" action=ReconfirmWithProvider::PATH class="form" novalidate="">
                        <FormMessage error/>
                        <input type="hidden" name="provider" value=provider.id/>
                        <input type="hidden" name="next" value=next/>
                        <p>{tr!("confirm-provider-explain", provider = &provider.label)}</p>
                        {two_step.then(|| second_factor(recovery, error))}
                        <button type="submit">
                            {tr!("provider-continue-with", provider = &provider.label)}
                        </button>
                    </form>
                }
            })
            .collect_view();
        view! { {forms} {link} }.into_any()
    } else {
        ().into_any()
    }
}

/// The code field, or the recovery-code field.
fn second_factor(recovery: bool, error: Signal<Option<FormError>>) -> AnyView {
    if recovery {
        view! { <Field label=tr!("form-recovery-code") name="recovery_code" autocomplete="off" error/> }
            .into_any()
    } else {
        view! {
            <Field label=tr!("form-code") name="code" autocomplete="one-time-code" inputmode="numeric" error/>
        }
        .into_any()
    }
}

fn switch_link(next: &str, recovery: bool) -> AnyView {
    let next = crate::components::require_user::urlencode(next);
    if recovery {
        let href = format!("/account/confirm?next={next}");
        view! { <p><a href=href>{tr!("form-use-authenticator")}</a></p> }.into_any()
    } else {
        let href = format!("/account/confirm?next={next}&recovery=1");
        view! { <p><a href=href>{tr!("form-use-recovery-code")}</a></p> }.into_any()
    }
}
