//! Session rows in Postgres, the source of truth. Every function here is one statement or one
//! transaction; callers publish and apply invalidations with what these return.

use chrono::{DateTime, Utc};
use sqlx::{PgExecutor, PgPool, types::ipnetwork::IpNetwork};
use uuid::Uuid;

pub use super::method::SignInMethod;
use super::token::TokenHash;
use crate::users;

/// How long a renewed session's old hash keeps resolving to its successor.
pub const ROTATION_GRACE_SECS: f64 = 60.0;

#[derive(Clone, Debug)]
pub struct SessionRecord {
    pub id: TokenHash,
    pub user_id: Uuid,
    pub device_id: Uuid,
    pub created_at: DateTime<Utc>,
    /// Last sign-in or re-confirmation on this device (see [`super::recent`]).
    pub authenticated_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub replaced_by: Option<TokenHash>,
    pub retired_until: Option<DateTime<Utc>>,
    pub method: SignInMethod,
}

/// A live session as the device list shows it.
#[derive(Clone, Debug)]
pub struct DeviceRow {
    pub device_id: Uuid,
    pub user_agent: String,
    pub ip: Option<IpNetwork>,
    pub created_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
    pub method: SignInMethod,
}

/// A `sessions` row as selected or returned below.
struct SessionRow {
    id: Vec<u8>,
    user_id: Uuid,
    device_id: Uuid,
    created_at: DateTime<Utc>,
    authenticated_at: DateTime<Utc>,
    last_seen_at: DateTime<Utc>,
    expires_at: DateTime<Utc>,
    replaced_by: Option<Vec<u8>>,
    retired_until: Option<DateTime<Utc>>,
    sign_in_method: String,
}

fn record(row: SessionRow) -> Result<SessionRecord, sqlx::Error> {
    Ok(SessionRecord {
        id: TokenHash::from_slice(&row.id).ok_or_else(|| sqlx::Error::Decode("session id length".into()))?,
        user_id: row.user_id,
        device_id: row.device_id,
        created_at: row.created_at,
        authenticated_at: row.authenticated_at,
        last_seen_at: row.last_seen_at,
        expires_at: row.expires_at,
        replaced_by: row.replaced_by.as_deref().and_then(TokenHash::from_slice),
        retired_until: row.retired_until,
        method: SignInMethod::parse(&row.sign_in_method),
    })
}

pub async fn find(pool: &PgPool, id: &TokenHash) -> Result<Option<SessionRecord>, sqlx::Error> {
    let row = sqlx::query_as!(
        SessionRow,
        "SELECT id, user_id, device_id, created_at, authenticated_at, last_seen_at, expires_at, \
         replaced_by, retired_until, sign_in_method FROM sessions WHERE id = $1",
        &id.0[..]
    )
    .fetch_optional(pool)
    .await?;
    row.map(record).transpose()
}

pub struct NewSession<'a> {
    pub id: TokenHash,
    pub user_id: Uuid,
    pub device_id: Uuid,
    pub user_agent: &'a str,
    pub ip: Option<IpNetwork>,
    pub ttl_secs: f64,
    pub method: SignInMethod,
}

pub async fn insert(db: impl PgExecutor<'_>, s: NewSession<'_>) -> Result<SessionRecord, sqlx::Error> {
    let method = s.method.as_str();
    let row = sqlx::query_as!(
        SessionRow,
        "INSERT INTO sessions (id, user_id, device_id, user_agent, ip, expires_at, sign_in_method) \
         VALUES ($1, $2, $3, $4, $5, now() + make_interval(secs => $6), $7) \
         RETURNING id, user_id, device_id, created_at, authenticated_at, last_seen_at, expires_at, \
         replaced_by, retired_until, sign_in_method",
        &s.id.0[..],
        s.user_id,
        s.device_id,
        truncate(s.user_agent, 512),
        s.ip,
        s.ttl_secs,
        method.as_ref(),
    )
    .fetch_one(db)
    .await?;
    record(row)
}

