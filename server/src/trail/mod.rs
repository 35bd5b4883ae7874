//! The security trail: one row per event that matters to an account's safety, written in the
//! transaction of the change it records, plus one structured log line (`target: "security"`).
//! Owners read their last events on the security page.

mod kind;
mod words;

use chrono::{DateTime, Utc};
use sqlx::{PgConnection, PgExecutor, types::ipnetwork::IpNetwork};
use uuid::Uuid;

pub use kind::EventKind;
pub use words::{ago, describe, exact, words, words_in};

use crate::client::{ClientInfo, device};

/// How long events are kept.
pub const KEEP_DAYS: f64 = 90.0;
/// How many events the security page shows.
pub const SHOWN: i64 = 20;

/// One recorded event.
#[derive(Clone, Debug)]
pub struct SecurityEvent {
    pub kind: EventKind,
    pub at: DateTime<Utc>,
    pub ip: Option<IpNetwork>,
    pub device: String,
    pub detail: String,
}

/// Records `kind` for `user_id` from `client`. `detail` must never hold a secret or a link.
pub async fn record(
    conn: &mut PgConnection,
    user_id: Uuid,
    kind: EventKind,
    client: &ClientInfo,
    detail: &str,
) -> Result<(), sqlx::Error> {
    let device = device::describe(&client.user_agent);
    sqlx::query!(
        "INSERT INTO security_events (user_id, kind, ip, device, detail) VALUES ($1, $2, $3, $4, $5)",
        user_id,
        kind.as_str(),
        client.ip.map(IpNetwork::from),
        &device,
        detail,
    )
    .execute(conn)
    .await?;
    tracing::info!(
        target: "security",
        user = %user_id,
        event = kind.as_str(),
        ip = ?client.ip,
        device = %device,
        detail,
        "security event"
    );
    Ok(())
}

/// The user's latest events, newest first.
pub async fn latest(
    db: impl PgExecutor<'_>,
    user_id: Uuid,
    limit: i64,
) -> Result<Vec<SecurityEvent>, sqlx::Error> {
    let rows = sqlx::query!(
        "SELECT kind, at, ip, device, detail FROM security_events WHERE user_id = $1 \
         ORDER BY at DESC, id DESC LIMIT $2",
        user_id,
        limit,
    )
    .fetch_all(db)
    .await?;
    // Kinds this build does not know are skipped.
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            Some(SecurityEvent {
                kind: EventKind::parse(&r.kind)?,
                at: r.at,
                ip: r.ip,
                device: r.device,
                detail: r.detail,
            })
        })
        .collect())
}

/// True when the account has signed in (or signed up) before from a browser described the
/// same way: a sign-in from anything else is mailed as new.
pub async fn knows_device(
    db: impl PgExecutor<'_>,
    user_id: Uuid,
    client: &ClientInfo,
) -> Result<bool, sqlx::Error> {
    sqlx::query_scalar!(
        "SELECT EXISTS (SELECT 1 FROM security_events WHERE user_id = $1 AND device = $2 \
         AND kind IN ('signed_up', 'signed_in')) AS \"known!\"",
        user_id,
        device::describe(&client.user_agent),
    )
    .fetch_one(db)
    .await
}

/// Accounts that signed in (or up) within the last `hours`.
pub async fn accounts_signed_in_since(db: impl PgExecutor<'_>, hours: f64) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar!(
        "SELECT count(DISTINCT user_id) AS \"n!\" FROM security_events \
         WHERE kind IN ('signed_in', 'signed_up') AND at > now() - make_interval(secs => $1::float8 * 3600)",
        hours
    )
    .fetch_one(db)
    .await
}

/// Sign-ins per day (UTC) over the last `days` days, oldest first, days without any included.
pub async fn sign_ins_per_day(
    db: impl PgExecutor<'_>,
    days: i32,
) -> Result<Vec<(chrono::NaiveDate, i64)>, sqlx::Error> {
    let rows = sqlx::query!(
        "SELECT d::date AS \"day!\", count(e.id) AS \"n!\" \
         FROM generate_series((now() AT TIME ZONE 'UTC')::date - ($1 - 1), (now() AT TIME ZONE 'UTC')::date, interval '1 day') d \
         LEFT JOIN security_events e ON e.kind = 'signed_in' AND (e.at AT TIME ZONE 'UTC')::date = d::date \
         GROUP BY d ORDER BY d",
        days
    )
    .fetch_all(db)
    .await?;
    Ok(rows.into_iter().map(|r| (r.day, r.n)).collect())
}

/// Deletes events older than [`KEEP_DAYS`].
pub async fn prune(db: impl PgExecutor<'_>) -> Result<u64, sqlx::Error> {
    let done = sqlx::query!(
        "DELETE FROM security_events WHERE at < now() - make_interval(days => $1::int)",
        KEEP_DAYS as i32
    )
    .execute(db)
    .await?;
    Ok(done.rows_affected())
}
