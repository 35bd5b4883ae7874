//! "Download my data": everything the service keeps about a person, as one JSON file, for the
//! person alone (a recent sign-in), recorded and mailed like any other security event. Never a
//! secret: no password hash, two-step key, recovery code, passkey key, token or mail body.

use chrono::{DateTime, Utc};
use serde::Serialize;
use sqlx::PgPool;

use crate::{
    ServiceError,
    mail::{Outbox, outbox},
    oidc::SignInWith,
    passkeys,
    profile::{Profiles, avatar},
    session::{Authenticated, ClientInfo, Sessions, change::Change, device},
    trail::{self, EventKind},
};

/// The format's version: raised when a field changes meaning or goes away.
pub const SCHEMA: u32 = 1;
/// Security events and mails in the file: more than the service keeps for anyone.
const ALL: i64 = 100_000;

#[derive(Serialize)]
struct Export {
    schema: u32,
    exported_at: DateTime<Utc>,
    profile: Profile,
    ways_in: WaysIn,
    devices: Vec<Device>,
    security_events: Vec<Event>,
    mails: Vec<MailLine>,
}

#[derive(Serialize)]
struct Profile {
    email: String,
    email_verified_at: Option<DateTime<Utc>>,
    username: Option<String>,
    display_name: Option<String>,
    bio: Option<String>,
    created_at: DateTime<Utc>,
    avatar_url: Option<String>,
}

#[derive(Serialize)]
struct WaysIn {
    password: bool,
    two_step: bool,
    providers: Vec<Provider>,
    passkeys: Vec<Passkey>,
}

#[derive(Serialize)]
struct Provider {
    provider: String,
    email: String,
}

#[derive(Serialize)]
struct Passkey {
    name: String,
    created_at: DateTime<Utc>,
    last_used_at: Option<DateTime<Utc>>,
}

#[derive(Serialize)]
struct Device {
    device: String,
    ip: Option<String>,
    sign_in_method: String,
    signed_in_at: DateTime<Utc>,
    last_seen_at: DateTime<Utc>,
}

#[derive(Serialize)]
struct Event {
    at: DateTime<Utc>,
    what: String,
    kind: &'static str,
    device: String,
    ip: Option<String>,
}

#[derive(Serialize)]
struct MailLine {
    subject: String,
    queued_at: DateTime<Utc>,
    sent_at: Option<DateTime<Utc>>,
}

/// What the service holds about an account beside its row (see [`DataExport::held`]).
pub(crate) struct Held {
    pub two_step: bool,
    /// Connected providers: (label, the address the provider gave).
    pub providers: Vec<(String, String)>,
    pub passkeys: Vec<passkeys::store::Listed>,
    pub devices: Vec<crate::session::store::DeviceRow>,
    pub events: Vec<trail::SecurityEvent>,
    pub mails: Vec<outbox::Sent>,
}

/// A finished export: the file's name and its bytes.
pub struct File {
    pub name: String,
    pub json: Vec<u8>,
}

#[derive(Clone)]
pub struct DataExport {
    pool: PgPool,
    sessions: Sessions,
    providers: SignInWith,
    profiles: Profiles,
    outbox: Outbox,
}

impl DataExport {
    pub fn new(
        pool: PgPool,
        sessions: Sessions,
        providers: SignInWith,
        profiles: Profiles,
        outbox: Outbox,
    ) -> Self {
        Self { pool, sessions, providers, profiles, outbox }
    }

    /// What the service holds about the account beside its row: its ways in, devices, latest
    /// `limit` security events and mails. The export and the admin console's person page read it
    /// here, one way.
    pub(crate) async fn held(&self, user: &crate::users::User, limit: i64) -> Result<Held, ServiceError> {
        let pool = &self.pool;
        Ok(Held {
            two_step: crate::two_step::is_enabled(pool, user.id).await?,
            providers: self
                .providers
                .connections(user.id)
                .await?
                .into_iter()
                .filter_map(|(info, email)| Some((info.label, email?)))
                .collect(),
            passkeys: passkeys::store::list(pool, user.id).await?,
            devices: self.sessions.devices(user.id).await?,
            events: trail::latest(pool, user.id, limit).await?,
            mails: outbox::to_address(pool, &user.email, limit).await?,
        })
    }

    /// The person's file; needs a sign-in in the last 10 minutes.
    pub async fn export(&self, auth: &Authenticated, client: &ClientInfo) -> Result<File, ServiceError> {
        auth.require_recent_sign_in()?;
        let user = &auth.user;
        let names = &self.sessions.names;
        let held = self.held(user, ALL).await?;
        let export = Export {
            schema: SCHEMA,
            exported_at: Utc::now(),
            profile: Profile {
                email: user.email.clone(),
                email_verified_at: user.email_verified_at,
                username: user.username.clone(),
                display_name: user.display_name.clone(),
                bio: user.bio.clone(),
                created_at: user.created_at,
                avatar_url: user.avatar_key.as_deref().map(|k| self.profiles.avatar_url(k, avatar::LARGE)),
            },
            ways_in: WaysIn {
                password: user.has_password,
                two_step: held.two_step,
                providers: held
                    .providers
                    .into_iter()
                    .map(|(provider, email)| Provider { provider, email })
                    .collect(),
                passkeys: held
                    .passkeys
                    .into_iter()
                    .map(|k| Passkey { name: k.name, created_at: k.created_at, last_used_at: k.last_used_at })
                    .collect(),
            },
            devices: held
                .devices
                .into_iter()
                .map(|d| Device {
                    device: device::describe(&d.user_agent),
                    ip: d.ip.map(|ip| ip.ip().to_string()),
                    sign_in_method: d.method.describe(names),
                    signed_in_at: d.created_at,
                    last_seen_at: d.last_seen_at,
                })
                .collect(),
            security_events: held
                .events
                .into_iter()
                .map(|e| Event {
                    at: e.at,
                    what: trail::words(&e),
                    kind: e.kind.as_str(),
                    device: e.device,
                    ip: e.ip.map(|ip| ip.ip().to_string()),
                })
                .collect(),
            mails: held
                .mails
                .into_iter()
                .map(|m| MailLine { subject: m.subject, queued_at: m.queued_at, sent_at: m.sent_at })
                .collect(),
        };
        let json =
            serde_json::to_vec_pretty(&export).map_err(|e| ServiceError::Internal(format!("export: {e}")))?;
        let mut change = Change::begin(&self.pool, &self.sessions.caches, client).await?;
        change.record(user.id, EventKind::DataExported, "").await?;
        change.mail(&self.outbox, &self.outbox.site.data_exported(user.lang, &user.email)).await?;
        change.commit().await?;
        Ok(File { name: format!("accounts-export-{}.json", export.exported_at.format("%Y-%m-%d")), json })
    }
}
