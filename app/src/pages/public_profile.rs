use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::{api::profile::public_profile, components::layout::Avatar, pages::not_found::NotFound};

/// `/u/{username}`: what anyone may see. Text is escaped by the view; no email appears.
#[component]
pub fn PublicProfilePage() -> impl IntoView {
    let params = use_params_map();
    let profile = Resource::new(move || params.read().get("username").unwrap_or_default(), public_profile);
    view! {
        <Suspense fallback=|| view! { <p class="loading">{tr!("account-loading")}</p> }>
            {move || Suspend::new(async move {
                match profile.await {
                    Ok(Some(p)) => {
                        let name = p.display_name.clone().unwrap_or_else(|| p.username.clone());
                        view! {
                            <Title text=name.clone()/>
                            <section class="card profile">
                                <Avatar url=p.avatar_url.clone() initials=p.initials.clone() size=128/>
                                <h1>{name}</h1>
                                <p class="muted">"@"{p.username.clone()}</p>
                                {p.bio.clone().map(|b| view! { <p class="bio">{b}</p> })}
                            </section>
                        }.into_any()
                    }
                    Ok(None) => view! { <NotFound/> }.into_any(),
                    Err(_) => view! { <p class="form-error" role="alert">{tr!("profile-unavailable")}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}
