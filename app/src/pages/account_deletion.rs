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
        <Title text="Your account is being deleted"/>
        <section class="card">
            <Suspense fallback=|| view! { <p class="loading">"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match due.await {
                        Ok(Some(when)) => view! {
                            <h1>"Your account is being deleted"</h1>
                            <p>{format!("It will be deleted on {when}. Until then nobody can use it, and its profile and avatar are gone.")}</p>
                            <form method="post" action=KeepAccount::PATH class="form">
                                <FormMessage error=keep_error/>
                                <SubmitButton label="Keep my account"/>
                            </form>
                            <form method="post" action=DeleteNow::PATH class="form">
                                <FormMessage error=delete_error/>
                                <SubmitButton label="Delete now" danger=true/>
                            </form>
                        }.into_any(),
                        _ => view! {
                            <h1>"Your account is not being deleted"</h1>
                            <p><a href="/account">"Go to your account"</a></p>
                        }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}
