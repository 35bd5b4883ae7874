//! The outbox: rows written with the change that caused them, delivered by a worker.
//!
//! The worker claims due rows with `FOR UPDATE SKIP LOCKED`, so several workers (several
//! instances) never deliver the same row twice, and commits each outcome. Failures retry with
//! exponential backoff (1 s, 2 s, 4 s … capped at 1 h) for 48 hours, then the row is marked
//! failed. Rows survive restarts: delivery resumes where it stopped.

use std::{sync::Arc, time::Duration};

use sqlx::{PgConnection, PgPool, Row};
use tokio::sync::Notify;

use super::{Mail, templates::Site, transport::Transport};

const BATCH: i64 = 10;
const POLL: Duration = Duration::from_secs(1);

#[derive(Clone)]
pub struct Outbox {
    pool: PgPool,
    transport: Arc<Transport>,
    from_name: String,
    from: String,
    pub site: Site,
    wake: Arc<Notify>,
}

/// Queues `mail` inside the caller's transaction: it is sent only if that commits.
pub async fn enqueue(conn: &mut PgConnection, mail: &Mail) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO outbox (to_address, subject, text_body, html_body) VALUES ($1, $2, $3, $4)")
        .bind(&mail.to)
        .bind(&mail.subject)
        .bind(&mail.text)
        .bind(&mail.html)
        .execute(conn)
        .await?;
    Ok(())
}

impl Outbox {
    pub fn new(pool: PgPool, transport: Transport, from: String, site: Site) -> Self {
        Self {
            pool,
            transport: Arc::new(transport),
            from_name: site.service_name.clone(),
            from,
            site,
            wake: Arc::new(Notify::new()),
        }
    }

    /// Tells the worker in this process that new mail was committed.
    pub fn wake(&self) {
        self.wake.notify_one();
    }

    /// Delivers due messages until none are left; returns how many were sent.
    pub async fn deliver_due(&self) -> Result<usize, sqlx::Error> {
        let mut sent = 0;
        loop {
            let mut tx = self.pool.begin().await?;
            let rows = sqlx::query(
                "SELECT id, to_address, subject, text_body, html_body FROM outbox \
                 WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= now() \
                 ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED",
            )
            .bind(BATCH)
            .fetch_all(&mut *tx)
            .await?;
            if rows.is_empty() {
                return Ok(sent);
            }
            let mut delivered_any = false;
            for row in &rows {
                let id: i64 = row.try_get("id")?;
                let mail = Mail {
                    to: row.try_get("to_address")?,
                    subject: row.try_get("subject")?,
                    text: row.try_get("text_body")?,
                    html: row.try_get("html_body")?,
                };
                match self.transport.deliver(&self.from_name, &self.from, &mail, id).await {
                    Ok(()) => {
                        sqlx::query(
                            "UPDATE outbox SET sent_at = now(), attempts = attempts + 1, last_error = NULL, \
                             text_body = '', html_body = '' WHERE id = $1",
                        )
                        .bind(id)
                        .execute(&mut *tx)
                        .await?;
                        sent += 1;
                        delivered_any = true;
                    }
                    Err(error) => {
                        tracing::warn!(outbox_id = id, %error, "mail delivery failed; will retry");
                        sqlx::query(
                            "UPDATE outbox SET attempts = attempts + 1, last_error = $2, \
                             next_attempt_at = now() + make_interval(secs => LEAST(3600, power(2, attempts))), \
                             failed_at = CASE WHEN created_at < now() - interval '48 hours' THEN now() END \
                             WHERE id = $1",
                        )
                        .bind(id)
                        .bind(error.chars().take(500).collect::<String>())
                        .execute(&mut *tx)
                        .await?;
                    }
                }
            }
            tx.commit().await?;
            if !delivered_any {
                return Ok(sent);
            }
        }
    }

    /// Runs the worker until the process ends.
    pub fn spawn_worker(&self) {
        let this = self.clone();
        tokio::spawn(async move {
            loop {
                if let Err(e) = this.deliver_due().await {
                    tracing::warn!(error = %e, "outbox worker could not reach the database");
                }
                tokio::select! {
                    _ = this.wake.notified() => {}
                    _ = tokio::time::sleep(POLL) => {}
                }
            }
        });
    }
}
