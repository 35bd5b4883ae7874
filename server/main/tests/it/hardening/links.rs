//! Mailed links: a scanner that opens them spends nothing, a mail whose link expired is never
//! sent, no live link stays in the outbox after a mail is sent or given up on, and no link
//! reaches the log except in the local default (no SMTP, not https), where the log is the inbox.

use std::time::{Duration, Instant};

use app::api::{
    auth::SignUp,
    email::{ChangeEmail, ForgotPassword, VerifyEmail},
};
use reqwest::{StatusCode, header};

use crate::support::{
    TestApp,
    accounts::{PASSWORD, path, set_cookie},
    log::Log,
    mail,
};

fn address(tag: &str) -> String {
    format!("{}@example.com", crate::support::unique_name(tag))
}

/// An SMTP address where nothing listens: every delivery fails at once.
fn dead_smtp() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    format!("127.0.0.1:{port}")
}

async fn spawn_with_dead_smtp() -> TestApp {
    TestApp::spawn_with(&[
        ("SMTP_HOST", &dead_smtp()),
        ("SMTP_TLS", "plain"),
        ("NOREPLY_EMAIL", "noreply@accounts.test"),
    ])
    .await
}

/// Signs up without marking the address verified; returns the session cookie.
async fn sign_up_unverified(app: &TestApp, email: &str) -> String {
    let res = app.call(path::<SignUp>(), &[("email", email), ("password", PASSWORD)], None).await;
    assert!(res.status().is_success() || res.status().is_redirection(), "{}", res.status());
    crate::support::accounts::session_cookie(&res).expect("a session")
}

async fn verified(app: &TestApp, email: &str) -> bool {
    sqlx::query_scalar("SELECT email_verified_at IS NOT NULL FROM users WHERE email = $1")
        .bind(email)
        .fetch_one(&app.state.pool)
        .await
        .unwrap()
}

