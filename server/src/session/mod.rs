//! Sessions: a random token in a signed cookie, its hash in Postgres, both cached in memory.

mod browser;
pub(crate) mod cache;
pub(crate) mod change;
pub(crate) mod cookie;
pub(crate) mod last_seen;
pub(crate) mod listener;
mod method;
pub(crate) mod middleware;
pub(crate) mod notify;
pub(crate) mod recent;
pub(crate) mod recent_write;
pub(crate) mod require_sign_in;
pub(crate) mod signed_in;
pub(crate) mod store;
pub(crate) mod token;
pub(crate) mod verified;

use std::{sync::Arc, time::Duration};

use chrono::Utc;
use sqlx::{PgPool, types::ipnetwork::IpNetwork};
use uuid::Uuid;

pub(crate) use crate::client::NOBODY;
/// Where they always were, for callers: they live in [`crate::client`].
pub use crate::client::{ClientInfo, device};
pub use cache::{CachedSession, Caches};
pub use cookie::SessionCookie;
pub use listener::ListenerStatus;
pub use method::{ProviderNames, SignInMethod};
pub use middleware::{Auth, Authenticated};
pub use notify::{Invalidation, publish};
pub use recent::confirm_path;
pub use store::SessionRecord;
pub use token::{SessionToken, TokenHash, TokenKeys};

use self::change::{Change, Keep};
use crate::{
    config::Config,
    error::ServiceError,
    trail::EventKind,
    users::{self, User},
};

/// A security event to record with a change to sessions, in its transaction.
#[derive(Clone, Copy)]
pub struct Trail<'a> {
    pub kind: EventKind,
    pub client: &'a ClientInfo,
    pub detail: &'a str,
}

/// The outcome of presenting a session token.
pub enum Resolution {
    Active { auth: Authenticated, renewed: Option<SessionToken> },
    SignedOut,
}

#[derive(Clone)]
pub struct Sessions {
    pool: PgPool,
    pub caches: Caches,
    pub(crate) keys: TokenKeys,
    pub(crate) cookie: cookie::SessionCookie,
    pub last_seen: last_seen::LastSeen,
    /// State of the connection that hears other instances' invalidations.
    pub listener: ListenerStatus,
    /// Names stored sign-in methods (the device list, the trail).
    pub names: ProviderNames,
    ttl: Duration,
    renewal_window: Duration,
    max_lifetime: Duration,
    idle_timeout: Duration,
}

impl Sessions {
    pub fn new(pool: PgPool, config: &Config) -> Self {
        Self {
            caches: Caches::new(config.mem_cache_duration, config.mem_cache_capacity),
            keys: TokenKeys::new(config.secret_key.as_bytes()),
            cookie: cookie::SessionCookie::for_config(config),
            last_seen: last_seen::LastSeen::default(),
            listener: ListenerStatus::default(),
            names: ProviderNames::new(config),
            ttl: config.session_ttl,
            renewal_window: config.session_renewal_window,
            max_lifetime: config.session_max_lifetime,
            idle_timeout: config.session_idle_timeout,
            pool,
        }
    }

    fn ttl_secs(&self) -> f64 {
        self.ttl.min(self.max_lifetime).as_secs_f64()
    }

    fn window_secs(&self) -> f64 {
        self.renewal_window.as_secs_f64()
    }

    /// Starts a session for `device_id` inside the caller's transaction (a new device on sign-in,
    /// see `signed_in::start`; the same device on a password change).
    pub async fn create_for_device(
        &self,
        db: impl sqlx::PgExecutor<'_>,
        user_id: Uuid,
        device_id: Uuid,
        client: &ClientInfo,
        method: store::SignInMethod,
    ) -> Result<SessionToken, ServiceError> {
        let token = SessionToken::generate();
        store::insert(
            db,
            store::NewSession {
                id: token.hash(),
                user_id,
                device_id,
                user_agent: &client.user_agent,
                ip: client.ip.map(IpNetwork::from),
                ttl_secs: self.ttl_secs(),
                method,
            },
        )
        .await?;
        Ok(token)
    }

