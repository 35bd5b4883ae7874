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
        <h1>"Set up a new authenticator app"</h1>
        <p>"The new app replaces the old one: codes from the old app stop working, and your other devices are signed out."</p>
        <Suspense fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match setup.await {
                    Ok(s) => view! {
                        <ol class="steps">
                            <li>"Scan this QR code with your new authenticator app:"
                                <div class="qr" inner_html=s.qr_svg></div>
                            </li>
                            <li>"Or enter this key: "<code class="two-step-secret">{s.secret}</code></li>
                        </ol>
                        <form method="post" action=ReplaceAuthenticator::PATH class="form" novalidate="">
                            <FormMessage error/>
                            <Field label="Code from the new app" name="new_code" autocomplete="one-time-code" inputmode="numeric" error/>
                            {if recovery {
                                view! { <Field label="Recovery code" name="recovery_code" autocomplete="off" error/> }.into_any()
                            } else {
                                view! { <Field label="Code from your current app" name="code" autocomplete="one-time-code" inputmode="numeric" error/> }.into_any()
                            }}
                            <SubmitButton label="Use the new app"/>
                        </form>
                        {if recovery {
                            view! { <p><a href="/account/two-step?replace=1">"Use your authenticator app instead"</a></p> }.into_any()
                        } else {
                            view! { <p><a href="/account/two-step?replace=1&recovery=1">"Use a recovery code instead"</a></p> }.into_any()
                        }}
                    }.into_any(),
                    Err(e) => view! { <p class="form-error" role="alert">{e.to_string()}</p> }.into_any(),
                }
            })}
        </Suspense>
        <p><a href="/account/two-step">"Cancel"</a></p>
    }
}
