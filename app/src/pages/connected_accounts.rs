//! "Connected accounts" on the security page: each configured provider with Connect (a form
//! posting to `/auth/<provider>/connect`, which sends the browser to the provider) or
//! Disconnect. Hidden when no provider is configured.

use leptos::{prelude::*, server_fn::ServerFn};
use leptos_router::hooks::use_query_map;

use crate::{
    api::providers::{ConnectionView, DisconnectProvider, provider_connections},
    components::{
        form::{FormMessage, SubmitButton, form_error},
        provider_buttons::provider_notice,
    },
};

/// What the section says after a connect or disconnect came back (`?github=connected`).
pub fn outcome(label: &str, code: &str) -> Option<String> {
    match code {
        "connected" => Some(tr!("connected-now", provider = label)),
        "disconnected" => Some(tr!("connected-disconnected", provider = label)),
        _ => None,
    }
}

#[component]
pub fn ConnectedAccounts() -> impl IntoView {
    let error = form_error::<DisconnectProvider>();
    let connections = OnceResource::new(provider_connections());
    let query = use_query_map().get_untracked();
    view! {
        <Transition>
            {move || {
                let query = query.clone();
                Suspend::new(async move {
                    let connections = connections.await.ok().filter(|c| !c.is_empty())?;
                    let code = |c: &ConnectionView| query.get(&c.provider.id);
                    let success: Vec<String> = connections
                        .iter()
                        .filter_map(|c| code(c).and_then(|code| outcome(&c.provider.label, &code)))
                        .collect();
                    let failure: Vec<String> = connections
                        .iter()
                        .filter_map(|c| code(c).and_then(|code| provider_notice(&c.provider.label, &code)))
                        .collect();
                    Some(view! {
                        <section class="card" id="connected-accounts">
                            <h2>{tr!("connected-heading")}</h2>
                            {success.into_iter().map(|m| view! { <p class="form-success" role="status">{m}</p> }).collect_view()}
                            {failure.into_iter().map(|m| view! { <p class="form-error" role="alert">{m}</p> }).collect_view()}
                            <FormMessage error/>
                            {connections.into_iter().map(connection).collect_view()}
                        </section>
                    })
                })
            }}
        </Transition>
    }
}

fn connection(c: ConnectionView) -> impl IntoView {
    let id = c.provider.id.clone();
    view! {
        <div class="connected-account" data-provider=c.provider.id.clone()>
            <p>
                <strong>{c.provider.label.clone()}</strong>
                {c.email.clone().map(|e| view! { " · "<span class="connected-email">{e}</span> })}
            </p>
            {match c.email {
                Some(_) => view! {
                    <form method="post" action=DisconnectProvider::PATH class="inline-form">
                        <input type="hidden" name="provider" value=id/>
                        <SubmitButton label=tr!("connected-disconnect") danger=true/>
                    </form>
                }.into_any(),
                None => view! {
                    <form method="post" action=format!("/auth/{id}/connect") class="inline-form">
                        <button type="submit">{tr!("connected-connect")}</button>
                    </form>
                }.into_any(),
            }}
        </div>
    }
}
