//! The running app: health, readiness, 404s, body limits, configuration errors.

use std::time::{Duration, Instant};

use crate::support::TestApp;
use reqwest::StatusCode;

#[tokio::test]
async fn healthz_answers_ok() {
    let app = TestApp::spawn().await;
    let res = app.get("/healthz").await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.text().await.unwrap(), "ok");
}

#[tokio::test]
async fn home_page_is_server_rendered_with_the_service_name_and_nav() {
    let app = TestApp::spawn().await;
    let res = app.get("/").await;
    assert_eq!(res.status(), StatusCode::OK);
    let html = res.text().await.unwrap();
    assert!(html.contains(r#"class="brand">Accounts Test</a>"#), "{html}");
    assert!(html.contains(r#"href="/login""#) && html.contains(">Sign in</a>"));
    assert!(html.contains(r#"href="/signup""#) && html.contains(">Create account</a>"));
    assert!(html.contains("<footer"));
}

#[tokio::test]
async fn unknown_paths_render_the_not_found_page_with_status_404() {
    let app = TestApp::spawn().await;
    for path in ["/no-such-page", "/a/b/c", "/pkg/missing.wasm"] {
        let res = app.get(path).await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND, "{path}");
        let html = res.text().await.unwrap();
        assert!(html.contains("Page not found"), "{path}: {html}");
    }
}

#[tokio::test]
async fn readyz_follows_the_database_without_a_restart() {
    let app = TestApp::spawn().await;
    assert_eq!(app.get("/readyz").await.status(), StatusCode::OK);

    let mut admin = app.admin().await;
    let db = &app.database;
    sqlx::query(&format!("ALTER DATABASE {db} ALLOW_CONNECTIONS false")).execute(&mut admin).await.unwrap();
    sqlx::query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1")
        .bind(db)
        .execute(&mut admin)
        .await
        .unwrap();
    assert_eq!(poll_readyz(&app, StatusCode::SERVICE_UNAVAILABLE).await, StatusCode::SERVICE_UNAVAILABLE);

    sqlx::query(&format!("ALTER DATABASE {db} ALLOW_CONNECTIONS true")).execute(&mut admin).await.unwrap();
    assert_eq!(poll_readyz(&app, StatusCode::OK).await, StatusCode::OK);
}

/// Polls `/readyz` for up to 15 s until it answers `want`; returns the last status.
async fn poll_readyz(app: &TestApp, want: StatusCode) -> StatusCode {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let status = app.get("/readyz").await.status();
        if status == want || Instant::now() > deadline {
            return status;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn bodies_over_one_mebibyte_are_refused_with_413() {
    let app = TestApp::spawn().await;
    let body = vec![b'a'; 1024 * 1024 + 1];
    let res = app
        .client
        .post(app.url("/api/anything"))
        .header("origin", &app.state.config.service_domain)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test]
async fn the_same_database_is_reused_and_migrations_are_idempotent() {
    let first = TestApp::spawn().await;
    let url = format!("{}/{}", first.admin_url.rsplit_once('/').unwrap().0, first.database);
    // A second instance on the same database starts and serves: migrations already applied.
    let second = TestApp::spawn_with(&[("DATABASE_URL", &url)]).await;
    assert_eq!(second.get("/readyz").await.status(), StatusCode::OK);
    let applied: i64 = sqlx::query_scalar("SELECT count(*) FROM _sqlx_migrations")
        .fetch_one(&second.state.pool)
        .await
        .unwrap();
    assert_eq!(applied as usize, server::db::MIGRATOR.iter().count());
}

fn run_binary(vars: &[(&str, &str)]) -> std::process::Output {
    let dir = std::env::temp_dir().join(crate::support::unique_name("cfg"));
    std::fs::create_dir_all(&dir).unwrap();
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_accounts-server"));
    cmd.current_dir(&dir).env_clear().env("PATH", std::env::var("PATH").unwrap_or_default());
    for (k, v) in vars {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("the binary runs");
    let _ = std::fs::remove_dir_all(&dir);
    out
}

#[test]
fn a_bad_value_stops_start_up_with_exit_code_2_and_one_line() {
    let cases: &[(&[(&str, &str)], &str)] = &[
        (&[("SOCKET", "nowhere")], "SOCKET"),
        (&[("MEM_CACHE_DURATION", "soon")], "MEM_CACHE_DURATION"),
        (&[("SECRET_KEY", "short")], "SECRET_KEY"),
        (&[("SERVICE_DOMAIN", "https://example.com")], "SECRET_KEY"),
        (&[("BUCKET_NAME", "avatars")], "BUCKET_ENDPOINT"),
        (&[("GOOGLE_CLIENT_ID", "abc")], "GOOGLE_CLIENT_SECRET"),
    ];
    for (vars, variable) in cases {
        let out = run_binary(vars);
        assert_eq!(out.status.code(), Some(2), "{vars:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        let lines: Vec<&str> = stderr.lines().filter(|l| l.contains("configuration error")).collect();
        assert_eq!(lines.len(), 1, "{stderr}");
        assert!(lines[0].contains(variable), "{vars:?}: {stderr}");
        assert!(lines[0].contains("expected"), "{stderr}");
    }
}
