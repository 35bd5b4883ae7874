//! Events in words: "Signed in · Firefox on Linux · 203.0.113.7 · 5 minutes ago".

use chrono::{DateTime, Utc};

use super::SecurityEvent;
use crate::{
    client::device,
    i18n::{self, Lang},
};

/// "2026-11-30 06:50 UTC": the exact minute, as pages without JavaScript, mails and the admin
/// command show it.
pub fn exact(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%d %H:%M UTC").to_string()
}

/// "just now", "5 minutes ago", … in English (the admin command's language); pages use
/// [`crate::i18n::moments::ago`] in the reader's.
pub fn ago(at: DateTime<Utc>, now: DateTime<Utc>) -> String {
    i18n::moments::ago(Lang::En, at, now)
}

/// The line the admin command prints for one event.
pub fn describe(event: &SecurityEvent, now: DateTime<Utc>) -> String {
    format!("{} · {}", words(event), ago(event.at, now))
}

/// What happened, from where: "Signed in · Firefox on Linux · 203.0.113.7" (the page adds when).
pub fn words(event: &SecurityEvent) -> String {
    words_in(Lang::En, event)
}

/// [`words`] in `lang`: the kind and the device; the detail reads as it was recorded.
pub fn words_in(lang: Lang, event: &SecurityEvent) -> String {
    let mut parts = vec![event.kind.words_in(lang).to_owned()];
    if !event.detail.is_empty() {
        parts.push(event.detail.clone());
    }
    if !event.device.is_empty() {
        parts.push(device::reword(lang, &event.device));
    }
    if let Some(ip) = event.ip {
        parts.push(ip.ip().to_string());
    }
    parts.join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::trail::EventKind;

    #[test]
    fn reads_like_a_sentence() {
        let now = Utc::now();
        let event = SecurityEvent {
            kind: EventKind::SignedIn,
            at: now - chrono::Duration::minutes(5),
            ip: Some("203.0.113.7".parse().unwrap()),
            device: "Firefox on Linux".into(),
            detail: String::new(),
        };
        assert_eq!(describe(&event, now), "Signed in · Firefox on Linux · 203.0.113.7 · 5 minutes ago");
        assert_eq!(words_in(Lang::En, &event), words(&event));
        assert_eq!(ago(now - chrono::Duration::seconds(5), now), "just now");
        assert_eq!(ago(now - chrono::Duration::hours(1), now), "1 hour ago");
        assert_eq!(ago(now - chrono::Duration::hours(30), now), "yesterday");
        assert_eq!(ago(now - chrono::Duration::days(3), now), "3 days ago");
        let at = DateTime::parse_from_rfc3339("2026-11-30T06:50:59Z").unwrap().with_timezone(&Utc);
        assert_eq!(exact(at), "2026-11-30 06:50 UTC");
    }
}
