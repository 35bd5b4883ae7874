//! Which language a request gets, decided once by a middleware and left in the request's
//! extensions for pages, server functions and mails to read.

use axum::extract::Request;
use http::{HeaderMap, header::ACCEPT_LANGUAGE};

use super::cookies::read_cookie;
use crate::i18n::{COOKIE, Lang};

/// Puts the request's [`Lang`] into its extensions and returns it (called by the edge layer,
/// which every request passes: a layer of its own would cost each request a boxed future).
pub fn detect(request: &mut Request) -> Lang {
    let lang = of_headers(request.headers());
    request.extensions_mut().insert(lang);
    lang
}

/// The `lang` cookie, else the best `Accept-Language` match, else English.
pub fn of_headers(headers: &HeaderMap) -> Lang {
    if let Some(lang) = read_cookie(headers, COOKIE).and_then(Lang::parse) {
        return lang;
    }
    headers.get(ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).map(from_accept_language).unwrap_or_default()
}

/// The supported language with the highest `q` (ties: the earlier one); `de-CH` counts as `de`.
pub fn from_accept_language(header: &str) -> Lang {
    let mut best: Option<(Lang, f32)> = None;
    for item in header.split(',').take(20) {
        let mut parts = item.split(';');
        let tag = parts.next().unwrap_or("").trim();
        let q = parts
            .find_map(|p| p.trim().strip_prefix("q="))
            .and_then(|q| q.trim().parse::<f32>().ok())
            .unwrap_or(1.0);
        let primary = tag.split('-').next().unwrap_or("").to_ascii_lowercase();
        let Some(lang) = Lang::parse(&primary) else { continue };
        if q > 0.0 && best.is_none_or(|(_, b)| q > b) {
            best = Some((lang, q));
        }
    }
    best.map(|(lang, _)| lang).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_picks_the_best_supported() {
        assert_eq!(from_accept_language("de-CH,de;q=0.9,en;q=0.8"), Lang::De);
        assert_eq!(from_accept_language("fr-FR,ja;q=0.5,en;q=0.4"), Lang::Ja);
        assert_eq!(from_accept_language("en;q=0.2, ja;q=0.9"), Lang::Ja);
        assert_eq!(from_accept_language("fr, it"), Lang::En);
        assert_eq!(from_accept_language("de;q=0"), Lang::En);
        assert_eq!(from_accept_language(""), Lang::En);
    }

    #[test]
    fn the_cookie_wins_over_the_header() {
        let mut headers = HeaderMap::new();
        headers.insert(ACCEPT_LANGUAGE, "de".parse().unwrap());
        assert_eq!(of_headers(&headers), Lang::De);
        headers.insert(http::header::COOKIE, "theme=dark; lang=ja".parse().unwrap());
        assert_eq!(of_headers(&headers), Lang::Ja);
        headers.insert(http::header::COOKIE, "lang=xx".parse().unwrap());
        assert_eq!(of_headers(&headers), Lang::De);
    }
}
