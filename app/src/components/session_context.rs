//! The signed-in person, read once per page render and shared by the header and pages.
//!
//! Pages render on the server only (islands), where the session middleware has already
//! resolved the person: reading it is synchronous, so no resource or suspense is involved.

use leptos::prelude::*;

use crate::api::UserView;

#[derive(Clone)]
pub struct SessionContext {
    pub user: Option<UserView>,
}

impl SessionContext {
    pub fn provide() {
        #[cfg(feature = "ssr")]
        let user = crate::api::auth::signed_in_user();
        #[cfg(not(feature = "ssr"))]
        let user = None;
        provide_context(Self { user });
    }
}

/// The person signed in on this request, if any.
pub fn signed_in() -> Option<UserView> {
    use_context::<SessionContext>().and_then(|s| s.user)
}
