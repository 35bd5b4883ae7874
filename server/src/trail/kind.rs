//! The kinds of security event, as stored (`as_str`) and as a person reads them.

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

    /// What the security page says happened.
    pub fn words(self) -> &'static str {
        match self {
            Self::SignedUp => "Account created",
            Self::SignedIn => "Signed in",
            Self::SignInFailed => "Failed sign-in attempt",
            Self::LockedOut => "Sign-in paused after repeated failures",
            Self::PasswordChanged => "Password changed",
            Self::PasswordReset => "Password reset by email",
            Self::EmailChangeRequested => "Email change requested",
            Self::EmailChanged => "Email address changed",
            Self::ProviderConnected => "Sign-in provider connected",
            Self::ProviderDisconnected => "Sign-in provider disconnected",
            Self::DevicesSignedOut => "Devices signed out",
            Self::TokenReused => "A copied session was used; that device was signed out",
            Self::TwoStepEnabled => "Two-step verification turned on",
            Self::TwoStepDisabled => "Two-step verification turned off",
            Self::RecoveryCodesRegenerated => "New recovery codes made",
            Self::RecoveryCodeUsed => "Signed in with a recovery code",
            Self::PasskeyAdded => "Passkey added",
            Self::PasskeyRemoved => "Passkey removed",
            Self::PasswordRemoved => "Password removed",
            Self::AccountLocked => "Account locked by support",
            Self::AccountUnlocked => "Account unlocked by support",
            Self::PasswordEnteredCodeAsked => "Password entered, code asked",
            Self::WrongCode => "Wrong code entered",
            Self::CodesLockedOut => "Code entry paused after repeated wrong codes",
            Self::UnprovenMethodsRemoved => {
                "Sign-in methods added before the address was confirmed were removed"
            }
            Self::TwoStepReset => "Two-step verification reset by support",
            Self::NotMe => "Reported “This wasn't me”: every device signed out",
            Self::AddressVerifiedBySupport => "Address marked verified by support",
            Self::DataExported => "Your data was downloaded",
            Self::DeletionScheduled => "Account deletion asked for",
            Self::DeletionCancelled => "Account kept: deletion cancelled",
            Self::VerificationResentBySupport => "Verification mail resent by support",
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
    }
}
