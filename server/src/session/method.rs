//! How a session was signed in: stored on the session (and on a sign-in waiting for its code),
//! named in the device list and the trail.

use std::{borrow::Cow, sync::Arc};

use crate::{
    config::{Config, ProviderId},
    i18n::{Lang, tr, tr_args},
};

/// How a device's session was signed in (kept over renewals, shown in the device list).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SignInMethod {
    Password,
    PasswordAndCode,
    Passkey,
    /// A code mailed to the account's address, with or without the code step after it.
    EmailCode {
        code: bool,
    },
    /// A sign-in provider (Google, GitHub, …), with or without the code step after it.
    Provider {
        id: ProviderId,
        code: bool,
    },
}

impl SignInMethod {
    pub fn provider(id: &ProviderId) -> Self {
        Self::Provider { id: id.clone(), code: false }
    }

    /// As stored: `password`, `password+code`, `passkey`, `email_code`, `email_code+code`,
    /// `<provider id>`, `<provider id>+code` (a provider id has no `_`).
    pub fn as_str(&self) -> Cow<'static, str> {
        match self {
            Self::Password => "password".into(),
            Self::PasswordAndCode => "password+code".into(),
            Self::Passkey => "passkey".into(),
            Self::EmailCode { code: false } => "email_code".into(),
            Self::EmailCode { code: true } => "email_code+code".into(),
            Self::Provider { id, code: false } => id.as_str().to_owned().into(),
            Self::Provider { id, code: true } => format!("{id}+code").into(),
        }
    }

    pub fn parse(s: &str) -> Self {
        match s {
            "password+code" => Self::PasswordAndCode,
            "passkey" => Self::Passkey,
            "email_code" => Self::EmailCode { code: false },
            "email_code+code" => Self::EmailCode { code: true },
            other => {
                let (id, code) = match other.strip_suffix("+code") {
                    Some(id) => (id, true),
                    None => (other, false),
                };
                match ProviderId::parse(id) {
                    Some(id) if id.as_str() != "password" => Self::Provider { id, code },
                    _ => Self::Password,
                }
            }
        }
    }

    /// The metrics label: a fixed set, whatever providers are configured.
    pub fn metric_label(&self) -> &'static str {
        match self {
            Self::Password => "password",
            Self::PasswordAndCode => "password+code",
            Self::Passkey => "passkey",
            Self::EmailCode { code: false } => "email_code",
            Self::EmailCode { code: true } => "email_code+code",
            Self::Provider { code: false, .. } => "provider",
            Self::Provider { code: true, .. } => "provider+code",
        }
    }

    /// True when the sign-in took more than one thing to guess: a second factor after the first
    /// step, or a passkey (a device and its unlock).
    pub fn has_second_factor(&self) -> bool {
        matches!(
            self,
            Self::PasswordAndCode
                | Self::Passkey
                | Self::EmailCode { code: true }
                | Self::Provider { code: true, .. }
        )
    }

    /// The same sign-in completed with an authenticator code.
    pub fn with_code(self) -> Self {
        match self {
            Self::Password | Self::PasswordAndCode => Self::PasswordAndCode,
            Self::Provider { id, .. } => Self::Provider { id, code: true },
            Self::EmailCode { .. } => Self::EmailCode { code: true },
            Self::Passkey => Self::Passkey,
        }
    }

    /// As the trail stores it and the data export says it, in English: "Password",
    /// "GitHub + code", …
    pub fn describe(&self, names: &ProviderNames) -> String {
        self.describe_in(Lang::En, names)
    }

    /// As the device list says it, in `lang`.
    pub fn describe_in(&self, lang: Lang, names: &ProviderNames) -> String {
        let id = match self {
            Self::Password => "method-password",
            Self::PasswordAndCode => "method-password-and-code",
            Self::Passkey => "method-passkey",
            Self::EmailCode { code: false } => "method-email-code",
            Self::EmailCode { code: true } => "method-email-code-and-code",
            Self::Provider { id, code: false } => return names.label(id).to_owned(),
            Self::Provider { id, code: true } => {
                return tr_args(lang, "method-provider-and-code", &[("provider", names.label(id).into())]);
            }
        };
        tr(lang, id).to_owned()
    }
}

/// The configured providers' labels by id, for naming stored sign-in methods. A provider no
/// longer configured is named by its id.
#[derive(Clone, Debug, Default)]
pub struct ProviderNames(Arc<Vec<(ProviderId, String)>>);

impl ProviderNames {
    pub fn new(config: &Config) -> Self {
        Self(Arc::new(config.providers.iter().map(|p| (p.id.clone(), p.label.clone())).collect()))
    }

    pub fn label<'a>(&'a self, id: &'a ProviderId) -> &'a str {
        self.0.iter().find(|(known, _)| known == id).map_or(id.as_str(), |(_, label)| label)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_method_reads_back_as_stored() {
        let github = ProviderId::parse("github").unwrap();
        for method in [
            SignInMethod::Password,
            SignInMethod::PasswordAndCode,
            SignInMethod::Passkey,
            SignInMethod::EmailCode { code: false },
            SignInMethod::EmailCode { code: true },
            SignInMethod::Provider { id: github.clone(), code: false },
            SignInMethod::Provider { id: github, code: true },
        ] {
            assert_eq!(SignInMethod::parse(&method.as_str()), method);
        }
        assert_eq!(
            SignInMethod::EmailCode { code: false }.with_code(),
            SignInMethod::EmailCode { code: true }
        );
        let names = ProviderNames::default();
        assert_eq!(SignInMethod::EmailCode { code: false }.describe(&names), "Email code");
        let github = SignInMethod::Provider { id: ProviderId::parse("github").unwrap(), code: true };
        assert_eq!(github.describe(&names), "github + code");
        assert_eq!(SignInMethod::PasswordAndCode.describe(&names), "Password and authenticator code");
    }
}
