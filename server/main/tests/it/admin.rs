//! The operator's commands, run as the real binary against the database of a running server:
//! each change reaches the running instance at once (its caches hear of it), and a bad or
//! unknown address exits non-zero with a clear line.

use std::{
    io::Write,
    process::{Command, Output, Stdio},
};

use crate::support::{
    TestApp,
    accounts::{PASSWORD, json, path, session_cookie},
};
use reqwest::StatusCode;

fn address(tag: &str) -> String {
    format!("{}@example.com", crate::support::unique_name(tag))
}

/// Runs `accounts-server ARGS` with the app's configuration, feeding `input` to stdin.
fn run(app: &TestApp, args: &[&str], input: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_accounts-server"))
        .args(args)
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("DATABASE_URL", app.database_url())
        .env("SECRET_KEY", &app.secret_key)
        .env("DATA_DIR", &app.data_dir)
        .env("SERVICE_NAME", "Accounts Test")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[tokio::test]
async fn migrate_and_show() {
    let app = TestApp::spawn().await;
    let out = run(&app, &["migrate"], "");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("Migrations are up to date."));

    let email = address("show");
    app.sign_up(&email).await;
    let out = run(&app, &["users", "show", &email.to_uppercase()], "");
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains(&format!("Account   {email}")), "{text}");
    assert!(text.contains("Devices (1)") && text.contains("Chrome on Linux"), "{text}");
    assert!(text.contains("Account created"), "the security events: {text}");
    assert!(!text.contains("argon2") && !text.contains("$"), "no password hash: {text}");
}

#[tokio::test]
async fn a_bad_or_unknown_address_exits_non_zero_with_a_clear_line() {
    let app = TestApp::spawn().await;
    let out = run(&app, &["users", "show", "not-an-address"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("not an email address: \"not-an-address\""), "{}", stderr(&out));
    let out = run(&app, &["users", "sign-out", "nobody@example.com"], "");
    assert_eq!(out.status.code(), Some(3));
    assert!(stderr(&out).contains("no account has the address nobody@example.com"));
    let out = run(&app, &["users", "frobnicate"], "");
    assert!(!out.status.success(), "an unknown command is refused");
}

#[tokio::test]
async fn signing_out_reaches_the_running_instance_at_once() {
    let app = TestApp::spawn().await;
    let email = address("signout");
    let cookie = app.sign_up(&email).await;
    assert!(app.is_signed_in(&cookie).await, "cached by the running instance");
    let out = run(&app, &["users", "sign-out", &email], "");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("Signed out 1 session(s)"));
    // The instance heard the invalidation through LISTEN/NOTIFY: its cache no longer vouches.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    while app.is_signed_in(&cookie).await {
        assert!(std::time::Instant::now() < deadline, "still signed in on the running instance");
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
}

