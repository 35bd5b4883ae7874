//! A cap on unexpired anonymous ceremonies (passkey sign-ins started and not finished). Every
//! `/login` view with JavaScript starts one, a row kept 5 minutes: without a cap, a crowd of
//! addresses (each under its own hourly limit) could grow the table without bound.
//!
//! Counting the table on every start would make each refused start a scan of up to the cap's
//! rows, a cheap way to load the database. So the count is read at most once a second, and
//! this instance adds the starts it admitted since; other instances' starts are seen at the
//! next read, so a deployment may pass the cap by what its other instances start within one
//! second. Admitted starts hold a read lock until their row is written, and the count takes
//! the write lock: on one instance the count never misses a start it admitted.

use std::{
    sync::{
        Arc,
        atomic::{AtomicI64, Ordering},
    },
    time::{Duration, Instant},
};

use sqlx::PgPool;
use tokio::sync::{OwnedRwLockReadGuard, RwLock};

/// How old the count may get before a start reads it again.
const RECOUNT_EVERY: Duration = Duration::from_secs(1);

/// How often (at most) a refusal is logged.
const WARN_EVERY_SECS: i64 = 60;

pub struct Budget {
    cap: i64,
    state: Arc<RwLock<Counted>>,
    warned_at: AtomicI64,
}

struct Counted {
    /// Unexpired anonymous rows at `at`.
    rows: i64,
    at: Option<Instant>,
    /// Starts admitted here since `at`.
    since: AtomicI64,
}

/// Held while the admitted start writes its row.
pub struct Admitted(#[allow(dead_code)] OwnedRwLockReadGuard<Counted>);

impl Budget {
    pub fn new(cap: u32) -> Self {
        Self {
            cap: i64::from(cap),
            state: Arc::new(RwLock::new(Counted { rows: 0, at: None, since: AtomicI64::new(0) })),
            warned_at: AtomicI64::new(i64::MIN),
        }
    }

    /// Admits one more anonymous ceremony, or `None` when the cap is reached.
    pub async fn admit(&self, pool: &PgPool) -> Result<Option<Admitted>, sqlx::Error> {
        if self.state.read().await.at.is_none_or(|at| at.elapsed() >= RECOUNT_EVERY) {
            self.recount(pool).await?;
        }
        let state = self.state.clone().read_owned().await;
        let admitted = state.since.fetch_add(1, Ordering::Relaxed) + 1;
        if state.rows + admitted <= self.cap {
            return Ok(Some(Admitted(state)));
        }
        state.since.fetch_sub(1, Ordering::Relaxed);
        self.warn();
        Ok(None)
    }

    /// Reads the count again, unless another start just did.
    async fn recount(&self, pool: &PgPool) -> Result<(), sqlx::Error> {
        let mut state = self.state.write().await;
        if state.at.is_some_and(|at| at.elapsed() < RECOUNT_EVERY) {
            return Ok(());
        }
        state.rows = super::ceremony::count_anonymous(pool, self.cap + 1).await?;
        state.at = Some(Instant::now());
        *state.since.get_mut() = 0;
        Ok(())
    }

    fn warn(&self) {
        let now = chrono::Utc::now().timestamp();
        let last = self.warned_at.load(Ordering::Relaxed);
        if now.saturating_sub(last) >= WARN_EVERY_SECS
            && self.warned_at.compare_exchange(last, now, Ordering::Relaxed, Ordering::Relaxed).is_ok()
        {
            tracing::warn!(
                target: "security",
                cap = self.cap,
                "passkey sign-ins started and not finished reached PASSKEY_SIGN_IN_CEREMONIES_MAX; new ones answer 503"
            );
        }
    }
}
