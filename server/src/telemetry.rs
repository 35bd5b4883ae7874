//! Structured logs through `tracing`, filtered by `RUST_LOG` (default: info for our crates).
//! Lines are written by a background thread: a request never waits on a `write` to stdout
//! (one per request at info level, a measurable share of a page's time). The buffer is not
//! lossy: when it is full (a stalled reader), logging waits rather than drops a line.

use tracing_appender::non_blocking::{NonBlockingBuilder, WorkerGuard};
use tracing_subscriber::{EnvFilter, fmt};

/// Installs the global subscriber once; later calls (tests spawning several apps) are no-ops.
/// Keep the guard for the life of the process: dropping it flushes what is still buffered.
pub fn init() -> WorkerGuard {
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tower_http=warn"));
    let (writer, guard) = NonBlockingBuilder::default().lossy(false).finish(std::io::stdout());
    // Targets are printed: security events log under `security` (filter with RUST_LOG).
    let _ = fmt().with_env_filter(filter).with_target(true).with_writer(writer).try_init();
    guard
}
