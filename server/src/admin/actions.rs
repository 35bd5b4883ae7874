//! What an operator may do to an account, from the command line or the admin console: one
//! function per action, each one `Change` that records the person's security trail and, from
//! the console, the audit row and the notice the person gets.

use uuid::Uuid;

use super::audit;
use crate::{
    AppState, ServiceError,
    i18n::tr,
    session::{
        ClientInfo,
        change::{Change, Keep},
    },
    trail::EventKind,
    users::{self, User},
};

/// An action on one account.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    SignOutDevice(Uuid),
    SignOutAll,
    Lock,
    Unlock,
    MarkVerified,
    ResetTwoStep,
    ResendVerification,
    Delete,
}

impl Action {
    /// From the console's form: the action's name and, for one device, its id.
    pub fn parse(name: &str, device: Option<&str>) -> Option<Self> {
        Some(match name {
            "sign_out_device" => Self::SignOutDevice(device?.parse().ok()?),
            "sign_out_all" => Self::SignOutAll,
            "lock" => Self::Lock,
            "unlock" => Self::Unlock,
            "mark_verified" => Self::MarkVerified,
            "reset_two_step" => Self::ResetTwoStep,
            "resend_verification" => Self::ResendVerification,
            "delete" => Self::Delete,
            _ => return None,
        })
    }

    /// As the audit stores it.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::SignOutDevice(_) => "sign_out_device",
            Self::SignOutAll => "sign_out_all",
            Self::Lock => "lock",
            Self::Unlock => "unlock",
            Self::MarkVerified => "mark_verified",
            Self::ResetTwoStep => "reset_two_step",
            Self::ResendVerification => "resend_verification",
            Self::Delete => "delete",
        }
    }

    /// The message id the console shows once the action named `name` (as the audit stores it)
    /// is done.
    pub fn done_message(name: &str) -> Option<&'static str> {
        Some(match name {
            "sign_out_device" => "admin-done-sign-out-device",
            "sign_out_all" => "admin-done-sign-out-all",
            "lock" => "admin-done-lock",
            "unlock" => "admin-done-unlock",
            "mark_verified" => "admin-done-mark-verified",
            "reset_two_step" => "admin-done-reset-two-step",
            "resend_verification" => "admin-done-resend-verification",
            "delete" => "admin-deleted",
            _ => return None,
        })
    }
}

/// Why an administrator acts: required, kept in the audit.
#[derive(Clone, Debug)]
pub struct Reason(String);

impl Reason {
    pub fn parse(reason: &str) -> Result<Self, ServiceError> {
        let reason = reason.trim();
        if reason.chars().count() < 3 {
            return Err(ServiceError::invalid("reason", "admin-reason-too-short"));
        }
        if reason.chars().count() > 500 || reason.chars().any(|c| c.is_control() && c != '\n') {
            return Err(ServiceError::invalid("reason", "admin-reason-too-long"));
        }
        Ok(Self(reason.to_owned()))
    }
}

/// Who acts: an operator at the command line, or an administrator in the console (who is
/// audited and whose actions are mailed to the person).
pub struct Actor<'a> {
    pub client: &'a ClientInfo,
    pub console: Option<Console<'a>>,
}

pub struct Console<'a> {
    pub admin: &'a super::guard::Admin,
    pub reason: &'a Reason,
    pub request_id: Option<&'a str>,
}

/// What an action did, for the command line's report.
#[derive(Clone, Copy, Debug, Default)]
pub struct Done {
    pub sessions_ended: usize,
    pub two_step_was_on: bool,
}

