//! Shared state handed to every axum handler and, through Leptos context, to server functions.

use std::sync::Arc;

use axum::extract::FromRef;
use leptos::config::LeptosOptions;
use sqlx::PgPool;

use crate::{
    accounts::email::EmailFlows,
    accounts::{Accounts, DataExport, EmailCodes},
    auth::{BreachedPasswords, PasswordHasher, Throttle},
    config::Config,
    http::{flash::Flash, security_headers::HeaderRules},
    mail::{Outbox, templates::Site, transport::Transport},
    oidc::{SignInWith, routes::ProviderRoutes},
    passkeys::Passkeys,
    profile::Profiles,
    session::{ListenerStatus, Sessions},
    storage::Storage,
    two_step::TwoStep,
};

/// Shared state, cloned by every middleware and server function: one `Arc`, so a clone is one
/// atomic increment (a profile of the signed-in page found a quarter of its CPU in cloning and
/// dropping the services field by field). Fields are reached through `Deref`.
#[derive(Clone)]
pub struct AppState(Arc<Services>);

impl std::ops::Deref for AppState {
    type Target = Services;

    fn deref(&self) -> &Services {
        &self.0
    }
}

/// The services behind [`AppState`].
pub struct Services {
    pub config: Arc<Config>,
    pub pool: PgPool,
    pub leptos_options: LeptosOptions,
    pub sessions: Sessions,
    pub accounts: Accounts,
    /// Sign-in and sign-up with a code sent by mail.
    pub email_codes: EmailCodes,
    /// "Download my data".
    pub export: DataExport,
    pub profiles: Profiles,
    pub email: EmailFlows,
    /// Sign-in with the configured providers (perhaps none).
    pub providers: SignInWith,
    /// Per-IP limits and the sign-in lockout.
    pub throttle: Throttle,
    /// Content-Security-Policy sources, HSTS: fixed by the configuration.
    pub header_rules: Arc<HeaderRules>,
    /// Signs the cookie that carries form errors and notices across a redirect.
    pub flash: Flash,
    /// Authenticator-app codes and recovery codes.
    pub two_step: TwoStep,
    /// `None` when SERVICE_DOMAIN is an IP address (no WebAuthn relying party).
    pub passkeys: Option<Passkeys>,
}

impl AppState {
    pub fn new(config: Config, pool: PgPool, leptos_options: LeptosOptions) -> Result<Self, StartupError> {
        let sessions = Sessions::new(pool.clone(), &config);
        let throttle = Throttle::new(
            config.sign_in_per_ip_per_minute,
            config.sign_up_per_ip_per_hour,
            config.email_codes_per_hour,
            config.secret_key.as_bytes(),
        );
        let hasher = PasswordHasher::new();
        let site =
            Site { service_name: config.service_name.clone(), service_domain: config.service_domain.clone() };
        let transport = match &config.smtp {
            Some(smtp) => Transport::Smtp(smtp.clone()),
            None => {
                Transport::Directory { dir: config.data_dir.join("mail"), log_links: !config.is_production() }
            }
        };
        let outbox = Outbox::new(pool.clone(), transport, config.noreply_email.clone(), site);
        let breached = BreachedPasswords::new(config.pwned_passwords_url.as_deref());
        let email = EmailFlows::new(
            pool.clone(),
            outbox,
            sessions.clone(),
            hasher.clone(),
            throttle.clone(),
            breached.clone(),
        );
        let accounts = Accounts::new(
            pool.clone(),
            sessions.clone(),
            hasher.clone(),
            throttle.clone(),
            email.clone(),
            breached,
        );
        let email_codes = EmailCodes::new(
            pool.clone(),
            sessions.clone(),
            email.outbox.clone(),
            throttle.clone(),
            config.secret_key.as_bytes(),
        );
        let storage = Storage::new(config.bucket.as_ref(), &config.data_dir)?;
        let profiles = Profiles::new(
            pool.clone(),
            storage,
            sessions.clone(),
            hasher,
            email.outbox.clone(),
            throttle.clone(),
            config.account_deletion_grace,
        );
        let providers =
            SignInWith::new(&config, pool.clone(), sessions.clone(), profiles.clone(), email.outbox.clone())?;
        let export = DataExport::new(
            pool.clone(),
            sessions.clone(),
            providers.clone(),
            profiles.clone(),
            email.outbox.clone(),
        );
        let two_step = TwoStep::new(
            pool.clone(),
            config.secret_key.as_bytes(),
            sessions.clone(),
            email.outbox.clone(),
            throttle.clone(),
        );
        let passkeys =
            Passkeys::new(&config, pool.clone(), sessions.clone(), email.outbox.clone(), throttle.clone());
        if passkeys.is_none() {
            tracing::warn!(domain = %config.service_domain, "passkeys are off: SERVICE_DOMAIN has no domain name");
        }
        Ok(Self(Arc::new(Services {
            passkeys,
            two_step,
            header_rules: Arc::new(HeaderRules::new(&config)),
            flash: Flash::new(config.secret_key.as_bytes(), config.is_production()),
            config: Arc::new(config),
            pool,
            leptos_options,
            sessions,
            accounts,
            email_codes,
            export,
            profiles,
            email,
            providers,
            throttle,
        })))
    }
}

impl FromRef<AppState> for ProviderRoutes {
    fn from_ref(state: &AppState) -> Self {
        ProviderRoutes {
            providers: state.providers.clone(),
            throttle: state.throttle.clone(),
            two_step: state.two_step.clone(),
        }
    }
}

impl FromRef<AppState> for DataExport {
    fn from_ref(state: &AppState) -> Self {
        state.export.clone()
    }
}

impl FromRef<AppState> for Profiles {
    fn from_ref(state: &AppState) -> Self {
        state.profiles.clone()
    }
}

impl FromRef<AppState> for Throttle {
    fn from_ref(state: &AppState) -> Self {
        state.throttle.clone()
    }
}

impl FromRef<AppState> for Storage {
    fn from_ref(state: &AppState) -> Self {
        state.profiles.storage.clone()
    }
}

impl FromRef<AppState> for PgPool {
    fn from_ref(state: &AppState) -> Self {
        state.pool.clone()
    }
}

impl FromRef<AppState> for ListenerStatus {
    fn from_ref(state: &AppState) -> Self {
        state.sessions.listener.clone()
    }
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

/// Why an instance could not start; each message names the setting to check.
#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error(transparent)]
    Database(#[from] crate::db::DbError),
    #[error(transparent)]
    Storage(#[from] crate::storage::StorageError),
    #[error("sign-in providers: {0} (check their URLs and SERVICE_DOMAIN)")]
    Providers(#[from] crate::ServiceError),
    #[error("cannot listen on {addr}: {source} (set SOCKET to a free address and port)")]
    Bind { addr: std::net::SocketAddr, source: std::io::Error },
}
