//! Turning two-step verification on and off, recovery codes, and the code step of a sign-in.

use sqlx::PgPool;
use uuid::Uuid;

use super::{codes, pending, secret, store};
use crate::{
    accounts::signed_in,
    auth::Throttle,
    error::ServiceError,
    mail::{Outbox, outbox},
    session::{
        Authenticated, ClientInfo, Invalidation, SessionToken, Sessions, TokenHash, publish,
        store as sessions_store,
    },
    trail::{self, EventKind},
};

pub const WRONG_CODE: &str = "That code is not right. Check the time on your phone and try again.";
pub const WRONG_RECOVERY_CODE: &str = "That recovery code is not right, or it was already used.";
pub const EXPIRED: &str = "This sign-in has expired. Sign in again.";

/// What the set-up page shows: the secret as text and as a QR code.
pub struct Setup {
    pub secret: String,
    pub qr_svg: String,
}

pub struct Status {
    pub enabled: bool,
    pub codes_left: i64,
    /// Recovery codes made and not yet acknowledged: shown until the person saves them.
    pub fresh_codes: Option<Vec<String>>,
}

#[derive(Clone)]
pub struct TwoStep {
    pool: PgPool,
    sealer: secret::Sealer,
    code_key: codes::CodeKey,
    sessions: Sessions,
    outbox: Outbox,
    throttle: Throttle,
}

fn unix_now() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

impl TwoStep {
    pub fn new(
        pool: PgPool,
        secret_key: &[u8],
        sessions: Sessions,
        outbox: Outbox,
        throttle: Throttle,
    ) -> Self {
        Self {
            pool,
            sealer: secret::Sealer::new(secret_key),
            code_key: codes::CodeKey::new(secret_key),
            sessions,
            outbox,
            throttle,
        }
    }

    fn totp(&self, user_id: Uuid, email: &str, sealed: &[u8]) -> Result<totp_rs::Totp, ServiceError> {
        let raw = self
            .sealer
            .open(user_id, sealed)
            .ok_or_else(|| ServiceError::Internal("a two-step secret does not open".into()))?;
        Ok(secret::totp(&raw, &self.outbox.site.service_name, email))
    }

    pub async fn status(&self, auth: &Authenticated) -> Result<Status, ServiceError> {
        let user_id = auth.user.id;
        let Some(row) = store::find(&self.pool, user_id).await? else {
            return Ok(Status { enabled: false, codes_left: 0, fresh_codes: None });
        };
        let fresh_codes = row
            .fresh_codes_sealed
            .as_deref()
            .and_then(|sealed| self.sealer.open(user_id, sealed))
            .map(|plain| String::from_utf8_lossy(&plain).split(' ').map(str::to_owned).collect());
        let codes_left = store::codes_left(&self.pool, user_id).await?;
        Ok(Status { enabled: row.enabled, codes_left, fresh_codes })
    }

    /// The secret being set up: made on the first visit, the same on a reload.
    pub async fn setup(&self, auth: &Authenticated) -> Result<Setup, ServiceError> {
        let user = &auth.user;
        let row = match store::find(&self.pool, user.id).await? {
            Some(row) if row.enabled => {
                return Err(ServiceError::Conflict("Two-step verification is already on."));
            }
            Some(row) => row.secret_sealed,
            None => {
                let sealed = self.sealer.seal(user.id, &secret::generate());
                store::begin(&self.pool, user.id, &sealed).await?;
                // Whichever request inserted first, everyone shows that key.
                store::find(&self.pool, user.id).await?.map(|r| r.secret_sealed).unwrap_or(sealed)
            }
        };
        let totp = self.totp(user.id, &user.email, &row)?;
        Ok(Setup { secret: secret::display(&totp), qr_svg: secret::qr_svg(&totp) })
    }

    /// Ten new recovery codes: their hashes to store, and the codes sealed to show until saved.
    fn new_recovery_codes(&self, user_id: Uuid) -> (Vec<Vec<u8>>, Vec<u8>) {
        let fresh = codes::generate();
        let hashes = fresh.iter().map(|c| self.code_key.hash(c)).collect();
        (hashes, self.sealer.seal(user_id, fresh.join(" ").as_bytes()))
    }

