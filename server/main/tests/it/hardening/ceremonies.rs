//! Anonymous passkey ceremonies cost a row each (every `/login` view with JavaScript starts
//! one): the unexpired ones are capped across the deployment, and expired ones are removed in
//! batches by background work rather than by every start.

use std::sync::atomic::{AtomicUsize, Ordering};

use app::api::passkeys::PasskeySignInOptions;
use futures::StreamExt;
use reqwest::{StatusCode, header};

use crate::support::{
    TestApp,
    accounts::{json, path},
    log::Log,
};

const BUSY: &str = "Passkey sign-in is busy right now. Try again in a minute, or sign in another way.";

async fn rows(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(&app.state.pool).await.unwrap()
}

#[tokio::test]
async fn a_flood_of_login_views_from_many_addresses_keeps_the_ceremonies_table_bounded() {
    let cap = 300;
    let app =
        TestApp::spawn_with(&[("TRUSTED_PROXY_HOPS", "1"), ("PASSKEY_SIGN_IN_CEREMONIES_MAX", "300")]).await;
    let (log, _guard) = Log::capture();
    let (started, busy) = (AtomicUsize::new(0), AtomicUsize::new(0));
    let origin = app.state.config.service_domain.clone();
    // 5,000 views of /login, each from its own address (the per-address limit never bites).
    futures::stream::iter(0..5000u32)
        .for_each_concurrent(32, |i| {
            let (app, origin, started, busy) = (&app, &origin, &started, &busy);
            async move {
                let address = format!("10.{}.{}.{}", i >> 16, (i >> 8) & 255, i & 255);
                let res = app
                    .bare
                    .post(app.url(path::<PasskeySignInOptions>()))
                    .header(header::ORIGIN, origin)
                    .header(header::ACCEPT, "application/json")
                    .header("x-forwarded-for", address)
                    .form(&[("next", "/account")])
                    .send()
                    .await
                    .expect("an answer");
                match res.status() {
                    StatusCode::OK => started.fetch_add(1, Ordering::Relaxed),
                    StatusCode::SERVICE_UNAVAILABLE => {
                        let body = json(res).await;
                        let message = body["message"].as_str().unwrap_or_default();
                        assert!(message.starts_with(BUSY), "{body}");
                        busy.fetch_add(1, Ordering::Relaxed)
                    }
                    other => panic!("view {i}: {other}"),
                };
            }
        })
        .await;
    let anonymous = rows(&app, "SELECT count(*) FROM webauthn_ceremonies WHERE user_id IS NULL").await;
    assert!(anonymous <= cap, "{anonymous} ceremonies stored, the cap is {cap}");
    assert!(started.into_inner() > 0, "sign-ins start below the cap");
    assert!(busy.into_inner() > 0, "views past the cap were told to come back");
    let warnings = log
        .lines()
        .into_iter()
        .filter(|l| {
            l["target"] == "security" && l["fields"].to_string().contains("PASSKEY_SIGN_IN_CEREMONIES_MAX")
        })
        .count();
    assert_eq!(warnings, 1, "the operator is told once, not once per refusal");
}

#[tokio::test]
async fn expired_ceremonies_are_removed_in_batches_by_background_work_not_by_starts() {
    let app = TestApp::spawn().await;
    sqlx::query(
        "INSERT INTO webauthn_ceremonies (id, kind, state, expires_at) \
         SELECT sha256(i::text::bytea), 'sign_in', '{}'::jsonb, now() - interval '1 minute' \
         FROM generate_series(1, 2500) AS i",
    )
    .execute(&app.state.pool)
    .await
    .unwrap();
    // A start no longer scans the table for expired rows.
    let res = app.call(path::<PasskeySignInOptions>(), &[], None).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(rows(&app, "SELECT count(*) FROM webauthn_ceremonies").await, 2501);
    assert_eq!(
        rows(
            &app,
            "SELECT count(*) FROM pg_indexes WHERE tablename = 'webauthn_ceremonies' AND indexdef LIKE '%expires_at%'"
        )
        .await,
        1,
        "expired rows are found through an index"
    );

    let removed = server::test_support::prune_passkey_ceremonies(&app.state.pool).await.unwrap();
    assert_eq!(removed, 2500);
    assert_eq!(rows(&app, "SELECT count(*) FROM webauthn_ceremonies").await, 1, "the live one stays");
}
