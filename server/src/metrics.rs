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

use std::{
    collections::HashMap,
    net::SocketAddr,
    sync::{Arc, LazyLock, OnceLock, PoisonError, RwLock},
    time::Instant,
};

use axum::{
    Router,
    extract::{MatchedPath, Request},
    http::{Method, StatusCode},
    middleware::Next,
    response::Response,
    routing::get,
};
use metrics::SharedString;
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
    let outbox = crate::mail::outbox::depth(pool).await;
    if let Ok((depth, oldest)) = outbox {
        metrics::gauge!("outbox_depth").set(depth as f64);
        metrics::gauge!("outbox_oldest_due_age_seconds").set(oldest.unwrap_or(0.0));
    }
}

/// Label values seen so far, shared: a label is a clone of one of these (a reference count),
/// not a new string per request. The set is bounded because the labels are.
static LABELS: LazyLock<RwLock<HashMap<Box<str>, SharedString>>> = LazyLock::new(Default::default);

fn shared(label: &str) -> SharedString {
    if let Some(found) = LABELS.read().unwrap_or_else(PoisonError::into_inner).get(label) {
        return found.clone();
    }
    let mut labels = LABELS.write().unwrap_or_else(PoisonError::into_inner);
    labels.entry(label.into()).or_insert_with(|| SharedString::from_shared(Arc::<str>::from(label))).clone()
}

/// A bounded route label: the route the router matched (its template, e.g. `/u/{username}` or
/// a server function's path), never the path the client sent. Requests no route matched go to
/// the fallback (static files and the 404 page): `/pkg` for the site's assets, `static` for
/// any other file served, and `unmatched` for everything else, whatever the path.
fn route_of(matched: Option<&MatchedPath>, asset: bool, get: bool, status: StatusCode) -> SharedString {
    let served = status.is_success() || status == StatusCode::NOT_MODIFIED;
    match matched {
        Some(route) => shared(route.as_str()),
        None if asset && served => SharedString::const_str("/pkg"),
        None if get && served => SharedString::const_str("static"),
        None => SharedString::const_str("unmatched"),
    }
}

/// The status as a label, without formatting a string for the common ones.
fn status_label(status: StatusCode) -> SharedString {
    let common = match status.as_u16() {
        200 => "200",
        204 => "204",
        302 => "302",
        303 => "303",
        304 => "304",
        400 => "400",
        401 => "401",
        403 => "403",
        404 => "404",
        405 => "405",
        409 => "409",
        413 => "413",
        422 => "422",
        429 => "429",
        500 => "500",
        503 => "503",
        _ => return shared(status.as_str()),
    };
    SharedString::const_str(common)
}

/// Counts every request and times it, by route and status.
pub async fn track(req: Request, next: Next) -> Response {
    let matched = req.extensions().get::<MatchedPath>().cloned();
    let get = matches!(*req.method(), Method::GET | Method::HEAD);
    let asset = matched.is_none() && req.uri().path().starts_with("/pkg/");
    let started = Instant::now();
    let response = next.run(req).await;
    let status = response.status();
    let route = route_of(matched.as_ref(), asset, get, status);
    metrics::histogram!("http_request_duration_seconds", "route" => route.clone())
        .record(started.elapsed().as_secs_f64());
    metrics::counter!("http_requests_total", "route" => route, "status" => status_label(status)).increment(1);
    response
}

#[cfg(test)]
mod tests {
    use axum::http::StatusCode;

    use super::{route_of, shared, status_label};

    #[test]
    fn requests_no_route_matched_share_fixed_labels() {
        let label = |asset, get, status| route_of(None, asset, get, status).to_string();
        assert_eq!(label(true, true, StatusCode::OK), "/pkg");
        assert_eq!(label(false, true, StatusCode::OK), "static");
        assert_eq!(label(false, true, StatusCode::NOT_FOUND), "unmatched");
        assert_eq!(label(true, true, StatusCode::NOT_FOUND), "unmatched");
        assert_eq!(label(false, false, StatusCode::FORBIDDEN), "unmatched");
        assert_eq!(label(false, true, StatusCode::SEE_OTHER), "unmatched");
    }

    #[test]
    fn labels_are_shared_not_copied() {
        assert_eq!(shared("/account").to_string(), "/account");
        assert_eq!(status_label(StatusCode::OK).to_string(), "200");
        assert_eq!(status_label(StatusCode::IM_A_TEAPOT).to_string(), "418");
    }
}
