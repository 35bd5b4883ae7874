use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::{
    api::{
        DeviceView,
        security::{SignOutDevice, SignOutOtherDevices, list_devices},
    },
    components::{
        form::{Field, FormMessage, SubmitButton, form_error},
        require_user::RequireUser,
        session_context::use_session,
    },
};

pub const PASSWORD_CHANGED: &str = "Password changed. Other devices have been signed out.";

#[component]
pub fn SecurityPage() -> impl IntoView {
    view! {
        <Title text="Security"/>
        <RequireUser children=|_| view! {
            <Devices/>
            <ChangeEmail/>
            <ChangePassword/>
            <DeleteAccount/>
        }/>
    }
}

#[component]
fn Devices() -> impl IntoView {
    let session = use_session();
    let sign_out_one = ServerAction::<SignOutDevice>::new();
    let sign_out_others = ServerAction::<SignOutOtherDevices>::new();
    let devices = Resource::new(
        move || {
            (
                sign_out_one.version().get(),
                sign_out_others.version().get(),
                session.change_password.version().get(),
            )
        },
        |_| list_devices(),
    );
    let one_error = form_error(sign_out_one);
    view! {
        <section class="card">
            <h2>"Devices"</h2>
            <FormMessage error=one_error/>
            <Transition fallback=|| view! { <p class="loading">"Loading devices…"</p> }>
                {move || Suspend::new(async move {
                    match devices.await {
                        Ok(list) => view! {
                            <ul class="devices">
                                {list.into_iter().map(|d| view! { <DeviceRow device=d action=sign_out_one/> }).collect_view()}
                            </ul>
                        }.into_any(),
                        Err(e) => view! { <p class="form-error" role="alert">{e.to_string()}</p> }.into_any(),
                    }
                })}
            </Transition>
            <div class="actions">
                <ActionForm action=sign_out_others attr:class="inline-form">
                    <SubmitButton label="Sign out other devices" pending=sign_out_others.pending()/>
                </ActionForm>
                <ActionForm action=session.sign_out_everywhere attr:class="inline-form">
                    <SubmitButton label="Sign out everywhere" pending=session.sign_out_everywhere.pending()/>
                </ActionForm>
            </div>
        </section>
    }
}

#[component]
fn DeviceRow(device: DeviceView, action: ServerAction<SignOutDevice>) -> impl IntoView {
    let current = device.current;
    view! {
        <li class="device" class:current=current>
            <div class="device-name">
                <strong>{device.name}</strong>
                {current.then(|| view! { <span class="badge">"This device"</span> })}
            </div>
            <dl class="device-facts">
                <dt>"IP"</dt><dd class="device-ip">{device.ip}</dd>
                <dt>"Signed in"</dt><dd>{device.signed_in_at}</dd>
                <dt>"Last active"</dt><dd>{device.last_active}</dd>
            </dl>
            {(!current).then(|| view! {
                <ActionForm action=action attr:class="inline-form">
                    <input type="hidden" name="device" value=device.id/>
                    <button type="submit" class="secondary">"Sign out"</button>
                </ActionForm>
            })}
        </li>
    }
}

#[component]
fn ChangePassword() -> impl IntoView {
    let action = use_session().change_password;
    let error = form_error(action);
    let query = use_query_map();
    let done =
        move || matches!(action.value().get(), Some(Ok(()))) || query.get().get("password_changed").is_some();
    view! {
        <section class="card">
            <h2>"Change password"</h2>
            <ActionForm action=action attr:class="form" attr:novalidate="">
                <Show when=done>
                    <p class="form-success" role="status">{PASSWORD_CHANGED}</p>
                </Show>
                <FormMessage error/>
                <Field label="Current password" name="current_password" kind="password" autocomplete="current-password" error/>
                <Field label="New password" name="new_password" kind="password" autocomplete="new-password" error/>
                <SubmitButton label="Change password" pending=action.pending()/>
            </ActionForm>
        </section>
    }
}

#[component]
fn DeleteAccount() -> impl IntoView {
    let action = use_session().delete_account;
    let error = form_error(action);
    view! {
        <section class="card danger">
            <h2>"Delete account"</h2>
            <p>"This removes your account, your profile and your avatar. It cannot be undone."</p>
            <ActionForm action=action attr:class="form" attr:novalidate="">
                <FormMessage error/>
                <Field label="Current password" name="password" kind="password" autocomplete="current-password" error/>
                <SubmitButton label="Delete account" pending=action.pending()/>
            </ActionForm>
        </section>
    }
}

#[component]
fn ChangeEmail() -> impl IntoView {
    let action = ServerAction::<crate::api::email::ChangeEmail>::new();
    let error = form_error(action);
    let query = use_query_map();
    let sent_to = move || match action.value().get() {
        Some(Ok(address)) => Some(address),
        Some(Err(_)) => None,
        None => query.get().get("email_sent"),
    };
    view! {
        <section class="card">
            <h2>"Email"</h2>
            <ActionForm action=action attr:class="form" attr:novalidate="">
                {move || sent_to().map(|a| view! { <p class="form-success" role="status">{format!("We've sent a link to {a}.")}</p> })}
                <FormMessage error/>
                <Field label="New email" name="new_email" kind="email" autocomplete="email" error/>
                <Field label="Current password" name="email_password" kind="password" autocomplete="current-password" error/>
                <SubmitButton label="Change email" pending=action.pending()/>
            </ActionForm>
        </section>
    }
}
