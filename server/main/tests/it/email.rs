//! Verification, password reset and email change through a real SMTP server: tests read the
//! delivered mail, pull the link out and follow it.

use crate::support::{
    TestApp,
    accounts::{PASSWORD, json, path, session_cookie},
    mail,
};
use app::api::{
    auth::{CurrentUser, SignUp},
    email::{ChangeEmail, ForgotPassword, ResendVerification, ResetPassword},
};
use reqwest::StatusCode;

fn address(tag: &str) -> String {
    format!("{}@example.com", crate::support::unique_name(tag))
}

async fn sign_up_unverified(app: &TestApp, email: &str) -> String {
    let res = app.call(path::<SignUp>(), &[("email", email), ("password", PASSWORD)], None).await;
    assert!(res.status().is_success() || res.status().is_redirection());
    session_cookie(&res).unwrap()
}

async fn verified(app: &TestApp, cookie: &str) -> bool {
    app.state.sessions.caches.clear();
    let user = json(app.call(path::<CurrentUser>(), &[], Some(cookie)).await).await;
    user["email_verified"].as_bool().unwrap()
}

#[tokio::test]
async fn sign_up_mails_a_single_use_verification_link() {
    let app = TestApp::spawn_with_smtp().await;
    let api = mail::api();
    let email = address("verify");
    let cookie = sign_up_unverified(&app, &email).await;

    // Until verified, account pages send the person to check their inbox.
    let res = app.get_with("/account", &cookie).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()["location"], "/verify-email");
    let page = app.get_with("/verify-email", &cookie).await.text().await.unwrap();
    assert!(page.contains("Check your inbox") && page.contains(&email));

    let message = mail::wait_for(&api, &email, "Verify your email").await;
    assert_eq!(message["subject"], "Verify your email · Accounts Test");
    assert!(message["html"].as_str().is_some_and(|h| h.contains("/verify-email?token=")), "an HTML part");
    let link = mail::link(&message, "/verify-email");
    let token = link.split("token=").nth(1).unwrap().to_owned();
    let stored: i64 = sqlx::query_scalar("SELECT count(*) FROM email_tokens WHERE id = sha256(decode(translate($1, '-_', '+/') || repeat('=', (4 - length($1) % 4) % 4), 'base64'))")
        .bind(&token)
        .fetch_one(&app.state.pool)
        .await
        .unwrap();
    assert_eq!(stored, 1, "only the hash of the token is stored");

    // Tampered and unknown tokens change nothing.
    let mut tampered = token.clone().into_bytes();
    tampered[5] = if tampered[5] == b'A' { b'B' } else { b'A' };
    for bad in [
        format!("/verify-email?token={}", String::from_utf8(tampered).unwrap()),
        "/verify-email?token=garbage".into(),
    ] {
        let res = app.bare.get(app.url(&bad)).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::BAD_REQUEST);
        assert!(res.text().await.unwrap().contains("This link is invalid or has expired."));
        assert_eq!(mail::spend(&app, &bad).await.status(), StatusCode::BAD_REQUEST);
    }
    assert!(!verified(&app, &cookie).await);

    // Opening the link (as a mail scanner does, twice) shows a button and spends nothing.
    for _ in 0..2 {
        let res = app.bare.get(app.url(&link)).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        let page = res.text().await.unwrap();
        assert!(page.contains("Verify my email") && page.contains("method=\"post\""), "{page}");
        assert!(!verified(&app, &cookie).await, "a GET spent the link");
    }

    // Any browser, signed out: the button verifies once.
    let res = mail::spend(&app, &link).await;
    assert!(res.status().is_success(), "{}", res.status());
    assert!(verified(&app, &cookie).await);
    assert_eq!(app.get_with("/account", &cookie).await.status(), StatusCode::OK);
    assert_eq!(mail::spend(&app, &link).await.status(), StatusCode::BAD_REQUEST, "single use");
    let again = app.bare.get(app.url(&link)).send().await.unwrap();
    assert_eq!(again.status(), StatusCode::BAD_REQUEST, "single use");
}

