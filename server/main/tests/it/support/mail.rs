//! Reads what the test SMTP server (MailDev, started by `scripts/test.sh`) received.

use std::time::{Duration, Instant};

use serde_json::Value;

pub fn api() -> String {
    std::env::var("TEST_MAIL_API").expect("TEST_MAIL_API is not set: run the tests through scripts/test.sh")
}

pub fn smtp_host() -> String {
    std::env::var("TEST_SMTP_HOST").expect("TEST_SMTP_HOST is not set: run the tests through scripts/test.sh")
}

impl super::TestApp {
    /// An app that delivers mail to the test SMTP server (MailDev).
    pub async fn spawn_with_smtp() -> Self {
        let host = smtp_host();
        Self::spawn_with(&[
            ("SMTP_HOST", &host),
            ("SMTP_TLS", "plain"),
            ("NOREPLY_EMAIL", "noreply@accounts.test"),
        ])
        .await
    }
}

/// Every message delivered to `to` so far.
pub async fn messages_to(api: &str, to: &str) -> Vec<Value> {
    let url = format!("{api}/email");
    let Ok(res) = reqwest::Client::new().get(url).send().await else { return Vec::new() };
    let text = res.text().await.unwrap_or_default();
    let all: Vec<Value> = serde_json::from_str(&text).unwrap_or_default();
    all.into_iter()
        .filter(|m| m["to"].as_array().is_some_and(|t| t.iter().any(|a| a["address"].as_str() == Some(to))))
        .collect()
}

/// Waits up to 20 s for a message to `to` whose subject starts with `subject`.
pub async fn wait_for(api: &str, to: &str, subject: &str) -> Value {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        if let Some(m) = messages_to(api, to)
            .await
            .into_iter()
            .find(|m| m["subject"].as_str().is_some_and(|s| s.starts_with(subject)))
        {
            return m;
        }
        assert!(Instant::now() < deadline, "no mail \"{subject}\" to {to}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The path and query of the link to `path` in a message's text part.
pub fn link(message: &Value, path: &str) -> String {
    let text = message["text"].as_str().expect("a text part");
    let word = text
        .split_whitespace()
        .find(|w| w.contains(&format!("{path}?token=")))
        .unwrap_or_else(|| panic!("no {path} link in: {text}"));
    let start = word.find(path).unwrap();
    word[start..].to_owned()
}

/// Follows a verification or email-change link as a person does: opens its page (which spends
/// nothing), then presses its one button (a signed-out post, as from any browser). Returns the
/// button's answer.
pub async fn follow(app: &super::TestApp, link: &str) -> reqwest::Response {
    let page = app.bare.get(app.url(link)).send().await.expect("request sent");
    assert_eq!(page.status(), reqwest::StatusCode::OK, "the link's page opens");
    spend(app, link).await
}

/// Presses the button of a verification or email-change link's page (signed out).
pub async fn spend(app: &super::TestApp, link: &str) -> reqwest::Response {
    let token = link.split("token=").nth(1).expect("a token in the link");
    app.call(super::accounts::path::<app::api::email::VerifyEmail>(), &[("token", token)], None).await
}
