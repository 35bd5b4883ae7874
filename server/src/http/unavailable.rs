//! The answer when the database cannot be reached while reading who is signed in: a 503 that
//! says so, never a page rendered as signed out (which a person would take for a sign-out).

use axum::response::Response;

pub const DATABASE_MESSAGE: &str = "We can't reach our database right now. Please try again in a moment.";

/// A small self-contained page with the request's reference for support.
pub fn database_unavailable(reference: Option<&str>) -> Response {
    super::error_page::unavailable(DATABASE_MESSAGE, reference)
}
