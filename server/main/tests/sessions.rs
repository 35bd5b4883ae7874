//! Accounts and sessions end to end over HTTP against a real Postgres.

mod support;

use app::api::{
    auth::{SignOut, SignUp},
    security::{ChangePassword, ListDevices, SignOutDevice, SignOutEverywhere, SignOutOtherDevices},
};
use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use reqwest::{StatusCode, header};
use support::{
    TestApp,
    accounts::{PASSWORD, clears_session, field_error, json, path, session_cookie, set_cookie},
};

fn token_of(cookie: &str) -> Vec<u8> {
    let value = cookie.strip_prefix("session=").unwrap();
    URL_SAFE_NO_PAD.decode(value.split('.').next().unwrap()).unwrap()
}

fn sha256(bytes: &[u8]) -> Vec<u8> {
    ring::digest::digest(&ring::digest::SHA256, bytes).as_ref().to_vec()
}

async fn signed_up(app: &TestApp) -> (String, String) {
    let email = format!("{}@example.com", support::unique_name("user"));
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
async fn a_recently_expired_session_is_renewed_on_the_same_device() {
    let app = TestApp::spawn().await;
    let (_, cookie) = signed_up(&app).await;
    let old_hash = sha256(&token_of(&cookie));
    let device: uuid_like::Id =
        sqlx::query_scalar("SELECT device_id::text FROM sessions").fetch_one(&app.state.pool).await.unwrap();
    sqlx::query("UPDATE sessions SET expires_at = now() - interval '3 days'")
        .execute(&app.state.pool)
        .await
        .unwrap();
    app.state.sessions.caches.clear();

    let res = app.get_with("/account", &cookie).await;
    assert_eq!(res.status(), StatusCode::OK);
    let renewed = session_cookie(&res).expect("a new cookie");
    assert_ne!(renewed, cookie);
    let new_hash = sha256(&token_of(&renewed));
    let (new_device, expires_in_days): (String, f64) = sqlx::query_as(
        "SELECT device_id::text, (EXTRACT(EPOCH FROM expires_at - now()) / 86400)::float8 FROM sessions WHERE id = $1",
    )
    .bind(&new_hash)
    .fetch_one(&app.state.pool)
    .await
    .unwrap();
    assert_eq!(new_device, device, "the device row is carried over");
    assert!(expires_in_days > 29.0, "{expires_in_days}");
    let retired: Option<Vec<u8>> = sqlx::query_scalar("SELECT replaced_by FROM sessions WHERE id = $1")
        .bind(&old_hash)
        .fetch_one(&app.state.pool)
        .await
        .unwrap();
    assert_eq!(retired, Some(new_hash), "the old hash is retired");
    assert!(app.is_signed_in(&renewed).await);
    let devices = app.call(path::<ListDevices>(), &[], Some(&renewed)).await;
    assert_eq!(json(devices).await.as_array().unwrap().len(), 1, "still one device");
}

/// Device ids are compared as text in these tests.
mod uuid_like {
    pub type Id = String;
}

#[tokio::test]
async fn a_session_expired_over_seven_days_ago_is_signed_out() {
    let app = TestApp::spawn().await;
    let (_, cookie) = signed_up(&app).await;
    sqlx::query("UPDATE sessions SET expires_at = now() - interval '8 days'")
        .execute(&app.state.pool)
        .await
        .unwrap();
    app.state.sessions.caches.clear();
    let res = app.get_with("/account", &cookie).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()[header::LOCATION], "/login?next=/account");
    assert!(clears_session(&res));
}

#[tokio::test]
async fn concurrent_requests_during_a_rotation_all_succeed_with_the_same_new_cookie() {
    let app = TestApp::spawn().await;
    let (_, cookie) = signed_up(&app).await;
    // Less than 1/8 of the lifetime left: the next request rotates.
    sqlx::query("UPDATE sessions SET expires_at = now() + interval '1 hour'")
        .execute(&app.state.pool)
        .await
        .unwrap();
    app.state.sessions.caches.clear();

    let requests = (0..10).map(|_| app.get_with("/account", &cookie));
    let responses = futures::future::join_all(requests).await;
    let mut cookies = Vec::new();
    for res in &responses {
        assert_eq!(res.status(), StatusCode::OK);
        cookies.push(session_cookie(res).expect("every response carries the new cookie"));
    }
    cookies.dedup();
    assert_eq!(cookies.len(), 1, "one successor: {cookies:?}");
    assert_ne!(cookies[0], cookie);
    assert!(app.is_signed_in(&cookies[0]).await);
    let live: i64 = sqlx::query_scalar("SELECT count(*) FROM sessions WHERE replaced_by IS NULL")
        .fetch_one(&app.state.pool)
        .await
        .unwrap();
    assert_eq!(live, 1);
}

