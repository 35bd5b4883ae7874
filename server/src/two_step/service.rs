//! The two-step service: its keys and codes, and the one way a second factor is checked
//! (counted per account first, see [`super::guesses`]). Turning it on and off lives in
//! [`super::manage`], the code step of a sign-in in [`super::sign_in`].

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use sqlx::PgPool;
use uuid::Uuid;

use super::{codes, guesses, secret, store};
use crate::{
    auth::Throttle,
    error::ServiceError,
    i18n::{tr, tr_args},
    mail::Outbox,
    session::change::Change,
    session::{Authenticated, ClientInfo, Sessions},
    trail::EventKind,
};

pub const WRONG_CODE: &str = "err-two-step-wrong-code";
pub const WRONG_RECOVERY_CODE: &str = "err-two-step-wrong-recovery-code";
pub const EXPIRED: &str = "err-two-step-expired";
pub const TOO_MANY: &str = "err-two-step-too-many";
const NO_CODE: &str = "err-two-step-no-code";
const NO_RECOVERY_CODE: &str = "err-two-step-no-recovery-code";

/// What the set-up page shows: the secret as text and as a QR code.
pub struct Setup {
    pub secret: String,
    pub qr_svg: String,
}

pub struct Status {
    pub enabled: bool,
    pub codes_left: i64,
}

