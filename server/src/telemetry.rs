//! Structured logs through `tracing`, filtered by `RUST_LOG` (default: info for our crates).

use tracing_subscriber::{EnvFilter, fmt};

/// Installs the global subscriber once; later calls (tests spawning several apps) are no-ops.
pub fn init() {
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tower_http=warn"));
    // Targets are printed: security events log under `security` (filter with RUST_LOG).
    let _ = fmt().with_env_filter(filter).with_target(true).try_init();
}
