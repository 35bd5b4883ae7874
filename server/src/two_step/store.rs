//! The `two_step` and `recovery_codes` rows of an account.

use sqlx::{PgConnection, PgExecutor};
use uuid::Uuid;

pub struct Row {
    pub secret_sealed: Vec<u8>,
    pub enabled: bool,
}

pub async fn find(db: impl PgExecutor<'_>, user_id: Uuid) -> Result<Option<Row>, sqlx::Error> {
    sqlx::query_as!(
        Row,
        "SELECT secret_sealed, enabled_at IS NOT NULL AS \"enabled!\" FROM two_step WHERE user_id = $1",
        user_id
    )
    .fetch_optional(db)
    .await
}

pub async fn is_enabled(db: impl PgExecutor<'_>, user_id: Uuid) -> Result<bool, sqlx::Error> {
    let on = sqlx::query_scalar!(
        "SELECT true AS \"on!\" FROM two_step WHERE user_id = $1 AND enabled_at IS NOT NULL",
        user_id
    )
    .fetch_optional(db)
    .await?;
    Ok(on.unwrap_or(false))
}

/// Spends the time step `step`: false when it (or a later one) was already used, so a code
/// works once even when two requests carry it at the same moment.
pub async fn spend_step(db: impl PgExecutor<'_>, user_id: Uuid, step: i64) -> Result<bool, sqlx::Error> {
    let done = sqlx::query!(
        "UPDATE two_step SET last_step = $2 WHERE user_id = $1 AND last_step < $2",
        user_id,
        step
    )
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Turns two-step on with the key just proven (its code's step already spent); false when it
/// was on already.
pub async fn enable(
    conn: &mut PgConnection,
    user_id: Uuid,
    sealed: &[u8],
    step: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query!(
        "INSERT INTO two_step (user_id, secret_sealed, enabled_at, last_step) VALUES ($1, $2, now(), $3) \
         ON CONFLICT (user_id) DO NOTHING",
        user_id,
        sealed,
        step,
    )
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Puts a new authenticator's key in place of the old one, which stops working at once.
pub async fn replace_secret(
    conn: &mut PgConnection,
    user_id: Uuid,
    sealed: &[u8],
    step: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query!(
        "UPDATE two_step SET secret_sealed = $2, last_step = $3 WHERE user_id = $1 AND enabled_at IS NOT NULL",
        user_id,
        sealed,
        step,
    )
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Removes two-step entirely: the key, the recovery codes and any set-up under way.
/// Removes two-step (on or being set up) and its recovery codes; true when there was any.
pub async fn remove(conn: &mut PgConnection, user_id: Uuid) -> Result<bool, sqlx::Error> {
    sqlx::query!("DELETE FROM recovery_codes WHERE user_id = $1", user_id).execute(&mut *conn).await?;
    let setups =
        sqlx::query!("DELETE FROM two_step_setups WHERE user_id = $1", user_id).execute(&mut *conn).await?;
    let done = sqlx::query!("DELETE FROM two_step WHERE user_id = $1", user_id).execute(conn).await?;
    Ok(done.rows_affected() + setups.rows_affected() > 0)
}

pub async fn replace_codes(
    conn: &mut PgConnection,
    user_id: Uuid,
    hashes: &[Vec<u8>],
) -> Result<(), sqlx::Error> {
    sqlx::query!("DELETE FROM recovery_codes WHERE user_id = $1", user_id).execute(&mut *conn).await?;
    sqlx::query!(
        "INSERT INTO recovery_codes (user_id, code_hash) SELECT $1, unnest($2::bytea[])",
        user_id,
        hashes
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// Marks one unused code used; false when it is unknown or spent.
pub async fn spend_code(db: impl PgExecutor<'_>, user_id: Uuid, hash: &[u8]) -> Result<bool, sqlx::Error> {
    let done = sqlx::query!(
        "UPDATE recovery_codes SET used_at = now() WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL",
        user_id,
        hash,
    )
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn codes_left(db: impl PgExecutor<'_>, user_id: Uuid) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar!(
        "SELECT count(*) AS \"count!\" FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL",
        user_id
    )
    .fetch_one(db)
    .await
}
