//! Mail is never lost: with the SMTP server down, sign-up still succeeds; once a server is
//! listening, the mail arrives exactly once even with two workers (two instances) running.

use std::{
    process::{Child, Command, Stdio},
    time::{Duration, Instant},
};

use crate::support::{
    TestApp,
    accounts::{PASSWORD, path},
    mail,
};
use app::api::auth::SignUp;

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// A MailDev on fixed ports, killed when dropped.
struct MailDev(Child);

impl MailDev {
    async fn start(smtp: u16, web: u16) -> Self {
        let bin = std::env::var("TEST_MAILDEV_BIN")
            .expect("TEST_MAILDEV_BIN is not set: run the tests through scripts/test.sh");
        let child = Command::new(bin)
            .args([
                "--ip",
                "127.0.0.1",
                "--smtp",
                &smtp.to_string(),
                "--web-ip",
                "127.0.0.1",
                "--web",
                &web.to_string(),
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("maildev starts");
        let deadline = Instant::now() + Duration::from_secs(30);
        while reqwest::get(format!("http://127.0.0.1:{web}/email")).await.is_err() {
            assert!(Instant::now() < deadline, "maildev did not come up");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        Self(child)
    }
}

impl Drop for MailDev {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[tokio::test]
async fn mail_queued_while_smtp_is_down_arrives_once_with_two_workers() {
    let (smtp, web) = (free_port(), free_port());
    let host = format!("127.0.0.1:{smtp}");
    let config = [("SMTP_HOST", host.as_str()), ("SMTP_TLS", "plain")];
    let a = TestApp::spawn_with(&config).await;
    let email = format!("{}@example.com", crate::support::unique_name("outage"));

    let res = a.call(path::<SignUp>(), &[("email", &email), ("password", PASSWORD)], None).await;
    assert!(res.status().is_success() || res.status().is_redirection(), "sign-up succeeds with SMTP down");

    // The worker tried, failed, and recorded why.
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let (attempts, error): (i32, Option<String>) =
            sqlx::query_as("SELECT attempts, last_error FROM outbox").fetch_one(&a.state.pool).await.unwrap();
        if attempts >= 1 {
            assert!(error.is_some_and(|e| !e.is_empty()));
            break;
        }
        assert!(Instant::now() < deadline, "no delivery attempt recorded");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }

    // A second instance (a second worker) on the same database, then the server comes up.
    let url = a.database_url();
    let b = TestApp::spawn_with(&[("DATABASE_URL", url.as_str()), config[0], config[1]]).await;
    let _server = MailDev::start(smtp, web).await;
    // The retry falls due now (instead of after its backoff); tell both workers, as a change
    // that queues mail tells its own.
    sqlx::query("UPDATE outbox SET next_attempt_at = now()").execute(&a.state.pool).await.unwrap();
    a.state.email.outbox.wake();
    b.state.email.outbox.wake();

    let api = format!("http://127.0.0.1:{web}");
    mail::wait_for(&api, &email, "Verify your email").await;
    // Give both workers several more rounds to (wrongly) send it again.
    for _ in 0..10 {
        a.state.email.outbox.wake();
        b.state.email.outbox.wake();
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    assert_eq!(mail::messages_to(&api, &email).await.len(), 1, "delivered exactly once");
    let sent: i64 = sqlx::query_scalar("SELECT count(*) FROM outbox WHERE sent_at IS NOT NULL")
        .fetch_one(&b.state.pool)
        .await
        .unwrap();
    assert_eq!(sent, 1);
}
