//! Liveness (`/healthz`: the process answers) and readiness (`/readyz`: the database answers).

use std::time::Duration;

use axum::{Router, extract::State, http::StatusCode, routing::get};

use crate::AppState;

pub fn routes() -> Router<AppState> {
    Router::new().route("/healthz", get(healthz)).route("/readyz", get(readyz))
}

async fn healthz() -> &'static str {
    "ok"
}

/// 200 when a query succeeds within two seconds, 503 otherwise. Never cached by the pool's
/// health: a fresh round trip each call, so a load balancer sees a lost database at once.
async fn readyz(State(state): State<AppState>) -> (StatusCode, &'static str) {
    let query = sqlx::query_scalar::<_, i32>("SELECT 1").fetch_one(&state.pool);
    match tokio::time::timeout(Duration::from_secs(2), query).await {
        Ok(Ok(1)) => (StatusCode::OK, "ready"),
        _ => (StatusCode::SERVICE_UNAVAILABLE, "database unavailable"),
    }
}
