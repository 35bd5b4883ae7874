//! Typed configuration, parsed once at start-up from the environment (and `.env`).
//!
//! Every variable is read here and nowhere else. A bad value stops start-up with exit code 2
//! and one line naming the variable, what was found and what is expected.

mod error;
mod groups;
mod parse;
mod providers;
mod secret;

use std::{net::SocketAddr, path::PathBuf, time::Duration};

use secrecy::SecretString;

pub use error::ConfigError;
pub use groups::{BucketConfig, SmtpConfig, SmtpTls};
pub use providers::{Authority, ProviderConfig, ProviderId, ProviderKind, p256_key_der};
pub use secret::SecretKey;

/// The whole configuration of one instance.
#[derive(Debug, Clone)]
pub struct Config {
    /// Address the HTTP server binds (`SOCKET`).
    pub socket: SocketAddr,
    /// Shown in the header, page titles and mail subjects (`SERVICE_NAME`).
    pub service_name: String,
    /// Public base URL without a trailing slash (`SERVICE_DOMAIN`); https means production.
    pub service_domain: String,
    /// Signs cookies (`SECRET_KEY`, at least 32 bytes).
    pub secret_key: SecretKey,
    /// External database; `None` starts the embedded cluster under `data_dir`.
    pub database_url: Option<SecretString>,
    /// Where local state lives: embedded Postgres, generated secret, media, mail (`DATA_DIR`).
    pub data_dir: PathBuf,
    /// Time-to-live of in-memory session and user cache entries (`MEM_CACHE_DURATION`).
    pub mem_cache_duration: Duration,
    /// Maximum number of entries in each in-memory cache (`MEM_CACHE_CAPACITY`).
    pub mem_cache_capacity: u64,
    /// Lifetime of a session before it must be renewed (`SESSION_TTL`).
    pub session_ttl: Duration,
    /// How long after expiry a session can still be renewed (`SESSION_RENEWAL_WINDOW`).
    pub session_renewal_window: Duration,
    /// Longest a device stays signed in after its sign-in, renewals or not
    /// (`SESSION_MAX_LIFETIME`).
    pub session_max_lifetime: Duration,
    /// A session unused this long is not renewed and ends (`SESSION_IDLE_TIMEOUT`).
    pub session_idle_timeout: Duration,
    /// Connections in the Postgres pool (`DATABASE_POOL_SIZE`).
    pub database_pool_size: u32,
    /// Object storage; `None` keeps files under `data_dir/media`.
    pub bucket: Option<BucketConfig>,
    /// Outgoing mail; `None` writes messages to `data_dir/mail`.
    pub smtp: Option<SmtpConfig>,
    /// Sender address of every mail (`NOREPLY_EMAIL`).
    pub noreply_email: String,
    /// Sign-in providers (Google, GitHub, OpenID Connect), in button order; empty hides them.
    pub providers: Vec<ProviderConfig>,
    /// Sign-in attempts allowed per client IP per minute (`SIGN_IN_PER_IP_PER_MINUTE`).
    pub sign_in_per_ip_per_minute: u32,
    /// Sign-ups allowed per client IP per hour (`SIGN_UP_PER_IP_PER_HOUR`).
    pub sign_up_per_ip_per_hour: u32,
    /// How long a deleted account waits before it is deleted for good, during which its owner
    /// can sign in and keep it (`ACCOUNT_DELETION_GRACE`); zero deletes at once.
    pub account_deletion_grace: Duration,
    /// Sign-in codes this instance mails per hour, all addresses together
    /// (`EMAIL_CODES_PER_HOUR`): beyond it, asking answers 429.
    pub email_codes_per_hour: u32,
    /// Reverse proxies in front of the app that append to `X-Forwarded-For`
    /// (`TRUSTED_PROXY_HOPS`); 0 uses the TCP peer address and ignores the header.
    pub trusted_proxy_hops: u32,
    /// Where Prometheus metrics are served (`METRICS_SOCKET`); `None`: no metrics at all.
    pub metrics_socket: Option<SocketAddr>,
    /// Passkey sign-ins started and not finished (each lasts 5 minutes) across the deployment
    /// before new ones answer 503 (`PASSKEY_SIGN_IN_CEREMONIES_MAX`).
    pub passkey_sign_in_ceremonies_max: u32,
    /// Range API that new passwords are checked against (`PWNED_PASSWORDS_URL`); `None`: off.
    pub pwned_passwords_url: Option<String>,
}

impl Config {
    /// True when served over https: cookies get `Secure` and the `__Host-` prefix.
    pub fn is_production(&self) -> bool {
        self.service_domain.starts_with("https://")
    }

    /// Reads the process environment (after loading `.env` when present).
    pub fn from_env() -> Result<Self, ConfigError> {
        let _ = dotenvy::dotenv();
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Parses configuration from any variable source; tests pass a map.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let get = |name: &str| lookup(name).map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());

