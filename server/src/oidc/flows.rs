//! Sign-in attempts in flight (`oidc_flows`), keyed by SHA-256 of their `state`.

use std::time::Duration;

use ring::digest;
use sqlx::PgPool;
use uuid::Uuid;

/// What the callback needs to finish an attempt.
#[derive(Debug)]
pub struct Flow {
    /// The provider it was started with: only that provider's callback may finish it.
    pub provider: String,
    pub pkce_verifier: String,
    /// Empty for providers without ID tokens (GitHub).
    pub nonce: String,
    pub next: String,
    /// Set when a signed-in person is connecting the provider to their account.
    pub link_user_id: Option<Uuid>,
}

pub fn state_hash(state: &str) -> Vec<u8> {
    digest::digest(&digest::SHA256, state.as_bytes()).as_ref().to_vec()
}

/// Records an attempt, and purges expired ones on the way.
pub async fn insert(pool: &PgPool, state: &str, flow: &Flow, ttl: Duration) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "WITH purged AS (DELETE FROM oidc_flows WHERE expires_at < now()) \
         INSERT INTO oidc_flows (state_hash, provider, pkce_verifier, nonce, next, link_user_id, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(secs => $7))",
        state_hash(state),
        &flow.provider,
        &flow.pkce_verifier,
        &flow.nonce,
        &flow.next,
        flow.link_user_id,
        ttl.as_secs_f64(),
    )
    .execute(pool)
    .await?;
    Ok(())
}

/// Removes and returns a live attempt: a second call with the same `state` finds nothing.
pub async fn take(pool: &PgPool, state: &str) -> Result<Option<Flow>, sqlx::Error> {
    let row = sqlx::query!(
        "DELETE FROM oidc_flows WHERE state_hash = $1 \
         RETURNING provider, pkce_verifier, nonce, next, link_user_id, expires_at > now() AS \"live!\"",
        state_hash(state)
    )
    .fetch_optional(pool)
    .await?;
    let Some(row) = row else { return Ok(None) };
    if !row.live {
        return Ok(None);
    }
    Ok(Some(Flow {
        provider: row.provider,
        pkce_verifier: row.pkce_verifier,
        nonce: row.nonce,
        next: row.next,
        link_user_id: row.link_user_id,
    }))
}