    /// Checks a code against the account's secret, counted like a password attempt, and spends
    /// its time step.
    async fn check_code(
        &self,
        user_id: Uuid,
        email: &str,
        sealed: &[u8],
        code: &str,
    ) -> Result<(), ServiceError> {
        let key = format!("two-step:{user_id}");
        self.throttle.lockout.reserve(&self.pool, &key).await?;
        let totp = self.totp(user_id, email, sealed)?;
        let step = secret::matching_step(&totp, code, unix_now()).and_then(|s| i64::try_from(s).ok());
        match step {
            Some(step) if store::spend_step(&self.pool, user_id, step).await? => {
                self.throttle.lockout.clear(&self.pool, &[&key]).await?;
                Ok(())
            }
            _ => {
                metrics::counter!("sign_ins_total", "method" => "code", "outcome" => "failure").increment(1);
                Err(ServiceError::invalid("code", WRONG_CODE))
            }
        }
    }

    /// Turns two-step on after a correct code: makes recovery codes (shown until saved), ends
    /// every other session, records and mails the change.
    pub async fn turn_on(
        &self,
        auth: &Authenticated,
        code: &str,
        client: &ClientInfo,
    ) -> Result<(), ServiceError> {
        let user = &auth.user;
        let row = store::find(&self.pool, user.id).await?.ok_or(ServiceError::BadRequest(EXPIRED_SETUP))?;
        if row.enabled {
            return Err(ServiceError::Conflict("Two-step verification is already on."));
        }
        self.check_code(user.id, &user.email, &row.secret_sealed, code).await?;
        let (hashes, sealed_codes) = self.new_recovery_codes(user.id);
        let mut tx = self.pool.begin().await?;
        if !store::enable(&mut tx, user.id, &sealed_codes).await? {
            return Err(ServiceError::Conflict("Two-step verification is already on."));
        }
        store::replace_codes(&mut tx, user.id, &hashes).await?;
        sessions_store::lock_user(&mut tx, user.id).await?;
        let ended =
            sessions_store::delete_all_except(&mut *tx, user.id, Some(auth.session.record.device_id)).await?;
        trail::record(&mut tx, user.id, EventKind::TwoStepEnabled, client, "").await?;
        let what = "Two-step verification is now on: signing in asks for a code from your authenticator app, and your other devices were signed out.";
        let mail =
            self.outbox.site.two_step_changed(&user.email, "Two-step verification was turned on", what);
        outbox::enqueue(&mut tx, &mail).await?;
        let changes: Vec<Invalidation> = Invalidation::sessions(&ended).collect();
        publish(&mut tx, changes.iter().copied()).await?;
        tx.commit().await?;
        self.sessions.caches.apply(&changes).await;
        self.outbox.wake();
        Ok(())
    }

    /// The person saved the codes shown to them: they are not shown again.
    pub async fn codes_saved(&self, auth: &Authenticated) -> Result<(), ServiceError> {
        store::set_fresh_codes(&self.pool, auth.user.id, None).await?;
        Ok(())
    }

    /// New recovery codes (the old ones stop working); needs a recent sign-in.
    pub async fn regenerate_codes(
        &self,
        auth: &Authenticated,
        client: &ClientInfo,
    ) -> Result<(), ServiceError> {
        let user = &auth.user;
        auth.require_recent_sign_in()?;
        if !store::is_enabled(&self.pool, user.id).await? {
            return Err(ServiceError::Conflict("Two-step verification is off."));
        }
        let (hashes, sealed_codes) = self.new_recovery_codes(user.id);
        let mut tx = self.pool.begin().await?;
        store::replace_codes(&mut tx, user.id, &hashes).await?;
        store::set_fresh_codes(&mut *tx, user.id, Some(&sealed_codes)).await?;
        trail::record(&mut tx, user.id, EventKind::RecoveryCodesRegenerated, client, "").await?;
        let what = "New recovery codes were made for your account; the old ones no longer work.";
        outbox::enqueue(&mut tx, &self.outbox.site.two_step_changed(&user.email, "New recovery codes", what))
            .await?;
        tx.commit().await?;
        self.outbox.wake();
        Ok(())
    }

