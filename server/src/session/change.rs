//! The one way a security-relevant change is made: a unit of work over one transaction that
//! carries the change's own statements, the sessions it ends, its security event and its
//! notice mail, and names what every instance's caches must forget. [`Change::commit`]
//! publishes those invalidations inside the transaction (so other instances hear them exactly
//! when the change is visible), commits, then applies this instance's caches and wakes the
//! outbox. Dropped without a commit, it rolls back and nothing is published or mailed.
//!
//! A rule that holds for every change (end the sessions, tell the owner, record it) is then
//! written once here and cannot be forgotten by one path.

use sqlx::{PgConnection, PgPool, Postgres, Transaction};
use uuid::Uuid;

use crate::{
    error::ServiceError,
    mail::{Mail, Outbox, outbox},
    session::{Caches, ClientInfo, Invalidation, TokenHash, publish, store},
    trail::{self, EventKind},
    users,
};

/// Which of a user's sessions [`Change::end_sessions`] keeps.
#[derive(Clone, Copy, Debug)]
pub enum Keep {
    /// None: every device is signed out.
    Nothing,
    /// This device's sessions (the one making the change stays signed in).
    Device(Uuid),
}

pub struct Change<'a> {
    tx: Transaction<'static, Postgres>,
    caches: &'a Caches,
    client: &'a ClientInfo,
    invalidations: Vec<Invalidation>,
    /// Set by [`Change::mail`]: the outbox to wake after the commit.
    outbox: Option<&'a Outbox>,
}

impl<'a> Change<'a> {
    /// Opens the transaction; `caches` are this instance's (`Sessions::caches`).
    pub async fn begin(
        pool: &PgPool,
        caches: &'a Caches,
        client: &'a ClientInfo,
    ) -> Result<Self, ServiceError> {
        Ok(Self { tx: pool.begin().await?, caches, client, invalidations: Vec::new(), outbox: None })
    }

    /// The transaction, for the change's own statements.
    pub fn db(&mut self) -> &mut PgConnection {
        &mut self.tx
    }

    /// Locks the user's row until the commit: changes to one account's sessions and ways in
    /// happen one at a time.
    pub async fn lock_user(&mut self, user_id: Uuid) -> Result<(), ServiceError> {
        Ok(users::lock(&mut self.tx, user_id).await?)
    }

    /// Ends the user's sessions (all, or all but one device's); returns how many ended. The
    /// user's row is locked first, so a sign-in racing this change cannot keep a session.
    pub async fn end_sessions(&mut self, user_id: Uuid, keep: Keep) -> Result<usize, ServiceError> {
        self.lock_user(user_id).await?;
        let keep = match keep {
            Keep::Nothing => None,
            Keep::Device(device) => Some(device),
        };
        let ended = store::delete_all_except(&mut *self.tx, user_id, keep).await?;
        self.invalidations.extend(Invalidation::sessions(&ended));
        Ok(ended.len())
    }

    /// Ends one device's sessions; true when it had any.
    pub async fn end_device(&mut self, user_id: Uuid, device_id: Uuid) -> Result<bool, ServiceError> {
        self.lock_user(user_id).await?;
        let ended = store::delete_device(&mut *self.tx, user_id, device_id).await?;
        self.invalidations.extend(Invalidation::sessions(&ended));
        Ok(!ended.is_empty())
    }

    /// Writes the user's security trail.
    pub async fn record(&mut self, user_id: Uuid, kind: EventKind, detail: &str) -> Result<(), ServiceError> {
        Ok(trail::record(&mut self.tx, user_id, kind, self.client, detail).await?)
    }

    /// Queues a mail in `outbox`; it leaves when the change commits.
    pub async fn mail(&mut self, outbox: &'a Outbox, mail: &Mail) -> Result<(), ServiceError> {
        outbox::enqueue(&mut self.tx, mail).await?;
        self.outbox = Some(outbox);
        Ok(())
    }

    /// A store queued a mail on [`Change::db`] (a link with its token): wake `outbox` after
    /// the commit.
    pub fn mailed_through(&mut self, outbox: &'a Outbox) {
        self.outbox = Some(outbox);
    }

    /// The user's row changed: every instance forgets its copy.
    pub fn user_changed(&mut self, user_id: Uuid) {
        self.invalidations.push(Invalidation::User(user_id));
    }

    /// The user changed and every session of theirs ended (or was replaced).
    pub fn all_sessions_changed(&mut self, user_id: Uuid) {
        self.invalidations.push(Invalidation::UserSessions(user_id));
    }

    /// One session changed (made recent, replaced).
    pub fn session_changed(&mut self, id: TokenHash) {
        self.invalidations.push(Invalidation::Session(id));
    }

    /// Publishes, commits, then applies this instance's caches and wakes the outbox.
    pub async fn commit(mut self) -> Result<(), ServiceError> {
        publish(&mut self.tx, self.invalidations.iter().copied()).await?;
        self.tx.commit().await?;
        self.caches.apply(&self.invalidations).await;
        if let Some(outbox) = self.outbox {
            outbox.wake();
        }
        Ok(())
    }
}