#[tokio::test]
async fn resending_is_limited_to_one_a_minute_and_ten_a_day() {
    let app = TestApp::spawn_with_smtp().await;
    let email = address("resend");
    let cookie = sign_up_unverified(&app, &email).await;
    let res = app.call(path::<ResendVerification>(), &[], Some(&cookie)).await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(json(res).await["message"], "We just sent one. You can ask for another email in a minute.");

    sqlx::query("UPDATE email_tokens SET created_at = now() - interval '2 minutes'")
        .execute(&app.state.pool)
        .await
        .unwrap();
    let res = app.call(path::<ResendVerification>(), &[], Some(&cookie)).await;
    assert!(res.status().is_success(), "{}", res.status());
    let api = mail::api();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while mail::messages_to(&api, &email).await.len() < 2 {
        assert!(std::time::Instant::now() < deadline, "the second mail arrives");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }

    sqlx::query(
        "INSERT INTO email_tokens (id, user_id, purpose, created_at, expires_at) \
         SELECT sha256(gen_random_uuid()::text::bytea), user_id, 'verify', now() - interval '2 hours', now() \
         FROM email_tokens, generate_series(1, 10) LIMIT 10",
    )
    .execute(&app.state.pool)
    .await
    .unwrap();
    sqlx::query("UPDATE email_tokens SET created_at = now() - interval '2 minutes' WHERE created_at > now() - interval '2 minutes'")
        .execute(&app.state.pool)
        .await
        .unwrap();
    let res = app.call(path::<ResendVerification>(), &[], Some(&cookie)).await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(json(res).await["message"], "You have asked for ten emails today. Try again tomorrow.");
}

