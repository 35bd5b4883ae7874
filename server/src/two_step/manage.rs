//! Turning two-step on and off, replacing a lost authenticator, new recovery codes, and the
//! second factor of a re-confirmation. Each needs a verified address (nothing is planted on an
//! account before its address is proven) and, except drawing a set-up key, a recent sign-in.

use uuid::Uuid;

use super::{
    guesses, secret,
    service::{Checked, Proof, Setup, TwoStep, WRONG_CODE},
    setups, store,
};
use crate::{
    error::ServiceError,
    i18n::tr,
    session::change::{Change, Keep},
    session::{Authenticated, ClientInfo},
    trail::EventKind,
};

const ALREADY_ON: &str = "err-two-step-already-on";
const OFF: &str = "err-two-step-off";
const EXPIRED_SETUP: &str = "err-two-step-setup-expired";

impl TwoStep {
    /// The key this device is setting up: the same on a reload within 10 minutes, a new one
    /// from another device or later. `replacing`: a new authenticator for an account that has
    /// two-step on already.
    pub async fn setup(&self, auth: &Authenticated, replacing: bool) -> Result<Setup, ServiceError> {
        auth.require_verified()?;
        let user = &auth.user;
        let on = store::is_enabled(&self.pool, user.id).await?;
        match (on, replacing) {
            (true, false) => return Err(ServiceError::Conflict(ALREADY_ON)),
            (false, true) => return Err(ServiceError::Conflict(OFF)),
            _ => {}
        }
        let fresh = self.sealer.seal(user.id, &secret::generate());
        let sealed = setups::draw(&self.pool, user.id, auth.session.record.device_id, &fresh).await?;
        let totp = self.totp(user.id, &user.email, &sealed)?;
        Ok(Setup { secret: secret::display(&totp), qr_svg: secret::qr_svg(&totp) })
    }

    /// This device's set-up key and the step `code` proves for it. Counted like every code
    /// when `counted` (turning on, where this code is the only proof).
    async fn prove_new_key(
        &self,
        auth: &Authenticated,
        code: &str,
        counted: bool,
        client: &ClientInfo,
    ) -> Result<(Vec<u8>, i64), ServiceError> {
        let user = &auth.user;
        let device = auth.session.record.device_id;
        let sealed = setups::find(&self.pool, user.id, device)
            .await?
            .ok_or(ServiceError::BadRequest(EXPIRED_SETUP))?;
        let reserved = if counted { Some(guesses::reserve(&self.pool, user.id).await?) } else { None };
        match self.step_of(user.id, &user.email, &sealed, code)? {
            Some(step) => {
                if counted {
                    guesses::clear(&self.pool, user.id).await?;
                }
                Ok((sealed, step))
            }
            None => {
                if let Some(reserved) = reserved {
                    self.wrong(user.id, &user.email, reserved, client, false).await?;
                }
                Err(ServiceError::invalid(if counted { "code" } else { "new_code" }, WRONG_CODE))
            }
        }
    }

    /// Turns two-step on after a correct code for the key this device was shown: makes
    /// recovery codes (returned to be shown once), ends every other session, records and mails
    /// the change.
    pub async fn turn_on(
        &self,
        auth: &Authenticated,
        code: &str,
        client: &ClientInfo,
    ) -> Result<Vec<String>, ServiceError> {
        auth.require_verified()?;
        auth.require_recent_sign_in()?;
        let user = &auth.user;
        if store::is_enabled(&self.pool, user.id).await? {
            return Err(ServiceError::Conflict(ALREADY_ON));
        }
        let (sealed, step) = self.prove_new_key(auth, code, true, client).await?;
        let (fresh, hashes) = self.new_recovery_codes();
        let mut change = Change::begin(&self.pool, &self.sessions.caches, client).await?;
        if !setups::finish(change.db(), user.id, auth.session.record.device_id, &sealed).await? {
            return Err(ServiceError::BadRequest(EXPIRED_SETUP));
        }
        if !store::enable(change.db(), user.id, &sealed, step).await? {
            return Err(ServiceError::Conflict(ALREADY_ON));
        }
        store::replace_codes(change.db(), user.id, &hashes).await?;
        let (subject, what) =
            (tr(user.lang, "notice-two-step-on-subject"), tr(user.lang, "notice-two-step-on"));
        let mail = self.outbox.site.two_step_changed(user.lang, &user.email, subject, what);
        self.commit_with_others_signed_out(change, auth, EventKind::TwoStepEnabled, "", &mail).await?;
        Ok(fresh)
    }

