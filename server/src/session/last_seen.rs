//! Write-behind of `last_seen_at`: requests only record a timestamp in memory (at most once a
//! minute per session); a background task writes the batch in one statement.
//!
//! Safe with several instances: the write only ever moves `last_seen_at` forward, so an
//! instance flushing an older value after another flushed a newer one changes nothing; and a
//! batch that fails to write is queued again rather than lost.

use std::{collections::HashMap, sync::Arc, time::Duration};

use chrono::{DateTime, Utc};
use sqlx::PgPool;
use tokio::sync::Mutex;

use super::{store, token::TokenHash};

pub const TOUCH_INTERVAL_SECS: i64 = 60;

#[derive(Clone, Default)]
pub struct LastSeen {
    pending: Arc<Mutex<HashMap<TokenHash, DateTime<Utc>>>>,
}

impl LastSeen {
    pub async fn record(&self, id: TokenHash, at: DateTime<Utc>) {
        let mut pending = self.pending.lock().await;
        let queued = pending.entry(id).or_insert(at);
        *queued = (*queued).max(at);
    }

    /// Writes everything queued so far; returns the number of rows updated. On failure the
    /// batch goes back in the queue (a newer value queued meanwhile wins).
    pub async fn flush(&self, pool: &PgPool) -> Result<u64, sqlx::Error> {
        let batch: Vec<(TokenHash, DateTime<Utc>)> = self.pending.lock().await.drain().collect();
        if batch.is_empty() {
            return Ok(0);
        }
        let ids: Vec<Vec<u8>> = batch.iter().map(|(id, _)| id.0.to_vec()).collect();
        let seen: Vec<DateTime<Utc>> = batch.iter().map(|(_, at)| *at).collect();
        let written = store::touch_many(pool, &ids, &seen).await;
        if written.is_err() {
            let mut pending = self.pending.lock().await;
            for (id, at) in batch {
                let queued = pending.entry(id).or_insert(at);
                *queued = (*queued).max(at);
            }
        }
        written
    }

    /// How many sessions wait to be written.
    pub async fn pending(&self) -> usize {
        self.pending.lock().await.len()
    }

    /// Flushes every `period` until the process ends.
    pub fn spawn_flusher(&self, pool: PgPool, period: Duration) {
        let this = self.clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(period);
            tick.tick().await;
            loop {
                tick.tick().await;
                if let Err(e) = this.flush(&pool).await {
                    tracing::warn!(error = %e, "could not write last_seen_at");
                }
            }
        });
    }
}
