use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::require_user::RequireUser;

#[component]
pub fn AccountPage() -> impl IntoView {
    view! {
        <Title text="Account"/>
        <RequireUser children=|user| view! {
            <section class="card">
                <h1>"Account"</h1>
                <p>"Signed in as "<strong class="account-email">{user.email}</strong></p>
                <p><a href="/account/security">"Security and devices"</a></p>
            </section>
        }/>
    }
}
