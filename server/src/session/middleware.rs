//! Resolves the session cookie once per request and hands the result to handlers and server
//! functions as the [`Auth`] extension: nothing else parses cookies.

use std::{net::SocketAddr, sync::Arc};

use axum::{
    extract::{ConnectInfo, FromRequestParts, Request, State},
    http::{HeaderValue, Method, header::SET_COOKIE, header::USER_AGENT, request::Parts},
    middleware::Next,
    response::Response,
};

use super::{CachedSession, Resolution, Sessions, recent_write};
use crate::{client::ClientInfo, http::client_ip::client_ip, users::User};

/// What session resolution needs, built once at start-up (one `Arc` to clone per request).
pub struct Resolver {
    pub sessions: Sessions,
    /// How many proxies in front of us append to `X-Forwarded-For`.
    pub trusted_proxy_hops: u32,
}

/// The signed-in user and session of this request.
#[derive(Clone, Debug)]
pub struct Authenticated {
    pub user: Arc<User>,
    pub session: Arc<CachedSession>,
}

/// Who is making the request, if anyone.
#[derive(Clone, Debug, Default)]
pub struct Auth(pub Option<Authenticated>);

impl<S: Send + Sync> FromRequestParts<S> for Auth {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(parts.extensions.get::<Auth>().cloned().unwrap_or_default())
    }
}

pub async fn resolve_session(State(state): State<Arc<Resolver>>, mut req: Request, next: Next) -> Response {
    let peer = req.extensions().get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip());
    let client = ClientInfo {
        ip: client_ip(peer, req.headers(), state.trusted_proxy_hops),
        user_agent: req.headers().get(USER_AGENT).and_then(|v| v.to_str().ok()).unwrap_or("").to_owned(),
        // Put there by the edge layer, which runs first.
        lang: req.extensions().get::<crate::i18n::Lang>().copied().unwrap_or_default(),
    };
    let sessions = &state.sessions;
    let now = chrono::Utc::now().timestamp();
    let writes = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    let fresh = recent_write::is_recent(req.headers(), now);
    let raw = sessions.cookie.read(req.headers()).map(str::to_owned);
    let mut set_cookie: Option<HeaderValue> = None;

    let auth = match raw.as_deref().map(|v| sessions.keys.verify(v)) {
        None => Auth(None),
        Some(None) => {
            // Forged, tampered or truncated: never looked up, and removed from the browser.
            set_cookie = Some(sessions.cookie.clear());
            Auth(None)
        }
        Some(Some(token)) => match sessions.resolve(&token, fresh, &client).await {
            Ok(Resolution::Active { auth, renewed }) => {
                if let Some(next_token) = renewed {
                    set_cookie = Some(sessions.cookie.set(sessions.keys.sign(&next_token)));
                }
                Auth(Some(auth))
            }
            Ok(Resolution::SignedOut) => {
                set_cookie = Some(sessions.cookie.clear());
                Auth(None)
            }
            Err(e) => {
                // Serving the page signed out would look like a sign-out; keep the cookie.
                tracing::warn!(error = %e, "could not resolve the session; answering 503");
                let reference = crate::http::request_id::of(req.headers()).map(str::to_owned);
                return crate::http::unavailable::database_unavailable(client.lang, reference.as_deref());
            }
        },
    };
    req.extensions_mut().insert(auth);
    req.extensions_mut().insert(client);

    let mut res = next.run(req).await;
    if writes {
        res.headers_mut().append(SET_COOKIE, recent_write::mark(now, sessions.cookie.secure()));
    }
    if let Some(value) = set_cookie {
        // A handler that set the session cookie itself (sign-in, sign-out) has the last word.
        let prefix = format!("{}=", sessions.cookie.name);
        let handler_set_it = res
            .headers()
            .get_all(SET_COOKIE)
            .iter()
            .any(|v| v.to_str().is_ok_and(|s| s.starts_with(&prefix)));
        if !handler_set_it {
            res.headers_mut().append(SET_COOKIE, value);
        }
    }
    res
}
