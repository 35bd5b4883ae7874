//! The `webauthn` cookie holds the signed tokens of this browser's last few passkey ceremonies
//! (`token|token|…`), so two tabs may each have one under way: a sign-in page left open while
//! another is opened keeps its passkey autofill. The options a page gets name their ceremony
//! (`ceremony`: the token's hash, nothing secret), the page sends that name back with the
//! signed answer, and only a ceremony whose token is in this browser's cookie is taken.

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use server::{
    AppState,
    passkeys::{CEREMONY_COOKIE as COOKIE, CEREMONY_TTL as TTL},
    session::{SessionToken, TokenHash},
};

/// Ceremonies kept per browser: the oldest is forgotten first.
const KEPT: usize = 4;
const SEPARATOR: char = '|';

/// This browser's genuine ceremony tokens, oldest first.
fn held(state: &AppState) -> Vec<SessionToken> {
    super::ssr::with_request(|p| {
        server::http::cookies::read_cookie(&p.headers, COOKIE)
            .map(|v| v.split(SEPARATOR).filter_map(|t| state.sessions.verify(t)).collect())
            .unwrap_or_default()
    })
    .unwrap_or_default()
}

fn keep(state: &AppState, tokens: &[SessionToken]) {
    let value: Vec<String> = tokens.iter().map(|t| state.sessions.sign(t)).collect();
    let ttl = if tokens.is_empty() { std::time::Duration::ZERO } else { TTL };
    super::ssr::set_cookie_value(state, COOKIE, value.join(&SEPARATOR.to_string()), ttl);
}

fn name_of(hash: &TokenHash) -> String {
    URL_SAFE_NO_PAD.encode(hash.0)
}

/// Adds a started ceremony to the cookie and puts its name into the options for the page.
pub fn started(state: &AppState, token: &SessionToken, options: String) -> String {
    let mut tokens = held(state);
    tokens.push(token.clone());
    let first = tokens.len().saturating_sub(KEPT);
    keep(state, &tokens[first..]);
    // The options are a JSON object; the name is base64url, nothing to escape.
    match options.strip_prefix('{') {
        Some(rest) => format!("{{\"ceremony\":\"{}\",{rest}", name_of(&token.hash())),
        None => options,
    }
}

/// The ceremony named by the page (the newest one when it names none), if this browser holds
/// it; it leaves the cookie either way, as it answers once.
pub fn finishing(state: &AppState, name: Option<&str>) -> Option<TokenHash> {
    let mut tokens = held(state);
    let index = match name.filter(|n| !n.is_empty()) {
        Some(n) => tokens.iter().position(|t| name_of(&t.hash()) == n)?,
        None => tokens.len().checked_sub(1)?,
    };
    let token = tokens.remove(index);
    keep(state, &tokens);
    Some(token.hash())
}
