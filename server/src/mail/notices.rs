//! Notices of security changes, mailed so that a change someone else made is seen: a sign-in
//! from a new device, a new address (to the old one), a provider connected or disconnected, a
//! change to two-step verification or passkeys. They are never held back by the per-address
//! cap (a flood of reset links aimed at the inbox cannot crowd them out), and they carry no link
//! that does anything by itself: the way to the security page, and "This wasn't me", which the
//! outbox adds to each (its own single-use token) and which acts only when the button on its
//! page is pressed.

use super::{
    Mail,
    templates::{Site, moment},
};
use crate::i18n::{Arg, Lang, tr, tr_args};

/// Where and when something happened, as the notice states it.
pub struct Where<'a> {
    pub device: &'a str,
    pub ip: Option<std::net::IpAddr>,
    pub when: chrono::DateTime<chrono::Utc>,
}

impl Where<'_> {
    fn line(&self, lang: Lang) -> String {
        let (device, when) = (("device", self.device.into()), ("when", moment(lang, self.when).into()));
        match self.ip {
            Some(ip) => tr_args(lang, "notice-where-ip", &[device, ("ip", ip.to_string().into()), when]),
            None => tr_args(lang, "notice-where", &[device, when]),
        }
    }
}

impl Site {
    fn security_page(&self) -> String {
        format!("{}/account/security", self.service_domain)
    }

    fn service(&self) -> [(&'static str, Arg); 1] {
        [("service", self.service_name.as_str().into())]
    }

    /// Name the device with [`Mail::naming_device`], so "This wasn't me" records which it was.
    pub fn new_sign_in(&self, lang: Lang, to: &str, at: &Where<'_>) -> Mail {
        self.notice(
            lang,
            to,
            &tr_args(lang, "notice-sign-in-subject", &self.service()),
            &[tr(lang, "notice-sign-in-text"), &at.line(lang), tr(lang, "notice-not-you")],
            Some((tr(lang, "notice-review-activity"), &self.security_page())),
        )
    }

    /// To the old address, once the new one is in force: name the account with [`Mail::about`].
    pub fn email_changed(&self, lang: Lang, to: &str, new_address: &str) -> Mail {
        self.notice(
            lang,
            to,
            tr(lang, "notice-email-changed-subject"),
            &[
                &tr_args(lang, "notice-email-changed-text", &[("address", new_address.into())]),
                tr(lang, "notice-email-changed-help"),
            ],
            Some((tr(lang, "notice-open-security"), &self.security_page())),
        )
    }

    pub fn provider_connected(&self, lang: Lang, to: &str, label: &str, provider_email: &str) -> Mail {
        let args: [(&str, Arg); 2] = [("provider", label.into()), ("address", provider_email.into())];
        self.notice(
            lang,
            to,
            &tr_args(lang, "notice-provider-connected-subject", &args[..1]),
            &[&tr_args(lang, "notice-provider-connected-text", &args), tr(lang, "notice-not-you")],
            Some((tr(lang, "notice-review-connected"), &self.security_page())),
        )
    }

    pub fn provider_disconnected(&self, lang: Lang, to: &str, label: &str) -> Mail {
        let provider = [("provider", label.into())];
        self.notice(
            lang,
            to,
            &tr_args(lang, "notice-provider-disconnected-subject", &provider),
            &[&tr_args(lang, "notice-provider-disconnected-text", &provider), tr(lang, "notice-not-you")],
            Some((tr(lang, "notice-review-connected"), &self.security_page())),
        )
    }

    /// A change to two-step verification, passkeys or the password: `subject` and `what` are
    /// already in `lang` (the caller's `notice-…` messages).
    pub fn two_step_changed(&self, lang: Lang, to: &str, subject: &str, what: &str) -> Mail {
        let page = self.security_page();
        self.notice(
            lang,
            to,
            subject,
            &[what, tr(lang, "notice-not-you")],
            Some((tr(lang, "notice-open-security"), &page)),
        )
    }

    /// Wrong two-step codes after a correct password: whoever typed them knows the password.
    pub fn wrong_codes(&self, lang: Lang, to: &str, wrong: i32) -> Mail {
        self.notice(
            lang,
            to,
            tr(lang, "notice-wrong-codes-subject"),
            &[
                &tr_args(lang, "notice-wrong-codes-text", &[("count", wrong.into())]),
                tr(lang, "notice-wrong-codes-advice"),
            ],
            Some((tr(lang, "notice-open-security"), &self.security_page())),
        )
    }
}

impl Site {
    /// Someone downloaded the account's data ("Download my data").
    pub fn data_exported(&self, lang: Lang, to: &str) -> Mail {
        self.notice(
            lang,
            to,
            tr(lang, "notice-data-exported-subject"),
            &[tr(lang, "notice-data-exported-text"), tr(lang, "notice-not-you")],
            Some((tr(lang, "notice-review-activity"), &self.security_page())),
        )
    }

