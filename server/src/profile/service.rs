//! Profile changes, avatars and account deletion. Every write publishes the user's
//! invalidation in its transaction and applies it here, so other devices, on any instance,
//! see the change on their next request.

use ring::rand::{SecureRandom, SystemRandom};
use sqlx::PgPool;
use uuid::Uuid;

use super::avatar::{self, AvatarError};
use crate::{
    auth::current_password,
    auth::{PasswordHasher, Throttle},
    domain::{Bio, DisplayName, Username},
    error::ServiceError,
    i18n::Lang,
    mail::Outbox,
    session::change::Change,
    session::{Authenticated, NOBODY, Sessions},
    storage::{Storage, StorageError},
    users,
};

pub use crate::users::PublicProfile;

#[derive(Debug, thiserror::Error)]
pub enum UploadError {
    #[error(transparent)]
    Avatar(#[from] AvatarError),
    #[error(transparent)]
    Storage(#[from] StorageError),
    #[error(transparent)]
    Service(#[from] ServiceError),
}

#[derive(Clone)]
pub struct Profiles {
    pub(super) pool: PgPool,
    pub storage: Storage,
    pub(super) sessions: Sessions,
    hasher: PasswordHasher,
    pub(super) outbox: Outbox,
    throttle: Throttle,
    /// `ACCOUNT_DELETION_GRACE`: zero deletes at once.
    pub(super) deletion_grace: std::time::Duration,
}

/// What "Delete account" did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Deletion {
    Done,
    /// Deleted for good at this time unless the owner signs in and keeps it.
    Scheduled(chrono::DateTime<chrono::Utc>),
}

pub fn avatar_object(key: &str, side: u32) -> String {
    format!("{key}-{side}.jpg")
}

impl Profiles {
    pub fn new(
        pool: PgPool,
        storage: Storage,
        sessions: Sessions,
        hasher: PasswordHasher,
        outbox: Outbox,
        throttle: Throttle,
        deletion_grace: std::time::Duration,
    ) -> Self {
        Self { pool, storage, sessions, hasher, outbox, throttle, deletion_grace }
    }

    /// How long a deleted account can still be kept (`ACCOUNT_DELETION_GRACE`; zero: none).
    pub fn deletion_grace(&self) -> std::time::Duration {
        self.deletion_grace
    }

    /// The URL of a user's avatar at `side` pixels.
    pub fn avatar_url(&self, key: &str, side: u32) -> String {
        self.storage.url_for(&avatar_object(key, side))
    }

    pub async fn update(
        &self,
        user_id: Uuid,
        display_name: &str,
        username: &str,
        bio: &str,
    ) -> Result<(), ServiceError> {
        // Empty means "show my email": accounts start without a name.
        let display_name =
            if display_name.trim().is_empty() { None } else { Some(DisplayName::parse(display_name)?) };
        let username = if username.trim().is_empty() { None } else { Some(Username::parse(username)?) };
        let bio = Bio::parse(bio)?;
        let mut change = Change::begin(&self.pool, &self.sessions.caches, &NOBODY).await?;
        let (name, username) =
            (display_name.as_ref().map(DisplayName::as_str), username.as_ref().map(Username::as_str));
        if !users::set_profile(change.db(), user_id, name, username, bio.as_str()).await? {
            return Err(ServiceError::invalid("username", "err-username-taken"));
        }
        change.user_changed(user_id);
        change.commit().await
    }

    /// The language picked in the footer becomes the account's, for its mails; every instance
    /// forgets its copy of the account when it changed.
    pub async fn set_language(&self, user_id: Uuid, lang: Lang) -> Result<(), ServiceError> {
        let mut change = Change::begin(&self.pool, &self.sessions.caches, &NOBODY).await?;
        if users::lang::set(change.db(), user_id, lang).await? {
            change.user_changed(user_id);
        }
        change.commit().await
    }

    pub async fn public(&self, username: &str) -> Result<Option<PublicProfile>, ServiceError> {
        if username.chars().any(char::is_control) || username.len() > 64 {
            return Ok(None);
        }
        Ok(users::public_profile(&self.pool, username).await?)
    }

    /// Processes and stores a new avatar under a fresh key, switches the user to it, then
    /// deletes the previous objects. Returns the small avatar's URL.
    pub async fn set_avatar(&self, user_id: Uuid, bytes: Vec<u8>) -> Result<String, UploadError> {
        let processed =
            avatar::process_limited(bytes).await.map_err(|e| ServiceError::Internal(e.to_string()))??;
        let key = format!("avatars/{}", random_hex());
        self.storage.put(&avatar_object(&key, avatar::LARGE), processed.large, "image/jpeg").await?;
        self.storage.put(&avatar_object(&key, avatar::SMALL), processed.small, "image/jpeg").await?;
        let old = match self.switch_avatar(user_id, Some(&key)).await {
            Ok(Some(old)) => old,
            Ok(None) | Err(_) => {
                self.delete_objects(&key).await;
                return Err(ServiceError::Internal("could not switch the avatar".into()).into());
            }
        };
        if let Some(old) = old {
            self.delete_objects(&old).await;
        }
        Ok(self.avatar_url(&key, avatar::SMALL))
    }

    pub async fn remove_avatar(&self, user_id: Uuid) -> Result<(), ServiceError> {
        let old = self.switch_avatar(user_id, None).await?;
        if let Some(Some(old)) = old {
            self.delete_objects(&old).await;
        }
        Ok(())
    }

    /// Points the user at `key` (or no avatar); returns the previous key, `None` if no such user.
    async fn switch_avatar(
        &self,
        user_id: Uuid,
        key: Option<&str>,
    ) -> Result<Option<Option<String>>, ServiceError> {
        let mut change = Change::begin(&self.pool, &self.sessions.caches, &NOBODY).await?;
        let old = users::set_avatar(change.db(), user_id, key).await?;
        change.user_changed(user_id);
        change.commit().await?;
        Ok(old)
    }

    pub(super) async fn delete_objects(&self, key: &str) {
        for side in [avatar::LARGE, avatar::SMALL] {
            if let Err(e) = self.storage.delete(&avatar_object(key, side)).await {
                tracing::warn!(error = %e, "could not delete an avatar object");
            }
        }
    }

    /// Deletes the account after confirming it is really its owner: at once, or after the
    /// grace period ([`super::deletion`]).
    pub async fn delete_account(
        &self,
        auth: &Authenticated,
        password: &str,
        client: &crate::session::ClientInfo,
    ) -> Result<Deletion, ServiceError> {
        let user = &auth.user;
        if user.has_password {
            // `password` is the name of the input on the delete-account form.
            current_password::current_password(
                &self.pool,
                &self.hasher,
                &self.throttle,
                user,
                password,
                "password",
            )
            .await?;
        } else if !auth.signed_in_recently(chrono::Utc::now()) {
            return Err(ServiceError::invalid("password", "err-delete-sign-in-again"));
        }
        if self.deletion_grace.is_zero() {
            self.delete_user(user).await?;
            return Ok(Deletion::Done);
        }
        self.schedule_deletion(user, client).await.map(Deletion::Scheduled)
    }

    /// Deletes the account, its sessions (on every instance) and its avatar, and mails goodbye.
    /// The caller has established that it may (its owner, or an operator's command).
    pub async fn delete_user(&self, user: &crate::users::User) -> Result<(), ServiceError> {
        let mut change = Change::begin(&self.pool, &self.sessions.caches, &NOBODY).await?;
        let avatar = self.delete_in(&mut change, user).await?;
        change.commit().await?;
        self.deleted(user, avatar).await;
        Ok(())
    }

    /// The deletion's statements, in the caller's change (which may add its own, an audit
    /// row): returns the avatar key for [`Self::deleted`] once the change commits.
    pub(crate) async fn delete_in<'a>(
        &'a self,
        change: &mut Change<'a>,
        user: &crate::users::User,
    ) -> Result<Option<String>, ServiceError> {
        // Mails kept about the account go with it; the goodbye is the last.
        crate::mail::outbox::forget(change.db(), &user.email).await?;
        change.mail(&self.outbox, &self.outbox.site.goodbye(user.lang, &user.email)).await?;
        let avatar_key = users::delete(change.db(), user.id).await?;
        // Every session went with the user row (ON DELETE CASCADE).
        change.all_sessions_changed(user.id);
        Ok(avatar_key.flatten())
    }

    /// After the deletion committed: the avatar's objects go.
    pub(crate) async fn deleted(&self, user: &crate::users::User, avatar_key: Option<String>) {
        if let Some(key) = avatar_key {
            self.delete_objects(&key).await;
        }
        tracing::info!(user = %user.id, "account deleted");
    }
}

fn random_hex() -> String {
    let mut bytes = [0u8; 16];
    SystemRandom::new().fill(&mut bytes).expect("the system random source works");
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
