//! The text of every mail: a plain-text and an HTML part, the service name in the subject,
//! absolute links built from SERVICE_DOMAIN, no tracking.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::{
    email_tokens::LinkToken,
    i18n::{Arg, Lang, moments, tr, tr_args},
};

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
    /// The language of the notice, and so of the words the outbox adds with its link.
    lang: Lang,
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

    /// A security notice in `lang`: never capped, and the outbox adds its "This wasn't me" link.
    pub(super) fn notice(
        &self,
        lang: Lang,
        to: &str,
        subject: &str,
        lines: &[&str],
        link: Option<(&str, &str)>,
    ) -> Mail {
        let mut mail = self.mail(to, subject, lines, link);
        let page = format!("{}{NOT_ME_PATH}", self.service_domain);
        mail.notice = Some(Notice { user_id: None, device_id: None, page, lang });
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

    pub fn verify_email(&self, lang: Lang, to: &str, token: &LinkToken) -> Mail {
        self.with_link(
            to,
            tr(lang, "mail-verify-subject"),
            &[&tr_args(lang, "mail-verify-text", &[("address", to.into())]), tr(lang, "mail-link-once-24h")],
            tr(lang, "mail-verify-link"),
            "/verify-email",
            token,
        )
    }

    pub fn reset_password(&self, lang: Lang, to: &str, token: &LinkToken) -> Mail {
        self.with_link(
            to,
            tr(lang, "mail-reset-subject"),
            &[tr(lang, "mail-reset-text"), tr(lang, "mail-reset-expiry")],
            tr(lang, "mail-reset-link"),
            "/reset-password",
            token,
        )
    }

    /// A sign-in code and its link. Not capped with the other link mails: codes have their own
    /// limit per address (`email_codes::PER_ADDRESS_PER_HOUR`), so asking for codes never uses
    /// up an address's reset or verification mails.
    pub fn sign_in_code(&self, lang: Lang, to: &str, code: &str, link: &LinkToken) -> Mail {
        let subject = tr_args(lang, "mail-code-subject", &[("service", self.service_name.as_str().into())]);
        let lines = [
            &tr_args(lang, "mail-code-text", &[("code", code.into())])[..],
            tr(lang, "mail-code-where"),
            tr(lang, "mail-code-ignore"),
        ];
        let mut mail = self.mail(
            to,
            &subject,
            &lines,
            Some((tr(lang, "mail-code-link"), &self.link("/login/code/confirm", link))),
        );
        mail.link_ttl_secs = Some(link.ttl_secs);
        mail
    }

    pub fn password_changed(&self, lang: Lang, to: &str) -> Mail {
        self.notice(
            lang,
            to,
            tr(lang, "mail-password-changed-subject"),
            &[tr(lang, "mail-password-changed-text"), tr(lang, "notice-not-you")],
            None,
        )
    }

    /// To the new address, in the language of the account moving there.
    pub fn confirm_new_email(&self, lang: Lang, to: &str, token: &LinkToken) -> Mail {
        self.with_link(
            to,
            tr(lang, "mail-confirm-new-subject"),
            &[
                &tr_args(lang, "mail-confirm-new-text", &[("address", to.into())]),
                tr(lang, "mail-link-once-24h"),
            ],
            tr(lang, "mail-confirm-new-link"),
            "/verify-email",
            token,
        )
    }

    pub fn goodbye(&self, lang: Lang, to: &str) -> Mail {
        self.mail(
            to,
            tr(lang, "mail-goodbye-subject"),
            &[tr(lang, "mail-goodbye-text"), tr(lang, "mail-goodbye-contact")],
            None,
        )
    }

    /// "Delete account" with a grace period: when (`due`), and how to keep it.
    pub fn deletion_scheduled(&self, lang: Lang, to: &str, due: DateTime<Utc>) -> Mail {
        let when = [("when", Arg::from(moment(lang, due)))];
        self.notice(
            lang,
            to,
            tr(lang, "mail-deletion-subject"),
            &[&tr_args(lang, "mail-deletion-text", &when), &tr_args(lang, "mail-deletion-keep", &when)],
            Some((tr(lang, "mail-deletion-link"), &format!("{}/login", self.service_domain))),
        )
    }

    pub fn email_change_notice(&self, lang: Lang, to: &str, new_address: &str) -> Mail {
        self.notice(
            lang,
            to,
            tr(lang, "mail-email-change-subject"),
            &[
                &tr_args(lang, "mail-email-change-text", &[("address", new_address.into())]),
                tr(lang, "mail-email-change-not-you"),
            ],
            None,
        )
    }
}