    /// An administrator acted on the account from the admin console: `subject` and `what` are
    /// already in `lang`.
    pub fn by_administrator(&self, lang: Lang, to: &str, subject: &str, what: &str) -> Mail {
        self.notice(
            lang,
            to,
            subject,
            &[what, tr(lang, "notice-admin-unexpected")],
            Some((tr(lang, "notice-open-security"), &self.security_page())),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang::{En, Ja};

    #[test]
    fn notices_name_the_device_and_link_only_to_the_security_page_until_queued() {
        let site = Site { service_name: "Acme".into(), service_domain: "https://acme.example".into() };
        let when = chrono::DateTime::parse_from_rfc3339("2026-11-30T10:00:00Z").unwrap().to_utc();
        let at = Where { device: "Firefox on Linux", ip: Some("203.0.113.7".parse().unwrap()), when };
        let m = site.new_sign_in(En, "ada@example.com", &at);
        assert_eq!(m.subject, "New sign-in to Acme");
        assert!(m.text.contains("Firefox on Linux, from 203.0.113.7, 2026-11-30 10:00 UTC."));
        assert!(m.text.contains("https://acme.example/account/security"));
        assert!(!m.text.contains("token="), "the outbox adds \"This wasn't me\" with its token");
        for notice in [
            &m,
            &site.email_changed(En, "old@example.com", "new@example.com"),
            &site.provider_connected(En, "a@example.com", "Google", "a@gmail.com"),
            &site.provider_disconnected(En, "a@example.com", "GitHub"),
            &site.two_step_changed(En, "a@example.com", "A passkey was added", "Laptop"),
            &site.password_changed(En, "a@example.com"),
            &site.email_change_notice(En, "a@example.com", "b@example.com"),
        ] {
            assert!(notice.notice.is_some() && !notice.capped, "{}", notice.subject);
        }
        assert!(site.goodbye(En, "a@example.com").notice.is_none(), "no account is left to act on");
        assert_eq!(
            site.email_changed(En, "old@example.com", "new@example.com").subject,
            "Your email address was changed · Acme"
        );
        assert!(
            site.provider_connected(En, "a@example.com", "Google", "a@gmail.com")
                .html
                .contains("a@gmail.com")
        );
        assert_eq!(
            site.provider_disconnected(En, "a@example.com", "Google").subject,
            "Google was disconnected · Acme"
        );
        let m = site.wrong_codes(En, "a@example.com", 5);
        assert_eq!(m.subject, "Someone entered your password and then wrong codes · Acme");
        assert!(m.text.contains("5 wrong two-step codes"));
    }

    #[test]
    fn a_notice_in_japanese_states_the_moment_in_japanese() {
        let site = Site { service_name: "Acme".into(), service_domain: "https://acme.example".into() };
        let when = chrono::DateTime::parse_from_rfc3339("2026-11-30T10:00:00Z").unwrap().to_utc();
        let at = Where { device: "Firefox on Linux", ip: None, when };
        let m = site.new_sign_in(Ja, "ada@example.com", &at);
        assert_eq!(m.subject, "Acme への新しいログイン");
        assert!(m.text.contains("Firefox on Linux、2026年11月30日 10:00（UTC）。"), "{}", m.text);
        assert!(!m.text.contains('⟦'), "{}", m.text);
    }
}
