//! The kinds of security event, as stored (`as_str`) and as a person reads them.

use crate::i18n::Lang;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EventKind {
    SignedUp,
    SignedIn,
    SignInFailed,
    LockedOut,
    PasswordChanged,
    PasswordReset,
    EmailChangeRequested,
    EmailChanged,
    ProviderConnected,
    ProviderDisconnected,
    DevicesSignedOut,
    TokenReused,
    TwoStepEnabled,
    TwoStepDisabled,
    RecoveryCodesRegenerated,
    RecoveryCodeUsed,
    PasskeyAdded,
    PasskeyRemoved,
    PasswordRemoved,
    AccountLocked,
    AccountUnlocked,
    PasswordEnteredCodeAsked,
    WrongCode,
    CodesLockedOut,
    UnprovenMethodsRemoved,
    TwoStepReset,
    NotMe,
    AddressVerifiedBySupport,
    DataExported,
    DeletionScheduled,
    DeletionCancelled,
    VerificationResentBySupport,
}

const ALL: [EventKind; 32] = [
    EventKind::SignedUp,
    EventKind::SignedIn,
    EventKind::SignInFailed,
    EventKind::LockedOut,
    EventKind::PasswordChanged,
    EventKind::PasswordReset,
    EventKind::EmailChangeRequested,
    EventKind::EmailChanged,
    EventKind::ProviderConnected,
    EventKind::ProviderDisconnected,
    EventKind::DevicesSignedOut,
    EventKind::TokenReused,
    EventKind::TwoStepEnabled,
    EventKind::TwoStepDisabled,
    EventKind::RecoveryCodesRegenerated,
    EventKind::RecoveryCodeUsed,
    EventKind::PasskeyAdded,
    EventKind::PasskeyRemoved,
    EventKind::PasswordRemoved,
    EventKind::AccountLocked,
    EventKind::AccountUnlocked,
    EventKind::PasswordEnteredCodeAsked,
    EventKind::WrongCode,
    EventKind::CodesLockedOut,
    EventKind::UnprovenMethodsRemoved,
    EventKind::TwoStepReset,
    EventKind::NotMe,
    EventKind::AddressVerifiedBySupport,
    EventKind::DataExported,
    EventKind::DeletionScheduled,
    EventKind::DeletionCancelled,
    EventKind::VerificationResentBySupport,
];

impl EventKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::SignedUp => "signed_up",
            Self::SignedIn => "signed_in",
            Self::SignInFailed => "sign_in_failed",
            Self::LockedOut => "locked_out",
            Self::PasswordChanged => "password_changed",
            Self::PasswordReset => "password_reset",
            Self::EmailChangeRequested => "email_change_requested",
            Self::EmailChanged => "email_changed",
            Self::ProviderConnected => "provider_connected",
            Self::ProviderDisconnected => "provider_disconnected",
            Self::DevicesSignedOut => "devices_signed_out",
            Self::TokenReused => "token_reused",
            Self::TwoStepEnabled => "two_step_enabled",
            Self::TwoStepDisabled => "two_step_disabled",
            Self::RecoveryCodesRegenerated => "recovery_codes_regenerated",
            Self::RecoveryCodeUsed => "recovery_code_used",
            Self::PasskeyAdded => "passkey_added",
            Self::PasskeyRemoved => "passkey_removed",
            Self::PasswordRemoved => "password_removed",
            Self::AccountLocked => "account_locked",
            Self::AccountUnlocked => "account_unlocked",
            Self::PasswordEnteredCodeAsked => "password_entered_code_asked",
            Self::WrongCode => "wrong_code",
            Self::CodesLockedOut => "codes_locked_out",
            Self::UnprovenMethodsRemoved => "unproven_methods_removed",
            Self::TwoStepReset => "two_step_reset",
            Self::NotMe => "not_me",
            Self::AddressVerifiedBySupport => "address_verified_by_support",
            Self::DataExported => "data_exported",
            Self::DeletionScheduled => "deletion_scheduled",
            Self::DeletionCancelled => "deletion_cancelled",
            Self::VerificationResentBySupport => "verification_resent_by_support",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// What the security page says happened, in English (the admin command's language).
    pub fn words(self) -> &'static str {
        self.words_in(Lang::En)
    }

    /// What the security page says happened, in `lang`.
    pub fn words_in(self, lang: Lang) -> &'static str {
        crate::i18n::tr(lang, self.message_id())
    }

    fn message_id(self) -> &'static str {
        match self {
            Self::SignedUp => "event-signed-up",
            Self::SignedIn => "event-signed-in",
            Self::SignInFailed => "event-sign-in-failed",
            Self::LockedOut => "event-locked-out",
            Self::PasswordChanged => "event-password-changed",
            Self::PasswordReset => "event-password-reset",
            Self::EmailChangeRequested => "event-email-change-requested",
            Self::EmailChanged => "event-email-changed",
            Self::ProviderConnected => "event-provider-connected",
            Self::ProviderDisconnected => "event-provider-disconnected",
            Self::DevicesSignedOut => "event-devices-signed-out",
            Self::TokenReused => "event-token-reused",
            Self::TwoStepEnabled => "event-two-step-enabled",
            Self::TwoStepDisabled => "event-two-step-disabled",
            Self::RecoveryCodesRegenerated => "event-recovery-codes-regenerated",
            Self::RecoveryCodeUsed => "event-recovery-code-used",
            Self::PasskeyAdded => "event-passkey-added",
            Self::PasskeyRemoved => "event-passkey-removed",
            Self::PasswordRemoved => "event-password-removed",
            Self::AccountLocked => "event-account-locked",
            Self::AccountUnlocked => "event-account-unlocked",
            Self::PasswordEnteredCodeAsked => "event-password-entered-code-asked",
            Self::WrongCode => "event-wrong-code",
            Self::CodesLockedOut => "event-codes-locked-out",
            Self::UnprovenMethodsRemoved => "event-unproven-methods-removed",
            Self::TwoStepReset => "event-two-step-reset",
            Self::NotMe => "event-not-me",
            Self::AddressVerifiedBySupport => "event-address-verified-by-support",
            Self::DataExported => "event-data-exported",
            Self::DeletionScheduled => "event-deletion-scheduled",
            Self::DeletionCancelled => "event-deletion-cancelled",
            Self::VerificationResentBySupport => "event-verification-resent-by-support",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_round_trips() {
        for kind in ALL {
            assert_eq!(EventKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(EventKind::parse("nonsense"), None);
        assert_eq!(EventKind::NotMe.words(), "Reported “This wasn't me”: every device signed out");
    }
}
