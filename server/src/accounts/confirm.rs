//! Re-checking the current password before a sensitive change (password, email, deletion).

use sqlx::PgPool;
use uuid::Uuid;

use super::users;
use crate::{
    auth::{PasswordHasher, Throttle},
    error::ServiceError,
};

/// Succeeds when `password` is the user's current one. Wrong guesses count toward the same
/// per-account lockout as sign-in, so a stolen cookie cannot guess without limit. `field` is
/// the form input the error message belongs to.
pub async fn current_password(
    pool: &PgPool,
    hasher: &PasswordHasher,
    throttle: &Throttle,
    user_id: Uuid,
    password: &str,
    field: &'static str,
) -> Result<(), ServiceError> {
    throttle.account_allowed(pool, user_id).await?;
    let stored = users::password_hash(pool, user_id).await?;
    if !hasher.verify(password, stored.as_deref()).await?.ok {
        throttle.account_failed(pool, user_id).await?;
        return Err(ServiceError::invalid(field, "Your current password is incorrect"));
    }
    throttle.account_succeeded(pool, user_id).await
}
