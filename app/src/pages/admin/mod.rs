//! The admin console: `/admin`, `/admin/users`, `/admin/users/<id>`, `/admin/audit`. Every page
//! asks its server function, which runs the one guard: a non-admin sees "Page not found" (status
//! 404), an admin without a second factor is sent to set one up.

mod audit;
mod dashboard;
mod list;
mod person;
mod users;

pub use audit::AdminAuditPage;
pub use dashboard::AdminPage;
pub use person::AdminPersonPage;
pub use users::AdminUsersPage;

use leptos::prelude::*;
use leptos_meta::Title;

use crate::{api::FormError, pages::not_found::NotFound};

/// What a page shows instead of itself when the guard or the service said no.
fn refused(error: FormError) -> AnyView {
    match error.code.as_deref() {
        Some("not_found") => view! { <NotFound/> }.into_any(),
        Some("forbidden") => {
            #[cfg(feature = "ssr")]
            if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
                response.set_status(http::StatusCode::FORBIDDEN);
            }
            view! {
                <Title text=tr!("nav-admin")/>
                <section class="card">
                    <h1>{error.message.unwrap_or_default()}</h1>
                    <p>
                        {tr!("admin-second-factor-before")}" "
                        <a href="/account/two-step">{tr!("admin-second-factor-link")}</a>" "
                        {tr!("admin-second-factor-after")}
                    </p>
                </section>
            }
            .into_any()
        }
        _ => view! {
            <section class="card">
                <h1>{tr!("admin-unavailable")}</h1>
                <p class="form-error" role="alert">{error.message.unwrap_or_default()}</p>
            </section>
        }
        .into_any(),
    }
}

/// The console's own navigation.
#[component]
fn AdminNav() -> impl IntoView {
    view! {
        <nav class="admin-nav" aria-label=tr!("nav-admin")>
            <a href="/admin">{tr!("admin-nav-overview")}</a>
            <a href="/admin/users">{tr!("admin-nav-people")}</a>
            <a href="/admin/audit">{tr!("admin-nav-audit")}</a>
        </nav>
    }
}
