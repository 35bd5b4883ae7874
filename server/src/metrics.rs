//! Prometheus metrics (`metrics` + `metrics-exporter-prometheus`) on their own listener,
//! `METRICS_SOCKET`, never on the public port; unset, nothing is recorded (the `metrics` macros
//! are no-ops without a recorder) and no layer is added. Counters and histograms are recorded
//! where things happen; gauges (outbox, pool, listener) are read when Prometheus scrapes.
//!
//! Names: `http_requests_total{route,status}`, `http_request_duration_seconds{route}`,
//! `session_cache_hits_total`, `session_cache_misses_total`, `session_invalidations_received_total`,
//! `sessions_renewed_total`, `sign_ins_total{method,outcome}`, `argon2_queue_wait_seconds`,
//! `mails_sent_total`, `mails_failed_total`, `outbox_depth`, `outbox_oldest_due_age_seconds`,
//! `invalidation_listener_connected`, `db_pool_connections{state}`.

use std::{net::SocketAddr, sync::OnceLock, time::Instant};

use axum::{Router, extract::Request, middleware::Next, response::Response, routing::get};
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};
use tokio::net::TcpListener;

use crate::AppState;

/// Latency buckets (seconds) for every `*_seconds` histogram.
const BUCKETS: &[f64] = &[0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0];

static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();

/// The process's recorder, installed on first use (one per process, shared by the instances a
/// test spawns).
fn handle() -> PrometheusHandle {
    HANDLE
        .get_or_init(|| {
            PrometheusBuilder::new()
                .set_buckets_for_metric(Matcher::Suffix("_seconds".to_owned()), BUCKETS)
                .expect("buckets are not empty")
                .install_recorder()
                .expect("no other metrics recorder is installed")
        })
        .clone()
}

/// Binds `addr` and serves `GET /metrics` there; returns the bound address.
pub async fn serve(addr: SocketAddr, state: AppState) -> std::io::Result<SocketAddr> {
    let handle = handle();
    let listener = TcpListener::bind(addr).await?;
    let bound = listener.local_addr()?;
    let router = Router::new().route(
        "/metrics",
        get(move || {
            let (handle, state) = (handle.clone(), state.clone());
            async move {
                read_gauges(&state).await;
                handle.run_upkeep();
                handle.render()
            }
        }),
    );
    tokio::spawn(async move {
        if let Err(e) = axum::serve(listener, router).await {
            tracing::error!(error = %e, "the metrics listener stopped");
        }
    });
    tracing::info!("metrics on http://{bound}/metrics");
    Ok(bound)
}

/// Gauges read at scrape time.
async fn read_gauges(state: &AppState) {
    let pool = &state.pool;
    let idle = pool.num_idle() as f64;
    metrics::gauge!("db_pool_connections", "state" => "idle").set(idle);
    metrics::gauge!("db_pool_connections", "state" => "in_use").set(f64::from(pool.size()) - idle);
    let connected = if state.sessions.listener.is_connected() { 1.0 } else { 0.0 };
    metrics::gauge!("invalidation_listener_connected").set(connected);
    let outbox = sqlx::query!(
        "SELECT count(*) AS \"depth!\", \
           EXTRACT(EPOCH FROM now() - min(next_attempt_at) FILTER (WHERE next_attempt_at <= now()))::float8 AS oldest \
         FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL"
    )
    .fetch_one(pool)
    .await
    .map(|r| (r.depth, r.oldest));
    if let Ok((depth, oldest)) = outbox {
        metrics::gauge!("outbox_depth").set(depth as f64);
        metrics::gauge!("outbox_oldest_due_age_seconds").set(oldest.unwrap_or(0.0));
    }
}

/// A bounded route label: unmatched paths share one, and path parameters are not labels.
fn route_of(path: &str, status: u16) -> String {
    if status == 404 {
        return "unmatched".to_owned();
    }
    for (prefix, label) in [("/pkg/", "/pkg"), ("/media/", "/media"), ("/u/", "/u/:username")] {
        if path.starts_with(prefix) {
            return label.to_owned();
        }
    }
    path.to_owned()
}

/// Counts every request and times it, by route and status.
pub async fn track(req: Request, next: Next) -> Response {
    let path = req.uri().path().to_owned();
    let started = Instant::now();
    let response = next.run(req).await;
    let status = response.status().as_u16();
    let route = route_of(&path, status);
    metrics::histogram!("http_request_duration_seconds", "route" => route.clone())
        .record(started.elapsed().as_secs_f64());
    metrics::counter!("http_requests_total", "route" => route, "status" => status.to_string()).increment(1);
    response
}

#[cfg(test)]
mod tests {
    use super::route_of;

    #[test]
    fn routes_are_bounded_labels() {
        assert_eq!(route_of("/account", 200), "/account");
        assert_eq!(route_of("/u/ada", 200), "/u/:username");
        assert_eq!(route_of("/pkg/accounts.wasm", 200), "/pkg");
        assert_eq!(route_of("/anything/at/all", 404), "unmatched");
    }
}
