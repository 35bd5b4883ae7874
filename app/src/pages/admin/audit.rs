//! `/admin/audit`: every console action, newest first, searchable by the start of the actor's
//! or the target's address. Read-only: nothing in the app changes or removes a row.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::{
    list::{Frame, ListPage, SearchField},
    refused,
};
use crate::{
    api::admin::{AuditPage, admin_audit},
    components::require_user::urlencode,
};

#[component]
pub fn AdminAuditPage() -> impl IntoView {
    let query = use_query_map().get_untracked();
    let actor = query.get("actor").unwrap_or_default();
    let target = query.get("target").unwrap_or_default();
    let before = query.get("before").and_then(|b| b.parse().ok());
    let page = OnceResource::new(admin_audit(actor.clone(), target.clone(), before));
    view! {
        <Suspense fallback=|| view! { <p class="loading">{tr!("admin-loading")}</p> }>
            {move || {
                let (actor, target) = (actor.clone(), target.clone());
                Suspend::new(async move {
                    match page.await {
                        Ok(page) => view! { <Audit actor target page/> }.into_any(),
                        Err(e) => refused(e),
                    }
                })
            }}
        </Suspense>
    }
}

#[component]
fn Audit(actor: String, target: String, page: AuditPage) -> impl IntoView {
    let next = page.next.map(|before| {
        format!("/admin/audit?actor={}&target={}&before={before}", urlencode(&actor), urlencode(&target))
    });
    let frame = Frame {
        title: tr!("admin-audit-title"),
        heading: tr!("admin-nav-audit"),
        action: "/admin/audit",
        empty: tr!("admin-no-action-matches"),
        label: tr!("admin-audit-entries"),
        columns: vec![
            tr!("admin-col-when"),
            tr!("admin-col-administrator"),
            tr!("admin-col-action"),
            tr!("admin-col-person"),
            tr!("admin-col-reason"),
            tr!("admin-col-request"),
        ],
        next,
    };
    let fields = view! {
        <SearchField id="audit-actor" name="actor" label=tr!("admin-audit-actor-label") value=actor/>
        <SearchField id="audit-target" name="target" label=tr!("admin-audit-target-label") value=target/>
    }
    .into_any();
    let rows = (!page.rows.is_empty()).then(|| {
        page.rows
            .into_iter()
            .map(|r| view! {
                <tr class="audit-row">
                    <td>{r.at}</td><td>{r.actor}</td><td>{r.action}</td><td>{r.target}</td><td>{r.reason}</td><td>{r.request_id}</td>
                </tr>
            })
            .collect_view()
            .into_any()
    });
    view! { <ListPage frame notice=None fields rows/> }
}
