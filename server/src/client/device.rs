//! A readable device name from a User-Agent header.

use crate::i18n::{Lang, tr, tr_args};

/// The English name of a browser woothee does not know (as events store it).
const UNKNOWN: &str = "Unknown browser";

/// "Firefox on Linux", "Chrome on Android", or "Unknown browser": in English, as the trail
/// stores it (and compares it to know a device).
pub fn describe(user_agent: &str) -> String {
    describe_in(Lang::En, user_agent)
}

/// [`describe`] in `lang` (browser and system names stay as they are).
pub fn describe_in(lang: Lang, user_agent: &str) -> String {
    match woothee::parser::Parser::new().parse(user_agent) {
        Some(r)
            if r.name != "UNKNOWN"
                && matches!(r.category, "pc" | "smartphone" | "mobilephone" | "appliance") =>
        {
            if r.os == "UNKNOWN" { r.name.to_string() } else { on(lang, r.name, r.os) }
        }
        _ => tr(lang, "device-unknown").to_owned(),
    }
}

fn on(lang: Lang, browser: &str, os: &str) -> String {
    tr_args(lang, "device-on", &[("browser", browser.into()), ("os", os.into())])
}

/// A description [`describe`] made in English (the trail keeps them), in `lang`.
pub fn reword(lang: Lang, stored: &str) -> String {
    if lang == Lang::En {
        return stored.to_owned();
    }
    if stored == UNKNOWN {
        return tr(lang, "device-unknown").to_owned();
    }
    match stored.split_once(" on ") {
        Some((browser, os)) => on(lang, browser, os),
        None => stored.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_common_browsers() {
        let chrome = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";
        assert_eq!(super::describe(chrome), "Chrome on Linux");
        assert_eq!(super::describe("curl/8.0"), "Unknown browser");
        assert_eq!(super::describe(""), "Unknown browser");
        assert_eq!(super::describe_in(Lang::De, ""), tr(Lang::De, "device-unknown"));
        assert_eq!(super::reword(Lang::En, "Chrome on Linux"), "Chrome on Linux");
        assert_eq!(super::reword(Lang::De, "Unknown browser"), tr(Lang::De, "device-unknown"));
        assert_eq!(super::reword(Lang::Ja, "Chrome on Linux"), super::describe_in(Lang::Ja, chrome));
    }
}
