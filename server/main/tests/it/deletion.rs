//! "Delete account" with a grace period: unusable at once, kept by signing in, deleted for
//! good once the time is up, by one instance.

use app::api::{
    auth::SignUp,
    profile::{DeleteAccount, DeleteNow, KeepAccount},
    security::ListDevices,
};
use reqwest::{StatusCode, header};

use crate::support::{
    TestApp,
    accounts::{PASSWORD, path, session_cookie},
};

const GRACE: [(&str, &str); 1] = [("ACCOUNT_DELETION_GRACE", "7days")];

fn address(tag: &str) -> String {
    format!("{}@example.com", crate::support::unique_name(tag))
}

async fn scalar<T: for<'r> sqlx::Decode<'r, sqlx::Postgres> + sqlx::Type<sqlx::Postgres> + Send + Unpin>(
    app: &TestApp,
    sql: &str,
    email: &str,
) -> T {
    sqlx::query_scalar(sql).bind(email).fetch_one(&app.state.pool).await.unwrap()
}

async fn delete(app: &TestApp, cookie: &str) {
    let res = app.call(path::<DeleteAccount>(), &[("password", PASSWORD)], Some(cookie)).await;
    assert!(res.status().is_success() || res.status().is_redirection(), "{}", res.status());
}

#[tokio::test]
async fn deletion_waits_and_signing_in_keeps_the_account() {
    let app = TestApp::spawn_with(&GRACE).await;
    let email = address("grace");
    let cookie = app.sign_up(&email).await;
    sqlx::query("UPDATE users SET username = $2 WHERE email = $1")
        .bind(&email)
        .bind(crate::support::unique_name("u"))
        .execute(&app.state.pool)
        .await
        .unwrap();
    let username: String = scalar(&app, "SELECT username FROM users WHERE email = $1", &email).await;
    assert_eq!(app.get(&format!("/u/{username}")).await.status(), StatusCode::OK);
    let page = app.get_with("/account/security", &cookie).await.text().await.unwrap();
    assert!(page.contains("The account is deleted 7 days later"), "the page says when: {page}");
    assert!(!page.contains("cannot be undone"), "the page says deletion is final while it can be undone");

    delete(&app, &cookie).await;
    assert!(!app.is_signed_in(&cookie).await, "the session outlived the request to delete");
    let days: f64 = scalar(
        &app,
        "SELECT EXTRACT(EPOCH FROM deletion_due_at - now())::float8 / 86400 FROM users WHERE email = $1",
        &email,
    )
    .await;
    assert!((6.99..=7.0).contains(&days), "due in {days} days");
    assert_eq!(
        app.get(&format!("/u/{username}")).await.status(),
        StatusCode::NOT_FOUND,
        "the profile is gone at once"
    );
    let mailed: i64 = scalar(
        &app,
        "SELECT count(*) FROM outbox WHERE to_address = $1 AND subject LIKE 'Your account will be deleted%'",
        &email,
    )
    .await;
    assert_eq!(mailed, 1);
    // The address stays taken.
    let again = app.call(path::<SignUp>(), &[("email", &email), ("password", PASSWORD)], None).await;
    assert_eq!(again.status(), StatusCode::CONFLICT);

    // Signing in leads to "Keep my account" / "Delete now", and nothing else works.
    let signed_in =
        session_cookie(&app.sign_in(&email, PASSWORD).await).expect("a sign-in during the grace period");
    let home = app.get_with("/account", &signed_in).await;
    assert_eq!(home.status(), StatusCode::SEE_OTHER);
    assert_eq!(home.headers()[header::LOCATION], "/account/deletion");
    let page = app.get_with("/account/deletion", &signed_in).await.text().await.unwrap();
    assert!(page.contains("Keep my account") && page.contains("Delete now"), "{page}");
    assert_eq!(app.call(path::<ListDevices>(), &[], Some(&signed_in)).await.status(), StatusCode::FORBIDDEN);

    let kept = app.call(path::<KeepAccount>(), &[], Some(&signed_in)).await;
    assert!(kept.status().is_success() || kept.status().is_redirection(), "{}", kept.status());
    assert_eq!(app.get_with("/account", &signed_in).await.status(), StatusCode::OK);
    let due: Option<chrono::DateTime<chrono::Utc>> =
        scalar(&app, "SELECT deletion_due_at FROM users WHERE email = $1", &email).await;
    assert!(due.is_none());
}

#[tokio::test]
async fn delete_now_during_the_grace_period() {
    let app = TestApp::spawn_with(&GRACE).await;
    let email = address("grace-now");
    let cookie = app.sign_up(&email).await;
    delete(&app, &cookie).await;
    let signed_in = session_cookie(&app.sign_in(&email, PASSWORD).await).unwrap();
    let res = app.call(path::<DeleteNow>(), &[], Some(&signed_in)).await;
    assert!(res.status().is_success() || res.status().is_redirection(), "{}", res.status());
    let left: i64 = scalar(&app, "SELECT count(*) FROM users WHERE email = $1", &email).await;
    assert_eq!(left, 0);
}

#[tokio::test]
async fn after_the_grace_period_one_instance_deletes_it_for_good() {
    let app = TestApp::spawn_with(&GRACE).await;
    let other = app.spawn_sibling(&GRACE).await;
    let email = address("grace-due");
    let cookie = app.sign_up(&email).await;
    delete(&app, &cookie).await;
    let kept = address("grace-kept");
    let kept_cookie = app.sign_up(&kept).await;
    delete(&app, &kept_cookie).await;
    // Time moves in the database: one account's grace is over, the other's is not.
    sqlx::query("UPDATE users SET deletion_due_at = now() - interval '1 second' WHERE email = $1")
        .bind(&email)
        .execute(&app.state.pool)
        .await
        .unwrap();
    let (a, b) = tokio::join!(app.state.profiles.delete_due(), other.state.profiles.delete_due());
    assert_eq!(a.unwrap() + b.unwrap(), 1, "deleted once, by one instance");
    let left: i64 = scalar(&app, "SELECT count(*) FROM users WHERE email = $1", &email).await;
    assert_eq!(left, 0);
    let remembered: i64 = scalar(&app, "SELECT count(*) FROM deleted_users WHERE email = $1", &email).await;
    assert_eq!(remembered, 1);
    let mails: Vec<String> = sqlx::query_scalar("SELECT subject FROM outbox WHERE to_address = $1")
        .bind(&email)
        .fetch_all(&app.state.pool)
        .await
        .unwrap();
    assert_eq!(mails.len(), 1, "{mails:?}");
    assert!(mails[0].starts_with("Your account has been deleted"), "{mails:?}");
    let waiting: i64 = scalar(&app, "SELECT count(*) FROM users WHERE email = $1", &kept).await;
    assert_eq!(waiting, 1, "an account still in its grace period was deleted");
}

#[tokio::test]
async fn without_a_grace_period_deletion_is_at_once() {
    let app = TestApp::spawn_with(&[("ACCOUNT_DELETION_GRACE", "0")]).await;
    let email = address("grace-zero");
    let cookie = app.sign_up(&email).await;
    let page = app.get_with("/account/security", &cookie).await.text().await.unwrap();
    assert!(page.contains("It cannot be undone."), "the page says deletion is final");
    delete(&app, &cookie).await;
    let left: i64 = scalar(&app, "SELECT count(*) FROM users WHERE email = $1", &email).await;
    assert_eq!(left, 0);
}
