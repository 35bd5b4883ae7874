use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::{
    api::{
        DeviceView,
        google::{DisconnectGoogle, google_connection},
        security::{SignOutDevice, SignOutOtherDevices, list_devices},
    },
    components::{
        form::{Field, FormMessage, SubmitButton, form_error},
        google_button::google_notice,
        require_user::RequireUser,
        session_context::use_session,
    },
};

pub const PASSWORD_CHANGED: &str = "Password changed. Other devices have been signed out.";

#[component]
pub fn SecurityPage() -> impl IntoView {
    view! {
        <Title text="Security"/>
        <RequireUser children=|user| view! {
            <Devices/>
            <ConnectedAccounts/>
            <ChangeEmail/>
            <ChangePassword has_password=user.has_password/>
            <DeleteAccount has_password=user.has_password/>
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

pub const GOOGLE_CONNECTED: &str = "Google is now connected.";
pub const GOOGLE_DISCONNECTED: &str = "Google has been disconnected.";

/// "Connected accounts": Google with Connect (a form posting to `/auth/google/connect`, which
/// sends the browser to Google) or Disconnect. Hidden when Google sign-in is not configured.
#[component]
fn ConnectedAccounts() -> impl IntoView {
    let disconnect = ServerAction::<DisconnectGoogle>::new();
    let error = form_error(disconnect);
    let connection = Resource::new(move || disconnect.version().get(), |_| google_connection());
    let code = use_query_map().get_untracked().get("google");
    let success = Signal::derive(move || match disconnect.value().get() {
        Some(Ok(())) => Some(GOOGLE_DISCONNECTED),
        Some(Err(_)) => None,
        None => (code.as_deref() == Some("connected")).then_some(GOOGLE_CONNECTED),
    });
    let failure = use_query_map().get_untracked().get("google").and_then(|c| google_notice(&c));
    view! {
        <Transition>
            {move || Suspend::new(async move {
                let connection = connection.await.ok().flatten()?;
                Some(view! {
                    <section class="card" id="connected-accounts">
                        <h2>"Connected accounts"</h2>
                        {move || success.get().map(|m| view! { <p class="form-success" role="status">{m}</p> })}
                        {failure.map(|m| view! { <p class="form-error" role="alert">{m}</p> })}
                        <FormMessage error/>
                        <div class="connected-account">
                            <p>
                                <strong>"Google"</strong>
                                {connection.email.clone().map(|e| view! { " · "<span class="connected-email">{e}</span> })}
                            </p>
                            {match connection.email {
                                Some(_) => view! {
                                    <ActionForm action=disconnect attr:class="inline-form">
                                        <SubmitButton label="Disconnect" pending=disconnect.pending()/>
                                    </ActionForm>
                                }.into_any(),
                                None => view! {
                                    <form method="post" action="/auth/google/connect" class="inline-form">
                                        <button type="submit">"Connect"</button>
                                    </form>
                                }.into_any(),
                            }}
                        </div>
                    </section>
                })
            })}
        </Transition>
    }
}

#[component]
fn ChangePassword(has_password: bool) -> impl IntoView {
    let action = use_session().change_password;
    let error = form_error(action);
    let query = use_query_map();
    let done =
        move || matches!(action.value().get(), Some(Ok(()))) || query.get().get("password_changed").is_some();
    view! {
        <section class="card">
            <h2>"Change password"</h2>
            <Show when=move || !has_password>
                <p>"Your account has no password yet: you sign in with Google. To set one, "
                    <a href="/forgot-password">"ask for a link by email"</a>"."</p>
            </Show>
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
fn DeleteAccount(has_password: bool) -> impl IntoView {
    let action = use_session().delete_account;
    let error = form_error(action);
    view! {
        <section class="card danger">
            <h2>"Delete account"</h2>
            <p>"This removes your account, your profile and your avatar. It cannot be undone."</p>
            <ActionForm action=action attr:class="form" attr:novalidate="">
                <FormMessage error/>
                {if has_password {
                    view! { <Field label="Current password" name="password" kind="password" autocomplete="current-password" error/> }.into_any()
                } else {
                    view! {
                        <input type="hidden" name="password" value=""/>
                        <p class="hint">"Your account has no password: sign in with Google again if it was more than 10 minutes ago."</p>
                        {move || error.get().and_then(|e| e.field("password")).map(|m| view! { <p class="form-error" role="alert">{m}</p> })}
                    }.into_any()
                }}
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
