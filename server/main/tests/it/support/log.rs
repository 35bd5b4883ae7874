//! What the app logs during a test, captured as the JSON lines `LOG_FORMAT=json` writes (the
//! request span, with its `id`, under `span`). The capture is the test thread's default
//! subscriber: `#[tokio::test]` runs the app's tasks on that thread, so they log into it, and
//! tests running in parallel on other threads do not.

use std::{
    io::Write,
    sync::{Arc, Mutex},
};

use serde_json::Value;
use tracing::subscriber::DefaultGuard;

#[derive(Clone, Default)]
pub struct Log(Arc<Mutex<Vec<u8>>>);

impl Write for Log {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Log {
    /// Captures until the guard is dropped.
    pub fn capture() -> (Self, DefaultGuard) {
        let log = Self::default();
        let writer = log.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_max_level(tracing::Level::INFO)
            .with_target(true)
            .with_writer(move || writer.clone())
            .json()
            .with_current_span(true)
            .with_span_list(false)
            .finish();
        (log, tracing::subscriber::set_default(subscriber))
    }

    /// Everything captured, as written (one JSON object a line).
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }

    pub fn lines(&self) -> Vec<Value> {
        let text = String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned();
        text.lines().map(|l| serde_json::from_str(l).unwrap_or_else(|_| panic!("not JSON: {l}"))).collect()
    }

    /// The lines logged inside the request whose `X-Request-Id` is `id`.
    pub fn of_request(&self, id: &str) -> Vec<Value> {
        self.lines().into_iter().filter(|l| l["span"]["id"].as_str() == Some(id)).collect()
    }

    /// The `security` lines of that request.
    pub fn security(&self, id: &str) -> Vec<Value> {
        self.of_request(id).into_iter().filter(|l| l["target"] == "security").collect()
    }
}

/// The request id a response carries.
pub fn request_id(res: &reqwest::Response) -> String {
    res.headers()["x-request-id"].to_str().unwrap().to_owned()
}
