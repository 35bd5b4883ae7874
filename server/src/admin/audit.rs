//! The admin console's audit: one row per action (who, when, what, on whom, why, and the
//! request's id), written in the transaction of the action itself. Rows are only ever
//! inserted and read: a trigger in the database refuses updates and deletions.

use chrono::{DateTime, Utc};
use sqlx::{PgConnection, PgExecutor};
use uuid::Uuid;

/// One audited action.
#[derive(Clone, Debug)]
pub struct Entry {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub actor_email: String,
    pub action: String,
    pub target_email: Option<String>,
    pub reason: String,
    pub request_id: Option<String>,
}

/// Who did it and why.
pub struct Record<'a> {
    pub actor_id: Uuid,
    pub actor_email: &'a str,
    pub action: &'a str,
    pub target: Option<(Uuid, &'a str)>,
    pub reason: &'a str,
    pub request_id: Option<&'a str>,
}

pub async fn record(conn: &mut PgConnection, r: &Record<'_>) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "INSERT INTO admin_audit (actor_id, actor_email, action, target_id, target_email, reason, request_id) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
        r.actor_id,
        r.actor_email,
        r.action,
        r.target.map(|(id, _)| id),
        r.target.map(|(_, email)| email),
        r.reason,
        r.request_id,
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// Up to `limit` entries older than `before` (an entry's id), newest first, whose actor's and
/// target's addresses start with the prefixes given (any when empty).
pub async fn search(
    db: impl PgExecutor<'_>,
    actor: &str,
    target: &str,
    before: Option<i64>,
    limit: i64,
) -> Result<Vec<Entry>, sqlx::Error> {
    let (actor, target) = (actor.trim().to_lowercase(), target.trim().to_lowercase());
    sqlx::query_as!(
        Entry,
        "SELECT id, at, actor_email, action, target_email, reason, request_id FROM admin_audit \
         WHERE ($1 = '' OR actor_email ~>=~ $1 AND actor_email ~<~ ($1 || U&'\\+10FFFF')) \
           AND ($2 = '' OR target_email ~>=~ $2 AND target_email ~<~ ($2 || U&'\\+10FFFF')) \
           AND id < $3 \
         ORDER BY id DESC LIMIT $4",
        actor,
        target,
        before.unwrap_or(i64::MAX),
        limit,
    )
    .fetch_all(db)
    .await
}