/// Polls `sql` (one boolean) until it is true, for at most 20 s.
async fn until(app: &TestApp, sql: &str, bind: &str) {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let done: Option<bool> =
            sqlx::query_scalar(sql).bind(bind).fetch_optional(&app.state.pool).await.unwrap();
        if done == Some(true) {
            return;
        }
        assert!(Instant::now() < deadline, "timed out waiting for: {sql}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn opening_a_link_spends_nothing_and_its_button_works_without_javascript() {
    let app = TestApp::spawn_with_smtp().await;
    let email = address("scanner");
    let cookie = sign_up_unverified(&app, &email).await;
    let link = mail::link(&mail::wait_for(&mail::api(), &email, "Verify your email").await, "/verify-email");

    // A mail scanner fetches the link, even with the person's cookie: nothing is spent.
    for _ in 0..3 {
        let res = app.bare.get(app.url(&link)).header(header::COOKIE, &cookie).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        assert!(res.text().await.unwrap().contains("Verify my email"));
    }
    assert!(!verified(&app, &email).await, "a GET verified the address");

    // The button, as a plain form post: redirected to the outcome, carried by the flash cookie.
    let token = link.split("token=").nth(1).unwrap();
    let res = app.html_post(&link, path::<VerifyEmail>(), &[("token", token)], None).await;
    assert!(res.status().is_redirection(), "{}", res.status());
    let location = res.headers()[header::LOCATION].to_str().unwrap().to_owned();
    assert!(location.ends_with("/verify-email"), "outcome not in the URL: {location}");
    let flash = set_cookie(&res, "flash").expect("the outcome travels in the flash cookie");
    let page = app.bare.get(app.url("/verify-email")).header(header::COOKIE, &flash).send().await.unwrap();
    assert!(page.text().await.unwrap().contains("Your email is verified."));
    assert!(verified(&app, &email).await);

    // A crafted `?done=` shows nothing.
    let page = app.bare.get(app.url("/verify-email?done=verified")).send().await.unwrap();
    assert!(!page.text().await.unwrap().contains("Your email is verified."));
}

#[tokio::test]
async fn opening_an_email_change_link_moves_nothing() {
    let app = TestApp::spawn_with_smtp().await;
    let old = address("old");
    let new = address("new");
    let cookie = app.sign_up(&old).await;
    let res = app
        .call(path::<ChangeEmail>(), &[("new_email", &new), ("email_password", PASSWORD)], Some(&cookie))
        .await;
    assert!(res.status().is_success(), "{}", res.status());
    let link =
        mail::link(&mail::wait_for(&mail::api(), &new, "Confirm your new email").await, "/verify-email");
    for _ in 0..3 {
        let page = app.bare.get(app.url(&link)).send().await.unwrap().text().await.unwrap();
        assert!(page.contains("Confirm the new address"), "{page}");
    }
    let current: String = sqlx::query_scalar("SELECT email FROM users WHERE email IN ($1, $2)")
        .bind(&old)
        .bind(&new)
        .fetch_one(&app.state.pool)
        .await
        .unwrap();
    assert_eq!(current, old, "a GET moved the account");

    let token = link.split("token=").nth(1).unwrap();
    let res = app.html_post(&link, path::<VerifyEmail>(), &[("token", token)], None).await;
    let flash = set_cookie(&res, "flash").expect("a flash cookie");
    let page = app.bare.get(app.url("/verify-email")).header(header::COOKIE, &flash).send().await.unwrap();
    assert!(page.text().await.unwrap().contains("Your new address is confirmed."));
}

#[tokio::test]
async fn a_mail_whose_link_expired_is_dropped_unsent() {
    // Mail cannot leave this instance: the verification mail waits in the outbox.
    let stuck = spawn_with_dead_smtp().await;
    let email = address("expired");
    sign_up_unverified(&stuck, &email).await;
    until(&stuck, "SELECT attempts > 0 FROM outbox WHERE to_address = $1", &email).await;

    // Its link expires before the mail server comes back.
    sqlx::query("UPDATE outbox SET link_expires_at = now() - interval '1 second', next_attempt_at = now() WHERE to_address = $1")
        .bind(&email)
        .execute(&stuck.state.pool)
        .await
        .unwrap();
    let smtp = mail::smtp_host();
    let healthy = stuck
        .spawn_sibling(&[
            ("SMTP_HOST", &smtp),
            ("SMTP_TLS", "plain"),
            ("NOREPLY_EMAIL", "noreply@accounts.test"),
        ])
        .await;
    healthy.state.email.outbox.wake();
    until(&healthy, "SELECT failed_at IS NOT NULL FROM outbox WHERE to_address = $1", &email).await;

    let (error, text, html, sent): (String, String, String, bool) = sqlx::query_as(
        "SELECT last_error, text_body, html_body, sent_at IS NOT NULL FROM outbox WHERE to_address = $1",
    )
    .bind(&email)
    .fetch_one(&healthy.state.pool)
    .await
    .unwrap();
    assert_eq!(error, server::test_support::OUTBOX_EXPIRED, "the reason is recorded");
    assert!(!sent);
    assert_eq!((text.as_str(), html.as_str()), ("", ""), "the dead link is not kept");
    assert!(mail::messages_to(&mail::api(), &email).await.is_empty(), "an expired link was mailed");
}

#[tokio::test]
async fn no_link_stays_in_the_outbox_after_sending_or_failing() {
    // Sent: every flow that mails a link.
    let app = TestApp::spawn_with_smtp().await;
    let email = address("sent");
    let cookie = sign_up_unverified(&app, &email).await;
    mail::wait_for(&mail::api(), &email, "Verify your email").await;
    let res = app.call(path::<ForgotPassword>(), &[("email", &email)], None).await;
    assert!(res.status().is_success());
    mail::wait_for(&mail::api(), &email, "Reset your password").await;
    sqlx::query("UPDATE users SET email_verified_at = now() WHERE email = $1")
        .bind(&email)
        .execute(&app.state.pool)
        .await
        .unwrap();
    app.state.sessions.caches.clear();
    let new = address("moved");
    let res = app
        .call(path::<ChangeEmail>(), &[("new_email", &new), ("email_password", PASSWORD)], Some(&cookie))
        .await;
    assert!(res.status().is_success(), "{}", res.status());
    mail::wait_for(&mail::api(), &new, "Confirm your new email").await;
    until(&app, "SELECT bool_and(sent_at IS NOT NULL) FROM outbox WHERE $1 <> ''", "all").await;
    let with_links: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM outbox WHERE text_body LIKE '%token=%' OR html_body LIKE '%token=%'",
    )
    .fetch_one(&app.state.pool)
    .await
    .unwrap();
    assert_eq!(with_links, 0, "a sent mail kept its link");

    // Given up on after 48 hours of failed attempts.
    let stuck = spawn_with_dead_smtp().await;
    let email = address("failing");
    sign_up_unverified(&stuck, &email).await;
    until(&stuck, "SELECT attempts > 0 FROM outbox WHERE to_address = $1", &email).await;
    sqlx::query("UPDATE outbox SET created_at = now() - interval '49 hours', next_attempt_at = now() WHERE to_address = $1")
        .bind(&email)
        .execute(&stuck.state.pool)
        .await
        .unwrap();
    stuck.state.email.outbox.wake();
    until(&stuck, "SELECT failed_at IS NOT NULL FROM outbox WHERE to_address = $1", &email).await;
    let (text, html, error): (String, String, String) =
        sqlx::query_as("SELECT text_body, html_body, last_error FROM outbox WHERE to_address = $1")
            .bind(&email)
            .fetch_one(&stuck.state.pool)
            .await
            .unwrap();
    assert_eq!((text.as_str(), html.as_str()), ("", ""), "a failed mail kept its link");
    assert_ne!(error, server::test_support::OUTBOX_EXPIRED, "failed for its own reason");
}

