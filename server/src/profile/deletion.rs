//! "Delete account" with a grace period: the account becomes unusable at once (every session
//! ends, the public profile and the avatar go), a mail says when it will be deleted and how to
//! keep it; signing in meanwhile offers "Keep my account" or "Delete now"; once the time is up
//! the background work deletes it for good, on one instance.

use chrono::{DateTime, Utc};

use super::Profiles;
use crate::{
    ServiceError,
    session::{Authenticated, ClientInfo, NOBODY, change::Change, change::Keep},
    trail::{self, EventKind},
    users::{self, User},
};

/// What pages answer while the account waits to be deleted.
pub const SCHEDULED: &str = "err-deletion-scheduled";

impl Profiles {
    pub(super) async fn schedule_deletion(
        &self,
        user: &User,
        client: &ClientInfo,
    ) -> Result<DateTime<Utc>, ServiceError> {
        let mut change = Change::begin(&self.pool, &self.sessions.caches, client).await?;
        change.end_sessions(user.id, Keep::Nothing).await?;
        let due = users::deletion::schedule(change.db(), user.id, self.deletion_grace)
            .await?
            .ok_or(ServiceError::NotFound)?;
        let avatar = users::set_avatar(change.db(), user.id, None).await?.flatten();
        let when = trail::exact(due);
        change.record(user.id, EventKind::DeletionScheduled, &format!("for {when}")).await?;
        let mail = self.outbox.site.deletion_scheduled(user.lang, &user.email, due);
        change.mail(&self.outbox, &mail).await?;
        change.user_changed(user.id);
        change.all_sessions_changed(user.id);
        change.commit().await?;
        if let Some(key) = avatar {
            self.delete_objects(&key).await;
        }
        tracing::info!(user = %user.id, due = %due, "account deletion scheduled");
        Ok(due)
    }

    /// "Keep my account": the signed-in owner of an account waiting to be deleted keeps it.
    pub async fn keep_account(&self, auth: &Authenticated, client: &ClientInfo) -> Result<(), ServiceError> {
        let mut change = Change::begin(&self.pool, &self.sessions.caches, client).await?;
        if !users::deletion::cancel(change.db(), auth.user.id).await? {
            return Ok(());
        }
        change.record(auth.user.id, EventKind::DeletionCancelled, "").await?;
        change.user_changed(auth.user.id);
        change.commit().await
    }

    /// "Delete now", from the page a sign-in during the grace period shows.
    pub async fn delete_now(&self, auth: &Authenticated) -> Result<(), ServiceError> {
        if auth.user.deletion_due_at.is_none() {
            return Err(ServiceError::BadRequest("err-delete-from-security-page"));
        }
        self.delete_user(&auth.user).await
    }

    /// Deletes every account whose grace period is over, one at a time, each claimed so that
    /// no other instance deletes it too; returns how many.
    pub async fn delete_due(&self) -> Result<u64, ServiceError> {
        let mut deleted = 0;
        loop {
            let mut change = Change::begin(&self.pool, &self.sessions.caches, &NOBODY).await?;
            let Some(user) = users::deletion::claim_due(change.db()).await? else { return Ok(deleted) };
            let avatar = self.delete_in(&mut change, &user).await?;
            change.commit().await?;
            self.deleted(&user, avatar).await;
            deleted += 1;
        }
    }
}
