//! User rows, and the ways in each account has. The cached [`User`] never holds the password
//! hash: that is read only when a password is being checked. Below every service: it calls none.

pub(crate) mod directory;
pub mod lang;
pub(crate) mod ways_in;

use chrono::{DateTime, Utc};
use sqlx::PgExecutor;
use uuid::Uuid;

use crate::i18n::Lang;

#[derive(Clone, Debug)]
pub struct User {
    pub id: Uuid,
    pub email: String,
    pub email_verified_at: Option<DateTime<Utc>>,
    pub username: Option<String>,
    pub display_name: Option<String>,
    pub has_password: bool,
    pub bio: Option<String>,
    /// Prefix of the avatar objects in storage, if the user has one.
    pub avatar_key: Option<String>,
    pub created_at: DateTime<Utc>,
    /// May use the admin console (`accounts-server users grant-admin`).
    pub is_admin: bool,
    /// "Delete account" was asked for: deleted for good at this time unless kept.
    pub deletion_due_at: Option<DateTime<Utc>>,
    /// The language of its mails ([`lang`]).
    pub lang: Lang,
}

/// A query returning [`User`]s: `head`, then the one list of the user's columns, then `tail`
/// (sqlx checks only literals, which it joins with `+`).
macro_rules! query_user {
    ($head:literal, $tail:literal $(, $arg:expr)* $(,)?) => {
        sqlx::query_as!(
            User,
            $head + "id, email, email_verified_at, username, display_name, \
             password_hash IS NOT NULL AS \"has_password!\", bio, avatar_key, created_at, \
             role = 'admin' AS \"is_admin!\", deletion_due_at, \
             lang AS \"lang: crate::i18n::Lang\"" + $tail
            $(, $arg)*
        )
    };
}

// After the macro: it queries users too.
pub(crate) mod deletion;

pub async fn find(db: impl PgExecutor<'_>, id: Uuid) -> Result<Option<User>, sqlx::Error> {
    query_user!("SELECT ", " FROM users WHERE id = $1", id).fetch_optional(db).await
}

/// What a password sign-in needs to know of the account an identifier names.
#[derive(Clone, Debug)]
pub struct Credentials {
    pub id: Uuid,
    pub password_hash: Option<String>,
    /// An operator locked it: answered before any password is checked.
    pub locked: bool,
}

/// The account's credentials for sign-in, by email or (case-insensitively) username.
pub async fn credentials(
    db: impl PgExecutor<'_>,
    identifier: &str,
) -> Result<Option<Credentials>, sqlx::Error> {
    let ident = identifier.trim();
    // Postgres rejects NUL in text; no real address or username has control characters.
    if ident.chars().any(char::is_control) {
        return Ok(None);
    }
    if ident.contains('@') {
        sqlx::query_as!(
            Credentials,
            "SELECT id, password_hash, locked_at IS NOT NULL AS \"locked!\" FROM users WHERE email = lower($1)",
            ident
        )
        .fetch_optional(db)
        .await
    } else {
        sqlx::query_as!(
            Credentials,
            "SELECT id, password_hash, locked_at IS NOT NULL AS \"locked!\" FROM users WHERE lower(username) = lower($1)",
            ident
        )
        .fetch_optional(db)
        .await
    }
}

/// Whether an operator locked the account (`None`: no such account). The row is share-locked
/// until the caller's transaction ends, so a lock cannot slip in before a session is written.
pub async fn is_locked(db: impl PgExecutor<'_>, id: Uuid) -> Result<Option<bool>, sqlx::Error> {
    sqlx::query_scalar!("SELECT locked_at IS NOT NULL AS \"locked!\" FROM users WHERE id = $1 FOR SHARE", id)
        .fetch_optional(db)
        .await
}

pub async fn password_hash(db: impl PgExecutor<'_>, id: Uuid) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar!("SELECT password_hash FROM users WHERE id = $1", id)
        .fetch_optional(db)
        .await
        .map(Option::flatten)
}

