//! "This wasn't me", the link in every security notice: opening it spends nothing; its one
//! button (a plain form post) ends every session of the account, voids every pending mailed
//! link, mails a reset link and records the event; each link works once, and an intruder who
//! changes the password cannot void it.

use std::time::{Duration, Instant};

use app::api::{
    email::{ChangeEmail, ForgotPassword},
    not_me::NotMe,
};
use reqwest::{StatusCode, header};

use super::{
    notices::{change_password, sign_in_from_firefox},
    recovery::address,
};
use crate::support::{
    TestApp,
    accounts::{PASSWORD, clears_session, path, set_cookie},
    mail,
};

const INVALID: &str = "This link is invalid or has expired.";

fn token_of(link: &str) -> &str {
    link.split("token=").nth(1).expect("a token in the link")
}

/// Presses the page's button from a browser holding `cookie` (if any), as a hydrated page would.
async fn press(app: &TestApp, link: &str, cookie: Option<&str>) -> reqwest::Response {
    app.call(path::<NotMe>(), &[("token", token_of(link))], cookie).await
}

/// Waits for a mail to `to` titled `subject` whose `path` link is none of `seen`.
async fn wait_for_new_link(to: &str, subject: &str, path: &str, seen: &[&str]) -> String {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let links: Vec<String> = mail::messages_to(&mail::api(), to)
            .await
            .iter()
            .filter(|m| m["subject"].as_str().is_some_and(|s| s.starts_with(subject)))
            .map(|m| mail::link(m, path))
            .collect();
        if let Some(link) = links.into_iter().find(|l| !seen.contains(&l.as_str())) {
            return link;
        }
        assert!(Instant::now() < deadline, "no new \"{subject}\" mail to {to}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn not_me_events(app: &TestApp) -> Vec<String> {
    sqlx::query_scalar("SELECT detail FROM security_events WHERE kind = 'not_me' ORDER BY id")
        .fetch_all(&app.state.pool)
        .await
        .unwrap()
}

/// The "This wasn't me" link of the "New sign-in" notice a Firefox sign-in causes, and the
/// Firefox session.
async fn new_sign_in_link(app: &TestApp, email: &str) -> (String, String) {
    let firefox = sign_in_from_firefox(app, email, PASSWORD).await;
    let notice = mail::wait_for(&mail::api(), email, "New sign-in to Accounts Test").await;
    (mail::link(&notice, "/not-me"), firefox)
}

#[tokio::test]
async fn every_notice_carries_this_wasnt_me() {
    let app = TestApp::spawn_with_smtp().await;
    let api = mail::api();
    let email = address("notme");
    let new = address("moved");
    let cookie = app.sign_up(&email).await;
    sign_in_from_firefox(&app, &email, PASSWORD).await;
    let cookie = change_password(&app, &cookie).await;
    let form = [("new_email", new.as_str()), ("email_password", super::notices::NEW_PASSWORD)];
    assert!(app.call(path::<ChangeEmail>(), &form, Some(&cookie)).await.status().is_success());
    let confirm = mail::link(&mail::wait_for(&api, &new, "Confirm your new email").await, "/verify-email");
    assert!(mail::follow(&app, &confirm).await.status().is_success());

    let subjects = [
        "New sign-in to Accounts Test",
        "Your password was changed",
        "Your email is being changed",
        "Your email address was changed",
    ];
    for subject in subjects {
        let notice = mail::wait_for(&api, &email, subject).await;
        let link = mail::link(&notice, "/not-me");
        assert!(notice["html"].as_str().unwrap().contains(">This wasn't me</a>"), "{subject}");
        let page = app.bare.get(app.url(&link)).send().await.unwrap();
        assert_eq!(page.status(), StatusCode::OK, "{subject}");
        let page = page.text().await.unwrap();
        assert!(page.contains("If you did not make the change we mailed you about"), "{page}");
        assert!(page.contains("Sign out everywhere and reset my password"), "{page}");
    }
    let tokens: i64 = sqlx::query_scalar("SELECT count(*) FROM email_tokens WHERE purpose = 'not_me'")
        .fetch_one(&app.state.pool)
        .await
        .unwrap();
    assert_eq!(tokens, 4, "one link per notice, stored hashed like the others");
}

#[tokio::test]
async fn opening_the_link_changes_nothing() {
    let app = TestApp::spawn_with_smtp().await;
    let email = address("scanned");
    let chrome = app.sign_up(&email).await;
    let (link, firefox) = new_sign_in_link(&app, &email).await;
    // A mail scanner fetches the link, even with the person's cookie.
    for _ in 0..3 {
        let res = app.bare.get(app.url(&link)).header(header::COOKIE, &chrome).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        assert!(res.text().await.unwrap().contains("Sign out everywhere and reset my password"));
    }
    assert!(app.is_signed_in(&chrome).await && app.is_signed_in(&firefox).await, "a GET signed out");
    assert!(not_me_events(&app).await.is_empty());
    let resets: i64 = sqlx::query_scalar("SELECT count(*) FROM email_tokens WHERE purpose = 'reset'")
        .fetch_one(&app.state.pool)
        .await
        .unwrap();
    assert_eq!(resets, 0, "a GET mailed a reset link");
    assert!(press(&app, &link, None).await.status().is_success(), "the link is still unspent");
}

#[tokio::test]
async fn the_button_signs_out_everywhere_voids_links_and_mails_a_reset_link() {
    let app = TestApp::spawn_with_smtp().await;
    let api = mail::api();
    let email = address("owner");
    let attacker = address("attacker");
    let chrome = app.sign_up(&email).await;
    let (link, firefox) = new_sign_in_link(&app, &email).await;

    // The intruder, signed in on Firefox, plants an email change; a reset link is pending too.
    let form = [("new_email", attacker.as_str()), ("email_password", PASSWORD)];
    assert!(app.call(path::<ChangeEmail>(), &form, Some(&firefox)).await.status().is_success());
    let planted =
        mail::link(&mail::wait_for(&api, &attacker, "Confirm your new email").await, "/verify-email");
    app.call(path::<ForgotPassword>(), &[("email", &email)], None).await;
    let old_reset = mail::link(&mail::wait_for(&api, &email, "Reset your password").await, "/reset-password");

    let res = press(&app, &link, None).await;
    assert!(res.status().is_success(), "{}", res.status());
    app.state.sessions.caches.clear();
    assert!(!app.is_signed_in(&chrome).await, "the owner's other device is signed out");
    assert!(!app.is_signed_in(&firefox).await, "the device the notice names is signed out");
    assert_eq!(mail::spend(&app, &planted).await.status(), StatusCode::BAD_REQUEST, "planted change voided");
    assert_eq!(app.get(&old_reset).await.status(), StatusCode::BAD_REQUEST, "older reset link voided");

    let reset = wait_for_new_link(&email, "Reset your password", "/reset-password", &[&old_reset]).await;
    assert_eq!(app.get(&reset).await.status(), StatusCode::OK, "the new reset link works");
    let events = not_me_events(&app).await;
    assert_eq!(events.len(), 1);
    assert!(events[0].contains("New sign-in to Accounts Test") && events[0].contains("the device it names"));
}

#[tokio::test]
async fn an_intruders_password_change_does_not_void_the_owners_link() {
    let app = TestApp::spawn_with_smtp().await;
    let email = address("kept");
    app.sign_up(&email).await;
    let (link, firefox) = new_sign_in_link(&app, &email).await;
    let intruder = change_password(&app, &firefox).await;
    let res = press(&app, &link, None).await;
    assert!(res.status().is_success(), "{}", res.status());
    app.state.sessions.caches.clear();
    assert!(!app.is_signed_in(&intruder).await);
}

#[tokio::test]
async fn a_link_works_once_and_a_tampered_one_is_refused() {
    let app = TestApp::spawn_with_smtp().await;
    let email = address("once");
    app.sign_up(&email).await;
    let (link, _) = new_sign_in_link(&app, &email).await;

    let token = token_of(&link);
    let mut tampered = token.to_owned().into_bytes();
    tampered[5] = if tampered[5] == b'A' { b'B' } else { b'A' };
    let tampered = format!("/not-me?token={}", String::from_utf8(tampered).unwrap());
    for bad in [tampered.as_str(), "/not-me?token=nonsense", "/not-me"] {
        let page = app.bare.get(app.url(bad)).send().await.unwrap();
        assert_ne!(page.status(), StatusCode::INTERNAL_SERVER_ERROR);
        let page = page.text().await.unwrap();
        assert!(page.contains(INVALID) && !page.contains("Sign out everywhere"), "{bad}: {page}");
    }
    assert_eq!(press(&app, &tampered, None).await.status(), StatusCode::BAD_REQUEST);

    assert!(press(&app, &link, None).await.status().is_success());
    assert_eq!(press(&app, &link, None).await.status(), StatusCode::BAD_REQUEST, "single use");
    let page = app.bare.get(app.url(&link)).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::BAD_REQUEST);
    assert!(page.text().await.unwrap().contains(INVALID));
    assert_eq!(not_me_events(&app).await.len(), 1);
}

#[tokio::test]
async fn the_button_works_without_javascript() {
    let app = TestApp::spawn_with_smtp().await;
    let email = address("nojs");
    app.sign_up(&email).await;
    let (link, firefox) = new_sign_in_link(&app, &email).await;

    let res = app.html_post(&link, path::<NotMe>(), &[("token", token_of(&link))], Some(&firefox)).await;
    assert!(res.status().is_redirection(), "{}", res.status());
    let location = res.headers()[header::LOCATION].to_str().unwrap().to_owned();
    assert!(location.ends_with("/not-me"), "the outcome is not in the URL: {location}");
    assert!(clears_session(&res), "this browser is signed out too");
    let flash = set_cookie(&res, "flash").expect("the outcome travels in the flash cookie");
    let page = app.get_with("/not-me", &flash).await.text().await.unwrap();
    assert!(page.contains("Every device is signed out"), "{page}");
    assert!(!app.is_signed_in(&firefox).await);
    assert_eq!(not_me_events(&app).await.len(), 1);

    // A crafted `?done=` claims nothing.
    let page = app.bare.get(app.url("/not-me?done=1")).send().await.unwrap().text().await.unwrap();
    assert!(!page.contains("Every device is signed out"));
}
