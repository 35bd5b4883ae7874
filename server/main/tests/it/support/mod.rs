//! Spawns the whole app on a free port against a fresh database in the test cluster started
//! by `scripts/test.sh` (its admin URL is in `TEST_DATABASE_URL`).
#![allow(dead_code)]

pub mod accounts;
pub mod apple;
pub mod flow;
pub mod github;
pub mod log;
pub mod mail;
pub mod oidc;
pub mod two_step;
pub mod webauthn;

use std::{
    collections::HashMap,
    net::SocketAddr,
    path::PathBuf,
    sync::atomic::{AtomicU32, Ordering},
    time::{SystemTime, UNIX_EPOCH},
};

use accounts_server::Application;
use server::Config;
use sqlx::{Connection, PgConnection};
use tokio::sync::oneshot;

pub struct TestApp {
    pub addr: SocketAddr,
    pub base_url: String,
    pub client: reqwest::Client,
    /// No cookie store: tests set the `Cookie` header themselves.
    pub bare: reqwest::Client,
    pub database: String,
    pub admin_url: String,
    pub data_dir: PathBuf,
    /// `SECRET_KEY`, shared with sibling instances.
    pub secret_key: String,
    pub state: server::AppState,
    /// Where `/metrics` is served, when the app was spawned with `METRICS_SOCKET`.
    pub metrics_addr: Option<SocketAddr>,
    stop: Option<oneshot::Sender<()>>,
}

static COUNTER: AtomicU32 = AtomicU32::new(0);

/// A name unique across processes and runs.
pub fn unique_name(prefix: &str) -> String {
    let nanos = SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_nanos();
    format!(
        "{prefix}_{}_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed),
        nanos % 1_000_000_000
    )
}

pub fn admin_url() -> String {
    std::env::var("TEST_DATABASE_URL")
        .expect("TEST_DATABASE_URL is not set: run the tests through scripts/test.sh")
}

/// Creates an empty database and returns its name and URL.
pub async fn fresh_database() -> (String, String) {
    let admin = admin_url();
    let name = unique_name("t");
    let mut conn = PgConnection::connect(&admin).await.expect("connect to the test cluster");
    sqlx::query(&format!("CREATE DATABASE {name}")).execute(&mut conn).await.unwrap();
    let url = match admin.rsplit_once('/') {
        Some((base, _)) => format!("{base}/{name}"),
        None => panic!("TEST_DATABASE_URL has no database part"),
    };
    (name, url)
}

impl TestApp {
    pub async fn spawn() -> Self {
        Self::spawn_with(&[]).await
    }

    /// Spawns with extra configuration variables on top of the test defaults.
    pub async fn spawn_with(extra: &[(&str, &str)]) -> Self {
        let (database, url) = fresh_database().await;
        Self::spawn_on(database, url, format!("{:0>64}", unique_name("k")), extra).await
    }

    /// Another instance of the same deployment: this one's database and `SECRET_KEY`, its own
    /// port, caches, workers and data directory.
    pub async fn spawn_sibling(&self, extra: &[(&str, &str)]) -> Self {
        Self::spawn_on(self.database.clone(), self.database_url(), self.secret_key.clone(), extra).await
    }

    async fn spawn_on(database: String, url: String, secret_key: String, extra: &[(&str, &str)]) -> Self {
        let data_dir = std::env::temp_dir().join(unique_name("accounts-data"));
        let mut vars: HashMap<String, String> = HashMap::from([
            ("SOCKET".into(), "127.0.0.1:0".into()),
            ("DATABASE_URL".into(), url),
            ("SECRET_KEY".into(), secret_key),
            ("SERVICE_NAME".into(), "Accounts Test".into()),
            ("DATA_DIR".into(), data_dir.display().to_string()),
            ("DATABASE_POOL_SIZE".into(), "4".into()),
            // Deleting an account deletes it at once, as it did before the grace period; the
            // grace period's own tests (`it/deletion.rs`) set it.
            ("ACCOUNT_DELETION_GRACE".into(), "0".into()),
        ]);
        for (k, v) in extra {
            vars.insert(k.to_string(), v.to_string());
        }
        let secret_key = vars["SECRET_KEY"].clone();
        let config = Config::from_lookup(|name| vars.get(name).cloned()).expect("valid test config");
        let app = Application::build(config).await.expect("the app starts");
        let addr = app.local_addr();
        let metrics_addr = app.metrics_addr;
        let state = app.state.clone();
        let (stop, stopped) = oneshot::channel::<()>();
        tokio::spawn(app.run_until(async move {
            let _ = stopped.await;
        }));
        // A request that never completes fails its test instead of stalling the run.
        let client = reqwest::Client::builder()
            .timeout(std::time::Duration::from_secs(60))
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        let bare = reqwest::Client::builder()
            .timeout(std::time::Duration::from_secs(60))
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        Self {
            bare,
            addr,
            base_url: format!("http://{addr}"),
            client,
            database,
            admin_url: admin_url(),
            data_dir,
            secret_key,
            state,
            metrics_addr,
            stop: Some(stop),
        }
    }

    /// The URL of this app's own database.
    pub fn database_url(&self) -> String {
        format!("{}/{}", self.admin_url.rsplit_once('/').unwrap().0, self.database)
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base_url)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(self.url(path)).send().await.expect("request sent")
    }

    /// A connection to the cluster's admin database, for SQL the app must not run itself.
    pub async fn admin(&self) -> PgConnection {
        PgConnection::connect(&self.admin_url).await.expect("admin connection")
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        let _ = std::fs::remove_dir_all(&self.data_dir);
    }
}

impl TestApp {
    /// Waits until `n` statements of this app's database wait on a lock (a test holds a row),
    /// or until `done` says the request it watches finished without waiting.
    pub async fn wait_for_lock_waiters(&self, n: i64, done: impl Fn() -> bool) {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        loop {
            let waiting: i64 = sqlx::query_scalar(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
            )
            .fetch_one(&self.state.pool)
            .await
            .unwrap();
            if waiting >= n || done() {
                return;
            }
            assert!(std::time::Instant::now() < deadline, "the request neither waited nor finished");
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
    }
}