pub async fn act(
    state: &AppState,
    actor: &Actor<'_>,
    user: &User,
    action: Action,
) -> Result<Done, ServiceError> {
    let mut change = Change::begin(&state.pool, &state.sessions.caches, actor.client).await?;
    if let Some(console) = &actor.console {
        let record = audit::Record {
            actor_id: console.admin.id,
            actor_email: &console.admin.email,
            action: action.as_str(),
            target: Some((user.id, &user.email)),
            reason: &console.reason.0,
            request_id: console.request_id,
        };
        audit::record(change.db(), &record).await?;
    }
    let by = if actor.console.is_some() { "by an administrator" } else { "by an operator" };
    let outbox = &state.email.outbox;
    let mut done = Done::default();
    // The notice the person gets for a console action (none for the command line's): the ids
    // of its subject and its sentence.
    let mut notice: Option<(&str, &str)> = None;
    match action {
        Action::SignOutDevice(device) => {
            if !change.end_device(user.id, device).await? {
                return Err(ServiceError::NotFound);
            }
            done.sessions_ended = 1;
            change.record(user.id, EventKind::DevicesSignedOut, &format!("one device, {by}")).await?;
            notice = Some(("notice-admin-device-out-subject", "notice-admin-device-out"));
        }
        Action::SignOutAll => {
            done.sessions_ended = change.end_sessions(user.id, Keep::Nothing).await?;
            change.record(user.id, EventKind::DevicesSignedOut, by).await?;
            notice = Some(("notice-admin-all-out-subject", "notice-admin-all-out"));
        }
        Action::Lock => {
            users::set_locked(change.db(), user.id, true).await?;
            done.sessions_ended = change.end_sessions(user.id, Keep::Nothing).await?;
            change.record(user.id, EventKind::AccountLocked, "").await?;
            notice = Some(("notice-admin-locked-subject", "notice-admin-locked"));
        }
        Action::Unlock => {
            users::set_locked(change.db(), user.id, false).await?;
            change.record(user.id, EventKind::AccountUnlocked, "").await?;
            // Guessing locks from before end too: the operator vouches for the owner.
            state.throttle.lockout.clear(change.db(), &[&crate::auth::lockout::account(user.id)]).await?;
            notice = Some(("notice-admin-unlocked-subject", "notice-admin-unlocked"));
        }
        Action::MarkVerified => {
            users::mark_verified(change.db(), user.id).await?;
            change.record(user.id, EventKind::AddressVerifiedBySupport, "").await?;
        }
        Action::ResetTwoStep => {
            done.two_step_was_on = crate::two_step::is_enabled(change.db(), user.id).await?;
            state.two_step.reset(change.db(), user.id).await?;
            done.sessions_ended = change.end_sessions(user.id, Keep::Nothing).await?;
            change.record(user.id, EventKind::TwoStepReset, "").await?;
            let (subject, what) =
                (tr(user.lang, "notice-two-step-reset-subject"), tr(user.lang, "notice-two-step-reset"));
            let mail = outbox.site.two_step_changed(user.lang, &user.email, subject, what);
            change.mail(outbox, &mail).await?;
        }
        Action::ResendVerification => {
            if user.email_verified_at.is_some() {
                return Err(ServiceError::BadRequest("admin-already-verified"));
            }
            state.email.queue_verification(change.db(), user).await?;
            change.record(user.id, EventKind::VerificationResentBySupport, "").await?;
            change.mailed_through(outbox);
        }
        Action::Delete => {
            let avatar = state.profiles.delete_in(&mut change, user).await?;
            change.commit().await?;
            state.profiles.deleted(user, avatar).await;
            return Ok(done);
        }
    }
    if let (Some(_), Some((subject, what))) = (&actor.console, notice) {
        let (lang, subject, what) = (user.lang, tr(user.lang, subject), tr(user.lang, what));
        change.mail(outbox, &outbox.site.by_administrator(lang, &user.email, subject, what)).await?;
    }
    change.user_changed(user.id);
    change.all_sessions_changed(user.id);
    change.commit().await?;
    Ok(done)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn every_action_has_a_done_message_in_the_catalog() {
        let device = Uuid::nil().to_string();
        for name in [
            "sign_out_device",
            "sign_out_all",
            "lock",
            "unlock",
            "mark_verified",
            "reset_two_step",
            "resend_verification",
            "delete",
        ] {
            let action = Action::parse(name, Some(&device)).expect(name);
            let id = Action::done_message(action.as_str()).expect(name);
            assert!(!tr(Lang::En, id).starts_with('⟦'), "{id} is in the catalog");
        }
        assert_eq!(Action::done_message("format_disk"), None);
    }
}