    /// A new authenticator app in place of a lost one: a code for the new key this device was
    /// shown, and as proof a current code from the old app or one recovery code. The old key
    /// stops working at once and every other session ends.
    pub async fn replace_authenticator(
        &self,
        auth: &Authenticated,
        new_code: &str,
        proof: Proof<'_>,
        client: &ClientInfo,
    ) -> Result<(), ServiceError> {
        auth.require_verified()?;
        auth.require_recent_sign_in()?;
        let user = &auth.user;
        let row = store::find(&self.pool, user.id)
            .await?
            .filter(|r| r.enabled)
            .ok_or(ServiceError::Conflict(OFF))?;
        // The new key's code first, uncounted (it proves nothing about the account, only that
        // the new app works), so a mistyped one does not use up the recovery code.
        let (sealed, step) = self.prove_new_key(auth, new_code, false, client).await?;
        self.require(user.id, &user.email, &row.secret_sealed, proof, client).await?;
        let mut change = Change::begin(&self.pool, &self.sessions.caches, client).await?;
        if !setups::finish(change.db(), user.id, auth.session.record.device_id, &sealed).await?
            || !store::replace_secret(change.db(), user.id, &sealed, step).await?
        {
            return Err(ServiceError::BadRequest(EXPIRED_SETUP));
        }
        let subject = tr(user.lang, "notice-app-replaced-subject");
        let what = tr(user.lang, "notice-app-replaced");
        let mail = self.outbox.site.two_step_changed(user.lang, &user.email, subject, what);
        let detail = "a new authenticator app replaced the old one";
        self.commit_with_others_signed_out(change, auth, EventKind::TwoStepEnabled, detail, &mail).await?;
        if matches!(proof, Proof::Recovery(_)) {
            self.recovery_code_used(user.id, &user.email, client, "notice-recovery-used-replace-app").await?;
        }
        Ok(())
    }

    /// Records `kind`, queues `mail`, ends every session but this device's, and commits.
    async fn commit_with_others_signed_out<'a>(
        &'a self,
        mut change: Change<'a>,
        auth: &Authenticated,
        kind: EventKind,
        detail: &str,
        mail: &crate::mail::Mail,
    ) -> Result<(), ServiceError> {
        let user_id = auth.user.id;
        change.end_sessions(user_id, Keep::Device(auth.session.record.device_id)).await?;
        change.record(user_id, kind, detail).await?;
        change.mail(&self.outbox, mail).await?;
        change.commit().await
    }

    /// New recovery codes (the old ones stop working), returned to be shown once; needs a
    /// recent sign-in, which on an account with two-step includes a code.
    pub async fn regenerate_codes(
        &self,
        auth: &Authenticated,
        client: &ClientInfo,
    ) -> Result<Vec<String>, ServiceError> {
        let user = &auth.user;
        auth.require_verified()?;
        auth.require_recent_sign_in()?;
        if !store::is_enabled(&self.pool, user.id).await? {
            return Err(ServiceError::Conflict(OFF));
        }
        let (fresh, hashes) = self.new_recovery_codes();
        let mut change = Change::begin(&self.pool, &self.sessions.caches, client).await?;
        store::replace_codes(change.db(), user.id, &hashes).await?;
        change.record(user.id, EventKind::RecoveryCodesRegenerated, "").await?;
        let (subject, what) = (tr(user.lang, "notice-new-codes-subject"), tr(user.lang, "notice-new-codes"));
        let mail = self.outbox.site.two_step_changed(user.lang, &user.email, subject, what);
        change.mail(&self.outbox, &mail).await?;
        change.commit().await?;
        Ok(fresh)
    }

    /// Turns two-step off: needs a recent sign-in and a current code or one recovery code.
    pub async fn turn_off(
        &self,
        auth: &Authenticated,
        proof: Proof<'_>,
        client: &ClientInfo,
    ) -> Result<(), ServiceError> {
        let user = &auth.user;
        auth.require_recent_sign_in()?;
        let row = store::find(&self.pool, user.id).await?.filter(|r| r.enabled);
        let row = row.ok_or(ServiceError::Conflict(OFF))?;
        self.require(user.id, &user.email, &row.secret_sealed, proof, client).await?;
        let mut change = Change::begin(&self.pool, &self.sessions.caches, client).await?;
        store::remove(change.db(), user.id).await?;
        change.record(user.id, EventKind::TwoStepDisabled, "").await?;
        let (subject, what) =
            (tr(user.lang, "notice-two-step-off-subject"), tr(user.lang, "notice-two-step-off"));
        let mail = self.outbox.site.two_step_changed(user.lang, &user.email, subject, what);
        change.mail(&self.outbox, &mail).await?;
        if matches!(proof, Proof::Recovery(_)) {
            change.record(user.id, EventKind::RecoveryCodeUsed, "").await?;
        }
        change.commit().await?;
        Ok(())
    }

    /// The second factor of "Confirm your password to continue": nothing when two-step is off,
    /// else a current code or one recovery code, counted like any other.
    pub async fn confirm(
        &self,
        auth: &Authenticated,
        proof: Proof<'_>,
        client: &ClientInfo,
    ) -> Result<(), ServiceError> {
        let user = &auth.user;
        let Some(row) = store::find(&self.pool, user.id).await?.filter(|r| r.enabled) else {
            return Ok(());
        };
        match self.check(user.id, &user.email, &row.secret_sealed, proof, client).await? {
            Checked::Right => {}
            Checked::Wrong { error, .. } => {
                tracing::warn!(target: "security", user_id = %user.id, "re-confirmation refused: wrong code");
                return Err(error);
            }
        }
        if matches!(proof, Proof::Recovery(_)) {
            self.recovery_code_used(user.id, &user.email, client, "notice-recovery-used-confirm").await?;
        }
        Ok(())
    }

    /// For an operator (`users reset-two-step`): removes two-step and its counts.
    pub(crate) async fn reset(
        &self,
        conn: &mut sqlx::PgConnection,
        user_id: Uuid,
    ) -> Result<(), ServiceError> {
        store::remove(conn, user_id).await?;
        guesses::clear(&mut *conn, user_id).await?;
        Ok(())
    }
}
