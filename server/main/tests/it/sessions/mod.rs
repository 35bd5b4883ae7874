//! Accounts and sessions end to end over HTTP against a real Postgres: signing up and in,
//! tokens, signing devices out, password change. Renewal and the cache are in `renewal`,
//! hostile and limited requests in `requests`.

mod renewal;
mod requests;

use crate::support::{
    TestApp,
    accounts::{PASSWORD, clears_session, field_error, json, path, session_cookie},
};
use app::api::{
    auth::{SignOut, SignUp},
    security::{ChangePassword, ListDevices, SignOutDevice, SignOutEverywhere, SignOutOtherDevices},
};
use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use reqwest::{StatusCode, header};

pub(super) fn token_of(cookie: &str) -> Vec<u8> {
    let value = cookie.strip_prefix("session=").unwrap();
    URL_SAFE_NO_PAD.decode(value.split('.').next().unwrap()).unwrap()
}

pub(super) fn sha256(bytes: &[u8]) -> Vec<u8> {
    ring::digest::digest(&ring::digest::SHA256, bytes).as_ref().to_vec()
}

pub(super) async fn signed_up(app: &TestApp) -> (String, String) {
    let email = format!("{}@example.com", crate::support::unique_name("user"));
    let cookie = app.sign_up(&email).await;
    (email, cookie)
}

#[tokio::test]
async fn sign_up_validates_each_field() {
    let app = TestApp::spawn().await;
    let cases = [
        ("not-an-email", PASSWORD, "email", "Enter a valid email address"),
        ("ada@example.com", "short", "password", "Use at least 12 characters"),
        ("ada@example.com", "password1234", "password", "This password is too easy to guess"),
    ];
    for (email, password, field, message) in cases {
        let res = app.call(path::<SignUp>(), &[("email", email), ("password", password)], None).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{email}/{password}");
        assert!(session_cookie(&res).is_none());
        let body = json(res).await;
        assert_eq!(field_error(&body, field).as_deref(), Some(message), "{body}");
        assert!(!body.to_string().contains(password) || password == PASSWORD, "passwords are never echoed");
    }
    let users: i64 =
        sqlx::query_scalar("SELECT count(*) FROM users").fetch_one(&app.state.pool).await.unwrap();
    assert_eq!(users, 0, "nothing was created");
}

#[tokio::test]
async fn duplicate_email_is_refused_case_insensitively() {
    let app = TestApp::spawn().await;
    app.sign_up("grace@example.com").await;
    let res =
        app.call(path::<SignUp>(), &[("email", "  Grace@Example.com "), ("password", PASSWORD)], None).await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let body = json(res).await;
    assert_eq!(field_error(&body, "email").as_deref(), Some("An account with this email already exists"));
    assert_eq!(body["code"], "email_taken");
    assert_eq!(body["values"][0][1], "Grace@Example.com", "typed email is kept for the form");
}

#[tokio::test]
async fn sign_in_with_email_or_username_and_uniform_failures() {
    let app = TestApp::spawn().await;
    let (email, _) = signed_up(&app).await;
    sqlx::query("UPDATE users SET username = 'Ada_L' WHERE email = $1")
        .bind(&email)
        .execute(&app.state.pool)
        .await
        .unwrap();
    sqlx::query("INSERT INTO users (id, email) VALUES (gen_random_uuid(), 'google-only@example.com')")
        .execute(&app.state.pool)
        .await
        .unwrap();

    for identifier in [email.to_uppercase(), "ada_l".to_owned()] {
        let res = app.sign_in(&identifier, PASSWORD).await;
        assert!(res.status().is_success() || res.status().is_redirection(), "{identifier}: {}", res.status());
        let cookie = session_cookie(&res).expect("a session cookie");
        assert!(app.is_signed_in(&cookie).await);
    }

    for (identifier, password) in [
        ("nobody@example.com", PASSWORD),
        (email.as_str(), "wrong password entirely"),
        ("google-only@example.com", PASSWORD),
        ("", ""),
        ("nul\u{0}byte@example.com", PASSWORD),
    ] {
        let res = app.sign_in(identifier, password).await;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED, "{identifier}");
        assert!(session_cookie(&res).is_none());
        let body = json(res).await;
        assert_eq!(body["message"], "Incorrect email or password.", "{identifier}");
    }
}

#[tokio::test]
async fn the_database_holds_only_the_hash_of_the_token() {
    let app = TestApp::spawn().await;
    let (_, cookie) = signed_up(&app).await;
    let token = token_of(&cookie);
    assert_eq!(token.len(), 32);
    let ids: Vec<Vec<u8>> =
        sqlx::query_scalar("SELECT id FROM sessions").fetch_all(&app.state.pool).await.unwrap();
    assert_eq!(ids, vec![sha256(&token)]);
    let set_cookie_attrs = {
        let res = app.sign_in(&"x".repeat(3), "y").await;
        drop(res);
        let res =
            app.call(path::<SignUp>(), &[("email", "attrs@example.com"), ("password", PASSWORD)], None).await;
        res.headers().get(header::SET_COOKIE).unwrap().to_str().unwrap().to_owned()
    };
    for attr in ["HttpOnly", "SameSite=Lax", "Path=/", "Max-Age="] {
        assert!(set_cookie_attrs.contains(attr), "{set_cookie_attrs}");
    }
}

