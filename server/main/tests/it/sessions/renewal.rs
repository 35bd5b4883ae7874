//! Renewal of expired sessions on the same device, rotation under concurrent requests, and
//! the cache: a warm signed-in request runs no SQL, a browser that just wrote reads through.

use crate::support::{
    TestApp,
    accounts::{clears_session, json, path, session_cookie, set_cookie},
};
use app::api::security::ListDevices;
use reqwest::{StatusCode, header};

use super::{sha256, signed_up, token_of};

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
