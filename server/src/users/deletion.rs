//! An account waiting to be deleted: asked for, kept again, or due.

use chrono::{DateTime, Utc};
use sqlx::{PgConnection, PgExecutor};
use uuid::Uuid;

use super::User;

/// Marks the account for deletion in `grace`; returns when it will be deleted.
pub async fn schedule(
    db: impl PgExecutor<'_>,
    id: Uuid,
    grace: std::time::Duration,
) -> Result<Option<DateTime<Utc>>, sqlx::Error> {
    sqlx::query_scalar!(
        "UPDATE users SET deletion_due_at = now() + make_interval(secs => $2), updated_at = now() \
         WHERE id = $1 RETURNING deletion_due_at AS \"due!\"",
        id,
        grace.as_secs_f64(),
    )
    .fetch_optional(db)
    .await
}

/// The owner keeps the account; false when it was not waiting.
pub async fn cancel(db: impl PgExecutor<'_>, id: Uuid) -> Result<bool, sqlx::Error> {
    let done = sqlx::query!(
        "UPDATE users SET deletion_due_at = NULL, updated_at = now() WHERE id = $1 AND deletion_due_at IS NOT NULL",
        id
    )
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// One account whose time is up, locked for this transaction and skipped by every other
/// instance's (a lease: each is deleted once, by one instance).
pub async fn claim_due(conn: &mut PgConnection) -> Result<Option<User>, sqlx::Error> {
    query_user!(
        "SELECT ",
        " FROM users WHERE deletion_due_at <= now() ORDER BY deletion_due_at LIMIT 1 FOR UPDATE SKIP LOCKED"
    )
    .fetch_optional(conn)
    .await
}
