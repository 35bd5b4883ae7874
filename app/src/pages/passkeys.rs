//! The "Passkeys" section of the security page: the list (rename and remove work without
//! JavaScript) and the "Add a passkey" island.

use leptos::{prelude::*, server_fn::ServerFn};

use crate::{
    api::passkeys::{
        PasskeyView, RemovePasskey, RemovePassword, RenamePasskey, list_passkeys, passkeys_enabled,
    },
    components::{
        form::{FormMessage, form_error},
        local_time::When,
        passkey::PasskeyAdd,
    },
};

#[component]
pub fn Passkeys(has_password: bool) -> impl IntoView {
    let enabled = OnceResource::new(passkeys_enabled());
    let list = OnceResource::new(list_passkeys());
    let remove_error = form_error::<RemovePasskey>();
    let rename_error = form_error::<RenamePasskey>();
    let password_error = form_error::<RemovePassword>();
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                if !matches!(enabled.await, Ok(true)) {
                    return ().into_any();
                }
                let passkeys = list.await.unwrap_or_default();
                let any = !passkeys.is_empty();
                view! {
                    <section class="card" aria-labelledby="passkeys-heading">
                        <h2 id="passkeys-heading">{tr!("passkey-heading")}</h2>
                        <p>{tr!("passkey-intro")}</p>
                        <FormMessage error=remove_error/>
                        <FormMessage error=rename_error/>
                        {if any {
                            view! {
                                <ul class="passkeys">
                                    {passkeys.into_iter().map(|p| view! { <PasskeyRow passkey=p/> }).collect_view()}
                                </ul>
                            }.into_any()
                        } else {
                            view! { <p class="muted">{tr!("passkey-none")}</p> }.into_any()
                        }}
                        <PasskeyAdd/>
                        {(any && has_password).then(|| view! {
                            <form method="post" action=RemovePassword::PATH class="form">
                                <FormMessage error=password_error/>
                                <p>{tr!("passkey-without-password")}</p>
                                <button type="submit" class="secondary">{tr!("passkey-remove-password")}</button>
                            </form>
                        })}
                    </section>
                }.into_any()
            })}
        </Suspense>
    }
}

#[component]
fn PasskeyRow(passkey: PasskeyView) -> impl IntoView {
    let rename_id = format!("rename-{}", passkey.id);
    view! {
        <li class="passkey-row">
            <strong class="passkey-name">{passkey.name.clone()}</strong>
            <dl class="device-facts">
                <dt>{tr!("passkey-added")}</dt><dd><When time=passkey.created/></dd>
                <dt>{tr!("passkey-last-used")}</dt><dd>{match passkey.last_used {
                    Some(time) => view! { <When time/> }.into_any(),
                    None => tr!("passkey-never").into_any(),
                }}</dd>
            </dl>
            <form method="post" action=RenamePasskey::PATH class="inline-form">
                <input type="hidden" name="id" value=passkey.id.clone()/>
                <label for=rename_id.clone() class="visually-hidden">{tr!("passkey-new-name")}</label>
                <input id=rename_id type="text" name="name" maxlength="60" value=passkey.name/>
                <button type="submit" class="secondary">{tr!("passkey-rename")}</button>
            </form>
            <form method="post" action=RemovePasskey::PATH class="inline-form">
                <input type="hidden" name="id" value=passkey.id/>
                <button type="submit" class="secondary">{tr!("passkey-remove")}</button>
            </form>
        </li>
    }
}