#[tokio::test]
async fn password_reset_happy_path_and_every_refusal() {
    let app = TestApp::spawn_with_smtp().await;
    let api = mail::api();
    let email = address("reset");
    let old_device = app.sign_up(&email).await;
    let answer = "If an account exists for that address, we've sent a link to reset the password.";

    // The same answer whatever was typed.
    for typed in [email.as_str(), "nobody-here@example.com", "not an email"] {
        let res = app.call(path::<ForgotPassword>(), &[("email", typed)], None).await;
        assert!(res.status().is_success(), "{typed}: {}", res.status());
    }
    let page = app.get("/forgot-password?sent=1").await.text().await.unwrap();
    assert!(page.contains(&answer.replace('\'', "&#39;")) || page.contains(answer));
    let first = mail::link(&mail::wait_for(&api, &email, "Reset your password").await, "/reset-password");
    assert!(mail::messages_to(&api, "nobody-here@example.com").await.is_empty());

    // A newer link voids the older one.
    app.call(path::<ForgotPassword>(), &[("email", &email)], None).await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    let second = loop {
        let links: Vec<String> = mail::messages_to(&api, &email)
            .await
            .iter()
            .filter(|m| m["subject"].as_str().unwrap().starts_with("Reset your password"))
            .map(|m| mail::link(m, "/reset-password"))
            .collect();
        if let Some(l) = links.into_iter().find(|l| *l != first) {
            break l;
        }
        assert!(std::time::Instant::now() < deadline);
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    };
    assert_eq!(app.get(&first).await.status(), StatusCode::BAD_REQUEST, "voided by the newer link");
    assert_eq!(app.get(&second).await.status(), StatusCode::OK);

    let token = second.split("token=").nth(1).unwrap().to_owned();
    let weak = app.call(path::<ResetPassword>(), &[("token", &token), ("new_password", "short")], None).await;
    assert_eq!(weak.status(), StatusCode::UNPROCESSABLE_ENTITY, "a refused password keeps the link usable");
    let mut tampered = token.clone().into_bytes();
    tampered[5] = if tampered[5] == b'A' { b'B' } else { b'A' };
    let tampered = String::from_utf8(tampered).unwrap();
    let res = app
        .call(
            path::<ResetPassword>(),
            &[("token", &tampered), ("new_password", "a fresh passphrase here")],
            None,
        )
        .await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);

    let new_password = "a fresh passphrase here";
    let res =
        app.call(path::<ResetPassword>(), &[("token", &token), ("new_password", new_password)], None).await;
    assert!(res.status().is_success() || res.status().is_redirection(), "{}", res.status());
    assert!(!app.is_signed_in(&old_device).await, "every session ended");
    assert!(session_cookie(&app.sign_in(&email, new_password).await).is_some());
    assert_eq!(app.sign_in(&email, PASSWORD).await.status(), StatusCode::UNAUTHORIZED);
    mail::wait_for(&api, &email, "Your password was changed").await;

    let reuse = app
        .call(path::<ResetPassword>(), &[("token", &token), ("new_password", "yet another passphrase")], None)
        .await;
    assert_eq!(reuse.status(), StatusCode::BAD_REQUEST, "single use");

    // Expiry.
    app.call(path::<ForgotPassword>(), &[("email", &email)], None).await;
    sqlx::query("UPDATE email_tokens SET expires_at = now() - interval '1 second' WHERE purpose = 'reset'")
        .execute(&app.state.pool)
        .await
        .unwrap();
    let latest = mail::messages_to(&api, &email).await;
    let last_link = latest
        .iter()
        .rev()
        .find(|m| m["subject"].as_str().unwrap().starts_with("Reset"))
        .map(|m| mail::link(m, "/reset-password"))
        .unwrap();
    assert_eq!(app.get(&last_link).await.status(), StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn an_email_change_applies_only_when_the_link_is_followed() {
    let app = TestApp::spawn_with_smtp().await;
    let api = mail::api();
    let email = address("old");
    let new = address("new");
    let taken = address("taken");
    let cookie = app.sign_up(&email).await;
    app.sign_up(&taken).await;

    let res = app
        .call(path::<ChangeEmail>(), &[("new_email", &taken), ("email_password", PASSWORD)], Some(&cookie))
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let res = app
        .call(
            path::<ChangeEmail>(),
            &[("new_email", &new), ("email_password", "wrong password here")],
            Some(&cookie),
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);

    let res = app
        .call(path::<ChangeEmail>(), &[("new_email", &new), ("email_password", PASSWORD)], Some(&cookie))
        .await;
    assert!(res.status().is_success(), "{}", res.status());
    assert_eq!(json(res).await, serde_json::Value::String(new.clone()));
    let link = mail::link(&mail::wait_for(&api, &new, "Confirm your new email").await, "/verify-email");
    mail::wait_for(&api, &email, "Your email is being changed").await;
    let current = json(app.call(path::<CurrentUser>(), &[], Some(&cookie)).await).await;
    assert_eq!(current["email"], email.as_str(), "the old address stays in force until the click");

    let page = app.get(&link).await.text().await.unwrap();
    assert!(
        page.contains("Confirm the new address") && page.contains(&new),
        "the page names the new address"
    );
    let current = json(app.call(path::<CurrentUser>(), &[], Some(&cookie)).await).await;
    assert_eq!(current["email"], email.as_str(), "opening the link changes nothing");
    assert!(mail::follow(&app, &link).await.status().is_success());
    app.state.sessions.caches.clear();
    let current = json(app.call(path::<CurrentUser>(), &[], Some(&cookie)).await).await;
    assert_eq!(current["email"], new.as_str());
    assert!(session_cookie(&app.sign_in(&new, PASSWORD).await).is_some());
}

#[tokio::test]
async fn the_banner_resend_comes_back_with_sent_again_through_the_flash_cookie() {
    let app = TestApp::spawn_with_smtp().await;
    let email = address("banner");
    let cookie = sign_up_unverified(&app, &email).await;
    let home = app.get_with("/", &cookie).await.text().await.unwrap();
    assert!(home.contains("Check your inbox: we sent a link to "), "the banner is on every page");
    sqlx::query("UPDATE email_tokens SET created_at = now() - interval '2 minutes'")
        .execute(&app.state.pool)
        .await
        .unwrap();
    let res = app.html_post("/", path::<ResendVerification>(), &[], Some(&cookie)).await;
    assert!(res.status().is_redirection(), "{}", res.status());
    assert_eq!(res.headers()["location"], "/verify-email", "the notice is not in the URL");
    let flash = crate::support::accounts::set_cookie(&res, "flash").expect("a flash cookie");
    let page = app.get_with("/verify-email", &format!("{cookie}; {flash}")).await.text().await.unwrap();
    assert!(page.contains("Sent again."));
    let forged = app.get_with("/verify-email?resent=1", &cookie).await.text().await.unwrap();
    assert!(!forged.contains("Sent again."), "a crafted link shows nothing");
}