/// Inserts a user whose mails are in `lang`; `Ok(None)` when the email is taken.
pub async fn insert(
    db: impl PgExecutor<'_>,
    email: &str,
    password_hash: &str,
    lang: Lang,
) -> Result<Option<User>, sqlx::Error> {
    query_user!(
        "INSERT INTO users (id, email, password_hash, lang) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (email) DO NOTHING RETURNING ",
        "",
        Uuid::new_v4(),
        email,
        password_hash,
        lang.code(),
    )
    .fetch_optional(db)
    .await
}

pub async fn set_password_hash(db: impl PgExecutor<'_>, id: Uuid, hash: &str) -> Result<(), sqlx::Error> {
    sqlx::query!("UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1", id, hash)
        .execute(db)
        .await?;
    Ok(())
}

pub async fn find_by_email(db: impl PgExecutor<'_>, email: &str) -> Result<Option<User>, sqlx::Error> {
    query_user!("SELECT ", " FROM users WHERE email = $1", email).fetch_optional(db).await
}

/// Inserts an account whose address a provider has verified and that has no password yet;
/// `Ok(None)` when the email is taken.
pub async fn insert_verified(
    db: impl PgExecutor<'_>,
    email: &str,
    display_name: Option<&str>,
    lang: Lang,
) -> Result<Option<User>, sqlx::Error> {
    query_user!(
        "INSERT INTO users (id, email, email_verified_at, display_name, lang) \
         VALUES ($1, $2, now(), $3, $4) ON CONFLICT (email) DO NOTHING RETURNING ",
        "",
        Uuid::new_v4(),
        email,
        display_name,
        lang.code(),
    )
    .fetch_optional(db)
    .await
}

/// Moves the account to `email`, proven by the link just redeemed. `false` when another
/// account holds the address now.
pub async fn move_to_email(db: impl PgExecutor<'_>, id: Uuid, email: &str) -> Result<bool, sqlx::Error> {
    let moved = sqlx::query!(
        "UPDATE users SET email = $2, email_verified_at = now(), updated_at = now() WHERE id = $1",
        id,
        email,
    )
    .execute(db)
    .await;
    match moved {
        Ok(_) => Ok(true),
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => Ok(false),
        Err(e) => Err(e),
    }
}

/// A new password set through a link mailed to the address, which that proves.
pub async fn set_password_hash_proven(
    db: impl PgExecutor<'_>,
    id: Uuid,
    hash: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "UPDATE users SET password_hash = $2, email_verified_at = coalesce(email_verified_at, now()), \
         updated_at = now() WHERE id = $1",
        id,
        hash,
    )
    .execute(db)
    .await?;
    Ok(())
}

/// The address is proven (it stays proven from its first proof).
pub async fn mark_verified(db: impl PgExecutor<'_>, id: Uuid) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "UPDATE users SET email_verified_at = coalesce(email_verified_at, now()), updated_at = now() WHERE id = $1",
        id
    )
    .execute(db)
    .await?;
    Ok(())
}

/// The account signs in without a password from now on (its other ways in were checked).
pub async fn remove_password(db: impl PgExecutor<'_>, id: Uuid) -> Result<(), sqlx::Error> {
    sqlx::query!("UPDATE users SET password_hash = NULL, updated_at = now() WHERE id = $1", id)
        .execute(db)
        .await?;
    Ok(())
}

/// Grants (`admin`) or revokes the admin console; false when no account has the id.
pub async fn set_admin(db: impl PgExecutor<'_>, id: Uuid, admin: bool) -> Result<bool, sqlx::Error> {
    let done = sqlx::query!(
        "UPDATE users SET role = CASE WHEN $2 THEN 'admin' ELSE 'member' END, updated_at = now() WHERE id = $1",
        id,
        admin
    )
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// An operator's lock (`locked`) or unlock of the account.
pub async fn set_locked(db: impl PgExecutor<'_>, id: Uuid, locked: bool) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "UPDATE users SET locked_at = CASE WHEN $2 THEN coalesce(locked_at, now()) END, updated_at = now() WHERE id = $1",
        id,
        locked
    )
    .execute(db)
    .await?;
    Ok(())
}

