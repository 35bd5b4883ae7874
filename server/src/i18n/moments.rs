//! Moments in the reader's language: "5 minutes ago", "3. Dezember 2026".

use chrono::{DateTime, Datelike, Utc};

use super::{Lang, tr, tr_args};

/// "just now", "5 minutes ago", "3 hours ago", "yesterday", "2 days ago".
pub fn ago(lang: Lang, at: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let secs = (now - at).num_seconds().max(0);
    let (count, id) = match secs {
        0..60 => return tr(lang, "time-just-now").to_owned(),
        60..3600 => (secs / 60, "time-minutes-ago"),
        3600..86_400 => (secs / 3600, "time-hours-ago"),
        86_400..172_800 => return tr(lang, "time-yesterday").to_owned(),
        _ => (secs / 86_400, "time-days-ago"),
    };
    tr_args(lang, id, &[("count", count.into())])
}

/// The calendar date: "December 3, 2026", "3. Dezember 2026", "2026年12月3日".
pub fn date(lang: Lang, at: DateTime<Utc>) -> String {
    let month = tr(lang, &format!("month-{}", at.month()));
    // Plain text: a number argument would be formatted with the locale's digit grouping.
    tr_args(
        lang,
        "date-long",
        &[
            ("month", month.into()),
            ("day", at.day().to_string().into()),
            ("year", at.year().to_string().into()),
        ],
    )
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    #[test]
    fn dates_follow_the_language() {
        let at = Utc.with_ymd_and_hms(2026, 12, 3, 10, 0, 0).unwrap();
        assert_eq!(date(Lang::En, at), "December 3, 2026");
        assert_eq!(date(Lang::De, at), "3. Dezember 2026");
        assert_eq!(date(Lang::Ja, at), "2026年12月3日");
        assert_eq!(ago(Lang::De, at, at + chrono::Duration::hours(3)), "vor 3 Stunden");
        assert_eq!(ago(Lang::Ja, at, at + chrono::Duration::days(1)), "昨日");
    }
}
