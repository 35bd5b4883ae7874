//! The outbox: rows written with the change that caused them, delivered by a worker.
//!
//! A worker claims one due row at a time: a single statement picks it with
//! `FOR UPDATE SKIP LOCKED` (so concurrent workers on several instances never pick the same
//! row) and sets a lease (`locked_until`) that keeps others away while it is being sent, with
//! no transaction held open over SMTP. Each outcome is committed on its own. A worker that dies
//! mid-send leaves a lease that runs out, and the row is claimed again. Failures retry with
//! exponential backoff (1 s, 2 s, 4 s … capped at 1 h) for 48 hours, then the row is marked
//! failed. Rows survive restarts: delivery resumes where it stopped.
//!
//! Only mails a stranger can cause are capped per address ([`PER_ADDRESS_PER_HOUR`]); security
//! notices always go out, each with its own "This wasn't me" link.
//!
//! No live link stays in the table: a sent or finally failed row has its body blanked, and a
//! row whose link expired before it could be sent is dropped (marked failed with the reason)
//! and blanked, unsent.

use std::{sync::Arc, time::Duration};

use sqlx::{PgConnection, PgPool};
use tokio::sync::Notify;

use uuid::Uuid;

use super::{Mail, templates::Site, transport::Transport};
use crate::email_tokens;

/// The longest an idle worker sleeps. A change that queues mail wakes its own instance's worker
/// at once, and a worker sleeps until the next row falls due (a retry) or its lease runs out, so
/// this only bounds how late rows queued by an instance that died before sending are seen.
const IDLE_WAKE: Duration = Duration::from_secs(30);
/// The shortest sleep between rounds, and the one after a database error.
const MIN_WAIT: Duration = Duration::from_millis(50);
const RETRY_WAIT: Duration = Duration::from_secs(1);
/// How long a claimed row is reserved for its worker; longer than any delivery may take.
pub const LEASE: Duration = Duration::from_secs(300);
/// A delivery still running after this is abandoned (and retried), well within the lease.
const DELIVERY_TIMEOUT: Duration = Duration::from_secs(120);

#[derive(Clone)]
pub struct Outbox {
    pool: PgPool,
    transport: Arc<Transport>,
    from_name: String,
    from: String,
    pub site: Site,
    wake: Arc<Notify>,
}

/// Why an unsent row was given up on when its link expired (`outbox.last_error`).
pub const EXPIRED: &str = "not sent: its link expired first";

/// Capped mails (see [`Mail::capped`]: those a stranger can cause by typing an address into a
/// form) any one address may get per hour: more are dropped, so nobody can point the app's
/// forms at an inbox to flood it. Security notices neither count nor are ever dropped, so such
/// a flood cannot silence the notice of a change made by someone holding the password.
pub const PER_ADDRESS_PER_HOUR: i64 = 5;

/// Queues `mail` inside the caller's transaction: it is sent only if that commits. A capped
/// mail beyond [`PER_ADDRESS_PER_HOUR`] to its address is dropped (and logged without the
/// address); the transaction-scoped advisory lock makes concurrent senders count in turn. A
/// notice is always queued, with its own "This wasn't me" link, made here in the same
/// transaction so that every call site gets one.
pub async fn enqueue(conn: &mut PgConnection, mail: &Mail) -> Result<(), sqlx::Error> {
    if let Some(notice) = &mail.notice {
        let mut mail = mail.clone();
        let user_id = match notice.user_id {
            Some(id) => Some(id),
            None => account_of(conn, &mail.to).await?,
        };
        match user_id {
            Some(user_id) => {
                let token =
                    email_tokens::create_not_me(conn, user_id, notice.device_id, &mail.subject).await?;
                mail.add_not_me(&token);
            }
            None => {
                tracing::warn!(subject = %mail.subject, "notice queued without \"This wasn't me\": no account has its address")
            }
        }
        return insert(conn, &mail).await;
    }
    if mail.capped {
        sqlx::query!("SELECT pg_advisory_xact_lock(hashtext('outbox:' || $1))", &mail.to)
            .execute(&mut *conn)
            .await?;
    }
    insert(conn, mail).await
}

