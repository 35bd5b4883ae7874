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
        <Suspense fallback=|| view! { <p class="loading">{tr!("admin-loading")}</p> }>
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
    if b { tr!("admin-yes") } else { tr!("admin-no") }
}

#[component]
fn Person(p: PersonView) -> impl IntoView {
    let ways = [
        p.has_password.then(|| tr!("admin-way-password").to_owned()),
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
                .map(|(name, at)| tr!("admin-way-passkey", name = name, at = at))
                .collect::<Vec<_>>()
                .join(", ")
        }),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join("; ");
    let ways = if ways.is_empty() { tr!("admin-ways-email-codes-only").to_owned() } else { ways };
    let verified = p.verified_at.unwrap_or_else(|| tr!("admin-no").to_owned());
    let two_step = if p.two_step { tr!("admin-on") } else { tr!("admin-off") };
    let devices: Vec<(String, String)> =
        p.devices.iter().map(|d| (d.device_id.clone(), format!("{} · {}", d.name, d.ip))).collect();
    view! {
        <Title text=tr!("admin-person-title", email = &p.email)/>
        <section class="card admin">
            <h1 class="admin-person">{p.email.clone()}</h1>
            <AdminNav/>
            {p.done.map(|m| view! { <p class="form-success" role="status">{m}</p> })}
            <dl class="admin-facts">
                <div><dt>{tr!("admin-fact-verified")}</dt><dd>{verified}</dd></div>
                <div><dt>{tr!("admin-name")}</dt><dd>{p.display_name.unwrap_or_default()}</dd></div>
                <div><dt>{tr!("admin-username")}</dt><dd>{p.username.unwrap_or_default()}</dd></div>
                <div><dt>{tr!("admin-created")}</dt><dd>{p.created_at}</dd></div>
                <div><dt>{tr!("admin-fact-locked")}</dt><dd>{yes_no(p.locked)}</dd></div>
                <div><dt>{tr!("admin-fact-admin")}</dt><dd>{yes_no(p.admin)}</dd></div>
                <div><dt>{tr!("admin-fact-ways-in")}</dt><dd>{ways}</dd></div>
                <div><dt>{tr!("admin-fact-two-step")}</dt><dd>{two_step}</dd></div>
            </dl>
            <Actions id=p.id devices/>
            <h2>{tr!("admin-devices-heading", count = p.devices.len())}</h2>
            <ul class="admin-list">
                {p.devices.into_iter().map(|d| view! {
                    <li data-device=d.device_id>{tr!(
                        "admin-device-line",
                        name = d.name,
                        ip = d.ip,
                        method = d.method,
                        signed_in = d.signed_in,
                        last_seen = d.last_seen,
                    )}</li>
                }).collect_view()}
            </ul>
            <h2>{tr!("admin-trail-heading")}</h2>
            <ul class="admin-list">
                {p.events.into_iter().map(|(what, at)| view! { <li>{format!("{what} · {at}")}</li> }).collect_view()}
            </ul>
            <h2>{tr!("admin-mails-heading")}</h2>
            // Subjects as they were sent, in the person's language of the time.
            <ul class="admin-list admin-mails">
                {p.mails.into_iter().map(|(subject, at, status)| view! {
                    <li>{tr!("admin-mail-line", subject = subject, at = at, status = status)}</li>
                }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn Actions(id: String, devices: Vec<(String, String)>) -> impl IntoView {
    let error = form_error::<AdminAct>();
    view! {
        <h2>{tr!("admin-act-heading")}</h2>
        <form method="post" action=AdminAct::PATH class="form admin-act" novalidate="">
            <FormMessage error/>
            <input type="hidden" name="id" value=id/>
            <div class="field">
                <label for="admin-action">{tr!("admin-action-label")}</label>
                <select id="admin-action" name="action">
                    <option value="sign_out_all">{tr!("admin-action-sign-out-all")}</option>
                    {devices.into_iter().map(|(device, name)| view! {
                        <option value=format!("sign_out_device:{device}")>
                            {tr!("admin-action-sign-out-device", device = name)}
                        </option>
                    }).collect_view()}
                    <option value="lock">{tr!("admin-action-lock")}</option>
                    <option value="unlock">{tr!("admin-action-unlock")}</option>
                    <option value="mark_verified">{tr!("admin-action-mark-verified")}</option>
                    <option value="resend_verification">{tr!("admin-action-resend-verification")}</option>
                    <option value="reset_two_step">{tr!("admin-action-reset-two-step")}</option>
                    <option value="delete">{tr!("admin-action-delete")}</option>
                </select>
            </div>
            <Field label=tr!("admin-reason-label") name="reason" error/>
            <SubmitButton label=tr!("admin-apply")/>
        </form>
    }
}