#[tokio::test]
async fn forged_tampered_or_garbage_cookies_are_signed_out_never_500() {
    let app = TestApp::spawn().await;
    let (_, cookie) = signed_up(&app).await;
    let value = cookie.strip_prefix("session=").unwrap();
    let (token, tag) = value.split_once('.').unwrap();
    let mut flipped = token.as_bytes().to_vec();
    flipped[0] = if flipped[0] == b'A' { b'B' } else { b'A' };
    let other_key = server::session::TokenKeys::new(b"some other secret key of 32 bytes");
    let foreign = other_key.sign(&server::session::SessionToken::generate());
    let forged = [
        format!("session={}.{tag}", String::from_utf8(flipped).unwrap()),
        format!("session={token}.{}", &tag[..tag.len() - 3]),
        format!("session={token}"),
        "session=garbage".to_owned(),
        "session=".to_owned(),
        format!("session={}", "A".repeat(5000)),
        format!("session={foreign}"),
    ];
    for c in &forged {
        let res = app.get_with("/account", c).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "{c}");
        let home = app.get_with("/", c).await;
        assert_eq!(home.status(), StatusCode::OK, "{c}");
    }
    let res = app.get_with("/", &forged[0]).await;
    assert!(clears_session(&res), "a bad cookie is removed");
    assert!(app.is_signed_in(&cookie).await, "the real cookie still works");
}

#[tokio::test]
async fn sign_out_this_other_and_every_device() {
    let app = TestApp::spawn().await;
    let (email, a) = signed_up(&app).await;
    let b = session_cookie(&app.sign_in(&email, PASSWORD).await).unwrap();
    let c = session_cookie(&app.sign_in(&email, PASSWORD).await).unwrap();

    let devices = json(app.call(path::<ListDevices>(), &[], Some(&a)).await).await;
    let devices = devices.as_array().unwrap().clone();
    assert_eq!(devices.len(), 3);
    assert_eq!(devices.iter().filter(|d| d["current"] == true).count(), 1);
    assert!(devices.iter().all(|d| d["name"] == "Chrome on Linux"), "{devices:?}");

    // A signs B out.
    let b_device = {
        let list = json(app.call(path::<ListDevices>(), &[], Some(&b)).await).await;
        list.as_array().unwrap().iter().find(|d| d["current"] == true).unwrap()["id"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    let res = app.call(path::<SignOutDevice>(), &[("device", &b_device)], Some(&a)).await;
    assert!(res.status().is_success(), "{}", res.status());
    assert!(!app.is_signed_in(&b).await);
    assert!(app.is_signed_in(&a).await && app.is_signed_in(&c).await);

    // Someone else's device id changes nothing.
    let (_, stranger) = signed_up(&app).await;
    let stranger_device = json(app.call(path::<ListDevices>(), &[], Some(&stranger)).await).await[0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    app.call(path::<SignOutDevice>(), &[("device", &stranger_device)], Some(&a)).await;
    assert!(app.is_signed_in(&stranger).await);

    // A signs out the others: C ends, A stays.
    app.call(path::<SignOutOtherDevices>(), &[], Some(&a)).await;
    assert!(!app.is_signed_in(&c).await);
    assert!(app.is_signed_in(&a).await);

    // Sign out (this device).
    let d = session_cookie(&app.sign_in(&email, PASSWORD).await).unwrap();
    let res = app.call(path::<SignOut>(), &[], Some(&d)).await;
    assert!(clears_session(&res));
    assert!(!app.is_signed_in(&d).await);
    assert!(app.is_signed_in(&a).await);

    // Everywhere, including this one.
    let e = session_cookie(&app.sign_in(&email, PASSWORD).await).unwrap();
    let res = app.call(path::<SignOutEverywhere>(), &[], Some(&a)).await;
    assert!(clears_session(&res));
    assert!(!app.is_signed_in(&a).await && !app.is_signed_in(&e).await);
}

#[tokio::test]
async fn changing_the_password_ends_other_sessions_and_keeps_this_one() {
    let app = TestApp::spawn().await;
    let (email, a) = signed_up(&app).await;
    let b = session_cookie(&app.sign_in(&email, PASSWORD).await).unwrap();
    let new = "a brand new passphrase for ada";

    let wrong = app
        .call(
            path::<ChangePassword>(),
            &[("current_password", "not it at all"), ("new_password", new)],
            Some(&a),
        )
        .await;
    assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        field_error(&json(wrong).await, "current_password").as_deref(),
        Some("Your current password is incorrect")
    );
    assert!(app.is_signed_in(&b).await, "a failed change ends nothing");

    let res = app
        .call(path::<ChangePassword>(), &[("current_password", PASSWORD), ("new_password", new)], Some(&a))
        .await;
    assert!(res.status().is_success() || res.status().is_redirection(), "{}", res.status());
    let fresh = session_cookie(&res).expect("this device gets a fresh token");
    assert_ne!(fresh, a);
    assert!(app.is_signed_in(&fresh).await);
    assert!(!app.is_signed_in(&a).await, "the old token is gone");
    assert!(!app.is_signed_in(&b).await, "other devices are signed out");
    assert_eq!(app.sign_in(&email, PASSWORD).await.status(), StatusCode::UNAUTHORIZED);
    assert!(session_cookie(&app.sign_in(&email, new).await).is_some());
}
