//! The text of every mail: a plain-text and an HTML part, the service name in the subject,
//! absolute links built from SERVICE_DOMAIN, no tracking.

use crate::accounts::email_tokens::LinkToken;

/// One message, ready for the outbox.
#[derive(Clone, Debug)]
pub struct Mail {
    pub to: String,
    pub subject: String,
    pub text: String,
    pub html: String,
    /// Seconds until the link in it stops working, for mails that carry one.
    pub link_ttl_secs: Option<f64>,
}

/// What every template needs to know about the deployment.
#[derive(Clone, Debug)]
pub struct Site {
    pub service_name: String,
    pub service_domain: String,
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

impl Site {
    pub(super) fn mail(&self, to: &str, subject: &str, lines: &[&str], link: Option<(&str, &str)>) -> Mail {
        // A subject that already names the service ("New sign-in to Acme") says it once.
        let subject = if subject.contains(&self.service_name) {
            subject.to_owned()
        } else {
            format!("{subject} · {}", self.service_name)
        };
        let mut text = lines.join("\n\n");
        let mut html =
            String::from("<!doctype html><html><body style=\"font-family:sans-serif;line-height:1.5\">");
        for line in lines {
            html.push_str(&format!("<p>{}</p>", escape(line)));
        }
        if let Some((label, url)) = link {
            text.push_str(&format!("\n\n{label}: {url}"));
            html.push_str(&format!("<p><a href=\"{}\">{}</a></p>", escape(url), escape(label)));
        }
        text.push_str(&format!("\n\n— {}\n", self.service_name));
        html.push_str(&format!("<p>— {}</p></body></html>", escape(&self.service_name)));
        Mail { to: to.to_owned(), subject, text, html, link_ttl_secs: None }
    }

    fn link(&self, path: &str, token: &LinkToken) -> String {
        format!("{}{path}?token={}", self.service_domain, token.secret)
    }

    /// A mail whose link works for `token`'s lifetime: the outbox drops it after that.
    fn with_link(
        &self,
        to: &str,
        subject: &str,
        lines: &[&str],
        label: &str,
        path: &str,
        token: &LinkToken,
    ) -> Mail {
        let mut mail = self.mail(to, subject, lines, Some((label, &self.link(path, token))));
        mail.link_ttl_secs = Some(token.ttl_secs);
        mail
    }

    pub fn verify_email(&self, to: &str, token: &LinkToken) -> Mail {
        self.with_link(
            to,
            "Verify your email",
            &[
                &format!("Confirm that {to} is your address to finish setting up your account."),
                "The link works once and expires in 24 hours.",
            ],
            "Verify your email",
            "/verify-email",
            token,
        )
    }

    pub fn reset_password(&self, to: &str, token: &LinkToken) -> Mail {
        self.with_link(
            to,
            "Reset your password",
            &["Someone asked to reset the password of this account. If it was you, choose a new password with the link below.", "The link works once and expires in 1 hour. If it was not you, ignore this mail: nothing changes."],
            "Set a new password",
            "/reset-password",
            token,
        )
    }

    pub fn password_changed(&self, to: &str) -> Mail {
        self.mail(
            to,
            "Your password was changed",
            &[
                "The password of your account was just changed, and the devices signed in with the old one were signed out.",
                "If this was not you, reset your password now and check your devices.",
            ],
            Some(("Reset your password", &format!("{}/forgot-password", self.service_domain))),
        )
    }

    pub fn confirm_new_email(&self, to: &str, token: &LinkToken) -> Mail {
        self.with_link(
            to,
            "Confirm your new email",
            &[
                &format!("Confirm that {to} should become the address of your account."),
                "The link works once and expires in 24 hours.",
            ],
            "Confirm your new email",
            "/verify-email",
            token,
        )
    }

    pub fn goodbye(&self, to: &str) -> Mail {
        self.mail(
            to,
            "Your account has been deleted",
            &["Your account, your profile and your avatar have been deleted, and every device was signed out.", "If this was not you, contact us by replying to this mail."],
            None,
        )
    }

    pub fn email_change_notice(&self, to: &str, new_address: &str) -> Mail {
        self.mail(
            to,
            "Your email is being changed",
            &[&format!("Someone asked to change the address of your account to {new_address}. It changes only when the link sent there is followed."), "If this was not you, change your password now."],
            None,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mails_have_both_parts_an_absolute_link_and_escaped_html() {
        let site = Site { service_name: "Acme <Test>".into(), service_domain: "https://acme.example".into() };
        let token = LinkToken { secret: "TOKEN123".into(), ttl_secs: 86_400.0 };
        let m = site.verify_email("ada@example.com", &token);
        assert_eq!(m.link_ttl_secs, Some(86_400.0), "the outbox learns when the link dies");
        assert_eq!(m.subject, "Verify your email · Acme <Test>");
        assert!(m.text.contains("https://acme.example/verify-email?token=TOKEN123"));
        assert!(m.html.contains("href=\"https://acme.example/verify-email?token=TOKEN123\""));
        assert!(m.html.contains("Acme &lt;Test&gt;"));
        assert!(!m.html.contains("<img"), "no tracking pixels");
    }
}
