//! The error type of form-backed server functions. It crosses the wire (JSON), and without
//! JavaScript it travels in the redirect URL, so it carries what the page needs to show the
//! error again: a message per field and the non-secret values that were typed.

use leptos::server_fn::{
    codec::JsonEncoding,
    error::{FromServerFnError, ServerFnErrorErr},
};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FormError {
    /// A message for the whole form.
    pub message: Option<String>,
    /// Messages for single inputs, by input name.
    pub fields: Vec<(String, String)>,
    /// Non-secret values to put back in the form (never passwords).
    pub values: Vec<(String, String)>,
    /// A machine-readable reason when the page shows extra help (e.g. `email_taken`).
    pub code: Option<String>,
}

impl FormError {
    pub fn message(text: impl Into<String>) -> Self {
        Self { message: Some(text.into()), ..Self::default() }
    }

    pub fn field(&self, name: &str) -> Option<String> {
        self.fields.iter().find(|(f, _)| f == name).map(|(_, m)| m.clone())
    }

    pub fn value(&self, name: &str) -> Option<String> {
        self.values.iter().find(|(f, _)| f == name).map(|(_, v)| v.clone())
    }
}

impl std::fmt::Display for FormError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = self.message.clone().or_else(|| self.fields.first().map(|(_, m)| m.clone()));
        f.write_str(match text.as_deref() {
            Some(text) => text,
            None => fallback(),
        })
    }
}

/// "Something went wrong.", for an error without a message.
fn fallback() -> &'static str {
    #[cfg(feature = "ssr")]
    return tr!("form-error-fallback");
    #[cfg(not(feature = "ssr"))]
    return "Something went wrong.";
}

impl FromServerFnError for FormError {
    type Encoder = JsonEncoding;

    /// Made on the server (in the reader's language) and in the browser, which has no catalog
    /// and keeps the English.
    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::Request(_) => Self::message(unreachable_message()),
            ServerFnErrorErr::Args(_) | ServerFnErrorErr::Deserialization(_) => {
                Self::message(incomplete_message())
            }
            _ => Self::message(generic_message()),
        }
    }
}

fn unreachable_message() -> &'static str {
    #[cfg(feature = "ssr")]
    return tr!("form-error-unreachable");
    #[cfg(not(feature = "ssr"))]
    return "Could not reach the server. Check your connection and try again.";
}

fn incomplete_message() -> &'static str {
    #[cfg(feature = "ssr")]
    return tr!("form-error-incomplete");
    #[cfg(not(feature = "ssr"))]
    return "The form was incomplete. Please fill it in again.";
}

fn generic_message() -> &'static str {
    #[cfg(feature = "ssr")]
    return tr!("form-error-generic");
    #[cfg(not(feature = "ssr"))]
    return "Something went wrong. Please try again.";
}