    /// Turns two-step off: needs a recent sign-in and a current code.
    pub async fn turn_off(
        &self,
        auth: &Authenticated,
        code: &str,
        client: &ClientInfo,
    ) -> Result<(), ServiceError> {
        let user = &auth.user;
        auth.require_recent_sign_in()?;
        let row = store::find(&self.pool, user.id).await?.filter(|r| r.enabled);
        let row = row.ok_or(ServiceError::Conflict("Two-step verification is off."))?;
        self.check_code(user.id, &user.email, &row.secret_sealed, code).await?;
        let mut tx = self.pool.begin().await?;
        store::remove(&mut tx, user.id).await?;
        trail::record(&mut tx, user.id, EventKind::TwoStepDisabled, client, "").await?;
        let what = "Two-step verification is now off: signing in asks only for your password or Google.";
        let mail =
            self.outbox.site.two_step_changed(&user.email, "Two-step verification was turned off", what);
        outbox::enqueue(&mut tx, &mail).await?;
        tx.commit().await?;
        self.outbox.wake();
        Ok(())
    }

    /// Whether the half-signed-in browser holding `id` may still enter a code.
    pub async fn pending(&self, id: &TokenHash) -> Result<bool, ServiceError> {
        Ok(pending::find(&self.pool, id).await?.is_some())
    }

    /// The code step of a sign-in: an authenticator code, or a recovery code. Returns the new
    /// session and where to go.
    pub async fn complete_sign_in(
        &self,
        id: &TokenHash,
        code: Option<&str>,
        recovery_code: Option<&str>,
        client: &ClientInfo,
    ) -> Result<(SessionToken, String), ServiceError> {
        let expired = ServiceError::BadRequest(EXPIRED);
        let started = pending::find(&self.pool, id).await?.ok_or(ServiceError::BadRequest(EXPIRED))?;
        let user_id = started.user_id;
        let row = store::find(&self.pool, user_id)
            .await?
            .filter(|r| r.enabled)
            .ok_or(ServiceError::BadRequest(EXPIRED))?;
        let email = crate::accounts::users::find(&self.pool, user_id)
            .await?
            .ok_or(ServiceError::BadRequest(EXPIRED))?
            .email;
        let used_recovery = match (recovery_code.map(str::trim).filter(|c| !c.is_empty()), code) {
            (Some(recovery), _) => {
                let key = format!("two-step:{user_id}");
                self.throttle.lockout.reserve(&self.pool, &key).await?;
                if !store::spend_code(&self.pool, user_id, &self.code_key.hash(recovery)).await? {
                    return Err(ServiceError::invalid("recovery_code", WRONG_RECOVERY_CODE));
                }
                self.throttle.lockout.clear(&self.pool, &[&key]).await?;
                true
            }
            (None, code) => {
                self.check_code(user_id, &email, &row.secret_sealed, code.unwrap_or("")).await?;
                false
            }
        };
        let mut conn = self.pool.acquire().await?;
        let started = pending::take(&mut conn, id).await?.ok_or(expired)?;
        drop(conn);
        let method = started.method.with_code();
        let token =
            signed_in::start(&self.pool, &self.sessions, &self.outbox, user_id, client, method).await?;
        if used_recovery {
            let mut tx = self.pool.begin().await?;
            trail::record(&mut tx, user_id, EventKind::RecoveryCodeUsed, client, "").await?;
            let left = store::codes_left(&mut *tx, user_id).await?;
            let what = format!("A recovery code was used to sign in to your account; {left} remain.");
            outbox::enqueue(
                &mut tx,
                &self.outbox.site.two_step_changed(&email, "A recovery code was used", &what),
            )
            .await?;
            tx.commit().await?;
            self.outbox.wake();
        }
        Ok((token, started.next))
    }
}

const EXPIRED_SETUP: &str = "Start setting up two-step verification again.";
