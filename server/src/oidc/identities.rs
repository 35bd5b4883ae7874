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

/// What unlinking did.
#[derive(Debug, PartialEq, Eq)]
pub enum Unlinked {
    Done,
    NotLinked,
    /// The account has no password: the identity is its only way in.
    LastWayIn,
}

/// Unlinks unless the account would be left with no way to sign in.
pub async fn unlink(
    db: &mut sqlx::PgConnection,
    user_id: Uuid,
    issuer: &str,
) -> Result<Unlinked, sqlx::Error> {
    let row = sqlx::query!(
        "WITH target AS ( \
             SELECT i.user_id, (u.password_hash IS NOT NULL \
                 OR EXISTS (SELECT 1 FROM passkeys p WHERE p.user_id = u.id)) AS has_password \
             FROM user_identities i JOIN users u ON u.id = i.user_id \
             WHERE i.user_id = $1 AND i.issuer = $2 FOR UPDATE OF i, u), \
         deleted AS ( \
             DELETE FROM user_identities i USING target t \
             WHERE i.user_id = t.user_id AND i.issuer = $2 AND t.has_password RETURNING 1) \
         SELECT t.has_password, EXISTS (SELECT 1 FROM deleted) AS \"unlinked!\" FROM target t",
        user_id,
        issuer,
    )
    .fetch_optional(db)
    .await?;
    Ok(match row.map(|r| r.unlinked) {
        None => Unlinked::NotLinked,
        Some(true) => Unlinked::Done,
        Some(false) => Unlinked::LastWayIn,
    })
}

/// Unlinks every identity of the account, whatever its issuer; returns how many there were.
pub async fn unlink_all(db: impl PgExecutor<'_>, user_id: Uuid) -> Result<u64, sqlx::Error> {
    let done = sqlx::query!("DELETE FROM user_identities WHERE user_id = $1", user_id).execute(db).await?;
    Ok(done.rows_affected())
}

/// Gives rows made before identities were keyed by issuer (provider `'google'`) the issuer
/// this deployment is configured with. Returns how many were adopted.
pub async fn adopt_legacy(db: impl PgExecutor<'_>, issuer: &str) -> Result<u64, sqlx::Error> {
    let done = sqlx::query!("UPDATE user_identities SET issuer = $1 WHERE issuer = 'google'", issuer)
        .execute(db)
        .await?;
    Ok(done.rows_affected())
}
