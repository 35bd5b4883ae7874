use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::{
    api::{
        UserView,
        profile::{RemoveAvatar, UpdateProfile},
    },
    components::{
        avatar_upload::{AvatarUpload, avatar_outcome},
        form::{Field, FormMessage, SubmitButton, form_error},
        layout::Avatar,
        require_user::RequireUser,
    },
};

#[component]
pub fn AccountPage() -> impl IntoView {
    view! {
        <Title text=tr!("account-title")/>
        <RequireUser children=|user: UserView| view! {
            <section class="card">
                <h1>{tr!("account-title")}</h1>
                <p>{tr!("account-signed-in-as")}<strong class="account-email">{user.email.clone()}</strong></p>
                <p><a href="/account/security">{tr!("account-security-link")}</a></p>
            </section>
            <AvatarSection user=user.clone()/>
            <ProfileSection user=user/>
        }/>
    }
}

#[component]
fn AvatarSection(user: UserView) -> impl IntoView {
    let has_avatar = user.avatar_large.is_some();
    view! {
        <section class="card">
            <h2>{tr!("avatar-heading")}</h2>
            <div class="avatar-large">
                <Avatar url=user.avatar_large.clone() initials=user.initials.clone() size=128/>
            </div>
            <AvatarUpload outcome=avatar_outcome()/>
            {has_avatar.then(|| view! {
                <form method="post" action=RemoveAvatar::PATH class="inline-form">
                    <SubmitButton label=tr!("avatar-remove")/>
                </form>
            })}
        </section>
    }
}

#[component]
fn ProfileSection(user: UserView) -> impl IntoView {
    let error = form_error::<UpdateProfile>();
    let saved = use_query_map().get_untracked().get("saved").is_some();
    view! {
        <section class="card">
            <h2>{tr!("profile-heading")}</h2>
            <form method="post" action=UpdateProfile::PATH class="form" novalidate="">
                {saved.then(|| view! { <p class="form-success" role="status">{tr!("profile-saved")}</p> })}
                <FormMessage error/>
                <Field label=tr!("profile-display-name") name="display_name" autocomplete="name" error value=user.display_name.clone().unwrap_or_default()/>
                <Field label=tr!("profile-username") name="username" autocomplete="username" error value=user.username.clone().unwrap_or_default()/>
                <div class="field">
                    <label for="field-bio">{tr!("profile-bio")}</label>
                    <textarea id="field-bio" name="bio" rows="3" maxlength="280">
                        {error.get_untracked().and_then(|e| e.value("bio")).or(user.bio.clone()).unwrap_or_default()}
                    </textarea>
                    <p class="field-error" aria-live="polite">{move || error.get().and_then(|e| e.field("bio"))}</p>
                </div>
                {user.username.clone().map(|u| view! {
                    <p class="hint">{tr!("profile-public-link")}" "<a href=format!("/u/{u}")>{format!("/u/{u}")}</a></p>
                })}
                <SubmitButton label=tr!("profile-save")/>
            </form>
        </section>
    }
}
