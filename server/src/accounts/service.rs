//! Account operations. Each validates its input, enforces limits, writes Postgres (publishing
//! the invalidations in the same transaction), then invalidates this instance's caches.

use sqlx::PgPool;
use uuid::Uuid;

use super::{User, users};
use crate::{
    auth::{PasswordHasher, Throttle},
    domain::{EmailAddress, NewPassword, PASSWORD_MAX_LEN},
    error::ServiceError,
    mail::outbox,
    session::{
        Authenticated, ClientInfo, Invalidation, SessionToken, Sessions, publish,
        store::{self, SignInMethod},
    },
    trail::{self, EventKind},
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
        let token = self
            .sessions
            .create_for_device(&mut *tx, user.id, Uuid::new_v4(), client, SignInMethod::Password)
            .await?;
        trail::record(&mut tx, user.id, EventKind::SignedUp, client, "").await?;
        tx.commit().await?;
        self.email.outbox.wake();
        tracing::info!(user = %user.id, "account created");
        Ok((user, token))
    }

    /// Checks credentials; every failure is the same `InvalidCredentials` after the same work.
    pub async fn sign_in(
        &self,
        identifier: &str,
        password: &str,
        next: &str,
        client: &ClientInfo,
    ) -> Result<(Uuid, super::signed_in::Begun), ServiceError> {
        if let Some(ip) = client.ip {
            self.throttle.sign_in_attempt(ip)?;
        }
        let password = if password.chars().count() > PASSWORD_MAX_LEN { "" } else { password };
        if identifier.trim().is_empty() {
            self.hasher.verify(password, None).await?;
            return Err(ServiceError::InvalidCredentials);
        }
        // Counted before the check, the same way for known and unknown identifiers.
        let reserved = self.throttle.lockout.reserve(&self.pool, identifier).await?;
        let found = users::credentials(&self.pool, identifier).await?;
        let stored = found.as_ref().and_then(|(_, h)| h.as_deref());
        let verified = self.hasher.verify(password, stored).await?;
        let Some((user_id, _)) = found.clone().filter(|_| verified.ok && !password.is_empty()) else {
            if let Some((user_id, _)) = found {
                self.record_failure(user_id, reserved.locks, client).await?;
            }
            metrics::counter!("sign_ins_total", "method" => "password", "outcome" => "failure").increment(1);
            return Err(ServiceError::InvalidCredentials);
        };
        self.throttle.lockout.clear(&self.pool, &[identifier]).await?;
        if verified.needs_rehash {
            let hash = self.hasher.hash(password).await?;
            users::set_password_hash(&self.pool, user_id, &hash).await?;
        }
        let outbox = &self.email.outbox;
        let begun = super::signed_in::begin(
            &self.pool,
            &self.sessions,
            outbox,
            user_id,
            client,
            SignInMethod::Password,
            next,
        )
        .await?;
        Ok((user_id, begun))
    }

    async fn record_failure(
        &self,
        user_id: Uuid,
        locks: bool,
        client: &ClientInfo,
    ) -> Result<(), ServiceError> {
        let mut conn = self.pool.acquire().await?;
        trail::record(&mut conn, user_id, EventKind::SignInFailed, client, "").await?;
        if locks {
            trail::record(&mut conn, user_id, EventKind::LockedOut, client, "").await?;
        }
        Ok(())
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
            user,
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
        super::email_tokens::void_all(&mut tx, user.id).await?;
        store::lock_user(&mut tx, user.id).await?;
        store::delete_all_except(&mut *tx, user.id, None).await?;
        let token = self
            .sessions
            .create_for_device(&mut *tx, user.id, device, client, auth.session.record.method)
            .await?;
        trail::record(&mut tx, user.id, EventKind::PasswordChanged, client, "").await?;
        outbox::enqueue(&mut tx, &self.email.outbox.site.password_changed(&user.email)).await?;
        let changes = [Invalidation::UserSessions(user.id)];
        publish(&mut tx, changes).await?;
        tx.commit().await?;

        self.sessions.caches.apply(&changes).await;
        self.email.outbox.wake();
        tracing::info!(user = %user.id, "password changed; other sessions ended");
        Ok(token)
    }

    /// Re-confirms the password on this device, so sensitive changes are allowed for the next
    /// 10 minutes. Wrong guesses count toward the sign-in lockout.
    /// "Confirm your password to continue": the password and, on an account with two-step,
    /// a code or a recovery code (`second`); only both make this device's sign-in recent.
    pub async fn confirm_password(
        &self,
        auth: &Authenticated,
        password: &str,
        second: (&crate::two_step::TwoStep, crate::two_step::Proof<'_>),
        client: &crate::session::ClientInfo,
    ) -> Result<(), ServiceError> {
        super::confirm::current_password(
            &self.pool,
            &self.hasher,
            &self.throttle,
            &auth.user,
            password,
            "password",
        )
        .await?;
        let (two_step, proof) = second;
        two_step.confirm(auth, proof, client).await?;
        self.sessions.reauthenticated(auth).await
    }

    /// Ends the current device's session.
    pub async fn sign_out(&self, auth: &Authenticated) -> Result<(), ServiceError> {
        self.sessions.end_device(auth.user.id, auth.session.record.device_id, None).await?;
        Ok(())
    }
}
