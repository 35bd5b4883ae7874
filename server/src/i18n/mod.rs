//! The reader's language and the translated strings of pages and mails ([`catalog`]), from
//! `locales/<lang>/*.ftl` (Project Fluent). The edge layer decides a request's language (the
//! `language` module of `http`: the `lang` cookie, else `Accept-Language`, else English).

pub mod catalog;
pub mod moments;

pub use catalog::{Arg, missing_marker, tr, tr_args};

tokio::task_local! {
    /// The language of the request whose future is being polled, set at the edge: a page reads
    /// it for each of its many labels instead of looking up the request in the render context.
    static CURRENT: Lang;
}

/// The language of the request being answered, when called from within its future (not from a
/// task of its own, such as a resource's: those read the request's extensions).
pub fn current() -> Option<Lang> {
    CURRENT.try_with(|lang| *lang).ok()
}

/// Runs `request` (a request's future) with `lang` as its [`current`] language.
pub async fn answer_in<F: Future>(lang: Lang, request: F) -> F::Output {
    CURRENT.scope(lang, request).await
}

/// The languages the service speaks. English is the fallback for everything.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Lang {
    #[default]
    En,
    De,
    Ja,
}

/// The cookie the language picker sets (not HttpOnly: nothing secret, like `theme`).
pub const COOKIE: &str = "lang";
const MAX_AGE_SECS: u64 = 365 * 24 * 3600;

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::De, Lang::Ja];

    /// The BCP 47 tag: `<html lang>`, the cookie and `users.lang`.
    pub fn code(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::De => "de",
            Self::Ja => "ja",
        }
    }

    /// The language's own name, as the picker lists it.
    pub fn native_name(self) -> &'static str {
        match self {
            Self::En => "English",
            Self::De => "Deutsch",
            Self::Ja => "日本語",
        }
    }

    /// Exactly one of the codes above; anything else is `None`.
    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|lang| lang.code() == code)
    }

    /// The `Set-Cookie` value that keeps this choice for a year.
    pub fn cookie(self, secure: bool) -> String {
        let secure = if secure { "; Secure" } else { "" };
        format!("{COOKIE}={}; Path=/; Max-Age={MAX_AGE_SECS}; SameSite=Lax{secure}", self.code())
    }

    pub(crate) fn index(self) -> usize {
        self as usize
    }
}
