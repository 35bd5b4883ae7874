//! Write-behind of `last_seen_at`: requests only record a timestamp in memory (at most once a
//! minute per session); a background task writes the batch in one statement.

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
        self.pending.lock().await.insert(id, at);
    }

    /// Writes everything queued so far; returns the number of rows updated.
    pub async fn flush(&self, pool: &PgPool) -> Result<u64, sqlx::Error> {
        let batch: Vec<(TokenHash, DateTime<Utc>)> = self.pending.lock().await.drain().collect();
        if batch.is_empty() {
            return Ok(0);
        }
        let ids: Vec<Vec<u8>> = batch.iter().map(|(id, _)| id.0.to_vec()).collect();
        let seen: Vec<DateTime<Utc>> = batch.iter().map(|(_, at)| *at).collect();
        store::touch_many(pool, &ids, &seen).await
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
