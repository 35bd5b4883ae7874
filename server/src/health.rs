//! Liveness (`/healthz`: the process answers) and readiness (`/readyz`: the database answers;
//! the body also says whether the invalidation listener is connected).

use std::time::Duration;

use axum::{
    Json, Router,
    extract::{FromRef, State},
    http::StatusCode,
    routing::get,
};
use serde::Serialize;

use sqlx::PgPool;

use crate::session::ListenerStatus;

pub fn routes<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    PgPool: FromRef<S>,
    ListenerStatus: FromRef<S>,
{
    Router::new().route("/healthz", get(healthz)).route("/readyz", get(readyz))
}

async fn healthz() -> &'static str {
    "ok"
}

#[derive(Serialize)]
struct Readiness {
    ready: bool,
    /// `ok` or `unavailable`.
    database: &'static str,
    /// `connected`, or `reconnecting` while this instance serves from Postgres without caching.
    listener: &'static str,
}

/// 200 when a query succeeds within two seconds, 503 otherwise. Never cached by the pool's
/// health: a fresh round trip each call, so a load balancer sees a lost database at once.
///
/// A disconnected listener does not make the instance unready: requests stay correct (they
/// read Postgres, uncached), and a database blip that drops every instance's listener at once
/// must not take the whole fleet out of the load balancer. It shows in the body and the logs.
async fn readyz(
    State(pool): State<PgPool>,
    State(listener): State<ListenerStatus>,
) -> (StatusCode, Json<Readiness>) {
    let query = sqlx::query_scalar!("SELECT 1").fetch_one(&pool);
    let database_ok = matches!(tokio::time::timeout(Duration::from_secs(2), query).await, Ok(Ok(Some(1))));
    let listener = if listener.is_connected() { "connected" } else { "reconnecting" };
    let body =
        Readiness { ready: database_ok, database: if database_ok { "ok" } else { "unavailable" }, listener };
    let status = if database_ok { StatusCode::OK } else { StatusCode::SERVICE_UNAVAILABLE };
    (status, Json(body))
}
