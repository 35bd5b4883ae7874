//! The security trail: events recorded with each change, shown to the owner in words, and the
//! notices mailed so that a change someone else made is seen.

use app::api::{
    email::ChangeEmail,
    security::{ChangePassword, RecentActivity, SignOutOtherDevices},
};
use reqwest::{StatusCode, header};

use super::recovery::address;
use crate::support::{
    TestApp,
    accounts::{PASSWORD, json, path, session_cookie},
    mail,
};

const FIREFOX: &str = "Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0";

async fn sign_in_with(app: &TestApp, email: &str, password: &str, user_agent: &str) -> reqwest::Response {
    app.bare
        .post(app.url(crate::support::accounts::path::<app::api::auth::SignIn>()))
        .header(header::ORIGIN, &app.state.config.service_domain)
        .header(header::ACCEPT, "application/json")
        .header(header::USER_AGENT, user_agent)
        .form(&[("identifier", email), ("password", password)])
        .send()
        .await
        .unwrap()
}

async fn activity(app: &TestApp, cookie: &str) -> Vec<String> {
    let list = json(app.call(path::<RecentActivity>(), &[], Some(cookie)).await).await;
    // The page shows the words, then when in a `<time>` element.
    let line = |e: &serde_json::Value| {
        format!("{} · {}", e["text"].as_str().unwrap(), e["at"]["ago"].as_str().unwrap())
    };
    list.as_array().unwrap().iter().map(line).collect()
}

async fn kinds(app: &TestApp) -> Vec<String> {
    sqlx::query_scalar("SELECT kind FROM security_events ORDER BY id")
        .fetch_all(&app.state.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn sign_ins_failures_and_changes_are_recorded_and_shown_newest_first() {
    let app = TestApp::spawn_with_smtp().await;
    let email = address("trail");
    let first = app.sign_up(&email).await;
    assert_eq!(
        sign_in_with(&app, &email, "not the password", FIREFOX).await.status(),
        StatusCode::UNAUTHORIZED
    );
    let firefox = session_cookie(&sign_in_with(&app, &email, PASSWORD, FIREFOX).await).unwrap();
    app.call(path::<SignOutOtherDevices>(), &[], Some(&firefox)).await;
    assert!(!app.is_signed_in(&first).await);
    let res = app
        .call(
            path::<ChangePassword>(),
            &[("current_password", PASSWORD), ("new_password", "another fine passphrase")],
            Some(&firefox),
        )
        .await;
    let current = session_cookie(&res).unwrap();

    assert_eq!(
        kinds(&app).await,
        ["signed_up", "sign_in_failed", "signed_in", "devices_signed_out", "password_changed"]
    );
    let lines = activity(&app, &current).await;
    assert_eq!(lines.len(), 5, "{lines:?}");
    assert!(lines[0].starts_with("Password changed · Chrome on Linux · 127.0.0.1 · "), "{lines:?}");
    assert_eq!(lines[2], "Signed in · Firefox on Linux · 127.0.0.1 · just now");
    assert!(lines[3].starts_with("Failed sign-in attempt · Firefox on Linux"), "{lines:?}");
    assert!(lines[4].starts_with("Account created"), "{lines:?}");

    // The page shows the same lines; a stranger's events never.
    let page = app.get_with("/account/security", &current).await.text().await.unwrap();
    assert!(
        page.contains("Recent activity")
            && page.contains("Signed in · Firefox on Linux · 127.0.0.1")
            && page.contains(">just now</time>")
    );
    let other = app.sign_up(&address("stranger")).await;
    assert_eq!(activity(&app, &other).await.len(), 1, "only the stranger's own sign-up");

    // Mails: a sign-in from a new device, then the password change.
    let api = mail::api();
    let notice = mail::wait_for(&api, &email, "New sign-in to Accounts Test").await;
    assert!(notice["text"].as_str().unwrap().contains("Firefox on Linux"));
    assert!(notice["text"].as_str().unwrap().contains("/account/security"));
    assert!(notice["html"].as_str().is_some_and(|h| h.contains("Firefox on Linux")));
    mail::wait_for(&api, &email, "Your password was changed").await;
    let notices = mail::messages_to(&api, &email).await;
    let new_device_mails =
        notices.iter().filter(|m| m["subject"].as_str().unwrap().starts_with("New sign-in")).count();
    assert_eq!(new_device_mails, 1, "the browser that signed up is not new, Firefox is, once");
}

#[tokio::test]
async fn an_email_change_is_recorded_and_the_old_address_is_told() {
    let app = TestApp::spawn_with_smtp().await;
    let api = mail::api();
    let old = address("old");
    let new = address("new");
    let cookie = app.sign_up(&old).await;
    let res = app
        .call(path::<ChangeEmail>(), &[("new_email", &new), ("email_password", PASSWORD)], Some(&cookie))
        .await;
    assert!(res.status().is_success());
    let link = mail::link(&mail::wait_for(&api, &new, "Confirm your new email").await, "/verify-email");
    assert!(mail::follow(&app, &link).await.status().is_success());

    let told = mail::wait_for(&api, &old, "Your email address was changed").await;
    assert!(told["text"].as_str().unwrap().contains(&new));
    assert!(told["text"].as_str().unwrap().contains("If this was not you"));
    assert_eq!(kinds(&app).await, ["signed_up", "email_change_requested", "email_changed"]);
    app.state.sessions.caches.clear();
    let lines = activity(&app, &cookie).await;
    assert!(lines[0].starts_with(&format!("Email address changed · from {old} to {new}")), "{lines:?}");
}

#[tokio::test]
async fn token_reuse_and_lockouts_are_recorded() {
    let app = TestApp::spawn_with(&[("SIGN_IN_PER_IP_PER_MINUTE", "1000")]).await;
    let email = address("reuse");
    let stolen = app.sign_up(&email).await;
    sqlx::query("UPDATE sessions SET expires_at = now() + interval '1 hour'")
        .execute(&app.state.pool)
        .await
        .unwrap();
    app.state.sessions.caches.clear();
    session_cookie(&app.get_with("/account", &stolen).await).expect("renewed");
    sqlx::query(
        "UPDATE sessions SET retired_until = now() - interval '1 second' WHERE replaced_by IS NOT NULL",
    )
    .execute(&app.state.pool)
    .await
    .unwrap();
    app.state.sessions.caches.clear();
    assert!(!app.is_signed_in(&stolen).await);
    for _ in 0..5 {
        app.sign_in(&email, "not the password").await;
    }
    let kinds = kinds(&app).await;
    assert_eq!(kinds[..2], ["signed_up", "token_reused"]);
    assert_eq!(kinds.iter().filter(|k| *k == "sign_in_failed").count(), 5);
    assert_eq!(kinds.iter().filter(|k| *k == "locked_out").count(), 1, "{kinds:?}");
}

#[tokio::test]
async fn events_older_than_ninety_days_are_pruned() {
    let app = TestApp::spawn().await;
    app.sign_up(&address("prune")).await;
    sqlx::query("UPDATE security_events SET at = now() - interval '91 days'")
        .execute(&app.state.pool)
        .await
        .unwrap();
    app.sign_up(&address("prune2")).await;
    assert_eq!(server::trail::prune(&app.state.pool).await.unwrap(), 1);
    assert_eq!(kinds(&app).await, ["signed_up"]);
}
