//! The text of every mail: a plain-text and an HTML part, the service name in the subject,
//! absolute links built from SERVICE_DOMAIN, no tracking.

use uuid::Uuid;

use crate::email_tokens::LinkToken;

/// One message, ready for the outbox.
#[derive(Clone, Debug)]
pub struct Mail {
    pub to: String,
    pub subject: String,
    pub text: String,
    pub html: String,
    /// Seconds until the link in it stops working, for mails that carry one.
    pub link_ttl_secs: Option<f64>,
    /// Counted against the address's hourly budget (`outbox::PER_ADDRESS_PER_HOUR`): mails a
    /// stranger can cause by typing the address into a form (reset links, verification
    /// mails, the confirmation sent to a new address). Notices never are.
    pub capped: bool,
    /// Set for security notices: the outbox gives each one its own "This wasn't me" link.
    pub notice: Option<Notice>,
}

/// What a security notice's "This wasn't me" link acts on.
#[derive(Clone, Debug)]
pub struct Notice {
    /// The account; `None` stands for the account whose address the notice goes to (the old
    /// address after an email change is not, so that notice names its account).
    pub user_id: Option<Uuid>,
    /// The device the notice names (a new sign-in's), recorded with the link.
    pub device_id: Option<Uuid>,
    /// The absolute address of the "This wasn't me" page; the outbox adds the token.
    page: String,
}

/// The path of the "This wasn't me" page.
pub const NOT_ME_PATH: &str = "/not-me";

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
        Mail { to: to.to_owned(), subject, text, html, link_ttl_secs: None, capped: false, notice: None }
    }

    /// A security notice: never capped, and the outbox adds its "This wasn't me" link.
    pub(super) fn notice(&self, to: &str, subject: &str, lines: &[&str], link: Option<(&str, &str)>) -> Mail {
        let mut mail = self.mail(to, subject, lines, link);
        let page = format!("{}{NOT_ME_PATH}", self.service_domain);
        mail.notice = Some(Notice { user_id: None, device_id: None, page });
        mail
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
        // Anyone can type an address into the forms that send these.
        mail.capped = true;
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

    /// A sign-in code and its link. Not capped with the other link mails: codes have their own
    /// limit per address (`email_codes::PER_ADDRESS_PER_HOUR`), so asking for codes never uses
    /// up an address's reset or verification mails.
    pub fn sign_in_code(&self, to: &str, code: &str, link: &LinkToken) -> Mail {
        let subject = format!("Your sign-in code for {}", self.service_name);
        let lines = [
            &format!("Your sign-in code is {code}")[..],
            "Type it in the browser where you asked for it, or press the link below in that same browser. It works once, for 10 minutes.",
            "If you did not ask for a code, ignore this mail: nobody can use it without the browser that asked.",
        ];
        let mut mail = self.mail(
            to,
            &subject,
            &lines,
            Some(("Sign in on this device", &self.link("/login/code/confirm", link))),
        );
        mail.link_ttl_secs = Some(link.ttl_secs);
        mail
    }

    pub fn password_changed(&self, to: &str) -> Mail {
        self.notice(
            to,
            "Your password was changed",
            &[
                "The password of your account was just changed, and the devices signed in with the old one were signed out.",
                "If this was not you, press “This wasn't me” below.",
            ],
            None,
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

    /// "Delete account" with a grace period: when, and how to keep it.
    pub fn deletion_scheduled(&self, to: &str, when: &str) -> Mail {
        self.notice(
            to,
            "Your account will be deleted",
            &[
                &format!("Your account will be deleted on {when}: your profile and avatar are gone already, and every device was signed out."),
                &format!("Sign in before {when} to keep your account."),
            ],
            Some(("Sign in", &format!("{}/login", self.service_domain))),
        )
    }

    pub fn email_change_notice(&self, to: &str, new_address: &str) -> Mail {
        self.notice(
            to,
            "Your email is being changed",
            &[&format!("Someone asked to change the address of your account to {new_address}. It changes only when the link sent there is followed."), "If this was not you, press “This wasn't me” below: the link sent there stops working."],
            None,
        )
    }
}

impl Mail {
    /// Names the account a notice is about, when its address is not the one mailed.
    pub fn about(mut self, user_id: Uuid) -> Self {
        if let Some(notice) = &mut self.notice {
            notice.user_id = Some(user_id);
        }
        self
    }

    /// Names the device a notice is about (the one that signed in).
    pub fn naming_device(mut self, device_id: Uuid) -> Self {
        if let Some(notice) = &mut self.notice {
            notice.device_id = Some(device_id);
        }
        self
    }

    /// Adds a notice's "This wasn't me" link just above the signature. The link does nothing
    /// by itself: it opens a page whose one button acts.
    pub(super) fn add_not_me(&mut self, token: &LinkToken) {
        let Some(notice) = &self.notice else { return };
        let url = format!("{}?token={}", notice.page, token.secret);
        let text = format!("\n\nThis wasn't me: {url}\n{NOT_ME_WORDS}");
        let html =
            format!("<p><a href=\"{}\">This wasn't me</a><br>{}</p>", escape(&url), escape(NOT_ME_WORDS));
        let at = self.text.rfind("\n\n— ").unwrap_or(self.text.len());
        self.text.insert_str(at, &text);
        let at = self.html.rfind("<p>— ").unwrap_or(self.html.len());
        self.html.insert_str(at, &html);
    }
}

/// What "This wasn't me" does, said under the link.
const NOT_ME_WORDS: &str = "The link opens a page with one button, which signs out every device and mails a link to set a new password to your account's address. Opening the link alone changes nothing.";

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
        assert!(m.capped, "anyone can ask for a verification mail");
        assert!(m.notice.is_none());
    }

    #[test]
    fn a_notice_gets_its_link_above_the_signature_and_is_never_capped() {
        let site = Site { service_name: "Acme".into(), service_domain: "https://acme.example".into() };
        let mut m = site.password_changed("ada@example.com");
        assert!(!m.capped);
        assert!(!m.text.contains("/not-me"), "no link until the outbox makes its token");
        m.add_not_me(&LinkToken { secret: "NOTME42".into(), ttl_secs: 1.0 });
        assert!(m.text.contains("This wasn't me: https://acme.example/not-me?token=NOTME42\n"));
        assert!(m.text.ends_with("changes nothing.\n\n— Acme\n"), "{}", m.text);
        assert!(m.html.contains("<a href=\"https://acme.example/not-me?token=NOTME42\">This wasn't me</a>"));
        assert!(m.html.ends_with("<p>— Acme</p></body></html>"));
        assert_eq!(m.link_ttl_secs, None, "a notice is worth sending even if its link ran out");
    }
}
