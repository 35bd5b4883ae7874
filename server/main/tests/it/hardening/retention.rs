//! Rows nobody can use any more do not pile up: links that expired over a day ago, mails sent
//! over a day ago and mails given up on over a week ago are removed by the hourly clean-up;
//! everything a check or a limit still reads stays.

use server::test_support::{Purpose, create_link, prune_email_tokens, prune_outbox};

use crate::support::TestApp;

async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(&app.state.pool).await.unwrap()
}

async fn exec(app: &TestApp, sql: &str) {
    sqlx::query(sql).execute(&app.state.pool).await.unwrap();
}

#[tokio::test]
async fn links_expired_over_a_day_ago_are_removed_and_live_ones_stay() {
    let app = TestApp::spawn().await;
    app.sign_up("kept@example.com").await;
    let id = sqlx::query_scalar("SELECT id FROM users WHERE email = 'kept@example.com'")
        .fetch_one(&app.state.pool)
        .await
        .unwrap();
    let mut conn = app.state.pool.acquire().await.unwrap();
    for _ in 0..3 {
        create_link(&mut conn, id, Purpose::Reset, None).await.unwrap();
    }
    drop(conn);
    let before = count(&app, "SELECT count(*) FROM email_tokens").await;
    assert!(before >= 4, "the sign-up's verification link and three reset links");
    // Two links long expired, one expired an hour ago (a person may still click it and must
    // be told it expired, and today's sending limits still count it).
    exec(&app, "UPDATE email_tokens SET created_at = now() - interval '3 days', expires_at = now() - interval '2 days' \
                WHERE id IN (SELECT id FROM email_tokens WHERE purpose = 'reset' LIMIT 2)").await;
    exec(
        &app,
        "UPDATE email_tokens SET expires_at = now() - interval '1 hour' \
                WHERE purpose = 'reset' AND expires_at > now()",
    )
    .await;

    assert_eq!(prune_email_tokens(&app.state.pool).await.unwrap(), 2);
    assert_eq!(count(&app, "SELECT count(*) FROM email_tokens").await, before - 2);
    assert_eq!(prune_email_tokens(&app.state.pool).await.unwrap(), 0, "a second run finds nothing");
}

#[tokio::test]
async fn old_sent_and_abandoned_mails_are_removed_and_waiting_ones_stay() {
    let app = TestApp::spawn().await;
    for n in 0..6 {
        app.sign_up(&format!("mail{n}@example.com")).await;
    }
    assert_eq!(count(&app, "SELECT count(*) FROM outbox").await, 6);
    // The worker delivers them to the mail directory at once; wait for it so that it touches
    // no row below.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while count(&app, "SELECT count(*) FROM outbox WHERE sent_at IS NULL").await > 0 {
        assert!(std::time::Instant::now() < deadline, "the outbox worker did not deliver the sign-up mails");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    // mail0: sent two days ago; mail1: sent an hour ago; mail2: given up on eight days ago;
    // mail3: given up on yesterday; mail4: still waiting (its next try tomorrow), created long
    // ago; mail5: sent just now.
    exec(
        &app,
        "UPDATE outbox SET sent_at = now() - interval '2 days' WHERE to_address = 'mail0@example.com'",
    )
    .await;
    exec(
        &app,
        "UPDATE outbox SET sent_at = now() - interval '1 hour' WHERE to_address = 'mail1@example.com'",
    )
    .await;
    exec(
        &app,
        "UPDATE outbox SET failed_at = now() - interval '8 days' WHERE to_address = 'mail2@example.com'",
    )
    .await;
    exec(
        &app,
        "UPDATE outbox SET failed_at = now() - interval '1 day' WHERE to_address = 'mail3@example.com'",
    )
    .await;
    exec(
        &app,
        "UPDATE outbox SET created_at = now() - interval '30 days', sent_at = NULL, \
                next_attempt_at = now() + interval '1 day' WHERE to_address = 'mail4@example.com'",
    )
    .await;

    assert_eq!(prune_outbox(&app.state.pool).await.unwrap(), 2);
    let left: Vec<String> = sqlx::query_scalar("SELECT to_address FROM outbox ORDER BY to_address")
        .fetch_all(&app.state.pool)
        .await
        .unwrap();
    assert_eq!(left, ["mail1@example.com", "mail3@example.com", "mail4@example.com", "mail5@example.com"]);
}