/// Mails waiting (neither sent nor given up) and how long the oldest due one has waited, in
/// seconds: the outbox gauges.
pub async fn depth(db: impl sqlx::PgExecutor<'_>) -> Result<(i64, Option<f64>), sqlx::Error> {
    let row = sqlx::query!(
        "SELECT count(*) AS \"depth!\", \
           EXTRACT(EPOCH FROM now() - min(next_attempt_at) FILTER (WHERE next_attempt_at <= now()))::float8 AS oldest \
         FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL"
    )
    .fetch_one(db)
    .await?;
    Ok((row.depth, row.oldest))
}

/// Deletes mails sent over a day ago and mails given up on over a week ago (kept that long for
/// an operator asking why a mail never came). The hourly cap per address counts only the last
/// hour's mails.
/// Deletes every mail to `address` (its account is being deleted for good).
pub async fn forget(db: impl sqlx::PgExecutor<'_>, address: &str) -> Result<u64, sqlx::Error> {
    let done = sqlx::query!("DELETE FROM outbox WHERE to_address = $1", address).execute(db).await?;
    Ok(done.rows_affected())
}

/// A mail as the admin console lists it: subject and times, never the body or its links.
#[derive(Clone, Debug)]
pub struct Sent {
    pub subject: String,
    pub queued_at: chrono::DateTime<chrono::Utc>,
    pub sent_at: Option<chrono::DateTime<chrono::Utc>>,
    pub failed: bool,
}

/// The latest mails queued for `address`, newest first.
pub async fn to_address(
    db: impl sqlx::PgExecutor<'_>,
    address: &str,
    limit: i64,
) -> Result<Vec<Sent>, sqlx::Error> {
    sqlx::query_as!(
        Sent,
        "SELECT subject, created_at AS queued_at, sent_at, failed_at IS NOT NULL AS \"failed!\" FROM outbox \
         WHERE to_address = $1 ORDER BY created_at DESC, id DESC LIMIT $2",
        address,
        limit
    )
    .fetch_all(db)
    .await
}

pub async fn prune(db: impl sqlx::PgExecutor<'_>) -> Result<u64, sqlx::Error> {
    let done = sqlx::query!(
        "DELETE FROM outbox WHERE sent_at < now() - interval '1 day' OR failed_at < now() - interval '7 days'"
    )
    .execute(db)
    .await?;
    Ok(done.rows_affected())
}

async fn account_of(conn: &mut PgConnection, address: &str) -> Result<Option<Uuid>, sqlx::Error> {
    crate::users::id_by_email(conn, address).await
}

