//! The `passkeys` rows of an account.

use chrono::{DateTime, Utc};
use sqlx::PgExecutor;
use uuid::Uuid;
use webauthn_rs::prelude::Passkey;

/// A passkey as the security page lists it.
#[derive(Debug, Clone)]
pub struct Listed {
    pub id: Vec<u8>,
    pub name: String,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
}

pub async fn list(db: impl PgExecutor<'_>, user_id: Uuid) -> Result<Vec<Listed>, sqlx::Error> {
    sqlx::query_as!(
        Listed,
        "SELECT id, name, created_at, last_used_at FROM passkeys WHERE user_id = $1 ORDER BY created_at",
        user_id
    )
    .fetch_all(db)
    .await
}

/// Accounts with at least one passkey.
pub async fn accounts_with_any(db: impl PgExecutor<'_>) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar!("SELECT count(DISTINCT user_id) AS \"n!\" FROM passkeys").fetch_one(db).await
}

/// The credential ids of an account (so the same authenticator is not registered twice).
pub async fn ids(db: impl PgExecutor<'_>, user_id: Uuid) -> Result<Vec<Vec<u8>>, sqlx::Error> {
    sqlx::query_scalar!("SELECT id FROM passkeys WHERE user_id = $1", user_id).fetch_all(db).await
}

pub async fn insert(
    db: impl PgExecutor<'_>,
    user_id: Uuid,
    name: &str,
    passkey: &Passkey,
) -> Result<bool, sqlx::Error> {
    let json = serde_json::to_string(passkey).expect("a passkey serialises");
    let done = sqlx::query!(
        "INSERT INTO passkeys (id, user_id, name, passkey) VALUES ($1, $2, $3, $4::text::jsonb) ON CONFLICT (id) DO NOTHING",
        passkey.cred_id().as_slice(),
        user_id,
        name,
        json,
    )
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Every passkey of an account (the ones a re-confirmation accepts).
pub async fn all(db: impl PgExecutor<'_>, user_id: Uuid) -> Result<Vec<Passkey>, sqlx::Error> {
    let rows = sqlx::query_scalar!(
        "SELECT passkey::text AS \"passkey!\" FROM passkeys WHERE user_id = $1 ORDER BY created_at",
        user_id
    )
    .fetch_all(db)
    .await?;
    Ok(rows.iter().filter_map(|j| serde_json::from_str(j).ok()).collect())
}

/// The stored passkey with this credential id, if it belongs to `user_id`.
pub async fn find(db: impl PgExecutor<'_>, user_id: Uuid, id: &[u8]) -> Result<Option<Passkey>, sqlx::Error> {
    let json = sqlx::query_scalar!(
        "SELECT passkey::text AS \"passkey!\" FROM passkeys WHERE id = $1 AND user_id = $2",
        id,
        user_id
    )
    .fetch_optional(db)
    .await?;
    Ok(json.and_then(|j| serde_json::from_str(&j).ok()))
}

/// After a sign-in: the new counter and backup state, and when it was used. The stored counter
/// only moves forward: false (nothing written) when it already reached `counter`, which a
/// concurrent sign-in did. Authenticators without a counter always report 0.
pub async fn used(db: impl PgExecutor<'_>, passkey: &Passkey, counter: u32) -> Result<bool, sqlx::Error> {
    let json = serde_json::to_string(passkey).expect("a passkey serialises");
    let done = sqlx::query!(
        "UPDATE passkeys SET passkey = $2::text::jsonb, last_used_at = now() WHERE id = $1 \
         AND ($3::bigint = 0 OR (passkey -> 'cred' ->> 'counter')::bigint < $3::bigint)",
        passkey.cred_id().as_slice(),
        json,
        i64::from(counter),
    )
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn rename(
    db: impl PgExecutor<'_>,
    user_id: Uuid,
    id: &[u8],
    name: &str,
) -> Result<bool, sqlx::Error> {
    let done =
        sqlx::query!("UPDATE passkeys SET name = $3 WHERE id = $1 AND user_id = $2", id, user_id, name)
            .execute(db)
            .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn remove(db: impl PgExecutor<'_>, user_id: Uuid, id: &[u8]) -> Result<bool, sqlx::Error> {
    let done =
        sqlx::query!("DELETE FROM passkeys WHERE id = $1 AND user_id = $2", id, user_id).execute(db).await?;
    Ok(done.rows_affected() == 1)
}

/// Removes every passkey of the account; returns how many there were.
pub async fn remove_all(db: impl PgExecutor<'_>, user_id: Uuid) -> Result<u64, sqlx::Error> {
    let done = sqlx::query!("DELETE FROM passkeys WHERE user_id = $1", user_id).execute(db).await?;
    Ok(done.rows_affected())
}
