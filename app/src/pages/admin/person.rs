//! `/admin/users/<id>`: one account (profile, ways in, devices, the security trail, mails by
//! subject and time) and what an administrator may do to it, each with a reason.

use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::{AdminNav, refused};
use crate::{
    api::admin::{AdminAct, PersonView, admin_person},
    components::form::{Field, FormMessage, SubmitButton, form_error},
};

#[component]
pub fn AdminPersonPage() -> impl IntoView {
    let id = use_params_map().get_untracked().get("id").unwrap_or_default();
    let done = use_query_map().get_untracked().get("done");
    let person = OnceResource::new(admin_person(id, done));
    view! {
        <Suspense fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match person.await {
                    Ok(p) => view! { <Person p/> }.into_any(),
                    Err(e) => refused(e),
                }
            })}
        </Suspense>
    }
}

fn yes_no(b: bool) -> &'static str {
    if b { "yes" } else { "no" }
}

#[component]
fn Person(p: PersonView) -> impl IntoView {
    let ways = [
        p.has_password.then(|| "password".to_owned()),
        (!p.providers.is_empty()).then(|| {
            p.providers
                .iter()
                .map(|(label, email)| format!("{label} ({email})"))
                .collect::<Vec<_>>()
                .join(", ")
        }),
        (!p.passkeys.is_empty()).then(|| {
            p.passkeys
                .iter()
                .map(|(name, at)| format!("passkey “{name}”, added {at}"))
                .collect::<Vec<_>>()
                .join(", ")
        }),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join("; ");
    let devices: Vec<(String, String)> =
        p.devices.iter().map(|d| (d.device_id.clone(), format!("{} · {}", d.name, d.ip))).collect();
    view! {
        <Title text=format!("{} · Admin", p.email)/>
        <section class="card admin">
            <h1 class="admin-person">{p.email.clone()}</h1>
            <AdminNav/>
            {p.done.map(|m| view! { <p class="form-success" role="status">{m}</p> })}
            <dl class="admin-facts">
                <div><dt>"Verified"</dt><dd>{p.verified_at.unwrap_or_else(|| "no".to_owned())}</dd></div>
                <div><dt>"Name"</dt><dd>{p.display_name.unwrap_or_default()}</dd></div>
                <div><dt>"Username"</dt><dd>{p.username.unwrap_or_default()}</dd></div>
                <div><dt>"Created"</dt><dd>{p.created_at}</dd></div>
                <div><dt>"Locked"</dt><dd>{yes_no(p.locked)}</dd></div>
                <div><dt>"Admin"</dt><dd>{yes_no(p.admin)}</dd></div>
                <div><dt>"Ways in"</dt><dd>{if ways.is_empty() { "email codes only".to_owned() } else { ways }}</dd></div>
                <div><dt>"Two-step"</dt><dd>{if p.two_step { "on" } else { "off" }}</dd></div>
            </dl>
            <Actions id=p.id devices/>
            <h2>{format!("Devices ({})", p.devices.len())}</h2>
            <ul class="admin-list">
                {p.devices.into_iter().map(|d| view! {
                    <li data-device=d.device_id>{format!("{} · {} · {} · signed in {} · last seen {}", d.name, d.ip, d.method, d.signed_in, d.last_seen)}</li>
                }).collect_view()}
            </ul>
            <h2>"Security trail"</h2>
            <ul class="admin-list">
                {p.events.into_iter().map(|(what, at)| view! { <li>{format!("{what} · {at}")}</li> }).collect_view()}
            </ul>
            <h2>"Mails"</h2>
            <ul class="admin-list">
                {p.mails.into_iter().map(|(subject, at, status)| view! { <li>{format!("{subject} · queued {at} · {status}")}</li> }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn Actions(id: String, devices: Vec<(String, String)>) -> impl IntoView {
    let error = form_error::<AdminAct>();
    view! {
        <h2>"Act on this account"</h2>
        <form method="post" action=AdminAct::PATH class="form admin-act" novalidate="">
            <FormMessage error/>
            <input type="hidden" name="id" value=id/>
            <div class="field">
                <label for="admin-action">"Action"</label>
                <select id="admin-action" name="action">
                    <option value="sign_out_all">"Sign out every device"</option>
                    {devices.into_iter().map(|(device, name)| view! {
                        <option value=format!("sign_out_device:{device}")>{format!("Sign out {name}")}</option>
                    }).collect_view()}
                    <option value="lock">"Lock the account"</option>
                    <option value="unlock">"Unlock the account"</option>
                    <option value="mark_verified">"Mark the address verified"</option>
                    <option value="resend_verification">"Resend the verification mail"</option>
                    <option value="reset_two_step">"Reset two-step verification"</option>
                    <option value="delete">"Delete the account"</option>
                </select>
            </div>
            <Field label="Reason (kept in the audit)" name="reason" error/>
            <SubmitButton label="Apply"/>
        </form>
    }
}
