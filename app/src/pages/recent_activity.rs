//! "Recent activity" on `/account/security`: the account's last security events, so a change
//! someone else made is seen by the owner.

use leptos::prelude::*;

use crate::{api::security::recent_activity, components::local_time::When};

#[component]
pub fn RecentActivity() -> impl IntoView {
    let events = OnceResource::new(recent_activity());
    view! {
        <section class="card" id="recent-activity">
            <h2>{tr!("activity-heading")}</h2>
            <Transition fallback=|| view! { <p class="loading">{tr!("activity-loading")}</p> }>
                {move || Suspend::new(async move {
                    match events.await {
                        Ok(list) if list.is_empty() => view! { <p>{tr!("activity-none")}</p> }.into_any(),
                        Ok(list) => view! {
                            <ol class="activity">
                                {list.into_iter().map(|e| view! { <li>{e.text}" · "<When time=e.at/></li> }).collect_view()}
                            </ol>
                        }.into_any(),
                        Err(e) => view! { <p class="form-error" role="alert">{e.to_string()}</p> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}
