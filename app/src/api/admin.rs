//! The admin console's server functions. Each asks `server::admin::guard::Admin` first (the one
//! check: the admin role, a second factor or a passkey, and for actions a recent sign-in), so a
//! non-admin gets "not found" from every one of them.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::FormError;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DashboardView {
    pub accounts: i64,
    pub verified: i64,
    pub two_step: i64,
    pub passkeys: i64,
    pub admins: i64,
    pub signed_in_day: i64,
    pub signed_in_week: i64,
    /// (day as YYYY-MM-DD, sign-ins), oldest first.
    pub per_day: Vec<(String, i64)>,
    pub outbox_depth: i64,
    pub outbox_oldest_due_secs: Option<f64>,
    pub listener_connected: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ListedView {
    pub id: String,
    pub email: String,
    pub username: Option<String>,
    pub display_name: Option<String>,
    pub created_at: String,
    pub verified: bool,
    pub locked: bool,
    pub two_step: bool,
    pub admin: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UsersPage {
    pub rows: Vec<ListedView>,
    /// The `after` value of the next page, if there is one.
    pub next: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DeviceLine {
    pub device_id: String,
    pub name: String,
    pub ip: String,
    pub method: String,
    pub signed_in: String,
    pub last_seen: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PersonView {
    pub id: String,
    pub email: String,
    pub verified_at: Option<String>,
    pub display_name: Option<String>,
    pub username: Option<String>,
    pub created_at: String,
    pub locked: bool,
    pub admin: bool,
    pub has_password: bool,
    pub two_step: bool,
    /// (provider, the address it gave)
    pub providers: Vec<(String, String)>,
    /// (name, added)
    pub passkeys: Vec<(String, String)>,
    pub devices: Vec<DeviceLine>,
    /// (what, when)
    pub events: Vec<(String, String)>,
    /// (subject, queued, sent or failed or waiting)
    pub mails: Vec<(String, String, String)>,
    /// What the last action did (`?done=`).
    pub done: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AuditLine {
    pub at: String,
    pub actor: String,
    pub action: String,
    pub target: String,
    pub reason: String,
    pub request_id: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AuditPage {
    pub rows: Vec<AuditLine>,
    pub next: Option<i64>,
}

#[cfg(feature = "ssr")]
fn admin() -> Result<server::admin::guard::Admin, FormError> {
    use super::ssr::*;
    server::admin::guard::Admin::check(auth().as_ref()).map_err(|e| fail(e, &[]))
}

/// What the page says once the action named `name` (as the audit stores it) is done.
#[cfg(feature = "ssr")]
fn done_message(name: &str) -> Option<&'static str> {
    server::admin::actions::Action::done_message(name).map(crate::i18n::t)
}

#[cfg(feature = "ssr")]
fn exact(t: chrono::DateTime<chrono::Utc>) -> String {
    server::trail::exact(t)
}

#[server]
pub async fn admin_dashboard() -> Result<DashboardView, FormError> {
    use super::ssr::*;
    let state = state()?;
    let admin = admin()?;
    let d = server::admin::console::dashboard(&state, &admin).await.map_err(|e| fail(e, &[]))?;
    Ok(DashboardView {
        accounts: d.counts.accounts,
        verified: d.counts.verified,
        two_step: d.counts.two_step,
        passkeys: d.with_passkeys,
        admins: d.counts.admins,
        signed_in_day: d.signed_in_day,
        signed_in_week: d.signed_in_week,
        per_day: d.per_day.into_iter().map(|(day, n)| (day.to_string(), n)).collect(),
        outbox_depth: d.outbox_depth,
        outbox_oldest_due_secs: d.outbox_oldest_due_secs,
        listener_connected: d.listener_connected,
    })
}

/// Filters as the search form sends them: a checkbox is present or not.
#[server]
pub async fn admin_users(
    q: String,
    unverified: bool,
    locked: bool,
    two_step: bool,
    admins: bool,
    after: Option<String>,
) -> Result<UsersPage, FormError> {
    use super::ssr::*;
    use server::admin::console::{Cursor, Filters};
    let state = state()?;
    let admin = admin()?;
    let after = after.as_deref().and_then(|a| {
        let (at, id) = a.split_once('_')?;
        Some(Cursor {
            created_at: chrono::DateTime::parse_from_rfc3339(at).ok()?.to_utc(),
            id: id.parse().ok()?,
        })
    });
    let filters = Filters { unverified, locked, two_step, admin: admins };
    let page = server::admin::console::search(&state, &admin, &q, filters, after)
        .await
        .map_err(|e| fail(e, &[("q", &q)]))?;
    Ok(UsersPage {
        rows: page
            .rows
            .into_iter()
            .map(|r| ListedView {
                id: r.id.to_string(),
                email: r.email,
                username: r.username,
                display_name: r.display_name,
                created_at: exact(r.created_at),
                verified: r.verified,
                locked: r.locked,
                two_step: r.two_step,
                admin: r.admin,
            })
            .collect(),
        next: page.next.map(|c| format!("{}_{}", c.created_at.to_rfc3339(), c.id)),
    })
}

#[server]
pub async fn admin_person(id: String, done: Option<String>) -> Result<PersonView, FormError> {
    use super::ssr::*;
    let state = state()?;
    let admin = admin()?;
    let id = id.parse().map_err(|_| fail(server::ServiceError::NotFound, &[]))?;
    let p = server::admin::console::person(&state, &admin, id).await.map_err(|e| fail(e, &[]))?;
    let names = &state.sessions.names;
    Ok(PersonView {
        id: p.user.id.to_string(),
        email: p.user.email.clone(),
        verified_at: p.user.email_verified_at.map(exact),
        display_name: p.user.display_name.clone(),
        username: p.user.username.clone(),
        created_at: exact(p.user.created_at),
        locked: p.locked,
        admin: p.user.is_admin,
        has_password: p.user.has_password,
        two_step: p.two_step,
        providers: p.providers,
        passkeys: p.passkeys.iter().map(|k| (k.name.clone(), exact(k.created_at))).collect(),
        devices: p
            .devices
            .iter()
            .map(|d| DeviceLine {
                device_id: d.device_id.to_string(),
                name: server::session::device::describe_in(crate::i18n::lang(), &d.user_agent),
                ip: d.ip.map(|ip| ip.ip().to_string()).unwrap_or_default(),
                method: d.method.describe_in(crate::i18n::lang(), names),
                signed_in: exact(d.created_at),
                last_seen: exact(d.last_seen_at),
            })
            .collect(),
        events: p
            .events
            .iter()
            .map(|e| (server::trail::words_in(crate::i18n::lang(), e), exact(e.at)))
            .collect(),
        mails: p
            .mails
            .iter()
            .map(|m| {
                let status = match (m.sent_at, m.failed) {
                    (Some(at), _) => tr!("admin-mail-sent", at = exact(at)),
                    (None, true) => tr!("admin-mail-given-up").to_owned(),
                    (None, false) => tr!("admin-mail-waiting").to_owned(),
                };
                (m.subject.clone(), exact(m.queued_at), status)
            })
            .collect(),
        done: done.as_deref().and_then(done_message).map(str::to_owned),
    })
}

/// One action on one account, with the reason the audit keeps.
/// `action` is an action's name, or `sign_out_device:<device id>`.
#[server]
pub async fn admin_act(id: String, action: String, reason: String) -> Result<(), FormError> {
    use super::ssr::*;
    use server::admin::{actions, guard::Admin};
    let state = state()?;
    let auth = auth();
    let page = format!("/admin/users/{id}");
    let admin = match Admin::check_action(auth.as_ref()) {
        Ok(admin) => admin,
        Err(e) => return confirm_first(e, &page),
    };
    let values = [("reason", reason.trim())];
    let reason = actions::Reason::parse(&reason).map_err(|e| fail(e, &values))?;
    let (name, device) = action.split_once(':').map_or((action.as_str(), None), |(n, d)| (n, Some(d)));
    let action = actions::Action::parse(name, device)
        .ok_or_else(|| fail(server::ServiceError::BadRequest("admin-choose-action"), &values))?;
    let user_id = id.parse().map_err(|_| fail(server::ServiceError::NotFound, &[]))?;
    let user = server::admin::console::target(&state, &admin, user_id).await.map_err(|e| fail(e, &[]))?;
    let client = client().await;
    let request_id = with_request(|p| server::http::request_id::of(&p.headers).map(str::to_owned)).flatten();
    let console = actions::Console { admin: &admin, reason: &reason, request_id: request_id.as_deref() };
    let actor = actions::Actor { client: &client, console: Some(console) };
    actions::act(&state, &actor, &user, action).await.map_err(|e| fail(e, &values))?;
    let next = match action {
        actions::Action::Delete => "/admin/users?deleted=1".to_owned(),
        _ => format!("{page}?done={}", action.as_str()),
    };
    leptos_axum::redirect(&next);
    Ok(())
}

#[server]
pub async fn admin_audit(actor: String, target: String, before: Option<i64>) -> Result<AuditPage, FormError> {
    use super::ssr::*;
    let state = state()?;
    let admin = admin()?;
    let (rows, next) = server::admin::console::audit(&state, &admin, &actor, &target, before)
        .await
        .map_err(|e| fail(e, &[]))?;
    Ok(AuditPage {
        rows: rows
            .into_iter()
            .map(|r| AuditLine {
                at: exact(r.at),
                actor: r.actor_email,
                action: r.action,
                target: r.target_email.unwrap_or_default(),
                reason: r.reason,
                request_id: r.request_id.unwrap_or_default(),
            })
            .collect(),
        next,
    })
}