    /// The session from the cache or, on a miss or when `fresh`, from Postgres (then cached).
    async fn load(&self, id: &TokenHash, fresh: bool) -> Result<Option<Arc<CachedSession>>, ServiceError> {
        if !fresh && let Some(hit) = self.caches.session(id).await {
            metrics::counter!("session_cache_hits_total").increment(1);
            return Ok(Some(hit));
        }
        metrics::counter!("session_cache_misses_total").increment(1);
        let epoch = self.caches.epoch();
        let Some(record) = store::find(&self.pool, id).await? else {
            return Ok(None);
        };
        let cached = Arc::new(CachedSession::new(record));
        self.caches.put_session(cached.clone(), epoch).await;
        Ok(Some(cached))
    }

    async fn user(&self, id: Uuid, fresh: bool) -> Result<Option<Arc<User>>, ServiceError> {
        if !fresh && let Some(hit) = self.caches.user(&id).await {
            return Ok(Some(hit));
        }
        let epoch = self.caches.epoch();
        let Some(found) = users::find(&self.pool, id).await? else {
            return Ok(None);
        };
        let found = Arc::new(found);
        self.caches.put_user(found.clone(), epoch).await;
        Ok(Some(found))
    }

    /// Resolves a token to its user, renewing it when it is close to or recently past expiry,
    /// or following a rotation that happened within the grace period. `fresh` reads through
    /// the caches (see [`recent_write`]).
    pub async fn resolve(
        &self,
        token: &SessionToken,
        fresh: bool,
        client: &ClientInfo,
    ) -> Result<Resolution, ServiceError> {
        let now = Utc::now();
        let Some(mut session) = self.load(&token.hash(), fresh).await? else {
            return Ok(Resolution::SignedOut);
        };
        let mut renewed = None;

        if let Some(successor) = session.record.replaced_by {
            // Another request already renewed this token: follow it within the grace period.
            let next = self.keys.successor(token);
            if next.hash() != successor {
                return Ok(Resolution::SignedOut);
            }
            if session.record.retired_until.is_none_or(|t| t <= now) {
                // A retired token came back after its grace: a copy of the cookie is in use
                // elsewhere. Neither the thief nor the owner keeps this device's session.
                // Boxed: a rare path, kept out of every request's future.
                Box::pin(self.end_reused(&session, client)).await?;
                return Ok(Resolution::SignedOut);
            }
            let Some(s) = self.load(&successor, fresh).await? else {
                return Ok(Resolution::SignedOut);
            };
            session = s;
            renewed = Some(next);
        } else {
            let left = session.record.expires_at - now;
            let renew_before = chrono::Duration::from_std(self.ttl / 8).unwrap_or_default();
            let window = chrono::Duration::from_std(self.renewal_window).unwrap_or_default();
            if left <= -window || self.past_max_lifetime(&session, now) {
                return Ok(Resolution::SignedOut);
            }
            if self.idle(&session, now) {
                // Unused for the idle timeout: never renewed, and ended now. A cached copy may
                // predate uses another instance saw, so the row decides (a rare path).
                let reread = if fresh { None } else { Box::pin(self.load(&token.hash(), true)).await? };
                match reread {
                    Some(s) if !self.idle(&s, now) => session = s,
                    _ => return Ok(Resolution::SignedOut),
                }
            }
            if left < renew_before {
                let next = self.keys.successor(token);
                let old = session.record.id;
                let epoch = self.caches.epoch();
                let Some(record) = Box::pin(store::rotate(
                    &self.pool,
                    session.record.user_id,
                    &old,
                    &next.hash(),
                    self.ttl_secs(),
                    self.max_lifetime.as_secs_f64(),
                ))
                .await?
                else {
                    return Ok(Resolution::SignedOut);
                };
                // Not an invalidation of anything live: drop the old entry without bumping
                // the epoch, so the successor can be cached.
                self.caches.forget_rotated(&old).await;
                session = Arc::new(CachedSession::new(record));
                self.caches.put_session(session.clone(), epoch).await;
                renewed = Some(next);
                metrics::counter!("sessions_renewed_total").increment(1);
            }
        }

        if session.record.expires_at <= now
            || session.record.replaced_by.is_some()
            || self.past_max_lifetime(&session, now)
        {
            return Ok(Resolution::SignedOut);
        }
        let Some(user) = self.user(session.record.user_id, fresh).await? else {
            return Ok(Resolution::SignedOut);
        };
        if session.should_touch(now.timestamp(), last_seen::TOUCH_INTERVAL_SECS) {
            self.last_seen.record(session.record.id, now).await;
        }
        Ok(Resolution::Active { auth: Authenticated { user, session }, renewed })
    }

