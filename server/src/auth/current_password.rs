//! Re-checking the current password before a sensitive change (password, email, deletion).

use sqlx::PgPool;

use super::{PasswordHasher, Throttle, lockout};
use crate::{
    error::{ServiceError, WRONG_CURRENT_PASSWORD},
    users::{self, User},
};

/// Succeeds when `password` is the user's current one. Guesses count toward the same lockout
/// as signing in to the account, so a stolen cookie cannot guess without limit.
/// `field` is the form input the error message belongs to.
pub async fn current_password(
    pool: &PgPool,
    hasher: &PasswordHasher,
    throttle: &Throttle,
    user: &User,
    password: &str,
    field: &'static str,
) -> Result<(), ServiceError> {
    let key = lockout::account(user.id);
    throttle.lockout.reserve(pool, &key).await?;
    let stored = users::password_hash(pool, user.id).await?;
    if !hasher.verify(password, stored.as_deref()).await?.ok {
        return Err(ServiceError::invalid(field, WRONG_CURRENT_PASSWORD));
    }
    throttle.lockout.clear(pool, &[&key]).await
}
