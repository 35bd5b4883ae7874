//! Pages in the reader's language. Pages render on the server only, so translating happens
//! there ([`server::i18n`]); islands get their few strings as props, so no catalog reaches the
//! browser's WASM. `tr!("id")` for a plain message, `tr!("id", name = value)` with variables.

#[cfg(feature = "ssr")]
pub use server::i18n::{Arg, Lang};

/// The language of the request being answered (decided by `server::http::language::detect`).
#[cfg(feature = "ssr")]
pub fn lang() -> Lang {
    server::i18n::current().unwrap_or_else(|| {
        crate::api::ssr::with_request(|p| p.extensions.get::<Lang>().copied()).flatten().unwrap_or_default()
    })
}

/// The `<html lang>` / `Intl` tag of the request's language.
pub fn lang_code() -> &'static str {
    #[cfg(feature = "ssr")]
    return lang().code();
    #[cfg(not(feature = "ssr"))]
    return "en";
}

/// A message without variables.
pub fn t(id: &'static str) -> &'static str {
    #[cfg(feature = "ssr")]
    return server::i18n::tr(lang(), id);
    #[cfg(not(feature = "ssr"))]
    return id;
}

/// A message with variables.
#[cfg(feature = "ssr")]
pub fn t_args(id: &'static str, args: &[(&str, Arg)]) -> String {
    server::i18n::tr_args(lang(), id, args)
}

/// In the browser build no page renders, so no message is formatted there.
#[cfg(not(feature = "ssr"))]
pub fn t_args(id: &'static str, _args: &[(&str, Arg)]) -> String {
    id.to_owned()
}

#[cfg(not(feature = "ssr"))]
pub struct Arg;

/// A variable's value (text or a number for plural rules).
#[cfg(feature = "ssr")]
pub fn arg(value: impl Into<Arg>) -> Arg {
    value.into()
}

#[cfg(not(feature = "ssr"))]
pub fn arg<T>(_value: T) -> Arg {
    Arg
}

/// `server_tr!("id")`: words an island renders once. On the server the translation; in the
/// browser nothing, since hydration keeps the server's text and attributes as they are: the
/// words reach the page, never the WASM ([`crate::components::words`]).
#[macro_export]
macro_rules! server_tr {
    ($id:literal) => {{
        #[cfg(feature = "ssr")]
        let text: &'static str = $crate::i18n::t($id);
        #[cfg(not(feature = "ssr"))]
        let text: &'static str = "";
        text
    }};
}

/// `tr!("id")` or `tr!("id", name = value, count = n)`.
#[macro_export]
macro_rules! tr {
    ($id:literal) => {
        $crate::i18n::t($id)
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::t_args($id, &[$((stringify!($name), $crate::i18n::arg($value))),+])
    };
}
