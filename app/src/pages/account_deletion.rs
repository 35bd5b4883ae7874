//! `/account/deletion`: what a sign-in during the deletion grace period leads to, and the only
//! page such an account can open: keep the account, or delete it now.

use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;

use crate::{
    api::profile::{DeleteNow, KeepAccount, deletion_due},
    components::form::{FormMessage, SubmitButton, form_error},
};

#[component]
pub fn AccountDeletionPage() -> impl IntoView {
    let due = OnceResource::new(deletion_due());
    let keep_error = form_error::<KeepAccount>();
    let delete_error = form_error::<DeleteNow>();
    view! {
        <Title text=tr!("deletion-title")/>
        <section class="card">
            <Suspense fallback=|| view! { <p class="loading">{tr!("account-loading")}</p> }>
                {move || Suspend::new(async move {
                    match due.await {
                        Ok(Some(when)) => view! {
                            <h1>{tr!("deletion-title")}</h1>
                            <p>{tr!("deletion-due", when = when)}</p>
                            <form method="post" action=KeepAccount::PATH class="form">
                                <FormMessage error=keep_error/>
                                <SubmitButton label=tr!("deletion-keep")/>
                            </form>
                            <form method="post" action=DeleteNow::PATH class="form">
                                <FormMessage error=delete_error/>
                                <SubmitButton label=tr!("deletion-delete-now") danger=true/>
                            </form>
                        }.into_any(),
                        _ => view! {
                            <h1>{tr!("deletion-not-pending")}</h1>
                            <p><a href="/account">{tr!("deletion-go-to-account")}</a></p>
                        }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}