/// The profile's fields; `false` when `username` belongs to another account.
pub async fn set_profile(
    db: impl PgExecutor<'_>,
    id: Uuid,
    display_name: Option<&str>,
    username: Option<&str>,
    bio: &str,
) -> Result<bool, sqlx::Error> {
    let result = sqlx::query!(
        "UPDATE users SET display_name = $2, username = $3, bio = NULLIF($4, ''), updated_at = now() WHERE id = $1",
        id,
        display_name,
        username,
        bio,
    )
    .execute(db)
    .await;
    match result {
        Ok(_) => Ok(true),
        Err(sqlx::Error::Database(e)) if e.constraint() == Some("users_username_key") => Ok(false),
        Err(e) => Err(e),
    }
}

/// Points the account at the avatar `key` (or none); the previous key, `None` for no account.
pub async fn set_avatar(
    conn: &mut sqlx::PgConnection,
    id: Uuid,
    key: Option<&str>,
) -> Result<Option<Option<String>>, sqlx::Error> {
    sqlx::query_scalar!(
        "UPDATE users u SET avatar_key = $2, updated_at = now() \
         FROM (SELECT avatar_key AS old FROM users WHERE id = $1 FOR UPDATE) o \
         WHERE u.id = $1 RETURNING o.old",
        id,
        key,
    )
    .fetch_optional(conn)
    .await
}

/// Deletes the account (its sessions, ways in and trail go with it, ON DELETE CASCADE) and
/// remembers the address in `deleted_users`; returns the avatar key to remove from storage.
pub async fn delete(conn: &mut sqlx::PgConnection, id: Uuid) -> Result<Option<Option<String>>, sqlx::Error> {
    sqlx::query!("INSERT INTO deleted_users (id, email) SELECT id, email FROM users WHERE id = $1", id)
        .execute(&mut *conn)
        .await?;
    sqlx::query_scalar!("DELETE FROM users WHERE id = $1 RETURNING avatar_key", id).fetch_optional(conn).await
}

/// Holds the account's row until the transaction ends: changes to one account's sessions and
/// ways in happen one at a time.
pub async fn lock(conn: &mut sqlx::PgConnection, id: Uuid) -> Result<(), sqlx::Error> {
    sqlx::query_scalar!("SELECT 1 FROM users WHERE id = $1 FOR UPDATE", id).fetch_optional(conn).await?;
    Ok(())
}

/// Like [`lock`], shared: many renewals at once, but none while the account changes.
pub async fn lock_shared(conn: &mut sqlx::PgConnection, id: Uuid) -> Result<(), sqlx::Error> {
    sqlx::query_scalar!("SELECT 1 FROM users WHERE id = $1 FOR SHARE", id).fetch_optional(conn).await?;
    Ok(())
}

/// The account with this exact (stored, normalised) address.
pub async fn id_by_email(db: impl PgExecutor<'_>, email: &str) -> Result<Option<Uuid>, sqlx::Error> {
    sqlx::query_scalar!("SELECT id FROM users WHERE email = $1", email).fetch_optional(db).await
}

/// What anyone may see at `/u/{username}`.
#[derive(Clone, Debug)]
pub struct PublicProfile {
    pub username: String,
    pub display_name: Option<String>,
    pub bio: Option<String>,
    pub avatar_key: Option<String>,
}

/// The public profile at `username` (any case). An address nobody has proved publishes nothing
/// (it may be someone else's).
pub async fn public_profile(
    db: impl PgExecutor<'_>,
    username: &str,
) -> Result<Option<PublicProfile>, sqlx::Error> {
    sqlx::query_as!(
        PublicProfile,
        "SELECT username AS \"username!\", display_name, bio, avatar_key FROM users \
         WHERE lower(username) = lower($1) AND email_verified_at IS NOT NULL AND deletion_due_at IS NULL",
        username
    )
    .fetch_optional(db)
    .await
}
