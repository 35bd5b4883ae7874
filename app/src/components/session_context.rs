//! The signed-in person, read once per page render and shared by the header and pages.

use leptos::prelude::*;

use crate::api::{UserView, auth::current_user};

pub type CurrentUser = Result<Option<UserView>, ServerFnError>;

#[derive(Clone, Copy)]
pub struct SessionContext {
    pub user: OnceResource<CurrentUser>,
}

impl SessionContext {
    pub fn provide() -> Self {
        let ctx = Self { user: OnceResource::new(current_user()) };
        provide_context(ctx);
        ctx
    }
}

pub fn use_session() -> SessionContext {
    expect_context::<SessionContext>()
}
