//! Notices nobody can silence: a flood of links aimed at an inbox (which anyone can cause with
//! "Forgot password?") never crowds out the notice of a change to the account, and notices do
//! not use up the links' budget. Their "This wasn't me" link is tested in `not_me.rs`.

use std::time::{Duration, Instant};

use app::api::{email::ForgotPassword, security::ChangePassword};
use reqwest::header;
use server::i18n::Lang::En;

use super::recovery::address;
use crate::support::{
    TestApp,
    accounts::{PASSWORD, path, session_cookie},
};

const FIREFOX: &str = "Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0";
pub(super) const NEW_PASSWORD: &str = "another fine passphrase";

/// Signs in from Firefox, a browser the account has not used: a "New sign-in" notice.
pub(super) async fn sign_in_from_firefox(app: &TestApp, email: &str, password: &str) -> String {
    let res = app
        .bare
        .post(app.url(path::<app::api::auth::SignIn>()))
        .header(header::ORIGIN, &app.state.config.service_domain)
        .header(header::ACCEPT, "application/json")
        .header(header::USER_AGENT, FIREFOX)
        .form(&[("identifier", email), ("password", password)])
        .send()
        .await
        .unwrap();
    session_cookie(&res).unwrap_or_else(|| panic!("signed in from Firefox: {}", res.status()))
}

/// Polls `sql` (one bigint, bound to `email`) until it reaches `n`, for at most 20 s.
async fn until_count(app: &TestApp, sql: &str, email: &str, n: i64) {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let count: i64 = sqlx::query_scalar(sql).bind(email).fetch_one(&app.state.pool).await.unwrap();
        if count >= n {
            return;
        }
        assert!(Instant::now() < deadline, "timed out waiting for {n}: {sql}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// A stranger asks for reset links to the address until its hourly budget is spent.
async fn flood_with_reset_links(app: &TestApp, email: &str) {
    for _ in 0..5 {
        let res = app.call(path::<ForgotPassword>(), &[("email", email)], None).await;
        assert!(res.status().is_success(), "{}", res.status());
    }
    let tokens = "SELECT count(*) FROM email_tokens t JOIN users u ON u.id = t.user_id \
                  WHERE u.email = $1 AND t.purpose = 'reset'";
    until_count(app, tokens, email, 5).await;
}

async fn queued(app: &TestApp, email: &str, subject: &str) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM outbox WHERE to_address = $1 AND subject LIKE $2 || '%'")
        .bind(email)
        .bind(subject)
        .fetch_one(&app.state.pool)
        .await
        .unwrap()
}

pub(super) async fn change_password(app: &TestApp, cookie: &str) -> String {
    let form = [("current_password", PASSWORD), ("new_password", NEW_PASSWORD)];
    let res = app.call(path::<ChangePassword>(), &form, Some(cookie)).await;
    assert!(res.status().is_success(), "{}", res.status());
    session_cookie(&res).expect("the device keeps a fresh session")
}

#[tokio::test]
async fn a_flood_of_reset_links_does_not_silence_the_notices() {
    let app = TestApp::spawn().await;
    let email = address("flooded");
    let cookie = app.sign_up(&email).await;
    flood_with_reset_links(&app, &email).await;
    assert!(queued(&app, &email, "Reset your password").await <= 5, "the links keep their cap");

    // The thief, holding the password, signs in and changes it: the owner is told, twice.
    sign_in_from_firefox(&app, &email, PASSWORD).await;
    change_password(&app, &cookie).await;
    assert_eq!(queued(&app, &email, "New sign-in to").await, 1, "the new sign-in notice was dropped");
    assert_eq!(queued(&app, &email, "Your password was changed").await, 1, "the notice was dropped");
}

#[tokio::test]
async fn notices_leave_the_budget_of_links_alone() {
    let app = TestApp::spawn().await;
    let email = address("noticed");
    app.sign_up(&email).await;
    let site = &app.state.email.outbox.site;
    let mut tx = app.state.pool.begin().await.unwrap();
    for _ in 0..6 {
        server::test_support::enqueue(&mut tx, &site.provider_disconnected(En, &email, "Google"))
            .await
            .unwrap();
    }
    tx.commit().await.unwrap();
    assert_eq!(queued(&app, &email, "Google was disconnected").await, 6);

    // The owner asks for a reset link: six notices this hour do not stop it.
    app.call(path::<ForgotPassword>(), &[("email", &email)], None).await;
    let links = "SELECT count(*) FROM outbox WHERE to_address = $1 AND subject LIKE 'Reset your password%'";
    until_count(&app, links, &email, 1).await;
}
