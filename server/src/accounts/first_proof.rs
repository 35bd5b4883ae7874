//! The first proof of an address. Until someone proves they read its mail, anybody could have
//! signed up with it; whatever way in such an account gained before the proof may be a
//! stranger's, planted to wait for the real owner. When the owner's first proof is a password
//! reset (they claim the address through "Forgot password?"), every such way in goes in the
//! same transaction: passkeys, two-step (secret and recovery codes), linked identities and
//! half-finished code steps. Sessions end with any reset anyway.

use sqlx::PgConnection;
use uuid::Uuid;

use crate::{oidc::identities, passkeys, two_step};

/// Removes the ways in an unproven account gained; true when there was any.
pub async fn remove_unproven_ways_in(conn: &mut PgConnection, user_id: Uuid) -> Result<bool, sqlx::Error> {
    let passkeys = passkeys::store::remove_all(&mut *conn, user_id).await?;
    let two_step = two_step::store::remove(conn, user_id).await?;
    let identities = identities::unlink_all(&mut *conn, user_id).await?;
    two_step::pending::end_all(&mut *conn, user_id).await?;
    Ok(passkeys > 0 || two_step || identities > 0)
}
