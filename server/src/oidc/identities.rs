//! Identities at an external provider linked to accounts (`user_identities`), keyed by
//! (issuer, subject): a subject means something only at the issuer that made it.

use sqlx::PgExecutor;
use uuid::Uuid;

/// The account a provider's subject is linked to.
pub async fn user_for(
    db: impl PgExecutor<'_>,
    issuer: &str,
    subject: &str,
) -> Result<Option<Uuid>, sqlx::Error> {
    sqlx::query_scalar!(
        "SELECT user_id FROM user_identities WHERE issuer = $1 AND subject = $2",
        issuer,
        subject
    )
    .fetch_optional(db)
    .await
}

/// Every identity the account has: (issuer, email).
pub async fn emails_of(db: impl PgExecutor<'_>, user_id: Uuid) -> Result<Vec<(String, String)>, sqlx::Error> {
    let rows = sqlx::query!("SELECT issuer, email FROM user_identities WHERE user_id = $1", user_id)
        .fetch_all(db)
        .await?;
    Ok(rows.into_iter().map(|r| (r.issuer, r.email)).collect())
}

/// The email of the identity an account has at `issuer`, if it has one.
pub async fn email_of(
    db: impl PgExecutor<'_>,
    user_id: Uuid,
    issuer: &str,
) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar!(
        "SELECT email FROM user_identities WHERE user_id = $1 AND issuer = $2",
        user_id,
        issuer
    )
    .fetch_optional(db)
    .await
}

/// Links; `false` when the subject or the account is already linked at this issuer.
pub async fn link(
    db: impl PgExecutor<'_>,
    issuer: &str,
    subject: &str,
    user_id: Uuid,
    email: &str,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query!(
        "INSERT INTO user_identities (issuer, subject, user_id, email) VALUES ($1, $2, $3, $4) \
         ON CONFLICT DO NOTHING",
        issuer,
        subject,
        user_id,
        email,
    )
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Unlinks the account's identity at `issuer`; false when it had none. The caller checked
/// the ways-in rule (`users::ways_in`) with the user's row locked.
pub async fn unlink(db: impl PgExecutor<'_>, user_id: Uuid, issuer: &str) -> Result<bool, sqlx::Error> {
    let done =
        sqlx::query!("DELETE FROM user_identities WHERE user_id = $1 AND issuer = $2", user_id, issuer)
            .execute(db)
            .await?;
    Ok(done.rows_affected() > 0)
}

/// Unlinks every identity of the account, whatever its issuer; returns how many there were.
pub async fn unlink_all(db: impl PgExecutor<'_>, user_id: Uuid) -> Result<u64, sqlx::Error> {
    let done = sqlx::query!("DELETE FROM user_identities WHERE user_id = $1", user_id).execute(db).await?;
    Ok(done.rows_affected())
}
