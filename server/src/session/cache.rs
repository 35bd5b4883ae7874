//! In-memory caches of sessions (by token hash) and users (by id), so a signed-in request with
//! a warm cache runs no SQL. Postgres stays the source of truth: every write that ends a
//! session or changes a user goes through [`Caches::invalidate_session`] /
//! [`Caches::invalidate_user`], the one invalidation API, and is also published to the other
//! instances (see [`notify`](super::notify)), whose listeners apply it through the same API.
//!
//! The caches are only trusted while this instance hears every invalidation: when the
//! listener's connection is down they are emptied and nothing is cached (requests read
//! Postgres) until it is back.

use std::{
    sync::{
        Arc,
        atomic::{AtomicBool, AtomicI64, AtomicU64, Ordering},
    },
    time::Duration,
};

use moka::future::Cache;
use uuid::Uuid;

use super::{notify::Invalidation, store::SessionRecord, token::TokenHash};
use crate::users::User;

/// A cached session plus when we last queued a `last_seen_at` write for it.
#[derive(Debug)]
pub struct CachedSession {
    pub record: SessionRecord,
    last_seen_queued: AtomicI64,
}

impl CachedSession {
    pub fn new(record: SessionRecord) -> Self {
        let seen = record.last_seen_at.timestamp();
        Self { record, last_seen_queued: AtomicI64::new(seen) }
    }

    /// When the session was last used, in Unix seconds, as far as this copy knows.
    pub fn last_used(&self) -> i64 {
        self.last_seen_queued.load(Ordering::Relaxed).max(self.record.last_seen_at.timestamp())
    }

    /// True at most once per `interval_secs`: the caller then queues a write-behind.
    pub fn should_touch(&self, now: i64, interval_secs: i64) -> bool {
        let last = self.last_seen_queued.load(Ordering::Relaxed);
        now - last >= interval_secs
            && self.last_seen_queued.compare_exchange(last, now, Ordering::Relaxed, Ordering::Relaxed).is_ok()
    }
}

/// Counts invalidations. A loader notes it before reading Postgres and caches what it read only
/// if no invalidation happened meanwhile: otherwise a request that read a session just before
/// it was ended could put it back in the cache after the invalidation, alive for hours.
pub type Epoch = u64;

#[derive(Clone)]
pub struct Caches {
    sessions: Cache<TokenHash, Arc<CachedSession>>,
    users: Cache<Uuid, Arc<User>>,
    epoch: Arc<AtomicU64>,
    /// False while invalidations from other instances may be missed (listener down).
    coherent: Arc<AtomicBool>,
}

impl Caches {
    pub fn new(ttl: Duration, capacity: u64) -> Self {
        Self {
            sessions: Cache::builder()
                .time_to_live(ttl)
                .max_capacity(capacity)
                .support_invalidation_closures()
                .build(),
            users: Cache::builder().time_to_live(ttl).max_capacity(capacity).build(),
            epoch: Arc::new(AtomicU64::new(0)),
            coherent: Arc::new(AtomicBool::new(true)),
        }
    }

    /// Whether loads may be cached: false while the listener is disconnected.
    pub fn is_coherent(&self) -> bool {
        self.coherent.load(Ordering::SeqCst)
    }

    /// Called by the listener. Going incoherent empties the caches (what was missed is
    /// unknown); becoming coherent again (after `LISTEN` is in place) bumps the epoch, so a
    /// load that started while notifications could be missed is not cached.
    pub fn set_coherent(&self, coherent: bool) {
        self.coherent.store(coherent, Ordering::SeqCst);
        self.clear();
    }

    /// Read before loading from Postgres; pass to `put_*`.
    pub fn epoch(&self) -> Epoch {
        self.epoch.load(Ordering::SeqCst)
    }

    fn may_cache(&self, epoch: Epoch) -> bool {
        self.is_coherent() && self.epoch() == epoch
    }

    fn bump(&self) {
        self.epoch.fetch_add(1, Ordering::SeqCst);
    }

    pub async fn session(&self, id: &TokenHash) -> Option<Arc<CachedSession>> {
        self.sessions.get(id).await
    }

