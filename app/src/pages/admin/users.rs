//! `/admin/users`: search by the start of an address, username or display name, with filters;
//! 50 a page, "Next page" continues after the last row shown.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::{
    list::{Frame, ListPage, SearchField},
    refused,
};
use crate::{
    api::admin::{UsersPage, admin_users},
    components::require_user::urlencode,
};

/// The search's filters: the query parameter and its label.
fn filters() -> [(&'static str, &'static str); 4] {
    [
        ("unverified", tr!("admin-filter-unverified")),
        ("locked", tr!("admin-filter-locked")),
        ("two_step", tr!("admin-filter-two-step")),
        ("admins", tr!("admin-admins")),
    ]
}

#[component]
pub fn AdminUsersPage() -> impl IntoView {
    let query = use_query_map().get_untracked();
    let q = query.get("q").unwrap_or_default();
    let on = |name: &str| query.get(name).is_some();
    let (unverified, locked, two_step, admins) =
        (on("unverified"), on("locked"), on("two_step"), on("admins"));
    let deleted = on("deleted");
    let after = query.get("after");
    let page = OnceResource::new(admin_users(q.clone(), unverified, locked, two_step, admins, after));
    let flags: Vec<(&str, &str, bool)> = filters().into_iter().map(|(n, l)| (n, l, on(n))).collect();
    view! {
        <Suspense fallback=|| view! { <p class="loading">{tr!("admin-loading")}</p> }>
            {move || {
                let (q, flags) = (q.clone(), flags.clone());
                Suspend::new(async move {
                    match page.await {
                        Ok(page) => view! { <People q flags page deleted/> }.into_any(),
                        Err(e) => refused(e),
                    }
                })
            }}
        </Suspense>
    }
}

#[component]
fn People(
    q: String,
    flags: Vec<(&'static str, &'static str, bool)>,
    page: UsersPage,
    deleted: bool,
) -> impl IntoView {
    let next = page.next.map(|after| {
        let mut query = vec![format!("q={}", urlencode(&q))];
        query.extend(flags.iter().filter(|f| f.2).map(|(n, _, _)| format!("{n}=1")));
        query.push(format!("after={}", urlencode(&after)));
        format!("/admin/users?{}", query.join("&"))
    });
    let frame = Frame {
        title: tr!("admin-people-title"),
        heading: tr!("admin-nav-people"),
        action: "/admin/users",
        empty: tr!("admin-no-account-matches"),
        label: tr!("admin-accounts-found"),
        columns: vec![
            tr!("admin-col-email"),
            tr!("admin-name"),
            tr!("admin-username"),
            tr!("admin-created"),
            tr!("admin-col-status"),
        ],
        next,
    };
    let notice = deleted.then(|| tr!("admin-deleted"));
    let fields = view! {
        <SearchField id="admin-q" name="q" label=tr!("admin-search-people-label") value=q/>
        <fieldset class="admin-filters">
            <legend>{tr!("admin-filters-legend")}</legend>
            {flags.into_iter().map(|(name, label, checked)| view! {
                <label><input type="checkbox" name=name value="1" checked=checked/>" "{label}</label>
            }).collect_view()}
        </fieldset>
    }
    .into_any();
    let rows = (!page.rows.is_empty()).then(|| {
        page.rows
            .into_iter()
            .map(|r| {
                let status = [
                    (!r.verified).then(|| tr!("admin-status-unverified")),
                    r.locked.then(|| tr!("admin-status-locked")),
                    r.two_step.then(|| tr!("admin-status-two-step")),
                    r.admin.then(|| tr!("admin-status-admin")),
                ]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(", ");
                let email = r.email.clone();
                view! {
                    <tr data-email=email>
                        <td><a href=format!("/admin/users/{}", r.id)>{r.email}</a></td>
                        <td>{r.display_name.unwrap_or_default()}</td>
                        <td>{r.username.unwrap_or_default()}</td>
                        <td>{r.created_at}</td>
                        <td>{status}</td>
                    </tr>
                }
            })
            .collect_view()
            .into_any()
    });
    view! { <ListPage frame notice fields rows/> }
}
