//! Breached passwords (ASVS 2.1.7): a new password found in the Have I Been Pwned range API is
//! refused on sign-up, reset and change. Only the first five hex characters of its SHA-1 leave
//! the app; a range API that is down or slow lets the password through with a warning.

pub mod fake;

use std::time::{Duration, Instant};

use app::api::{auth::SignUp, email::ResetPassword, security::ChangePassword};
use fake::{FakeRange, Mode, sha1_hex};
use reqwest::StatusCode;
use server::test_support::{Purpose, create_link};

use crate::support::{
    TestApp,
    accounts::{PASSWORD, field_error, json, path},
    log::Log,
};

const BREACHED: &str = "an old breached passphrase";
const CLEAN: &str = "a clean unlisted passphrase";
const MESSAGE: &str = "This password has appeared in a data breach. Choose another.";

fn address(tag: &str) -> String {
    format!("{}@example.com", crate::support::unique_name(tag))
}

async fn spawn(range: &FakeRange) -> TestApp {
    TestApp::spawn_with(&[("PWNED_PASSWORDS_URL", &range.url)]).await
}

async fn hash_of(app: &TestApp, email: &str) -> Option<String> {
    sqlx::query_scalar("SELECT password_hash FROM users WHERE email = $1")
        .bind(email)
        .fetch_optional(&app.state.pool)
        .await
        .unwrap()
        .flatten()
}

async fn sign_up(app: &TestApp, email: &str, password: &str) -> reqwest::Response {
    app.call(path::<SignUp>(), &[("email", email), ("password", password)], None).await
}

fn succeeded(res: &reqwest::Response) -> bool {
    res.status().is_success() || res.status().is_redirection()
}

/// Asserts `res` refused the password on `field` with the breach message.
async fn refused(res: reqwest::Response, field: &str) {
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(field_error(&json(res).await, field).as_deref(), Some(MESSAGE));
}

/// A reset link's secret for `email`, made the way the forgot-password flow makes it.
pub(super) async fn reset_token(app: &TestApp, email: &str) -> String {
    let id = sqlx::query_scalar("SELECT id FROM users WHERE email = $1")
        .bind(email)
        .fetch_one(&app.state.pool)
        .await
        .unwrap();
    let mut conn = app.state.pool.acquire().await.unwrap();
    create_link(&mut conn, id, Purpose::Reset, None).await.unwrap().secret
}

#[tokio::test]
async fn a_breached_password_is_refused_on_sign_up_reset_and_change() {
    let range = FakeRange::start(Mode::Answer, &[BREACHED], &[CLEAN]).await;
    let app = spawn(&range).await;

    // Sign-up: refused, no account made; a clean password (listed on a padding line) passes.
    let email = address("breached");
    refused(sign_up(&app, &email, BREACHED).await, "password").await;
    assert_eq!(hash_of(&app, &email).await, None, "no account was created");
    assert!(succeeded(&sign_up(&app, &email, CLEAN).await));

    // Change: refused, the password stays the same.
    let owner = address("owner");
    let cookie = app.sign_up(&owner).await;
    let before = hash_of(&app, &owner).await;
    let res = app
        .call(
            path::<ChangePassword>(),
            &[("current_password", PASSWORD), ("new_password", BREACHED)],
            Some(&cookie),
        )
        .await;
    refused(res, "new_password").await;
    assert_eq!(hash_of(&app, &owner).await, before, "the password did not change");
    assert!(app.is_signed_in(&cookie).await, "a refused change ends nothing");

    // Reset: refused, the link still works and nothing changed; then a clean one is set.
    let token = reset_token(&app, &owner).await;
    let reset = |password: &'static str| {
        let token = token.clone();
        let app = &app;
        async move {
            app.call(path::<ResetPassword>(), &[("token", &token), ("new_password", password)], None).await
        }
    };
    refused(reset(BREACHED).await, "new_password").await;
    assert_eq!(hash_of(&app, &owner).await, before, "the password did not change");
    assert!(app.is_signed_in(&cookie).await, "a refused reset ends nothing");
    assert!(succeeded(&reset(CLEAN).await), "the link still works");
    assert_ne!(hash_of(&app, &owner).await, before);

    // What left the app: a five-character prefix and the padding header, nothing else.
    let seen = range.seen();
    assert!(seen.len() >= 5, "every new password was checked: {}", seen.len());
    for request in &seen {
        let prefix = request.target.strip_prefix("/range/").expect("a range request");
        assert!(
            prefix.len() == 5 && prefix.chars().all(|c| c.is_ascii_digit() || ('A'..='F').contains(&c)),
            "the prefix is five uppercase hex characters: {prefix}"
        );
        assert_eq!(request.header("add-padding"), Some("true"));
        let sent = request.everything();
        for password in [BREACHED, CLEAN, PASSWORD] {
            let hash = sha1_hex(password);
            assert!(!sent.contains(password) && !sent.contains(&hash[5..]), "leaked: {sent}");
            assert!(!sent.to_lowercase().contains(&hash[5..].to_lowercase()), "leaked: {sent}");
        }
    }
    let prefixes: Vec<&str> = seen.iter().map(|r| &r.target["/range/".len()..]).collect();
    assert!(prefixes.contains(&&sha1_hex(BREACHED)[..5]));
}

/// A range API that hangs, fails or is not there: the password is accepted within about the
/// 2 s timeout, and a warning is logged that names neither the password nor its hash.
#[tokio::test]
async fn an_unavailable_range_api_lets_the_password_through_with_a_warning() {
    let (log, _guard) = Log::capture();
    let hanging = FakeRange::start(Mode::Hang(Duration::from_secs(3)), &[BREACHED], &[]).await;
    let failing = FakeRange::start(Mode::Fail, &[BREACHED], &[]).await;
    let absent = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        drop(listener);
        format!("http://127.0.0.1:{port}")
    };
    for url in [&hanging.url, &failing.url, &absent] {
        let app = TestApp::spawn_with(&[("PWNED_PASSWORDS_URL", url)]).await;
        let warnings_before = log.text().matches("breached-password check").count();
        let email = address("unavailable");
        let started = Instant::now();
        let res = sign_up(&app, &email, BREACHED).await;
        let took = started.elapsed();
        assert!(succeeded(&res), "{url}: {}", res.status());
        assert!(took < Duration::from_millis(2900), "{url}: took {took:?}");
        assert!(hash_of(&app, &email).await.is_some());
        let text = log.text();
        assert!(
            text.matches("breached-password check").count() > warnings_before,
            "{url}: no warning in {text}"
        );
    }
    assert_eq!(hanging.seen().len(), 1);
    assert_eq!(failing.seen().len(), 1);
    let text = log.text();
    let hash = sha1_hex(BREACHED);
    assert!(text.contains("WARN"));
    assert!(!text.contains(BREACHED) && !text.contains(&hash[..5]) && !text.contains(&hash[5..]));
}

/// Empty turns the check off, even on https where the public API is the default.
#[tokio::test]
async fn an_empty_pwned_passwords_url_sends_nothing() {
    let (log, _guard) = Log::capture();
    let app =
        TestApp::spawn_with(&[("PWNED_PASSWORDS_URL", ""), ("SERVICE_DOMAIN", "https://accounts.example")])
            .await;
    let email = address("off");
    assert!(succeeded(&sign_up(&app, &email, BREACHED).await));
    assert!(hash_of(&app, &email).await.is_some());
    assert!(!log.text().contains("breached-password check"), "nothing was tried");
}