/// The second factor a person offers: a code from their app, or one of their recovery codes.
#[derive(Clone, Copy, Debug)]
pub enum Proof<'a> {
    App(&'a str),
    Recovery(&'a str),
}

impl<'a> Proof<'a> {
    /// From a form's `code` and `recovery_code` fields: the recovery code when one was typed.
    pub fn from_form(code: Option<&'a str>, recovery_code: Option<&'a str>) -> Self {
        match recovery_code.map(str::trim).filter(|c| !c.is_empty()) {
            Some(recovery) => Self::Recovery(recovery),
            None => Self::App(code.unwrap_or("")),
        }
    }

    fn wrong(self) -> ServiceError {
        match self {
            Self::App(_) => ServiceError::invalid("code", WRONG_CODE),
            Self::Recovery(_) => ServiceError::invalid("recovery_code", WRONG_RECOVERY_CODE),
        }
    }
}

/// What checking a second factor found.
pub(crate) enum Checked {
    Right,
    /// Wrong: the error for the form, and whether this attempt locked the account's code entry.
    Wrong {
        error: ServiceError,
        locked: bool,
    },
}

#[derive(Clone)]
pub struct TwoStep {
    pub(super) pool: PgPool,
    pub(super) sealer: secret::Sealer,
    pub(super) code_key: codes::CodeKey,
    pub(super) sessions: Sessions,
    pub(super) outbox: Outbox,
}

pub(super) fn unix_now() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

impl TwoStep {
    /// `_throttle` is kept for the callers' sake: code guesses have their own per-account
    /// count (`guesses`), which does not decay like password failures.
    pub fn new(
        pool: PgPool,
        secret_key: &[u8],
        sessions: Sessions,
        outbox: Outbox,
        _throttle: Throttle,
    ) -> Self {
        Self {
            pool,
            sealer: secret::Sealer::new(secret_key),
            code_key: codes::CodeKey::new(secret_key),
            sessions,
            outbox,
        }
    }

    pub(super) fn totp(
        &self,
        user_id: Uuid,
        email: &str,
        sealed: &[u8],
    ) -> Result<totp_rs::Totp, ServiceError> {
        let raw = self
            .sealer
            .open(user_id, sealed)
            .ok_or_else(|| ServiceError::Internal("a two-step secret does not open".into()))?;
        Ok(secret::totp(&raw, &self.outbox.site.service_name, email))
    }

    /// The time step `code` matches for the key `sealed`, if any (not yet spent).
    pub(super) fn step_of(
        &self,
        user_id: Uuid,
        email: &str,
        sealed: &[u8],
        code: &str,
    ) -> Result<Option<i64>, ServiceError> {
        let totp = self.totp(user_id, email, sealed)?;
        Ok(secret::matching_step(&totp, code, unix_now()).and_then(|s| i64::try_from(s).ok()))
    }

    pub async fn status(&self, auth: &Authenticated) -> Result<Status, ServiceError> {
        let user_id = auth.user.id;
        let enabled = store::is_enabled(&self.pool, user_id).await?;
        let codes_left = if enabled { store::codes_left(&self.pool, user_id).await? } else { 0 };
        Ok(Status { enabled, codes_left })
    }

    /// Whether this account's sign-ins (and re-confirmations) ask for a code.
    pub async fn is_on(&self, user_id: Uuid) -> Result<bool, ServiceError> {
        Ok(store::is_enabled(&self.pool, user_id).await?)
    }

    /// Ten new recovery codes: the codes to show once, and their hashes to store.
    pub(super) fn new_recovery_codes(&self) -> (Vec<String>, Vec<Vec<u8>>) {
        let fresh = codes::generate();
        let hashes = fresh.iter().map(|c| self.code_key.hash(c)).collect();
        (fresh, hashes)
    }

    /// Fresh recovery codes sealed for the one page view that shows them (a short-lived cookie
    /// of the browser that made them; nothing is kept on the server).
    pub fn seal_fresh_codes(&self, user_id: Uuid, codes: &[String]) -> String {
        URL_SAFE_NO_PAD.encode(self.sealer.seal(user_id, codes.join(" ").as_bytes()))
    }

    pub fn open_fresh_codes(&self, user_id: Uuid, value: &str) -> Option<Vec<String>> {
        let sealed = URL_SAFE_NO_PAD.decode(value).ok()?;
        let plain = self.sealer.open(user_id, &sealed)?;
        Some(String::from_utf8_lossy(&plain).split(' ').map(str::to_owned).collect())
    }

    /// Checks `proof` against the account's key or unused recovery codes, after counting the
    /// attempt. A right app code spends its time step, a right recovery code is used up.
    pub(crate) async fn check(
        &self,
        user_id: Uuid,
        email: &str,
        sealed: &[u8],
        proof: Proof<'_>,
        client: &ClientInfo,
    ) -> Result<Checked, ServiceError> {
        let right = match proof {
            Proof::App(code) if code.trim().is_empty() => return Err(ServiceError::invalid("code", NO_CODE)),
            Proof::Recovery(code) if code.trim().is_empty() => {
                return Err(ServiceError::invalid("recovery_code", NO_RECOVERY_CODE));
            }
            Proof::App(code) => {
                let reserved = guesses::reserve(&self.pool, user_id).await?;
                let right = match self.step_of(user_id, email, sealed, code)? {
                    Some(step) => store::spend_step(&self.pool, user_id, step).await?,
                    None => false,
                };
                (right, reserved)
            }
            Proof::Recovery(code) => {
                let reserved = guesses::reserve(&self.pool, user_id).await?;
                (store::spend_code(&self.pool, user_id, &self.code_key.hash(code)).await?, reserved)
            }
        };
        match right {
            (true, _) => {
                guesses::clear(&self.pool, user_id).await?;
                Ok(Checked::Right)
            }
            (false, reserved) => {
                self.wrong(user_id, email, reserved, client, true).await?;
                Ok(Checked::Wrong { error: proof.wrong(), locked: reserved.locks })
            }
        }
    }

    /// Like [`Self::check`], for callers where a wrong code is just an error.
    pub(crate) async fn require(
        &self,
        user_id: Uuid,
        email: &str,
        sealed: &[u8],
        proof: Proof<'_>,
        client: &ClientInfo,
    ) -> Result<(), ServiceError> {
        match self.check(user_id, email, sealed, proof, client).await? {
            Checked::Right => Ok(()),
            Checked::Wrong { error, .. } => Err(error),
        }
    }

    /// Records a wrong code and the lock it started; at the fifth in a row, mails the owner
    /// when `mail_owner` (not for codes of a key still being set up: those are the owner's own
    /// typing, not someone past their password).
    pub(super) async fn wrong(
        &self,
        user_id: Uuid,
        email: &str,
        reserved: guesses::Reserved,
        client: &ClientInfo,
        mail_owner: bool,
    ) -> Result<(), ServiceError> {
        metrics::counter!("sign_ins_total", "method" => "code", "outcome" => "failure").increment(1);
        tracing::warn!(target: "security", %user_id, failures = reserved.failures, "wrong two-step code");
        let mut change = Change::begin(&self.pool, &self.sessions.caches, client).await?;
        change.record(user_id, EventKind::WrongCode, "").await?;
        if reserved.locks {
            tracing::warn!(target: "security", %user_id, "code entry locked after repeated wrong codes");
            change.record(user_id, EventKind::CodesLockedOut, "").await?;
        }
        if mail_owner && reserved.failures == guesses::NOTICE_AT {
            let lang = crate::users::lang::of(change.db(), user_id).await?;
            change.mail(&self.outbox, &self.outbox.site.wrong_codes(lang, email, reserved.failures)).await?;
        }
        change.commit().await
    }

    /// Records that a recovery code was used and tells the owner how many remain; `what_for`
    /// is the id of the notice's sentence (`notice-recovery-used-…`, with the `$count` left).
    pub(super) async fn recovery_code_used(
        &self,
        user_id: Uuid,
        email: &str,
        client: &ClientInfo,
        what_for: &str,
    ) -> Result<(), ServiceError> {
        let mut change = Change::begin(&self.pool, &self.sessions.caches, client).await?;
        change.record(user_id, EventKind::RecoveryCodeUsed, "").await?;
        let left = store::codes_left(change.db(), user_id).await?;
        let lang = crate::users::lang::of(change.db(), user_id).await?;
        let what = tr_args(lang, what_for, &[("count", left.into())]);
        let subject = tr(lang, "notice-recovery-used-subject");
        let mail = self.outbox.site.two_step_changed(lang, email, subject, &what);
        change.mail(&self.outbox, &mail).await?;
        change.commit().await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typed_recovery_code_wins_over_the_app_code_field() {
        assert!(matches!(Proof::from_form(Some("123456"), None), Proof::App("123456")));
        assert!(matches!(Proof::from_form(Some("123456"), Some("  ")), Proof::App("123456")));
        assert!(matches!(Proof::from_form(None, Some(" abcde-fghjk ")), Proof::Recovery("abcde-fghjk")));
        assert!(matches!(Proof::from_form(None, None), Proof::App("")));
        assert_eq!(Proof::Recovery("x").wrong().field(), Some("recovery_code"));
    }
}
