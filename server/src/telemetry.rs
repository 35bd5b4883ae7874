//! Structured logs through `tracing`, filtered by `RUST_LOG` (default: info for our crates);
//! `LOG_FORMAT=json` writes one JSON object per line (with the request span, so its id), any
//! other value the human-readable lines. Lines are written by a background thread: a request
//! never waits on a `write` to stdout (one per request at info level, a measurable share of a
//! page's time). The buffer is not lossy: when it is full (a stalled reader), logging waits
//! rather than drops a line.

use std::io::Write;

use tracing_appender::non_blocking::{NonBlockingBuilder, WorkerGuard};
use tracing_subscriber::{EnvFilter, fmt};

/// Installs the global subscriber once; later calls (tests spawning several apps) are no-ops.
/// Keep the guard for the life of the process: dropping it flushes what is still buffered.
pub fn init() -> WorkerGuard {
    init_to(std::io::stdout())
}

/// For the operator's commands: logs go to stderr, so what a command prints stays clean.
pub fn init_stderr() -> WorkerGuard {
    init_to(std::io::stderr())
}

/// Whether `LOG_FORMAT` asks for JSON lines.
pub fn json_requested(value: Option<&str>) -> bool {
    value.is_some_and(|v| v.trim().eq_ignore_ascii_case("json"))
}

fn init_to(out: impl Write + Send + 'static) -> WorkerGuard {
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tower_http=warn"));
    let (writer, guard) = NonBlockingBuilder::default().lossy(false).finish(out);
    // Targets are printed: security events log under `security` (filter with RUST_LOG).
    let builder = fmt().with_env_filter(filter).with_target(true).with_writer(writer);
    let _ = if json_requested(std::env::var("LOG_FORMAT").ok().as_deref()) {
        builder.json().with_current_span(true).with_span_list(false).try_init()
    } else {
        builder.try_init()
    };
    guard
}
