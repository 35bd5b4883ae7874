//! Shared state handed to every axum handler and, through Leptos context, to server functions.

use std::sync::Arc;

use axum::extract::FromRef;
use leptos::config::LeptosOptions;
use sqlx::PgPool;

use crate::{
    accounts::Accounts,
    auth::{PasswordHasher, Throttle},
    config::Config,
    session::Sessions,
};

/// Cheap to clone: everything inside is reference-counted.
#[derive(Clone)]
pub struct AppState {
    pub config: Arc<Config>,
    pub pool: PgPool,
    pub leptos_options: LeptosOptions,
    pub sessions: Sessions,
    pub accounts: Accounts,
}

impl AppState {
    pub fn new(config: Config, pool: PgPool, leptos_options: LeptosOptions) -> Self {
        let sessions = Sessions::new(pool.clone(), &config);
        let throttle = Throttle::new(
            config.sign_in_per_ip_per_minute,
            config.sign_up_per_ip_per_hour,
        );
        let accounts = Accounts::new(
            pool.clone(),
            sessions.clone(),
            PasswordHasher::new(),
            throttle,
        );
        Self {
            config: Arc::new(config),
            pool,
            leptos_options,
            sessions,
            accounts,
        }
    }
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}
