//! Keys being set up (a first authenticator, or a new one replacing the current). A key is
//! bound to the device that drew it and lives [`TTL`]: a reload on that device shows the same
//! key, while another device, or the same one later, draws a new key. Someone who once saw a
//! set-up key (a session they should not have had) cannot wait for the owner to finish it.

use sqlx::{PgConnection, PgExecutor, PgPool};
use uuid::Uuid;

/// How long a drawn key can still be turned on.
pub const TTL: std::time::Duration = std::time::Duration::from_secs(600);

/// The key this device is setting up: the one it drew within [`TTL`], else `fresh`. Requests
/// racing on one device (a page rendering twice, a reload) all end up with the first key.
pub async fn draw(
    pool: &PgPool,
    user_id: Uuid,
    device_id: Uuid,
    fresh: &[u8],
) -> Result<Vec<u8>, sqlx::Error> {
    sqlx::query!(
        "INSERT INTO two_step_setups AS s (user_id, device_id, secret_sealed, expires_at) \
         VALUES ($1, $2, $3, now() + make_interval(secs => $4)) \
         ON CONFLICT (user_id) DO UPDATE SET device_id = EXCLUDED.device_id, \
           secret_sealed = EXCLUDED.secret_sealed, expires_at = EXCLUDED.expires_at, created_at = now() \
         WHERE s.device_id <> EXCLUDED.device_id OR s.expires_at <= now()",
        user_id,
        device_id,
        fresh,
        TTL.as_secs_f64(),
    )
    .execute(pool)
    .await?;
    Ok(find(pool, user_id, device_id).await?.unwrap_or_else(|| fresh.to_vec()))
}

/// The live key this device drew, if any.
pub async fn find(
    db: impl PgExecutor<'_>,
    user_id: Uuid,
    device_id: Uuid,
) -> Result<Option<Vec<u8>>, sqlx::Error> {
    sqlx::query_scalar!(
        "SELECT secret_sealed FROM two_step_setups WHERE user_id = $1 AND device_id = $2 AND expires_at > now()",
        user_id,
        device_id
    )
    .fetch_optional(db)
    .await
}

/// Ends this device's set-up with `sealed` as its key: false when it is no longer there (turned
/// on by a request racing this one, replaced by another device, or expired).
pub async fn finish(
    conn: &mut PgConnection,
    user_id: Uuid,
    device_id: Uuid,
    sealed: &[u8],
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query!(
        "DELETE FROM two_step_setups WHERE user_id = $1 AND device_id = $2 AND secret_sealed = $3 \
         AND expires_at > now()",
        user_id,
        device_id,
        sealed
    )
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}