#[tokio::test]
async fn verify_lock_unlock() {
    let app = TestApp::spawn().await;
    let email = address("lock");
    let res =
        app.call(path::<app::api::auth::SignUp>(), &[("email", &email), ("password", PASSWORD)], None).await;
    let cookie = session_cookie(&res).unwrap();
    let out = run(&app, &["users", "verify", &email], "");
    assert!(out.status.success(), "{}", stderr(&out));
    let verified: bool =
        sqlx::query_scalar("SELECT email_verified_at IS NOT NULL FROM users WHERE email = $1")
            .bind(&email)
            .fetch_one(&app.state.pool)
            .await
            .unwrap();
    assert!(verified);

    let out = run(&app, &["users", "lock", &email], "");
    assert!(out.status.success(), "{}", stderr(&out));
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    while app.is_signed_in(&cookie).await {
        assert!(std::time::Instant::now() < deadline, "a locked account stayed signed in");
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    let res = app.sign_in(&email, PASSWORD).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert!(session_cookie(&res).is_none());
    assert_eq!(json(res).await["message"], "This account is locked. Contact support to unlock it.");

    let out = run(&app, &["users", "unlock", &email], "");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(session_cookie(&app.sign_in(&email, PASSWORD).await).is_some());
}

#[tokio::test]
async fn delete_asks_unless_told_yes() {
    let app = TestApp::spawn().await;
    let email = address("delete");
    let cookie = app.sign_up(&email).await;
    let out = run(&app, &["users", "delete", &email], "someone-else@example.com\n");
    assert!(out.status.success());
    assert!(stdout(&out).contains("Not deleted."));
    assert!(app.is_signed_in(&cookie).await);

    let out = run(&app, &["users", "delete", &email], &format!("{email}\n"));
    assert!(stdout(&out).contains("is deleted"), "{}", stdout(&out));
    let out = run(&app, &["users", "show", &email], "");
    assert_eq!(out.status.code(), Some(3), "gone");

    let other = address("delete-yes");
    app.sign_up(&other).await;
    let out = run(&app, &["users", "delete", &other, "--yes"], "");
    assert!(stdout(&out).contains("is deleted"), "{}", stderr(&out));
    let left: i64 =
        sqlx::query_scalar("SELECT count(*) FROM users").fetch_one(&app.state.pool).await.unwrap();
    assert_eq!(left, 0);
}

#[tokio::test]
async fn log_format_json_writes_one_object_per_line_with_the_request_id() {
    let app = TestApp::spawn().await;
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let mut server = Command::new(env!("CARGO_BIN_EXE_accounts-server"))
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("DATABASE_URL", app.database_url())
        .env("SECRET_KEY", &app.secret_key)
        .env("DATA_DIR", &app.data_dir)
        .env("SOCKET", format!("127.0.0.1:{port}"))
        .env("LOG_FORMAT", "json")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the server starts");
    let client = reqwest::Client::new();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    let page_id = loop {
        if let Ok(res) = client.get(format!("http://127.0.0.1:{port}/login")).send().await {
            assert_eq!(res.status(), 200);
            break res.headers()["x-request-id"].to_str().unwrap().to_owned();
        }
        assert!(std::time::Instant::now() < deadline, "the server did not answer");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    };
    // A 4xx answer closes with an info line; a successful one logs at debug only.
    let res = client.get(format!("http://127.0.0.1:{port}/no-such-page")).send().await.unwrap();
    assert_eq!(res.status(), 404);
    let id = res.headers()["x-request-id"].to_str().unwrap().to_owned();
    // SIGTERM: the server shuts down gracefully and flushes its log.
    terminate(server.id());
    let out = tokio::task::spawn_blocking(move || {
        server.wait().unwrap();
        let mut text = String::new();
        std::io::Read::read_to_string(server.stdout.as_mut().unwrap(), &mut text).unwrap();
        text
    })
    .await
    .unwrap();
    let lines: Vec<serde_json::Value> =
        out.lines().map(|l| serde_json::from_str(l).unwrap_or_else(|_| panic!("not JSON: {l}"))).collect();
    assert!(!lines.is_empty());
    assert!(
        lines.iter().any(|l| l["span"]["id"].as_str() == Some(id.as_str())
            && l["span"]["path"] == "/no-such-page"
            && l["fields"]["status"] == 404),
        "no line of the request carries its id {id}: {out}"
    );
    assert!(
        !lines.iter().any(|l| l["span"]["id"].as_str() == Some(page_id.as_str())),
        "a successful page view wrote a line at info: {out}"
    );
}

/// Sends SIGTERM through `kill`, the way a service manager stops the server.
fn terminate(pid: u32) {
    let status = Command::new("kill").args(["-TERM", &pid.to_string()]).status().unwrap();
    assert!(status.success());
}

#[tokio::test]
async fn metrics_are_served_on_their_own_listener_only() {
    let app = TestApp::spawn_with(&[("METRICS_SOCKET", "127.0.0.1:0")]).await;
    let email = address("metrics");
    app.sign_up(&email).await;
    let cookie = session_cookie(&app.sign_in(&email, PASSWORD).await).unwrap();
    for _ in 0..2 {
        assert_eq!(app.get_with("/account", &cookie).await.status(), StatusCode::OK);
    }
    app.sign_in(&email, "not the password at all").await;

    let addr = app.metrics_addr.expect("a metrics listener");
    let text = reqwest::get(format!("http://{addr}/metrics")).await.unwrap().text().await.unwrap();
    for expected in [
        "http_requests_total{route=\"/account\",status=\"200\"}",
        "http_request_duration_seconds_bucket{route=\"/account\"",
        "sign_ins_total{method=\"password\",outcome=\"success\"}",
        "sign_ins_total{method=\"password\",outcome=\"failure\"}",
        "session_cache_hits_total ",
        "session_cache_misses_total ",
        "argon2_queue_wait_seconds_bucket",
        "outbox_depth",
        "outbox_oldest_due_age_seconds",
        "invalidation_listener_connected 1",
        "db_pool_connections{state=\"idle\"}",
    ] {
        assert!(text.contains(expected), "{expected} missing from:\n{text}");
    }
    let public = app.get("/metrics").await;
    assert_eq!(public.status(), StatusCode::NOT_FOUND, "never on the public port");
}

#[tokio::test]
async fn reset_two_step_removes_it_records_it_and_mails_the_owner() {
    use crate::support::two_step::{events, with_two_step};
    let app = TestApp::spawn_with_smtp().await;
    let email = address("reset2s");
    let (cookie, _, _) = with_two_step(&app, &email).await;

    let out = run(&app, &["users", "reset-two-step", &email], "");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("two-step verification is off"), "{}", stdout(&out));
    let rows: i64 =
        sqlx::query_scalar("SELECT (SELECT count(*) FROM two_step) + (SELECT count(*) FROM recovery_codes)")
            .fetch_one(&app.state.pool)
            .await
            .unwrap();
    assert_eq!(rows, 0, "the secret and the recovery codes are gone");
    assert_eq!(events(&app, "two_step_reset").await, 1);
    app.state.email.outbox.wake();
    crate::support::mail::wait_for(&crate::support::mail::api(), &email, "Two-step verification was reset")
        .await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    while app.is_signed_in(&cookie).await {
        assert!(std::time::Instant::now() < deadline, "the account's sessions stayed signed in");
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    let res = app.sign_in(&email, PASSWORD).await;
    assert!(session_cookie(&res).is_some(), "the password alone signs in again");

    let out = run(&app, &["users", "reset-two-step", "nobody@example.com"], "");
    assert_eq!(out.status.code(), Some(3));
}
