//! The answer when the database cannot be reached while reading who is signed in: a 503 that
//! says so, never a page rendered as signed out (which a person would take for a sign-out).

use axum::response::Response;

use crate::i18n::Lang;

/// "We can't reach our database right now. …" (a message id).
pub const DATABASE_MESSAGE: &str = "err-page-database";

/// A small self-contained page in `lang` with the request's reference for support.
pub fn database_unavailable(lang: Lang, reference: Option<&str>) -> Response {
    super::error_page::unavailable(lang, DATABASE_MESSAGE, reference)
}
