//! Account operations. Each validates its input, enforces limits, writes Postgres (publishing
//! the invalidations in the same transaction), then invalidates this instance's caches.

use sqlx::PgPool;
use uuid::Uuid;

use super::{User, users};
use crate::{
    auth::{PasswordHasher, Throttle},
    domain::{EmailAddress, NewPassword, PASSWORD_MAX_LEN},
    error::ServiceError,
    session::{Authenticated, ClientInfo, Invalidation, SessionToken, Sessions, publish, store},
};

#[derive(Clone)]
pub struct Accounts {
    pool: PgPool,
    sessions: Sessions,
    hasher: PasswordHasher,
    throttle: Throttle,
    email: super::email::EmailFlows,
}

impl Accounts {
    pub fn new(
        pool: PgPool,
        sessions: Sessions,
        hasher: PasswordHasher,
        throttle: Throttle,
        email: super::email::EmailFlows,
    ) -> Self {
        Self { pool, sessions, hasher, throttle, email }
    }

    /// Creates the account and signs it in on this device.
    pub async fn sign_up(
        &self,
        email: &str,
        password: &str,
        client: &ClientInfo,
    ) -> Result<(User, SessionToken), ServiceError> {
        let email_result = EmailAddress::parse(email);
        let user_inputs: Vec<&str> = email.split(['@', '.']).collect();
        let password_result = NewPassword::parse(password, "password", &user_inputs);
        let email = email_result?;
        let password = password_result?;
        if let Some(ip) = client.ip {
            self.throttle.sign_up_attempt(ip)?;
        }
        let hash = self.hasher.hash(password.expose()).await?;
        let mut tx = self.pool.begin().await?;
        let user = users::insert(&mut *tx, email.as_str(), &hash).await?.ok_or(ServiceError::EmailTaken)?;
        self.email.queue_verification(&mut tx, user.id, &user.email).await?;
        tx.commit().await?;
        self.email.outbox.wake();
        let token = self.sessions.create(user.id, client).await?;
        tracing::info!(user = %user.id, "account created");
        Ok((user, token))
    }

    /// Checks credentials; every failure is the same `InvalidCredentials` after the same work.
    pub async fn sign_in(
        &self,
        identifier: &str,
        password: &str,
        client: &ClientInfo,
    ) -> Result<(Uuid, SessionToken), ServiceError> {
        if let Some(ip) = client.ip {
            self.throttle.sign_in_attempt(ip)?;
        }
        let password = if password.chars().count() > PASSWORD_MAX_LEN { "" } else { password };
        let found = if identifier.trim().is_empty() {
            None
        } else {
            users::credentials(&self.pool, identifier).await?
        };
        if let Some((id, _)) = &found {
            self.throttle.account_allowed(&self.pool, *id).await?;
        }
        let stored = found.as_ref().and_then(|(_, h)| h.as_deref());
        let verified = self.hasher.verify(password, stored).await?;
        let Some((user_id, _)) = found.clone().filter(|_| verified.ok && !password.is_empty()) else {
            if let Some((id, _)) = found {
                self.throttle.account_failed(&self.pool, id).await?;
            }
            return Err(ServiceError::InvalidCredentials);
        };
        self.throttle.account_succeeded(&self.pool, user_id).await?;
        if verified.needs_rehash {
            let hash = self.hasher.hash(password).await?;
            users::set_password_hash(&self.pool, user_id, &hash).await?;
        }
        let token = self.sessions.create(user_id, client).await?;
        Ok((user_id, token))
    }

    /// Sets a new password, ends every other session, and gives this device a fresh token.
    pub async fn change_password(
        &self,
        auth: &Authenticated,
        current: &str,
        new: &str,
        client: &ClientInfo,
    ) -> Result<SessionToken, ServiceError> {
        let user = &auth.user;
        super::confirm::current_password(
            &self.pool,
            &self.hasher,
            &self.throttle,
            user.id,
            current,
            "current_password",
        )
        .await?;
        let user_inputs: Vec<&str> = user.email.split(['@', '.']).collect();
        let new = NewPassword::parse(new, "new_password", &user_inputs)?;
        let hash = self.hasher.hash(new.expose()).await?;
        let device = auth.session.record.device_id;

        let mut tx = self.pool.begin().await?;
        users::set_password_hash(&mut *tx, user.id, &hash).await?;
        super::email_tokens::void(&mut tx, user.id, super::email_tokens::Purpose::Reset).await?;
        store::lock_user(&mut tx, user.id).await?;
        store::delete_all_except(&mut *tx, user.id, None).await?;
        let token = self.sessions.create_for_device(&mut *tx, user.id, device, client).await?;
        let changes = [Invalidation::UserSessions(user.id)];
        publish(&mut tx, changes).await?;
        tx.commit().await?;

        self.sessions.caches.apply(&changes).await;
        tracing::info!(user = %user.id, "password changed; other sessions ended");
        Ok(token)
    }

    /// Ends the current device's session.
    pub async fn sign_out(&self, auth: &Authenticated) -> Result<(), ServiceError> {
        self.sessions.end_device(auth.user.id, auth.session.record.device_id).await?;
        Ok(())
    }
}