fn truncate(s: &str, max: usize) -> &str {
    match s.char_indices().nth(max) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// Retires `old` in favour of `new` for the same device, once: concurrent callers wait on the
/// row lock, find it already replaced, and insert nothing. Returns the successor, if live.
///
/// Holds the user row `FOR SHARE` meanwhile: bulk deletes take it `FOR UPDATE` first (see
/// `users::lock`), so a rotation racing "sign out everywhere" either finishes before the delete
/// (which then sees and removes the successor) or finds its session already gone.
pub async fn rotate(
    pool: &PgPool,
    user_id: Uuid,
    old: &TokenHash,
    new: &TokenHash,
    ttl_secs: f64,
    max_lifetime_secs: f64,
) -> Result<Option<SessionRecord>, sqlx::Error> {
    let mut tx = pool.begin().await?;
    users::lock_shared(&mut tx, user_id).await?;
    let rotated = sqlx::query!(
        "WITH old AS ( \
           UPDATE sessions SET replaced_by = $2, retired_until = now() + make_interval(secs => $4) \
           WHERE id = $1 AND replaced_by IS NULL \
           RETURNING user_id, device_id, user_agent, ip, created_at, authenticated_at, sign_in_method) \
         INSERT INTO sessions (id, user_id, device_id, user_agent, ip, created_at, authenticated_at, sign_in_method, expires_at) \
         SELECT $2, user_id, device_id, user_agent, ip, created_at, authenticated_at, sign_in_method, \
           LEAST(now() + make_interval(secs => $3), created_at + make_interval(secs => $5)) FROM old \
         ON CONFLICT (id) DO NOTHING",
        &old.0[..],
        &new.0[..],
        ttl_secs,
        ROTATION_GRACE_SECS,
        max_lifetime_secs,
    )
    .execute(&mut *tx)
    .await?;
    if rotated.rows_affected() > 0 {
        // Other instances may hold `old` as live: they reload it and follow the successor.
        super::notify::publish(&mut tx, [super::notify::Invalidation::Session(*old)]).await?;
    }
    tx.commit().await?;
    find(pool, new).await
}

/// Records that the session's device just proved who it is again.
pub async fn mark_authenticated(db: impl PgExecutor<'_>, id: &TokenHash) -> Result<(), sqlx::Error> {
    sqlx::query!("UPDATE sessions SET authenticated_at = now() WHERE id = $1", &id.0[..]).execute(db).await?;
    Ok(())
}

fn hashes(rows: Vec<Vec<u8>>) -> Vec<TokenHash> {
    rows.iter().filter_map(|r| TokenHash::from_slice(r)).collect()
}

/// Deletes every row of one device (including retired predecessors); returns their hashes.
pub async fn delete_device(
    db: impl PgExecutor<'_>,
    user_id: Uuid,
    device_id: Uuid,
) -> Result<Vec<TokenHash>, sqlx::Error> {
    let rows = sqlx::query_scalar!(
        "DELETE FROM sessions WHERE user_id = $1 AND device_id = $2 RETURNING id",
        user_id,
        device_id
    )
    .fetch_all(db)
    .await?;
    Ok(hashes(rows))
}

/// Deletes every session of the user except those of `keep` (if any); returns their hashes.
pub async fn delete_all_except(
    db: impl PgExecutor<'_>,
    user_id: Uuid,
    keep: Option<Uuid>,
) -> Result<Vec<TokenHash>, sqlx::Error> {
    let rows = sqlx::query_scalar!(
        "DELETE FROM sessions WHERE user_id = $1 AND ($2::uuid IS NULL OR device_id <> $2) RETURNING id",
        user_id,
        keep,
    )
    .fetch_all(db)
    .await?;
    Ok(hashes(rows))
}

/// Live sessions of a user, most recently active first; retired predecessors are not devices.
pub async fn devices(pool: &PgPool, user_id: Uuid, window_secs: f64) -> Result<Vec<DeviceRow>, sqlx::Error> {
    let rows = sqlx::query!(
        "SELECT device_id, user_agent, ip, created_at, last_seen_at, sign_in_method FROM sessions \
         WHERE user_id = $1 AND replaced_by IS NULL AND expires_at > now() - make_interval(secs => $2) \
         ORDER BY last_seen_at DESC",
        user_id,
        window_secs,
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| DeviceRow {
            device_id: r.device_id,
            user_agent: r.user_agent,
            ip: r.ip,
            created_at: r.created_at,
            last_seen_at: r.last_seen_at,
            method: SignInMethod::parse(&r.sign_in_method),
        })
        .collect())
}

/// Writes batched `last_seen_at` values, never moving one backwards.
pub async fn touch_many(pool: &PgPool, ids: &[Vec<u8>], seen: &[DateTime<Utc>]) -> Result<u64, sqlx::Error> {
    let done = sqlx::query!(
        "UPDATE sessions s SET last_seen_at = v.seen \
         FROM unnest($1::bytea[], $2::timestamptz[]) AS v(id, seen) \
         WHERE s.id = v.id AND s.last_seen_at < v.seen",
        ids,
        seen,
    )
    .execute(pool)
    .await?;
    Ok(done.rows_affected())
}

/// Removes sessions past the renewal window. Retired rows stay as long (their `expires_at` is
/// the one they had when renewed), so a stolen old token presented late is still recognised
/// as reuse rather than as an unknown token.
pub async fn delete_stale(pool: &PgPool, window_secs: f64) -> Result<u64, sqlx::Error> {
    let done = sqlx::query!(
        "DELETE FROM sessions WHERE expires_at < now() - make_interval(secs => $1)",
        window_secs
    )
    .execute(pool)
    .await?;
    Ok(done.rows_affected())
}