/// Inserts the row; a capped mail only while its address has capped mails to spare this hour.
async fn insert(conn: &mut PgConnection, mail: &Mail) -> Result<(), sqlx::Error> {
    let queued = sqlx::query!(
        "INSERT INTO outbox (to_address, subject, text_body, html_body, link_expires_at, capped) \
         SELECT $1, $2, $3, $4, now() + make_interval(secs => $6), $7::boolean \
         WHERE NOT $7 OR (SELECT count(*) FROM outbox \
                          WHERE to_address = $1 AND capped AND created_at > now() - interval '1 hour') < $5",
        &mail.to,
        &mail.subject,
        &mail.text,
        &mail.html,
        PER_ADDRESS_PER_HOUR,
        mail.link_ttl_secs,
        mail.capped,
    )
    .execute(conn)
    .await?;
    if queued.rows_affected() == 0 {
        tracing::warn!(target: "security", subject = %mail.subject, "mail dropped: its address had its hourly share");
    }
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
        self.drop_expired().await?;
        let mut sent = 0;
        while let Some((id, mail)) = self.claim().await? {
            let attempt = self.transport.deliver(&self.from_name, &self.from, &mail, id);
            let outcome = match tokio::time::timeout(DELIVERY_TIMEOUT, attempt).await {
                Ok(outcome) => outcome,
                Err(_) => Err("delivery timed out".to_owned()),
            };
            match outcome {
                Ok(()) => {
                    sqlx::query!(
                        "UPDATE outbox SET sent_at = now(), attempts = attempts + 1, last_error = NULL, \
                         locked_until = NULL, text_body = '', html_body = '' WHERE id = $1",
                        id
                    )
                    .execute(&self.pool)
                    .await?;
                    metrics::counter!("mails_sent_total").increment(1);
                    sent += 1;
                }
                Err(error) => {
                    tracing::warn!(outbox_id = id, %error, "mail delivery failed; will retry");
                    metrics::counter!("mails_failed_total").increment(1);
                    sqlx::query!(
                        "UPDATE outbox SET attempts = attempts + 1, last_error = $2, locked_until = NULL, \
                         next_attempt_at = now() + make_interval(secs => LEAST(3600, power(2, attempts))), \
                         failed_at = CASE WHEN created_at < now() - interval '48 hours' THEN now() END, \
                         text_body = CASE WHEN created_at < now() - interval '48 hours' THEN '' ELSE text_body END, \
                         html_body = CASE WHEN created_at < now() - interval '48 hours' THEN '' ELSE html_body END \
                         WHERE id = $1",
                        id,
                        error.chars().take(500).collect::<String>(),
                    )
                    .execute(&self.pool)
                    .await?;
                }
            }
        }
        Ok(sent)
    }

    /// Gives up on unsent rows whose link no longer works: the reason is recorded, the body
    /// blanked. Rows leased by a worker are left to it (it drops them on its next round).
    async fn drop_expired(&self) -> Result<(), sqlx::Error> {
        let dropped = sqlx::query_scalar!(
            "UPDATE outbox SET failed_at = now(), last_error = $1, text_body = '', html_body = '' \
             WHERE sent_at IS NULL AND failed_at IS NULL AND link_expires_at <= now() \
               AND (locked_until IS NULL OR locked_until < now()) \
             RETURNING id",
            EXPIRED
        )
        .fetch_all(&self.pool)
        .await?;
        for id in dropped {
            tracing::warn!(target: "security", outbox_id = id, "mail dropped: its link expired before it could be sent");
        }
        Ok(())
    }

    /// Leases the oldest due row nobody else holds, in one short statement.
    async fn claim(&self) -> Result<Option<(i64, Mail)>, sqlx::Error> {
        let row = sqlx::query!(
            "UPDATE outbox SET locked_until = now() + make_interval(secs => $1) WHERE id = ( \
               SELECT id FROM outbox \
               WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= now() \
                 AND (locked_until IS NULL OR locked_until < now()) \
                 AND (link_expires_at IS NULL OR link_expires_at > now()) \
               ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED) \
             RETURNING id, to_address, subject, text_body, html_body",
            LEASE.as_secs_f64()
        )
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|row| {
            let mail = Mail {
                to: row.to_address,
                subject: row.subject,
                text: row.text_body,
                html: row.html_body,
                link_ttl_secs: None,
                capped: false,
                notice: None,
            };
            (row.id, mail)
        }))
    }

    /// How long until a pending row falls due or its lease runs out, at most [`IDLE_WAKE`].
    async fn next_due_in(&self) -> Result<Duration, sqlx::Error> {
        let secs: Option<f64> = sqlx::query_scalar!(
            "SELECT EXTRACT(EPOCH FROM \
               min(GREATEST(next_attempt_at, COALESCE(locked_until, next_attempt_at))) - now())::float8 \
             FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL"
        )
        .fetch_one(&self.pool)
        .await?;
        Ok(secs.map_or(IDLE_WAKE, |s| Duration::from_secs_f64(s.clamp(0.0, IDLE_WAKE.as_secs_f64()))))
    }

    /// Runs the worker until the process ends: delivers what is due, then sleeps until the next
    /// row falls due or a change queues mail (two statements per idle round, not one a second).
    pub fn spawn_worker(&self) {
        let this = self.clone();
        tokio::spawn(async move {
            loop {
                let wait = match this.deliver_due().await {
                    Ok(_) => this.next_due_in().await,
                    Err(e) => Err(e),
                };
                let wait = wait.unwrap_or_else(|e| {
                    tracing::warn!(error = %e, "outbox worker could not reach the database");
                    RETRY_WAIT
                });
                tokio::select! {
                    _ = this.wake.notified() => {}
                    _ = tokio::time::sleep(wait.max(MIN_WAIT)) => {}
                }
            }
        });
    }
}
