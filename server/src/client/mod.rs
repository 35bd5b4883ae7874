//! Who is asking: the client's address, browser and language, read once per request by the
//! session middleware and used by sessions, the security trail and notices alike (so none of
//! them depends on another for it).

use std::net::IpAddr;

use axum::{extract::FromRequestParts, http::request::Parts};

use crate::i18n::Lang;

pub mod device;

/// Facts about the client, for new sessions, the trail and notices.
#[derive(Clone, Debug, Default)]
pub struct ClientInfo {
    pub ip: Option<IpAddr>,
    pub user_agent: String,
    /// The request's language (`crate::http::language::detect`): a new account's, and that of mails to
    /// an address no account has yet.
    pub lang: Lang,
}

/// No request behind a change: an operator's command, a background task, a profile edit (which
/// records no event).
pub static NOBODY: ClientInfo = ClientInfo { ip: None, user_agent: String::new(), lang: Lang::En };

impl<S: Send + Sync> FromRequestParts<S> for ClientInfo {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(parts.extensions.get::<ClientInfo>().cloned().unwrap_or_default())
    }
}
