//! Notices of security changes, mailed so that a change someone else made is seen: a sign-in
//! from a new device, a new address (to the old one), a provider connected or disconnected, a
//! change to two-step verification or passkeys. They are never held back by the per-address
//! cap (a flood of reset links aimed at the inbox cannot crowd them out), and they carry no link
//! that does anything by itself: the way to the security page, and "This wasn't me", which the
//! outbox adds to each (its own single-use token) and which acts only when the button on its
//! page is pressed.

use super::{Mail, templates::Site};

/// Where and when something happened, as the notice states it.
pub struct Where<'a> {
    pub device: &'a str,
    pub ip: Option<std::net::IpAddr>,
    pub when: chrono::DateTime<chrono::Utc>,
}

impl Where<'_> {
    fn line(&self) -> String {
        let ip = self.ip.map(|ip| format!(", from {ip}")).unwrap_or_default();
        format!("{}{ip}, {}.", self.device, crate::trail::exact(self.when))
    }
}

const NOT_YOU: &str = "If this was not you, press “This wasn't me” below.";

impl Site {
    fn security_page(&self) -> String {
        format!("{}/account/security", self.service_domain)
    }

    /// Name the device with [`Mail::naming_device`], so "This wasn't me" records which it was.
    pub fn new_sign_in(&self, to: &str, at: &Where<'_>) -> Mail {
        self.notice(
            to,
            &format!("New sign-in to {}", self.service_name),
            &[
                "Your account was just signed in to from a device it has not used before:",
                &at.line(),
                NOT_YOU,
            ],
            Some(("Review your devices and recent activity", &self.security_page())),
        )
    }

    /// To the old address, once the new one is in force: name the account with [`Mail::about`].
    pub fn email_changed(&self, to: &str, new_address: &str) -> Mail {
        self.notice(
            to,
            "Your email address was changed",
            &[
                &format!("The address of your account is now {new_address}; mail about it no longer comes here."),
                "If this was not you, someone has your password: reset it from the sign-in page using the new address if you can reach it, or reply to this mail so we can help you recover the account.",
            ],
            Some(("Open your security page", &self.security_page())),
        )
    }

    pub fn provider_connected(&self, to: &str, label: &str, provider_email: &str) -> Mail {
        self.notice(
            to,
            &format!("{label} was connected"),
            &[&format!("The {label} account {provider_email} can now sign in to your account."), NOT_YOU],
            Some(("Review connected accounts", &self.security_page())),
        )
    }

    pub fn provider_disconnected(&self, to: &str, label: &str) -> Mail {
        self.notice(
            to,
            &format!("{label} was disconnected"),
            &[&format!("{label} can no longer sign in to your account."), NOT_YOU],
            Some(("Review connected accounts", &self.security_page())),
        )
    }

    /// A change to two-step verification or its recovery codes.
    pub fn two_step_changed(&self, to: &str, subject: &str, what: &str) -> Mail {
        self.notice(to, subject, &[what, NOT_YOU], Some(("Open your security page", &self.security_page())))
    }

    /// Wrong two-step codes after a correct password: whoever typed them knows the password.
    pub fn wrong_codes(&self, to: &str, wrong: i32) -> Mail {
        self.notice(
            to,
            "Someone entered your password and then wrong codes",
            &[
                &format!("Someone signed in to your account with your password and then entered {wrong} wrong two-step codes in a row."),
                "If this was not you, your password is known to someone else: change it now, and sign out the devices you do not know. Two-step verification kept them out so far.",
            ],
            Some(("Open your security page", &self.security_page())),
        )
    }
}

impl Site {
    /// Someone downloaded the account's data ("Download my data").
    pub fn data_exported(&self, to: &str) -> Mail {
        self.notice(
            to,
            "Your data was downloaded",
            &[
                "A copy of your account's data (profile, sign-in methods, devices, security events and mails sent) was just downloaded from your security page.",
                NOT_YOU,
            ],
            Some(("Review your devices and recent activity", &self.security_page())),
        )
    }

    /// An administrator acted on the account from the admin console.
    pub fn by_administrator(&self, to: &str, subject: &str, what: &str) -> Mail {
        self.notice(
            to,
            subject,
            &[what, "If you did not expect this, reply to this mail and we will look into it."],
            Some(("Open your security page", &self.security_page())),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notices_name_the_device_and_link_only_to_the_security_page_until_queued() {
        let site = Site { service_name: "Acme".into(), service_domain: "https://acme.example".into() };
        let when = chrono::DateTime::parse_from_rfc3339("2026-11-30T10:00:00Z").unwrap().to_utc();
        let at = Where { device: "Firefox on Linux", ip: Some("203.0.113.7".parse().unwrap()), when };
        let m = site.new_sign_in("ada@example.com", &at);
        assert_eq!(m.subject, "New sign-in to Acme");
        assert!(m.text.contains("Firefox on Linux, from 203.0.113.7, 2026-11-30 10:00 UTC."));
        assert!(m.text.contains("https://acme.example/account/security"));
        assert!(!m.text.contains("token="), "the outbox adds \"This wasn't me\" with its token");
        for notice in [
            &m,
            &site.email_changed("old@example.com", "new@example.com"),
            &site.provider_connected("a@example.com", "Google", "a@gmail.com"),
            &site.provider_disconnected("a@example.com", "GitHub"),
            &site.two_step_changed("a@example.com", "A passkey was added", "Laptop"),
            &site.password_changed("a@example.com"),
            &site.email_change_notice("a@example.com", "b@example.com"),
        ] {
            assert!(notice.notice.is_some() && !notice.capped, "{}", notice.subject);
        }
        assert!(site.goodbye("a@example.com").notice.is_none(), "no account is left to act on");
        assert_eq!(
            site.email_changed("old@example.com", "new@example.com").subject,
            "Your email address was changed · Acme"
        );
        assert!(
            site.provider_connected("a@example.com", "Google", "a@gmail.com").html.contains("a@gmail.com")
        );
        assert_eq!(
            site.provider_disconnected("a@example.com", "Google").subject,
            "Google was disconnected · Acme"
        );
        let m = site.wrong_codes("a@example.com", 5);
        assert_eq!(m.subject, "Someone entered your password and then wrong codes · Acme");
        assert!(m.text.contains("5 wrong two-step codes"));
    }
}
