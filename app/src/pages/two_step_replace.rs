//! `/account/two-step?replace=1`: a new authenticator app in place of a lost one. The new app's
//! first code, and as proof a code from the old app or one recovery code.

use leptos::{prelude::*, server_fn::ServerFn};

use crate::{
    api::two_step::{ReplaceAuthenticator, new_authenticator_setup},
    components::form::{Field, FormMessage, SubmitButton, form_error},
};

#[component]
pub fn ReplaceAuthenticatorForm(recovery: bool) -> impl IntoView {
    let setup = OnceResource::new(new_authenticator_setup());
    let error = form_error::<ReplaceAuthenticator>();
    view! {
        <h1>{tr!("twostep-new-app")}</h1>
        <p>{tr!("twostep-replace-intro")}</p>
        <Suspense fallback=|| view! { <p class="loading">{tr!("account-loading")}</p> }>
            {move || Suspend::new(async move {
                match setup.await {
                    Ok(s) => view! {
                        <ol class="steps">
                            <li>{tr!("twostep-scan-new")}
                                <div class="qr" inner_html=s.qr_svg></div>
                            </li>
                            <li>{tr!("twostep-enter-key")}" "<code class="two-step-secret">{s.secret}</code></li>
                        </ol>
                        <form method="post" action=ReplaceAuthenticator::PATH class="form" novalidate="">
                            <FormMessage error/>
                            <Field label=tr!("twostep-new-code") name="new_code" autocomplete="one-time-code" inputmode="numeric" error/>
                            {if recovery {
                                view! { <Field label=tr!("twostep-recovery-code") name="recovery_code" autocomplete="off" error/> }.into_any()
                            } else {
                                view! { <Field label=tr!("twostep-current-code") name="code" autocomplete="one-time-code" inputmode="numeric" error/> }.into_any()
                            }}
                            <SubmitButton label=tr!("twostep-use-new-app")/>
                        </form>
                        {if recovery {
                            view! { <p><a href="/account/two-step?replace=1">{tr!("twostep-use-app")}</a></p> }.into_any()
                        } else {
                            view! { <p><a href="/account/two-step?replace=1&recovery=1">{tr!("twostep-use-recovery")}</a></p> }.into_any()
                        }}
                    }.into_any(),
                    Err(e) => view! { <p class="form-error" role="alert">{e.to_string()}</p> }.into_any(),
                }
            })}
        </Suspense>
        <p><a href="/account/two-step">{tr!("twostep-cancel")}</a></p>
    }
}