#[tokio::test]
async fn a_warm_signed_in_request_runs_no_sql() {
    let app = TestApp::spawn().await;
    let (_, cookie) = signed_up(&app).await;
    let mut db = sqlx::PgConnection::connect(&app.database_url()).await.unwrap();
    use sqlx::Connection;
    sqlx::query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements").execute(&mut db).await.unwrap();
    assert!(app.is_signed_in(&cookie).await, "warm the caches");
    app.state.sessions.last_seen.flush(&app.state.pool).await.unwrap();

    // The outbox worker polls every second on its own: its statements are not the requests'.
    let count = "SELECT coalesce(sum(calls), 0)::bigint FROM pg_stat_statements \
                 WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) \
                 AND query NOT LIKE '%outbox%'";
    let before: i64 = sqlx::query_scalar(count).fetch_one(&mut db).await.unwrap();
    for _ in 0..20 {
        assert!(app.is_signed_in(&cookie).await);
    }
    let after: i64 = sqlx::query_scalar(count).fetch_one(&mut db).await.unwrap();
    // The first count query itself is recorded once it finishes.
    assert_eq!(after - before - 1, 0, "statements run by 20 warm signed-in requests");
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

#[tokio::test]
async fn repeated_failures_lock_the_account_then_it_recovers() {
    let app = TestApp::spawn().await;
    let (email, _) = signed_up(&app).await;
    for _ in 0..5 {
        assert_eq!(app.sign_in(&email, "wrong password here").await.status(), StatusCode::UNAUTHORIZED);
    }
    let res = app.sign_in(&email, PASSWORD).await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(json(res).await["message"], "Too many attempts. Try again in 1 minute.");

    sqlx::query("UPDATE sign_in_throttle SET locked_until = now() - interval '1 second'")
        .execute(&app.state.pool)
        .await
        .unwrap();
    assert!(session_cookie(&app.sign_in(&email, PASSWORD).await).is_some(), "the lock expired");
    let left: i64 =
        sqlx::query_scalar("SELECT count(*) FROM sign_in_throttle").fetch_one(&app.state.pool).await.unwrap();
    assert_eq!(left, 0, "a success resets the counter");
}

#[tokio::test]
async fn per_ip_limits_answer_429() {
    let app =
        TestApp::spawn_with(&[("SIGN_IN_PER_IP_PER_MINUTE", "3"), ("SIGN_UP_PER_IP_PER_HOUR", "2")]).await;
    for _ in 0..3 {
        assert_eq!(
            app.sign_in("nobody@example.com", "whatever it is").await.status(),
            StatusCode::UNAUTHORIZED
        );
    }
    let res = app.sign_in("nobody@example.com", "whatever it is").await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(json(res).await["message"].as_str().unwrap().starts_with("Too many attempts. Try again in"));

    app.sign_up("one@example.com").await;
    app.sign_up("two@example.com").await;
    let res =
        app.call(path::<SignUp>(), &[("email", "three@example.com"), ("password", PASSWORD)], None).await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn cross_site_posts_are_refused_and_change_nothing() {
    let app = TestApp::spawn().await;
    let form = [("email", "csrf@example.com"), ("password", PASSWORD)];
    let no_origin = app.bare.post(app.url(path::<SignUp>())).form(&form).send().await.unwrap();
    assert_eq!(no_origin.status(), StatusCode::FORBIDDEN);
    let evil = app
        .bare
        .post(app.url(path::<SignUp>()))
        .header(header::ORIGIN, "https://evil.example")
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(evil.status(), StatusCode::FORBIDDEN);
    let users: i64 =
        sqlx::query_scalar("SELECT count(*) FROM users").fetch_one(&app.state.pool).await.unwrap();
    assert_eq!(users, 0);
}

#[tokio::test]
async fn pages_carry_security_headers_and_a_nonce_policy() {
    let app = TestApp::spawn().await;
    let res = app.get("/login").await;
    assert_eq!(res.status(), StatusCode::OK);
    let csp = res.headers()[header::CONTENT_SECURITY_POLICY].to_str().unwrap().to_owned();
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    let nonce = csp.split("'nonce-").nth(1).and_then(|s| s.split('\'').next()).expect("a nonce").to_owned();
    assert_eq!(res.headers()[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    assert_eq!(res.headers()[header::REFERRER_POLICY], "strict-origin-when-cross-origin");
    let html = res.text().await.unwrap();
    assert!(html.contains(&format!("nonce=\"{nonce}\"")), "inline scripts carry the nonce");
    assert!(csp.contains("style-src 'self';"), "no inline styles allowed: {csp}");

    // A signed-in page (header with the initials circle) has no inline style either.
    let cookie = app.sign_up(&format!("{}@example.com", support::unique_name("csp-style"))).await;
    let page = app.get_with("/", &cookie).await;
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.unwrap();
    assert!(html.contains("avatar initials avatar-32"), "the header shows the initials circle");
    assert!(!html.contains("style="), "pages carry no inline style attributes");
}

#[tokio::test]
async fn signed_out_visits_to_account_pages_redirect_to_sign_in() {
    let app = TestApp::spawn().await;
    for (path, location) in
        [("/account", "/login?next=/account"), ("/account/security", "/login?next=/account/security")]
    {
        let res = app.get(path).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        assert_eq!(res.headers()[header::LOCATION], location);
    }
}

#[tokio::test]
async fn malformed_requests_get_a_client_error_and_change_nothing() {
    let app = TestApp::spawn().await;
    let url = app.url(path::<SignUp>());
    let origin = app.state.config.service_domain.clone();
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("application/x-www-form-urlencoded", b"".to_vec()),
        ("application/x-www-form-urlencoded", b"email=only@example.com".to_vec()),
        (
            "application/json",
            br#"{"email":"json@example.com","password":"correct horse battery staple"}"#.to_vec(),
        ),
        ("application/x-www-form-urlencoded", vec![0xff, 0xfe, 0x00, 0x25, 0x25]),
        ("text/plain", b"hello".to_vec()),
    ];
    for (content_type, body) in cases {
        let res = app
            .bare
            .post(&url)
            .header(header::ORIGIN, &origin)
            .header(header::CONTENT_TYPE, content_type)
            .body(body.clone())
            .send()
            .await
            .unwrap();
        assert!(res.status().is_client_error(), "{content_type} {body:?}: {}", res.status());
    }
    let get = app.bare.get(&url).send().await.unwrap();
    assert!(get.status().is_client_error(), "GET on a POST function: {}", get.status());
    let users: i64 =
        sqlx::query_scalar("SELECT count(*) FROM users").fetch_one(&app.state.pool).await.unwrap();
    assert_eq!(users, 0);
}

#[tokio::test]
async fn a_browser_that_just_wrote_reads_through_the_cache() {
    let app = TestApp::spawn().await;
    let (_, cookie) = signed_up(&app).await;
    assert!(app.is_signed_in(&cookie).await, "warms the cache");
    // A change this instance has not heard of yet (another instance made it; its notification
    // is still on the way).
    sqlx::query("UPDATE users SET display_name = 'Fresh Name'").execute(&app.state.pool).await.unwrap();
    let page = app.get_with("/", &cookie).await.text().await.unwrap();
    assert!(!page.contains("Fresh Name"), "served from the cache");

    // Any state-changing request answers with the mark...
    let res = app.call(path::<ListDevices>(), &[], Some(&cookie)).await;
    let mark = set_cookie(&res, "recent_write").expect("the recent-write mark");
    // ...and while the browser carries it, it sees the database.
    let page = app.get_with("/", &format!("{cookie}; {mark}")).await.text().await.unwrap();
    assert!(page.contains("Fresh Name"), "read through to Postgres");
}