        // `cargo leptos watch`/`serve` pass the workspace's `site-addr` as LEPTOS_SITE_ADDR.
        let socket = match get("SOCKET") {
            Some(value) => parse::socket("SOCKET", Some(value), "")?,
            None => parse::socket("LEPTOS_SITE_ADDR", get("LEPTOS_SITE_ADDR"), "127.0.0.1:3000")?,
        };
        let service_name = get("SERVICE_NAME").unwrap_or_else(|| "Accounts".to_owned());
        let service_domain = parse::base_url(
            "SERVICE_DOMAIN",
            get("SERVICE_DOMAIN"),
            &format!("http://localhost:{}", socket.port()),
        )?;
        let data_dir = PathBuf::from(get("DATA_DIR").unwrap_or_else(|| ".data".to_owned()));
        let production = service_domain.starts_with("https://");
        let secret_key = secret::load("SECRET_KEY", get("SECRET_KEY"), production, &data_dir)?;
        let database_url = parse::database_url("DATABASE_URL", get("DATABASE_URL"))?.map(SecretString::from);
        let mem_cache_duration = parse::duration("MEM_CACHE_DURATION", get("MEM_CACHE_DURATION"), "8h")?;
        let mem_cache_capacity =
            parse::number("MEM_CACHE_CAPACITY", get("MEM_CACHE_CAPACITY"), 100_000u64, 1)?;
        let session_ttl = parse::duration("SESSION_TTL", get("SESSION_TTL"), "30days")?;
        let session_renewal_window =
            parse::duration("SESSION_RENEWAL_WINDOW", get("SESSION_RENEWAL_WINDOW"), "7days")?;
        let session_max_lifetime =
            parse::duration("SESSION_MAX_LIFETIME", get("SESSION_MAX_LIFETIME"), "90days")?;
        // Uses are recorded at most once a minute per session, so a shorter timeout could end
        // a session in use.
        let session_idle_timeout = parse::duration_at_least(
            "SESSION_IDLE_TIMEOUT",
            get("SESSION_IDLE_TIMEOUT"),
            "30days",
            Duration::from_secs(300),
        )?;
        let database_pool_size = parse::number("DATABASE_POOL_SIZE", get("DATABASE_POOL_SIZE"), 10u32, 1)?;
        let noreply_email =
            get("NOREPLY_EMAIL").unwrap_or_else(|| format!("noreply@{}", parse::host_of(&service_domain)));
        let bucket = groups::bucket(&get)?;
        let smtp = groups::smtp(&get, &noreply_email)?;
        let providers = providers::providers(&get)?;
        let sign_in_per_ip_per_minute =
            parse::number("SIGN_IN_PER_IP_PER_MINUTE", get("SIGN_IN_PER_IP_PER_MINUTE"), 20u32, 1)?;
        let sign_up_per_ip_per_hour =
            parse::number("SIGN_UP_PER_IP_PER_HOUR", get("SIGN_UP_PER_IP_PER_HOUR"), 20u32, 1)?;
        let account_deletion_grace = match get("ACCOUNT_DELETION_GRACE").as_deref().map(str::trim) {
            Some("0") => Duration::ZERO,
            value => parse::duration("ACCOUNT_DELETION_GRACE", value.map(str::to_owned), "7days")?,
        };
        let email_codes_per_hour =
            parse::number("EMAIL_CODES_PER_HOUR", get("EMAIL_CODES_PER_HOUR"), 1000u32, 1)?;
        let trusted_proxy_hops = parse::number("TRUSTED_PROXY_HOPS", get("TRUSTED_PROXY_HOPS"), 0u32, 0)?;
        let metrics_socket = match get("METRICS_SOCKET") {
            Some(value) => Some(parse::socket("METRICS_SOCKET", Some(value), "")?),
            None => None,
        };
        let passkey_sign_in_ceremonies_max = parse::number(
            "PASSKEY_SIGN_IN_CEREMONIES_MAX",
            get("PASSKEY_SIGN_IN_CEREMONIES_MAX"),
            10_000u32,
            1,
        )?;
        let pwned_passwords_url = parse::pwned_passwords_url(lookup("PWNED_PASSWORDS_URL"), production)?;

        Ok(Self {
            socket,
            service_name,
            service_domain,
            secret_key,
            database_url,
            data_dir,
            mem_cache_duration,
            mem_cache_capacity,
            session_ttl,
            session_renewal_window,
            session_max_lifetime,
            session_idle_timeout,
            database_pool_size,
            bucket,
            smtp,
            noreply_email,
            providers,
            sign_in_per_ip_per_minute,
            sign_up_per_ip_per_hour,
            email_codes_per_hour,
            account_deletion_grace,
            trusted_proxy_hops,
            metrics_socket,
            passkey_sign_in_ceremonies_max,
            pwned_passwords_url,
        })
    }
}

#[cfg(test)]
mod tests;
