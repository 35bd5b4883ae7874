//! Recovery ends every way in an attacker may have planted through mailed links.

use app::api::{
    email::{ChangeEmail, ForgotPassword, ResetPassword},
    security::ChangePassword,
};
use reqwest::StatusCode;

use crate::support::{
    TestApp,
    accounts::{PASSWORD, json, path},
    mail,
};

pub fn address(tag: &str) -> String {
    format!("{}@example.com", crate::support::unique_name(tag))
}

/// An attacker holding the owner's cookie and password plants an email change to their own
/// mailbox, and waits for the link.
async fn plant_email_change(app: &TestApp, cookie: &str, attacker: &str) -> String {
    let res = app
        .call(path::<ChangeEmail>(), &[("new_email", attacker), ("email_password", PASSWORD)], Some(cookie))
        .await;
    assert!(res.status().is_success(), "{}", res.status());
    mail::link(&mail::wait_for(&mail::api(), attacker, "Confirm your new email").await, "/verify-email")
}

async fn email_of(app: &TestApp, owner: &str) -> Option<String> {
    sqlx::query_scalar("SELECT email FROM users WHERE email = $1")
        .bind(owner)
        .fetch_optional(&app.state.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_password_reset_voids_a_planted_email_change() {
    let app = TestApp::spawn_with_smtp().await;
    let api = mail::api();
    let owner = address("owner");
    let attacker = address("attacker");
    let stolen = app.sign_up(&owner).await;
    let planted = plant_email_change(&app, &stolen, &attacker).await;

    // The owner notices and resets the password.
    let res = app.call(path::<ForgotPassword>(), &[("email", &owner)], None).await;
    assert!(res.status().is_success());
    let reset = mail::link(&mail::wait_for(&api, &owner, "Reset your password").await, "/reset-password");
    let token = reset.split("token=").nth(1).unwrap();
    let res = app
        .call(path::<ResetPassword>(), &[("token", token), ("new_password", "a brand new passphrase")], None)
        .await;
    assert!(res.status().is_success() || res.status().is_redirection(), "{}", res.status());

    // The planted link no longer moves the account to the attacker's mailbox.
    let res = app.bare.get(app.url(&planted)).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert_eq!(mail::spend(&app, &planted).await.status(), StatusCode::BAD_REQUEST);
    assert!(res.text().await.unwrap().contains("This link is invalid or has expired."));
    assert_eq!(email_of(&app, &owner).await.as_deref(), Some(owner.as_str()));
}

#[tokio::test]
async fn a_password_change_voids_pending_email_change_and_verification_links() {
    let app = TestApp::spawn_with_smtp().await;
    let owner = address("owner");
    let attacker = address("attacker");
    let cookie = app.sign_up(&owner).await;
    let planted = plant_email_change(&app, &cookie, &attacker).await;
    let verify =
        mail::link(&mail::wait_for(&mail::api(), &owner, "Verify your email").await, "/verify-email");

    let res = app
        .call(
            path::<ChangePassword>(),
            &[("current_password", PASSWORD), ("new_password", "another fine passphrase")],
            Some(&cookie),
        )
        .await;
    assert!(res.status().is_success(), "{}: {}", res.status(), json(res).await);

    for link in [planted, verify] {
        let res = app.bare.get(app.url(&link)).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::BAD_REQUEST, "{link} still works");
        assert_eq!(mail::spend(&app, &link).await.status(), StatusCode::BAD_REQUEST, "{link} still works");
    }
    assert_eq!(email_of(&app, &owner).await.as_deref(), Some(owner.as_str()));
}

#[tokio::test]
async fn forgot_password_answers_before_any_work_on_the_account() {
    use sqlx::Connection;
    let app = TestApp::spawn_with_smtp().await;
    let owner = address("timing");
    app.sign_up(&owner).await;

    // Hold the tables the account's work needs: the answer must not wait for them, or its
    // timing would tell a known address from an unknown one.
    let mut blocker = sqlx::PgConnection::connect(&app.database_url()).await.unwrap();
    sqlx::query("BEGIN").execute(&mut blocker).await.unwrap();
    sqlx::query("LOCK TABLE email_tokens, users IN ACCESS EXCLUSIVE MODE")
        .execute(&mut blocker)
        .await
        .unwrap();
    for typed in [owner.as_str(), "nobody-at-all@example.com"] {
        let answered = tokio::time::timeout(
            std::time::Duration::from_secs(5),
            app.call(path::<ForgotPassword>(), &[("email", typed)], None),
        )
        .await
        .unwrap_or_else(|_| panic!("{typed}: the answer waited for the account's work"));
        assert!(answered.status().is_success(), "{typed}: {}", answered.status());
    }
    sqlx::query("COMMIT").execute(&mut blocker).await.unwrap();
    mail::wait_for(&mail::api(), &owner, "Reset your password").await;
}
