//! A local stand-in for the Have I Been Pwned range API that records every request it gets.

use std::{
    net::SocketAddr,
    sync::{Arc, Mutex},
    time::Duration,
};

use axum::{
    Router,
    body::Body,
    extract::{Request, State},
    http::StatusCode,
    response::{IntoResponse, Response},
};
use ring::digest;

/// How the fake answers.
#[derive(Clone, Copy)]
pub enum Mode {
    /// The range lines for `breached`, as the real API does (with padding lines of count 0).
    Answer,
    /// Waits this long before answering, longer than the app's timeout.
    Hang(Duration),
    /// 500 Internal Server Error.
    Fail,
}

/// One request as the fake received it: target, headers and body, all as text.
#[derive(Clone, Debug)]
pub struct Seen {
    pub target: String,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Seen {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }

    /// Everything sent, in one string, to look for what must not be there.
    pub fn everything(&self) -> String {
        let headers: Vec<String> = self.headers.iter().map(|(n, v)| format!("{n}: {v}")).collect();
        format!("{}\n{}\n{}", self.target, headers.join("\n"), self.body)
    }
}

#[derive(Clone)]
struct Shared {
    mode: Mode,
    /// Passwords the fake knows as breached.
    breached: Vec<&'static str>,
    /// Passwords listed only on padding lines (count 0): not breached.
    padded: Vec<&'static str>,
    seen: Arc<Mutex<Vec<Seen>>>,
}

pub struct FakeRange {
    pub url: String,
    seen: Arc<Mutex<Vec<Seen>>>,
}

impl FakeRange {
    pub async fn start(mode: Mode, breached: &[&'static str], padded: &[&'static str]) -> Self {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let shared =
            Shared { mode, breached: breached.to_vec(), padded: padded.to_vec(), seen: seen.clone() };
        let router = Router::new().fallback(answer).with_state(shared);
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr: SocketAddr = listener.local_addr().unwrap();
        tokio::spawn(async move { axum::serve(listener, router).await });
        Self { url: format!("http://{addr}"), seen }
    }

    pub fn seen(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }
}

/// The uppercase hex SHA-1 of `password` (computed with ring, not the app's code).
pub fn sha1_hex(password: &str) -> String {
    let hash = digest::digest(&digest::SHA1_FOR_LEGACY_USE_ONLY, password.as_bytes());
    hash.as_ref().iter().map(|b| format!("{b:02X}")).collect()
}

async fn answer(State(shared): State<Shared>, request: Request) -> Response {
    let target = request.uri().to_string();
    let headers = request
        .headers()
        .iter()
        .map(|(n, v)| (n.as_str().to_owned(), String::from_utf8_lossy(v.as_bytes()).into_owned()))
        .collect();
    let body = axum::body::to_bytes(request.into_body(), 1 << 20).await.unwrap_or_default();
    let body = String::from_utf8_lossy(&body).into_owned();
    shared.seen.lock().unwrap().push(Seen { target: target.clone(), headers, body });
    match shared.mode {
        Mode::Hang(wait) => {
            tokio::time::sleep(wait).await;
            (StatusCode::OK, "").into_response()
        }
        Mode::Fail => (StatusCode::INTERNAL_SERVER_ERROR, "boom").into_response(),
        Mode::Answer => {
            let Some(prefix) = target.strip_prefix("/range/") else {
                return StatusCode::NOT_FOUND.into_response();
            };
            let line = |password: &str, count: u32| {
                let hash = sha1_hex(password);
                (hash[..5] == *prefix).then(|| format!("{}:{count}\r\n", &hash[5..]))
            };
            // Padding first, a breached line in the middle, more padding after.
            let mut lines = String::from("0018A45C4D1DEF81644B54AB7F969B88D65:0\r\n");
            lines.extend(shared.padded.iter().filter_map(|p| line(p, 0)));
            lines.push_str("00D4F6E8FA6EECAD2A3AA415EEC418D38EC:2\r\n");
            lines.extend(shared.breached.iter().filter_map(|p| line(p, 3_861_493)));
            lines.push_str("011053FD0102E94D6AE2F8B83D76FAF94F6:0");
            Response::builder().header("content-type", "text/plain").body(Body::from(lines)).unwrap()
        }
    }
}