/// An exact moment in a mail: "2026-11-30 06:50 UTC" in English (as always), the language's
/// own date with the time elsewhere ("30. November 2026, 06:50 UTC", "2026年11月30日 06:50（UTC）").
pub fn moment(lang: Lang, at: DateTime<Utc>) -> String {
    let date = match lang {
        Lang::En => at.format("%Y-%m-%d").to_string(),
        _ => moments::date(lang, at),
    };
    let time = at.format("%H:%M").to_string();
    tr_args(lang, "mail-moment", &[("date", date.into()), ("time", time.into())])
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
        let (label, words) = (tr(notice.lang, "mail-not-me-link"), tr(notice.lang, "mail-not-me-words"));
        let text = format!("\n\n{label}: {url}\n{words}");
        let html = format!("<p><a href=\"{}\">{}</a><br>{}</p>", escape(&url), escape(label), escape(words));
        let at = self.text.rfind("\n\n— ").unwrap_or(self.text.len());
        self.text.insert_str(at, &text);
        let at = self.html.rfind("<p>— ").unwrap_or(self.html.len());
        self.html.insert_str(at, &html);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mails_have_both_parts_an_absolute_link_and_escaped_html() {
        let site = Site { service_name: "Acme <Test>".into(), service_domain: "https://acme.example".into() };
        let token = LinkToken { secret: "TOKEN123".into(), ttl_secs: 86_400.0 };
        let m = site.verify_email(Lang::En, "ada@example.com", &token);
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
        let mut m = site.password_changed(Lang::En, "ada@example.com");
        assert!(!m.capped);
        assert!(!m.text.contains("/not-me"), "no link until the outbox makes its token");
        m.add_not_me(&LinkToken { secret: "NOTME42".into(), ttl_secs: 1.0 });
        assert!(m.text.contains("This wasn't me: https://acme.example/not-me?token=NOTME42\n"));
        assert!(m.text.ends_with("changes nothing.\n\n— Acme\n"), "{}", m.text);
        assert!(m.html.contains("<a href=\"https://acme.example/not-me?token=NOTME42\">This wasn't me</a>"));
        assert!(m.html.ends_with("<p>— Acme</p></body></html>"));
        assert_eq!(m.link_ttl_secs, None, "a notice is worth sending even if its link ran out");
    }

    #[test]
    fn mails_are_in_the_language_given_and_moments_follow_it() {
        let site = Site { service_name: "Acme".into(), service_domain: "https://acme.example".into() };
        let token = LinkToken { secret: "T".into(), ttl_secs: 1.0 };
        let m = site.verify_email(Lang::De, "ada@example.com", &token);
        assert_eq!(m.subject, "Bestätigen Sie Ihre E-Mail-Adresse · Acme");
        assert!(m.text.contains("ada@example.com") && !m.text.contains("⟦"), "{}", m.text);
        let mut m = site.password_changed(Lang::Ja, "ada@example.com");
        m.add_not_me(&LinkToken { secret: "N".into(), ttl_secs: 1.0 });
        assert!(m.text.contains("これは私ではありません: https://acme.example/not-me?token=N"), "{}", m.text);
        let at = chrono::DateTime::parse_from_rfc3339("2026-11-30T06:50:00Z").unwrap().to_utc();
        assert_eq!(moment(Lang::En, at), "2026-11-30 06:50 UTC", "English mails keep their format");
        assert_eq!(moment(Lang::De, at), "30. November 2026, 06:50 UTC");
        assert_eq!(moment(Lang::Ja, at), "2026年11月30日 06:50（UTC）");
        let m = site.deletion_scheduled(Lang::En, "ada@example.com", at);
        assert!(m.text.starts_with("Your account will be deleted on 2026-11-30 06:50 UTC: your profile"));
        assert!(m.text.contains("Sign in before 2026-11-30 06:50 UTC to keep your account."));
    }
}