    /// Records that this device just proved who it is again (password or Google), on every
    /// instance: the cached session is dropped and reloaded with the new time.
    pub async fn reauthenticated(&self, auth: &Authenticated) -> Result<(), ServiceError> {
        let id = auth.session.record.id;
        let mut change = Change::begin(&self.pool, &self.caches, &NOBODY).await?;
        store::mark_authenticated(change.db(), &id).await?;
        change.session_changed(id);
        change.commit().await
    }

    /// True when the session was last used `SESSION_IDLE_TIMEOUT` ago or longer (as far as this
    /// copy knows: the row's `last_seen_at` when loaded, or this instance's later uses).
    fn idle(&self, session: &CachedSession, now: chrono::DateTime<Utc>) -> bool {
        let idle_secs = i64::try_from(self.idle_timeout.as_secs()).unwrap_or(i64::MAX);
        now.timestamp().saturating_sub(session.last_used()) >= idle_secs
    }

    /// True once the device's first sign-in is older than `SESSION_MAX_LIFETIME`: renewals
    /// keep the original `created_at`, so this holds whatever renewals happened.
    fn past_max_lifetime(&self, session: &CachedSession, now: chrono::DateTime<Utc>) -> bool {
        chrono::Duration::from_std(self.max_lifetime).is_ok_and(|max| now - session.record.created_at >= max)
    }

    /// Ends the device whose retired token was presented again, and leaves a trail.
    async fn end_reused(&self, session: &CachedSession, client: &ClientInfo) -> Result<(), ServiceError> {
        let record = &session.record;
        let trail = Trail { kind: EventKind::TokenReused, client, detail: "" };
        self.end_device(record.user_id, record.device_id, Some(trail)).await?;
        Ok(())
    }

    /// Ends one device's session(s) of this user; `trail` records why, in the same transaction.
    pub async fn end_device(
        &self,
        user_id: Uuid,
        device_id: Uuid,
        trail: Option<Trail<'_>>,
    ) -> Result<bool, ServiceError> {
        let mut change = self.begin_attributed(&trail).await?;
        let ended = change.end_device(user_id, device_id).await?;
        Self::commit_with(change, user_id, trail).await?;
        Ok(ended)
    }

    /// Ends every session of the user except `keep`'s device, or all of them.
    pub async fn end_all_except(
        &self,
        user_id: Uuid,
        keep: Option<Uuid>,
        trail: Option<Trail<'_>>,
    ) -> Result<usize, ServiceError> {
        let mut change = self.begin_attributed(&trail).await?;
        let ended = change.end_sessions(user_id, keep.map_or(Keep::Nothing, Keep::Device)).await?;
        Self::commit_with(change, user_id, trail).await?;
        Ok(ended)
    }

    /// A change made for the trail's client, or for nobody (an operator, a background task).
    async fn begin_attributed<'a>(&'a self, trail: &Option<Trail<'a>>) -> Result<Change<'a>, ServiceError> {
        Change::begin(&self.pool, &self.caches, trail.as_ref().map_or(&NOBODY, |t| t.client)).await
    }

    /// Records the trail's event, if any, in the change and commits it.
    async fn commit_with(
        mut change: Change<'_>,
        user_id: Uuid,
        trail: Option<Trail<'_>>,
    ) -> Result<(), ServiceError> {
        if let Some(t) = trail {
            change.record(user_id, t.kind, t.detail).await?;
        }
        change.commit().await
    }

    pub async fn devices(&self, user_id: Uuid) -> Result<Vec<store::DeviceRow>, ServiceError> {
        self.last_seen.flush(&self.pool).await?;
        Ok(store::devices(&self.pool, user_id, self.window_secs()).await?)
    }

    /// Background work: the write-behind of `last_seen`, every 30 seconds.
    pub fn spawn_flusher(&self) {
        self.last_seen.spawn_flusher(self.pool.clone(), Duration::from_secs(30));
    }

    /// Removes sessions past their renewal window: no cookie can bring them back.
    pub(crate) async fn delete_stale(&self) -> Result<u64, sqlx::Error> {
        store::delete_stale(&self.pool, self.window_secs()).await
    }
}
