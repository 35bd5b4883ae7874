//! Two instances on one database, as behind a load balancer without sticky sessions: what one
//! instance changes, the other sees on its next request, even with a warm cache, because every
//! invalidation goes through Postgres `NOTIFY`.

use std::{
    future::Future,
    time::{Duration, Instant},
};

use crate::support::{
    TestApp,
    accounts::{PASSWORD, json, path, session_cookie},
};
use app::api::{
    auth::{CurrentUser, SignIn, SignOut},
    profile::UpdateProfile,
    security::{ChangePassword, ListDevices, SignOutDevice},
};
use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use chrono::{DurationRound, TimeDelta, Utc};
use reqwest::{StatusCode, header};
use server::session::TokenHash;

/// How long another instance may take to see a change.
const PROPAGATION: Duration = Duration::from_secs(1);

/// Polls `check` until it holds or `limit` has passed; true when it held.
async fn within<F, Fut>(limit: Duration, mut check: F) -> bool
where
    F: FnMut() -> Fut,
    Fut: Future<Output = bool>,
{
    let deadline = Instant::now() + limit;
    loop {
        if check().await {
            return true;
        }
        if Instant::now() >= deadline {
            return false;
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

fn hash_of(cookie: &str) -> TokenHash {
    let value = cookie.strip_prefix("session=").unwrap();
    let token = URL_SAFE_NO_PAD.decode(value.split('.').next().unwrap()).unwrap();
    TokenHash::from_slice(ring::digest::digest(&ring::digest::SHA256, &token).as_ref()).unwrap()
}

async fn is_cached(app: &TestApp, cookie: &str) -> bool {
    app.state.sessions.caches.session(&hash_of(cookie)).await.is_some()
}

/// Two instances of one deployment, both listening for invalidations.
async fn pair() -> (TestApp, TestApp) {
    let a = TestApp::spawn().await;
    let b = a.spawn_sibling(&[]).await;
    for app in [&a, &b] {
        assert!(app.state.sessions.listener.is_connected(), "the listener connects at start-up");
    }
    (a, b)
}

fn new_email() -> String {
    format!("{}@example.com", crate::support::unique_name("multi"))
}

async fn sign_in_cookie(app: &TestApp, email: &str, password: &str) -> String {
    let res = app.sign_in(email, password).await;
    session_cookie(&res)
        .unwrap_or_else(|| panic!("sign-in through {} failed: {}", app.base_url, res.status()))
}

/// The id of the device list entry that is not the caller's.
async fn other_device(app: &TestApp, cookie: &str) -> String {
    let list = json(app.call(path::<ListDevices>(), &[], Some(cookie)).await).await;
    let others: Vec<_> = list.as_array().unwrap().iter().filter(|d| d["current"] == false).collect();
    assert_eq!(others.len(), 1, "{list}");
    others[0]["id"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn a_device_signed_out_through_b_is_signed_out_on_a_within_a_second() {
    let (a, b) = pair().await;
    let email = new_email();
    let first = a.sign_up(&email).await;
    let second = sign_in_cookie(&a, &email, PASSWORD).await;
    assert!(a.is_signed_in(&second).await && is_cached(&a, &second).await, "A serves it from its cache");
    assert!(b.is_signed_in(&second).await, "one SECRET_KEY: B accepts A's cookie");

    // Another device signs `second` out through B.
    let device = other_device(&b, &first).await;
    let res = b.call(path::<SignOutDevice>(), &[("device", &device)], Some(&first)).await;
    assert!(res.status().is_success(), "{}", res.status());
    assert!(within(PROPAGATION, || async { !a.is_signed_in(&second).await }).await, "A still signs it in");
    assert!(!is_cached(&a, &second).await);

    // The device signs itself out through B.
    assert!(a.is_signed_in(&first).await && is_cached(&a, &first).await);
    let res = b.call(path::<SignOut>(), &[], Some(&first)).await;
    assert!(res.status().is_success(), "{}", res.status());
    assert!(within(PROPAGATION, || async { !a.is_signed_in(&first).await }).await, "A still signs it in");
}

async fn display_name(app: &TestApp, cookie: &str) -> serde_json::Value {
    json(app.call(path::<CurrentUser>(), &[], Some(cookie)).await).await["display_name"].clone()
}

#[tokio::test]
async fn a_display_name_changed_through_b_shows_on_a() {
    let (a, b) = pair().await;
    let cookie = a.sign_up(&new_email()).await;
    assert!(display_name(&a, &cookie).await.is_null());
    let user_id = a.state.sessions.caches.session(&hash_of(&cookie)).await.unwrap().record.user_id;
    assert!(a.state.sessions.caches.user(&user_id).await.is_some(), "A caches the user");

    let form = [("display_name", "Grace Hopper"), ("username", ""), ("bio", "")];
    let res = b.call(path::<UpdateProfile>(), &form, Some(&cookie)).await;
    assert!(res.status().is_success(), "{}", res.status());
    assert!(
        within(PROPAGATION, || async { display_name(&a, &cookie).await == "Grace Hopper" }).await,
        "A still shows the old name"
    );
}

#[tokio::test]
async fn a_password_change_through_a_signs_out_the_other_device_on_b() {
    let (a, b) = pair().await;
    let email = new_email();
    let here = a.sign_up(&email).await;
    let there = sign_in_cookie(&b, &email, PASSWORD).await;
    assert!(b.is_signed_in(&there).await && is_cached(&b, &there).await);

    let new_password = "an entirely different passphrase";
    let form = [("current_password", PASSWORD), ("new_password", new_password)];
    let res = a.call(path::<ChangePassword>(), &form, Some(&here)).await;
    assert!(res.status().is_success(), "{}", res.status());
    let renewed = session_cookie(&res).expect("this device gets a fresh session");

    assert!(within(PROPAGATION, || async { !b.is_signed_in(&there).await }).await, "B still signs it in");
    assert!(b.is_signed_in(&renewed).await, "the changing device stays signed in everywhere");
    assert_eq!(b.sign_in(&email, PASSWORD).await.status(), StatusCode::UNAUTHORIZED, "old password on B");
    sign_in_cookie(&b, &email, new_password).await;
}

#[tokio::test]
async fn a_renewal_on_a_is_followed_on_b() {
    let (a, b) = pair().await;
    let cookie = a.sign_up(&new_email()).await;
    assert!(b.is_signed_in(&cookie).await && is_cached(&b, &cookie).await, "B caches it, far from expiry");
    sqlx::query("UPDATE sessions SET expires_at = now() + interval '1 hour'")
        .execute(&a.state.pool)
        .await
        .unwrap();
    a.state.sessions.caches.clear();

    let res = a.get_with("/account", &cookie).await;
    assert_eq!(res.status(), StatusCode::OK);
    let successor = session_cookie(&res).expect("A renews a session close to expiry");
    assert_ne!(successor, cookie);

    // B forgets its stale copy, so the old cookie now leads it to the successor too.
    assert!(within(PROPAGATION, || async { !is_cached(&b, &cookie).await }).await, "B keeps its stale copy");
    let res = b.get_with("/account", &cookie).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(session_cookie(&res).as_deref(), Some(successor.as_str()), "B hands out the same successor");
}

#[tokio::test]
async fn after_losing_its_listener_an_instance_clears_its_caches_serves_from_postgres_and_reconnects() {
    let (a, b) = pair().await;
    let email = new_email();
    let revoked = a.sign_up(&email).await;
    let kept = sign_in_cookie(&a, &email, PASSWORD).await;
    for cookie in [&revoked, &kept] {
        assert!(a.is_signed_in(cookie).await && is_cached(&a, cookie).await);
        assert!(b.is_signed_in(cookie).await);
    }
    let old_pid = a.state.sessions.listener.backend_pid().unwrap();
    let connections = a.state.sessions.listener.connections();

    // Keep A's listener from coming back while B revokes, so A cannot hear about it.
    let mut admin = a.admin().await;
    let db = &a.database;
    sqlx::query(&format!("ALTER DATABASE {db} ALLOW_CONNECTIONS false")).execute(&mut admin).await.unwrap();
    let killed: bool = sqlx::query_scalar("SELECT pg_terminate_backend($1)")
        .bind(old_pid)
        .fetch_one(&mut admin)
        .await
        .unwrap();
    assert!(killed);
    let noticed =
        within(Duration::from_secs(5), || async { !a.state.sessions.listener.is_connected() }).await;
    assert!(noticed, "A notices the lost connection");
    let ready = a.get("/readyz").await;
    assert_eq!(ready.status(), StatusCode::OK, "still serving");
    assert_eq!(json(ready).await["listener"], "reconnecting");

    let res = b.call(path::<SignOut>(), &[], Some(&revoked)).await;
    assert!(res.status().is_success(), "{}", res.status());
    assert!(!a.is_signed_in(&revoked).await, "A's caches were cleared: it refuses the revoked session");
    assert!(a.is_signed_in(&kept).await, "A serves other sessions from Postgres");
    assert!(!is_cached(&a, &kept).await, "and caches nothing while it may miss invalidations");

    sqlx::query(&format!("ALTER DATABASE {db} ALLOW_CONNECTIONS true")).execute(&mut admin).await.unwrap();
    let back = within(Duration::from_secs(15), || async { a.state.sessions.listener.is_connected() }).await;
    assert!(back, "the listener comes back");
    assert_ne!(a.state.sessions.listener.backend_pid(), Some(old_pid));
    assert!(a.state.sessions.listener.connections() > connections);
    assert_eq!(json(a.get("/readyz").await).await["listener"], "connected");

    // Coherent again: A caches, and hears B's next revocation.
    assert!(a.is_signed_in(&kept).await && is_cached(&a, &kept).await);
    let res = b.call(path::<SignOut>(), &[], Some(&kept)).await;
    assert!(res.status().is_success());
    assert!(within(PROPAGATION, || async { !a.is_signed_in(&kept).await }).await);
}

#[tokio::test]
async fn last_seen_never_moves_back_when_instances_flush_out_of_order() {
    let (a, b) = pair().await;
    let cookie = a.sign_up(&new_email()).await;
    let id = hash_of(&cookie);
    let now = Utc::now().duration_trunc(TimeDelta::seconds(1)).unwrap();
    let (newer, older) = (now + TimeDelta::minutes(10), now + TimeDelta::minutes(5));
    a.state.sessions.last_seen.record(id, newer).await;
    b.state.sessions.last_seen.record(id, older).await;
    a.state.sessions.last_seen.flush(&a.state.pool).await.unwrap();
    b.state.sessions.last_seen.flush(&b.state.pool).await.unwrap();
    let seen: chrono::DateTime<Utc> = sqlx::query_scalar("SELECT last_seen_at FROM sessions WHERE id = $1")
        .bind(&id.0[..])
        .fetch_one(&a.state.pool)
        .await
        .unwrap();
    assert_eq!(seen, newer);
}

#[tokio::test]
async fn a_failed_last_seen_write_is_kept_for_the_next_flush() {
    let a = TestApp::spawn().await;
    let cookie = a.sign_up(&new_email()).await;
    let id = hash_of(&cookie);
    let later = Utc::now().duration_trunc(TimeDelta::seconds(1)).unwrap() + TimeDelta::minutes(3);
    a.state.sessions.last_seen.record(id, later).await;
    // A pool that cannot reach the database makes the write fail.
    let unreachable = sqlx::postgres::PgPoolOptions::new()
        .acquire_timeout(Duration::from_millis(300))
        .connect_lazy("postgres://nobody@127.0.0.1:1/none")
        .unwrap();
    assert!(a.state.sessions.last_seen.flush(&unreachable).await.is_err());
    assert_eq!(a.state.sessions.last_seen.pending().await, 1, "the value is queued again");
    assert_eq!(a.state.sessions.last_seen.flush(&a.state.pool).await.unwrap(), 1);
}

/// `.eml` files the directory transport wrote in an instance's data dir.
fn mails_written(app: &TestApp) -> usize {
    std::fs::read_dir(app.data_dir.join("mail")).map(|d| d.count()).unwrap_or(0)
}

#[tokio::test]
async fn two_outbox_workers_share_the_queue_and_respect_a_live_lease() {
    let (a, b) = pair().await;
    const MAILS: usize = 30;
    let insert = "INSERT INTO outbox (to_address, subject, text_body, html_body) \
                  SELECT 'n' || i || '@example.com', 'Hello', 'text', '<p>html</p>' FROM generate_series(1, $1) i";
    sqlx::query(insert).bind(MAILS as i32).execute(&a.state.pool).await.unwrap();
    // One row is held by a worker that is still sending it (lease in the future), one by a
    // worker that died (lease run out).
    sqlx::query(
        "INSERT INTO outbox (to_address, subject, text_body, html_body, locked_until) VALUES \
         ('held@example.com', 'Held', 't', 'h', now() + interval '1 hour'), \
         ('orphan@example.com', 'Orphan', 't', 'h', now() - interval '1 second')",
    )
    .execute(&a.state.pool)
    .await
    .unwrap();
    a.state.email.outbox.wake();
    b.state.email.outbox.wake();

    let all_sent = within(Duration::from_secs(30), || async {
        let unsent: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM outbox WHERE sent_at IS NULL AND to_address <> 'held@example.com'",
        )
        .fetch_one(&a.state.pool)
        .await
        .unwrap();
        unsent == 0
    })
    .await;
    assert!(all_sent, "every unleased row is delivered");
    let (written_a, written_b) = (mails_written(&a), mails_written(&b));
    assert_eq!(written_a + written_b, MAILS + 1, "each row written once: A {written_a}, B {written_b}");
    let (attempts, held): (i64, Option<chrono::DateTime<Utc>>) = sqlx::query_as(
        "SELECT (SELECT sum(attempts) FROM outbox WHERE to_address <> 'held@example.com'), \
                (SELECT sent_at FROM outbox WHERE to_address = 'held@example.com')",
    )
    .fetch_one(&a.state.pool)
    .await
    .unwrap();
    assert_eq!(attempts as usize, MAILS + 1, "one attempt each");
    assert!(held.is_none(), "a live lease is respected");
    let leftover: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM outbox WHERE locked_until IS NOT NULL AND to_address <> 'held@example.com'",
    )
    .fetch_one(&a.state.pool)
    .await
    .unwrap();
    assert_eq!(leftover, 0, "outcomes release their lease");
}

#[tokio::test]
async fn per_ip_limits_use_x_forwarded_for_only_when_proxies_are_trusted() {
    let limits = [("SIGN_IN_PER_IP_PER_MINUTE", "2")];
    let direct = TestApp::spawn_with(&limits).await;
    let proxied = direct.spawn_sibling(&[limits[0], ("TRUSTED_PROXY_HOPS", "1")]).await;

    let attempt = |app: &TestApp, forwarded: &'static str| {
        let req = app
            .bare
            .post(app.url(path::<SignIn>()))
            .header(header::ORIGIN, &app.state.config.service_domain)
            .header(header::ACCEPT, "application/json")
            .header("x-forwarded-for", forwarded)
            .form(&[("identifier", "nobody@example.com"), ("password", "wrong password here")]);
        async move { req.send().await.unwrap().status() }
    };
    // Ignored by default: a client cannot dodge the limit by inventing addresses.
    assert_eq!(attempt(&direct, "198.51.100.1").await, StatusCode::UNAUTHORIZED);
    assert_eq!(attempt(&direct, "198.51.100.2").await, StatusCode::UNAUTHORIZED);
    assert_eq!(attempt(&direct, "198.51.100.3").await, StatusCode::TOO_MANY_REQUESTS);

    // Behind one trusted proxy, the entry it appended is the client.
    assert_eq!(attempt(&proxied, "6.6.6.6, 203.0.113.1").await, StatusCode::UNAUTHORIZED);
    assert_eq!(attempt(&proxied, "7.7.7.7, 203.0.113.1").await, StatusCode::UNAUTHORIZED);
    assert_eq!(attempt(&proxied, "8.8.8.8, 203.0.113.1").await, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(attempt(&proxied, "203.0.113.2").await, StatusCode::UNAUTHORIZED, "another client");
}
