//! The strength meter (ASVS 2.1.8) asks the server's own rule: what it calls weak is what a
//! submit refuses, judged with the same address words, and it never sends anything to the
//! breached-password API.

use app::api::{auth::SignUp, password::PasswordStrength};
use reqwest::StatusCode;

use super::breached::fake::{FakeRange, Mode};
use crate::support::{
    TestApp,
    accounts::{json, path},
};

async fn meter(app: &TestApp, password: &str, email: &str, cookie: Option<&str>) -> (String, bool) {
    meter_with(app, &[("password", password), ("email", email), ("token", "")], cookie).await
}

async fn meter_with(app: &TestApp, form: &[(&str, &str)], cookie: Option<&str>) -> (String, bool) {
    let res = app.call(path::<PasswordStrength>(), form, cookie).await;
    assert_eq!(res.status(), StatusCode::OK);
    let body = json(res).await;
    let text = body["text"].as_str().unwrap();
    let word = text.strip_prefix("Strength: ").unwrap_or_else(|| panic!("the meter says {text}"));
    (word.to_owned(), body["accepted"].as_bool().unwrap())
}

#[tokio::test]
async fn the_meter_says_what_a_submit_would_refuse() {
    let range = FakeRange::start(Mode::Answer, &[], &[]).await;
    let app = TestApp::spawn_with(&[("PWNED_PASSWORDS_URL", &range.url)]).await;
    // Random letters are strong, unless they are the address's own words.
    let email = "qzxvbtrwplk@example.com";
    assert_eq!(meter(&app, "qzxvbtrwplkexample", "ada@example.com", None).await.0, "Strong");
    let cases = [
        ("short", "Too short", false),
        ("password1234", "Weak", false),
        ("qzxvbtrwplkexample", "Weak", false),
        ("violet kettle orbit sandwich", "Strong", true),
    ];
    for (password, word, accepted) in cases {
        assert_eq!(meter(&app, password, email, None).await, (word.to_owned(), accepted), "{password}");
        let res = app.call(path::<SignUp>(), &[("email", email), ("password", password)], None).await;
        let refused = res.status() == StatusCode::UNPROCESSABLE_ENTITY;
        assert_eq!(!refused, accepted, "{password}: the submit agrees with the meter");
    }
    assert!(range.seen().len() <= 1, "only the submitted strong password was looked up");
}

#[tokio::test]
async fn signed_in_or_on_a_reset_link_the_meter_uses_the_account_address() {
    let app = TestApp::spawn().await;
    let email = "qzxvbtrwplk@example.com";
    let cookie = app.sign_up(email).await;
    assert_eq!(meter(&app, "qzxvbtrwplkexample", "", None).await.0, "Strong", "judged without an address");
    // The change form sends no address: the signed-in account's own counts.
    assert_eq!(meter(&app, "qzxvbtrwplkexample", "", Some(&cookie)).await.0, "Weak");
    // The reset form sends its link's token: that account's address counts.
    let token = super::breached::reset_token(&app, email).await;
    let form = [("password", "qzxvbtrwplkexample"), ("email", ""), ("token", token.as_str())];
    assert_eq!(meter_with(&app, &form, None).await.0, "Weak");
}