    /// Caches a session read at `epoch`, unless an invalidation happened since.
    pub async fn put_session(&self, session: Arc<CachedSession>, epoch: Epoch) {
        if !self.may_cache(epoch) {
            return;
        }
        let id = session.record.id;
        self.sessions.insert(id, session).await;
        // An invalidation between the check and the insert may have missed this entry.
        if self.epoch() != epoch {
            self.sessions.invalidate(&id).await;
        }
    }

    pub async fn user(&self, id: &Uuid) -> Option<Arc<User>> {
        self.users.get(id).await
    }

    /// Caches a user read at `epoch`, unless an invalidation happened since.
    pub async fn put_user(&self, user: Arc<User>, epoch: Epoch) {
        if !self.may_cache(epoch) {
            return;
        }
        let id = user.id;
        self.users.insert(id, user).await;
        if self.epoch() != epoch {
            self.users.invalidate(&id).await;
        }
    }

    /// Drops the entry of a session this process just renewed (its row now points at the
    /// successor, so a reload follows it); not an invalidation.
    pub async fn forget_rotated(&self, id: &TokenHash) {
        self.sessions.invalidate(id).await;
    }

    /// Forgets one session (ended, rotated or renewed).
    pub async fn invalidate_session(&self, id: &TokenHash) {
        self.bump();
        self.sessions.invalidate(id).await;
    }

    /// Forgets a user's cached profile; their next request reloads it from Postgres.
    pub async fn invalidate_user(&self, id: Uuid) {
        self.bump();
        self.users.invalidate(&id).await;
    }

    /// Forgets every cached session of a user (sign out everywhere, password change).
    pub fn invalidate_user_sessions(&self, user_id: Uuid) {
        self.bump();
        let _ = self.sessions.invalidate_entries_if(move |_, s| s.record.user_id == user_id);
    }

    /// Applies invalidations, local or received from another instance alike.
    pub async fn apply(&self, changes: &[Invalidation]) {
        for change in changes {
            change.apply(self).await;
        }
    }

    pub fn clear(&self) {
        self.bump();
        self.sessions.invalidate_all();
        self.users.invalidate_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(id: Uuid) -> Arc<User> {
        Arc::new(User {
            id,
            email: "ada@example.com".into(),
            email_verified_at: None,
            username: None,
            display_name: None,
            has_password: true,
            bio: None,
            avatar_key: None,
            is_admin: false,
            deletion_due_at: None,
            created_at: chrono::Utc::now(),
            lang: crate::i18n::Lang::En,
        })
    }

    #[tokio::test]
    async fn a_load_that_raced_an_invalidation_is_not_cached() {
        let caches = Caches::new(Duration::from_secs(60), 100);
        let id = Uuid::new_v4();
        let before_read = caches.epoch();
        // The row was read, then someone changed the user and invalidated it.
        caches.invalidate_user(id).await;
        caches.put_user(user(id), before_read).await;
        assert!(caches.user(&id).await.is_none(), "the stale read is not cached");

        let fresh = caches.epoch();
        caches.put_user(user(id), fresh).await;
        assert!(caches.user(&id).await.is_some(), "an undisturbed load is cached");
    }

    #[tokio::test]
    async fn nothing_is_cached_while_incoherent_and_older_loads_stay_out_after() {
        let caches = Caches::new(Duration::from_secs(60), 100);
        let id = Uuid::new_v4();
        caches.put_user(user(id), caches.epoch()).await;
        caches.set_coherent(false);
        assert!(caches.user(&id).await.is_none(), "going incoherent empties the cache");

        let during = caches.epoch();
        caches.put_user(user(id), during).await;
        assert!(caches.user(&id).await.is_none(), "nothing is cached while incoherent");

        caches.set_coherent(true);
        caches.put_user(user(id), during).await;
        assert!(caches.user(&id).await.is_none(), "a load begun while incoherent is not cached");
        caches.put_user(user(id), caches.epoch()).await;
        assert!(caches.user(&id).await.is_some());
    }

    #[tokio::test]
    async fn applied_invalidations_forget_entries_and_bump_the_epoch() {
        let caches = Caches::new(Duration::from_secs(60), 100);
        let id = Uuid::new_v4();
        caches.put_user(user(id), caches.epoch()).await;
        let before = caches.epoch();
        caches.apply(&[Invalidation::User(id)]).await;
        assert!(caches.user(&id).await.is_none());
        assert_ne!(caches.epoch(), before, "a racing load is not cached");
    }
}
