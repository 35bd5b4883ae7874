//! The signed-in state shared by the header and pages: actions that change it, and the
//! current user, refetched whenever one of those actions completes.

use leptos::prelude::*;

use crate::api::{
    UserView,
    auth::{SignIn, SignOut, SignUp, current_user},
    profile::{DeleteAccount, RemoveAvatar, UpdateProfile},
    security::{ChangePassword, SignOutEverywhere},
};

#[derive(Clone, Copy)]
pub struct SessionContext {
    pub sign_up: ServerAction<SignUp>,
    pub sign_in: ServerAction<SignIn>,
    pub sign_out: ServerAction<SignOut>,
    pub sign_out_everywhere: ServerAction<SignOutEverywhere>,
    pub change_password: ServerAction<ChangePassword>,
    pub update_profile: ServerAction<UpdateProfile>,
    pub remove_avatar: ServerAction<RemoveAvatar>,
    pub delete_account: ServerAction<DeleteAccount>,
    /// Bumped after an avatar upload (not a server action: it is a multipart request).
    pub avatar_uploads: RwSignal<usize>,
    /// Outcome of the last avatar upload; lives here so the message survives the re-render
    /// that the refreshed user causes.
    pub avatar_outcome: RwSignal<Option<Result<(), String>>>,
    pub user: Resource<Result<Option<UserView>, ServerFnError>>,
}

impl SessionContext {
    pub fn provide() -> Self {
        let sign_up = ServerAction::<SignUp>::new();
        let sign_in = ServerAction::<SignIn>::new();
        let sign_out = ServerAction::<SignOut>::new();
        let sign_out_everywhere = ServerAction::<SignOutEverywhere>::new();
        let change_password = ServerAction::<ChangePassword>::new();
        let update_profile = ServerAction::<UpdateProfile>::new();
        let remove_avatar = ServerAction::<RemoveAvatar>::new();
        let delete_account = ServerAction::<DeleteAccount>::new();
        let avatar_uploads = RwSignal::new(0usize);
        let avatar_outcome = RwSignal::new(None);
        let user = Resource::new(
            move || {
                (
                    sign_up.version().get(),
                    sign_in.version().get(),
                    sign_out.version().get(),
                    sign_out_everywhere.version().get(),
                    change_password.version().get(),
                    update_profile.version().get(),
                    remove_avatar.version().get(),
                    delete_account.version().get(),
                    avatar_uploads.get(),
                )
            },
            |_| current_user(),
        );
        let ctx = Self {
            sign_up,
            sign_in,
            sign_out,
            sign_out_everywhere,
            change_password,
            update_profile,
            remove_avatar,
            delete_account,
            avatar_uploads,
            avatar_outcome,
            user,
        };
        provide_context(ctx);
        ctx
    }
}

pub fn use_session() -> SessionContext {
    expect_context::<SessionContext>()
}