/// Signs up on `app` (which writes mail to disk) and waits for the mail file.
async fn sign_up_and_wait_for_the_file(app: &TestApp) {
    let email = address("logged");
    let res = app.call(path::<SignUp>(), &[("email", &email), ("password", PASSWORD)], None).await;
    assert!(res.status().is_success() || res.status().is_redirection(), "{}", res.status());
    let dir = app.data_dir.join("mail");
    let deadline = Instant::now() + Duration::from_secs(20);
    while std::fs::read_dir(&dir).map_or(0, |d| d.count()) == 0 {
        assert!(Instant::now() < deadline, "no mail written to {}", dir.display());
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn links_reach_the_log_only_in_the_local_default() {
    let (log, _guard) = Log::capture();

    // SMTP: every link-carrying flow, and not one link in the log.
    let app = TestApp::spawn_with_smtp().await;
    let email = address("smtp-log");
    let cookie = sign_up_unverified(&app, &email).await;
    let verify =
        mail::link(&mail::wait_for(&mail::api(), &email, "Verify your email").await, "/verify-email");
    app.call(path::<ForgotPassword>(), &[("email", &email)], None).await;
    let reset =
        mail::link(&mail::wait_for(&mail::api(), &email, "Reset your password").await, "/reset-password");
    mail::follow(&app, &verify).await;
    let new = address("smtp-log-new");
    app.call(path::<ChangeEmail>(), &[("new_email", &new), ("email_password", PASSWORD)], Some(&cookie))
        .await;
    let change =
        mail::link(&mail::wait_for(&mail::api(), &new, "Confirm your new email").await, "/verify-email");
    let text = log.text();
    for link in [&verify, &reset, &change] {
        let token = link.split("token=").nth(1).unwrap();
        assert!(!text.contains(token), "a link was logged with SMTP configured");
    }
    assert!(!text.contains("token="));

    // Mail written to disk on https (a deployment without SMTP): no link either.
    let https = TestApp::spawn_with(&[("SERVICE_DOMAIN", "https://accounts.example")]).await;
    sign_up_and_wait_for_the_file(&https).await;
    assert!(!log.text().contains("token="), "a link was logged on https");

    // The local default: the log is the inbox (which also shows the capture works).
    let local = TestApp::spawn().await;
    sign_up_and_wait_for_the_file(&local).await;
    assert!(log.text().contains("/verify-email?token="), "the local default logs its links");
}
