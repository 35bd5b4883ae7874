use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::{connected_accounts::ConnectedAccounts, recent_activity::RecentActivity};
use crate::{
    api::{
        DeviceView,
        email::ChangeEmail as ChangeEmailFn,
        profile::DeleteAccount as DeleteAccountFn,
        security::{
            ChangePassword as ChangePasswordFn, SignOutDevice, SignOutEverywhere, SignOutOtherDevices,
            list_devices,
        },
    },
    components::{
        form::{Field, FormMessage, SubmitButton, form_error},
        local_time::When,
        password_meter::PasswordMeter,
        require_user::RequireUser,
    },
};

#[component]
pub fn SecurityPage() -> impl IntoView {
    view! {
        <Title text=tr!("security-title")/>
        <RequireUser children=|user| view! {
            <h1 class="page-title">{tr!("security-title")}</h1>
            <Devices/>
            <RecentActivity/>
            <super::passkeys::Passkeys has_password=user.has_password/>
            <super::two_step::TwoStepSummary/>
            <ConnectedAccounts/>
            <ChangeEmail/>
            <ChangePassword has_password=user.has_password/>
            <YourData/>
            <DeleteAccount has_password=user.has_password/>
        }/>
    }
}

#[component]
fn Devices() -> impl IntoView {
    let devices = OnceResource::new(list_devices());
    let one_error = form_error::<SignOutDevice>();
    view! {
        <section class="card">
            <h2>{tr!("security-devices-heading")}</h2>
            <FormMessage error=one_error/>
            <Transition fallback=|| view! { <p class="loading">{tr!("security-devices-loading")}</p> }>
                {move || Suspend::new(async move {
                    match devices.await {
                        Ok(list) => view! {
                            <ul class="devices">
                                {list.into_iter().map(|d| view! { <DeviceRow device=d/> }).collect_view()}
                            </ul>
                        }.into_any(),
                        Err(e) => view! { <p class="form-error" role="alert">{e.to_string()}</p> }.into_any(),
                    }
                })}
            </Transition>
            <div class="actions">
                <form method="post" action=SignOutOtherDevices::PATH class="inline-form">
                    <SubmitButton label=tr!("security-sign-out-others")/>
                </form>
                <form method="post" action=SignOutEverywhere::PATH class="inline-form">
                    <SubmitButton label=tr!("security-sign-out-everywhere") danger=true/>
                </form>
            </div>
        </section>
    }
}

#[component]
fn DeviceRow(device: DeviceView) -> impl IntoView {
    let current = device.current;
    view! {
        <li class="device" class:current=current>
            <div class="device-name">
                <strong>{device.name}</strong>
                {current.then(|| view! { <span class="badge">{tr!("security-this-device")}</span> })}
            </div>
            <dl class="device-facts">
                <dt>{tr!("security-device-ip")}</dt><dd class="device-ip">{device.ip}</dd>
                <dt>{tr!("security-device-signed-in")}</dt><dd><When time=device.signed_in_at/></dd>
                <dt>{tr!("security-device-with")}</dt><dd class="device-method">{device.method}</dd>
                <dt>{tr!("security-device-last-active")}</dt><dd class="device-last-active"><When time=device.last_active/></dd>
            </dl>
            {(!current).then(|| view! {
                <form method="post" action=SignOutDevice::PATH class="inline-form">
                    <input type="hidden" name="device" value=device.id/>
                    <button type="submit" class="secondary">{tr!("security-device-sign-out")}</button>
                </form>
            })}
        </li>
    }
}

#[component]
fn ChangePassword(has_password: bool) -> impl IntoView {
    let error = form_error::<ChangePasswordFn>();
    let done = use_query_map().get_untracked().get("password_changed").is_some();
    view! {
        <section class="card">
            <h2>{tr!("security-change-password")}</h2>
            <Show when=move || !has_password>
                <p>{tr!("security-no-password-before")}" "
                    <a href="/forgot-password">{tr!("security-no-password-link")}</a>{tr!("security-no-password-after")}</p>
            </Show>
            <form method="post" action=ChangePasswordFn::PATH class="form" novalidate="">
                {done.then(|| view! { <p class="form-success" role="status">{tr!("security-password-changed")}</p> })}
                <FormMessage error/>
                <Field label=tr!("security-current-password") name="current_password" kind="password" autocomplete="current-password" error/>
                <Field label=tr!("security-new-password") name="new_password" kind="password" autocomplete="new-password" error>
                    <PasswordMeter field="field-new_password".to_owned()/>
                </Field>
                <SubmitButton label=tr!("security-change-password")/>
            </form>
        </section>
    }
}

/// "Download my data": a plain link to the file (it works with JavaScript off); without a
/// recent sign-in it asks to confirm first and then downloads.
#[component]
fn YourData() -> impl IntoView {
    view! {
        <section class="card">
            <h2>{tr!("security-data-heading")}</h2>
            <p>{tr!("security-data-text")}</p>
            <p><a class="button-link" href="/account/export">{tr!("security-data-download")}</a></p>
        </section>
    }
}

#[component]
fn DeleteAccount(has_password: bool) -> impl IntoView {
    let error = form_error::<DeleteAccountFn>();
    view! {
        <section class="card danger">
            <h2>{tr!("security-delete-account")}</h2>
            <p>{what_deletion_does()}</p>
            <form method="post" action=DeleteAccountFn::PATH class="form" novalidate="">
                <FormMessage error/>
                {if has_password {
                    view! { <Field label=tr!("security-current-password") name="password" kind="password" autocomplete="current-password" error/> }.into_any()
                } else {
                    view! {
                        <input type="hidden" name="password" value=""/>
                        <p class="hint">{tr!("security-delete-no-password")}</p>
                        {move || error.get().and_then(|e| e.field("password")).map(|m| view! { <p class="form-error" role="alert">{m}</p> })}
                    }.into_any()
                }}
                <SubmitButton label=tr!("security-delete-account") danger=true/>
            </form>
        </section>
    }
}

/// "It cannot be undone" only when it cannot: with a grace period the account can be kept.
fn what_deletion_does() -> String {
    #[cfg(feature = "ssr")]
    let grace = use_context::<server::AppState>().map(|s| s.profiles.deletion_grace()).unwrap_or_default();
    #[cfg(not(feature = "ssr"))]
    let grace = std::time::Duration::ZERO;
    if grace.is_zero() {
        return tr!("security-delete-text").to_owned();
    }
    let days = grace.as_secs().div_ceil(24 * 3600);
    tr!("security-delete-text-grace", days = days)
}

#[component]
fn ChangeEmail() -> impl IntoView {
    let error = form_error::<ChangeEmailFn>();
    let sent_to = use_query_map().get_untracked().get("email_sent");
    view! {
        <section class="card">
            <h2>{tr!("security-email-heading")}</h2>
            <form method="post" action=ChangeEmailFn::PATH class="form" novalidate="">
                {sent_to.map(|a| view! { <p class="form-success" role="status">{tr!("security-email-sent", address = a)}</p> })}
                <FormMessage error/>
                <Field label=tr!("security-new-email") name="new_email" kind="email" autocomplete="email" error/>
                <Field label=tr!("security-current-password") name="email_password" kind="password" autocomplete="current-password" error/>
                <SubmitButton label=tr!("security-change-email")/>
            </form>
        </section>
    }
}
