//! `/admin`: counts, sign-ins per day (an SVG drawn on the server), the outbox and this
//! instance's listener.

use leptos::prelude::*;
use leptos_meta::Title;

use super::{AdminNav, refused};
use crate::api::admin::{DashboardView, admin_dashboard};

#[component]
pub fn AdminPage() -> impl IntoView {
    let data = OnceResource::new(admin_dashboard());
    view! {
        <Suspense fallback=|| view! { <p class="loading">{tr!("admin-loading")}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(d) => view! { <Dashboard d/> }.into_any(),
                    Err(e) => refused(e),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Dashboard(d: DashboardView) -> impl IntoView {
    let outbox = match d.outbox_oldest_due_secs {
        Some(s) => tr!("admin-outbox-oldest-due", count = d.outbox_depth, seconds = format!("{s:.0}")),
        None => tr!("admin-outbox-none-due", count = d.outbox_depth),
    };
    let listener =
        if d.listener_connected { tr!("admin-listener-connected") } else { tr!("admin-listener-down") };
    view! {
        <Title text=tr!("nav-admin")/>
        <section class="card admin">
            <h1>{tr!("nav-admin")}</h1>
            <AdminNav/>
            <dl class="admin-counts">
                <div><dt>{tr!("admin-count-accounts")}</dt><dd>{d.accounts}</dd></div>
                <div><dt>{tr!("admin-count-verified")}</dt><dd>{d.verified}</dd></div>
                <div><dt>{tr!("admin-count-two-step")}</dt><dd>{d.two_step}</dd></div>
                <div><dt>{tr!("admin-count-passkeys")}</dt><dd>{d.passkeys}</dd></div>
                <div><dt>{tr!("admin-count-signed-in-day")}</dt><dd>{d.signed_in_day}</dd></div>
                <div><dt>{tr!("admin-count-signed-in-week")}</dt><dd>{d.signed_in_week}</dd></div>
                <div><dt>{tr!("admin-admins")}</dt><dd>{d.admins}</dd></div>
            </dl>
            <h2>{tr!("admin-chart-heading")}</h2>
            <Chart per_day=d.per_day/>
            <h2>{tr!("admin-instance-heading")}</h2>
            <ul>
                <li>{outbox}</li>
                <li>{listener}</li>
            </ul>
        </section>
    }
}

/// Bars scaled to the busiest day; each bar names its day and count for screen readers and on
/// hover.
#[component]
fn Chart(per_day: Vec<(String, i64)>) -> impl IntoView {
    const HEIGHT: i64 = 100;
    let max = per_day.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
    let total: i64 = per_day.iter().map(|(_, n)| n).sum();
    let width = per_day.len() * 10;
    let label = tr!("admin-chart-label", total = total, days = per_day.len());
    let title = label.clone();
    view! {
        <svg class="admin-chart" viewBox=format!("0 0 {width} {HEIGHT}") role="img" aria-label=label preserveAspectRatio="none">
            <title>{title}</title>
            {per_day.into_iter().enumerate().map(|(i, (day, n))| {
                let h = n * HEIGHT / max;
                view! {
                    <rect x=(i * 10 + 1).to_string() y=(HEIGHT - h).to_string() width="8" height=h.to_string()>
                        <title>{format!("{day}: {n}")}</title>
                    </rect>
                }
            }).collect_view()}
        </svg>
    }
}
