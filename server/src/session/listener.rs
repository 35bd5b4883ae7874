//! Applies other instances' invalidations: a `PgListener` on its own connection (one more
//! than the pool) listens on [`notify::CHANNEL`] and forwards each payload to the caches.
//!
//! When that connection is lost the instance cannot know what it missed, so it empties its
//! caches and stops caching (requests read Postgres meanwhile), reconnects with backoff, and
//! trusts its caches again only once `LISTEN` is back in place. A quiet connection is pinged,
//! so a silently dead one (a cut network) is noticed too.

use std::{
    sync::{
        Arc,
        atomic::{AtomicBool, AtomicI32, AtomicU64, Ordering},
    },
    time::Duration,
};

use sqlx::{
    PgPool,
    postgres::{PgConnectOptions, PgListener, PgPoolOptions},
};

use super::{cache::Caches, notify};

const FIRST_BACKOFF: Duration = Duration::from_millis(100);
const MAX_BACKOFF: Duration = Duration::from_secs(5);
/// How long the connection may stay silent before it is pinged.
const PING_AFTER: Duration = Duration::from_secs(15);
/// How long connecting or a ping may take before the connection counts as lost.
const DEADLINE: Duration = Duration::from_secs(5);

/// What `/readyz` and tests see of the listener.
#[derive(Clone, Default)]
pub struct ListenerStatus(Arc<Inner>);

#[derive(Default)]
struct Inner {
    connected: AtomicBool,
    backend_pid: AtomicI32,
    connections: AtomicU64,
}

impl ListenerStatus {
    /// True while `LISTEN` is in place and the caches are trusted.
    pub fn is_connected(&self) -> bool {
        self.0.connected.load(Ordering::SeqCst)
    }

    /// The Postgres backend serving the listener (for operators and tests), if connected.
    pub fn backend_pid(&self) -> Option<i32> {
        self.is_connected().then(|| self.0.backend_pid.load(Ordering::SeqCst))
    }

    /// How many times the listener has connected since start-up.
    pub fn connections(&self) -> u64 {
        self.0.connections.load(Ordering::SeqCst)
    }

    fn connected(&self, pid: i32) {
        self.0.backend_pid.store(pid, Ordering::SeqCst);
        self.0.connections.fetch_add(1, Ordering::SeqCst);
        self.0.connected.store(true, Ordering::SeqCst);
    }

    fn lost(&self) {
        self.0.connected.store(false, Ordering::SeqCst);
    }
}

struct Listener {
    options: PgConnectOptions,
    caches: Caches,
    status: ListenerStatus,
}

/// Starts listening with a dedicated connection to the database of `pool`. Tries once before
/// returning, so a healthy instance serves with warm-able caches from its first request; if
/// that fails it serves uncached and keeps trying in the background.
pub async fn start(pool: &PgPool, caches: Caches, status: ListenerStatus) {
    let options = (*pool.connect_options()).clone().application_name("accounts-listener");
    caches.set_coherent(false);
    let this = Listener { options, caches, status };
    let first = this.connect().await;
    tokio::spawn(this.run(first));
}

impl Listener {
    async fn connect(&self) -> Result<PgListener, sqlx::Error> {
        // A pool of one per attempt: dropping a listener whose connection hangs parks that
        // connection in a background task, which must not block the next attempt.
        let pool = PgPoolOptions::new()
            .max_connections(1)
            .max_lifetime(None)
            .idle_timeout(None)
            .acquire_timeout(DEADLINE)
            .connect_lazy_with(self.options.clone());
        let attempt = async {
            let mut listener = PgListener::connect_with(&pool).await?;
            // On loss, `try_recv` returns `Ok(None)` at once instead of reconnecting quietly.
            listener.eager_reconnect(false);
            listener.listen(notify::CHANNEL).await?;
            let pid =
                sqlx::query_scalar!("SELECT pg_backend_pid() AS \"pid!\"").fetch_one(&mut listener).await?;
            Ok::<_, sqlx::Error>((listener, pid))
        };
        let (listener, pid) =
            tokio::time::timeout(DEADLINE, attempt).await.map_err(|_| sqlx::Error::PoolTimedOut)??;
        self.status.connected(pid);
        // Only now is every later invalidation sure to arrive.
        self.caches.set_coherent(true);
        if self.status.connections() > 1 {
            tracing::info!(backend_pid = pid, "invalidation listener reconnected; caching again");
        }
        Ok(listener)
    }

    async fn run(self, first: Result<PgListener, sqlx::Error>) {
        let mut backoff = FIRST_BACKOFF;
        let mut connection = first;
        loop {
            match connection {
                Ok(mut listener) => {
                    backoff = FIRST_BACKOFF;
                    let why = self.listen(&mut listener).await;
                    self.status.lost();
                    self.caches.set_coherent(false);
                    tracing::warn!(reason = %why, "invalidation listener lost its connection; caches cleared, serving from Postgres");
                    drop(listener);
                }
                Err(error) => {
                    tracing::warn!(%error, retry_in_ms = backoff.as_millis() as u64, "invalidation listener cannot connect");
                    tokio::time::sleep(backoff).await;
                    backoff = (backoff * 2).min(MAX_BACKOFF);
                }
            }
            connection = self.connect().await;
        }
    }

    /// Applies notifications until the connection is lost; returns why.
    async fn listen(&self, listener: &mut PgListener) -> String {
        loop {
            tokio::select! {
                received = listener.try_recv() => match received {
                    Ok(Some(notification)) => match notify::Invalidation::decode(notification.payload()) {
                        Some(change) => {
                            metrics::counter!("session_invalidations_received_total").increment(1);
                            change.apply(&self.caches).await
                        }
                        None => {
                            tracing::warn!("unknown invalidation payload; clearing caches");
                            self.caches.clear();
                        }
                    },
                    Ok(None) => return "connection closed".to_owned(),
                    Err(error) => return error.to_string(),
                },
                _ = tokio::time::sleep(PING_AFTER) => {
                    let ping = sqlx::query_scalar!("SELECT 1").fetch_one(&mut *listener);
                    match tokio::time::timeout(DEADLINE, ping).await {
                        Ok(Ok(_)) => {}
                        Ok(Err(error)) => return error.to_string(),
                        Err(_) => return "ping timed out".to_owned(),
                    }
                }
            }
        }
    }
}
