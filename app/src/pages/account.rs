use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::{
    api::UserView,
    components::{
        avatar_upload::AvatarUpload,
        form::{Field, FormMessage, SubmitButton, form_error},
        layout::Avatar,
        require_user::RequireUser,
        session_context::use_session,
    },
};

#[component]
pub fn AccountPage() -> impl IntoView {
    view! {
        <Title text="Account"/>
        <RequireUser children=|user: UserView| view! {
            <section class="card">
                <h1>"Account"</h1>
                <p>"Signed in as "<strong class="account-email">{user.email.clone()}</strong></p>
                <p><a href="/account/security">"Security and devices"</a></p>
            </section>
            <AvatarSection user=user.clone()/>
            <ProfileSection user=user/>
        }/>
    }
}

#[component]
fn AvatarSection(user: UserView) -> impl IntoView {
    let session = use_session();
    let has_avatar = user.avatar_large.is_some();
    view! {
        <section class="card">
            <h2>"Avatar"</h2>
            <div class="avatar-large">
                <Avatar url=user.avatar_large.clone() initials=user.initials.clone() size=128/>
            </div>
            <AvatarUpload/>
            {has_avatar.then(|| view! {
                <ActionForm action=session.remove_avatar attr:class="inline-form">
                    <SubmitButton label="Remove avatar" pending=session.remove_avatar.pending()/>
                </ActionForm>
            })}
        </section>
    }
}

#[component]
fn ProfileSection(user: UserView) -> impl IntoView {
    let action = use_session().update_profile;
    let error = form_error(action);
    let query = use_query_map();
    let saved = move || {
        matches!(action.value().get(), Some(Ok(())))
            || (action.value().get().is_none() && query.get().get("saved").is_some())
    };
    view! {
        <section class="card">
            <h2>"Profile"</h2>
            <ActionForm action=action attr:class="form" attr:novalidate="">
                <Show when=saved>
                    <p class="form-success" role="status">"Saved."</p>
                </Show>
                <FormMessage error/>
                <Field label="Display name" name="display_name" autocomplete="name" error value=user.display_name.clone().unwrap_or_default()/>
                <Field label="Username" name="username" autocomplete="username" error value=user.username.clone().unwrap_or_default()/>
                <div class="field">
                    <label for="field-bio">"Bio"</label>
                    <textarea id="field-bio" name="bio" rows="3" maxlength="280">
                        {error.get_untracked().and_then(|e| e.value("bio")).or(user.bio.clone()).unwrap_or_default()}
                    </textarea>
                    <p class="field-error" aria-live="polite">{move || error.get().and_then(|e| e.field("bio"))}</p>
                </div>
                {user.username.clone().map(|u| view! {
                    <p class="hint">"Public profile: "<a href=format!("/u/{u}")>{format!("/u/{u}")}</a></p>
                })}
                <SubmitButton label="Save" pending=action.pending()/>
            </ActionForm>
        </section>
    }
}
