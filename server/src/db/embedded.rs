//! A private Postgres cluster under `DATA_DIR/postgres`, for running the app with no setup.
//!
//! Uses the system's `initdb` and `pg_ctl`. The server listens only on a unix socket in a
//! directory only its owner can enter, so nothing else on the machine can reach it. Postgres
//! refuses to run as root: when we are root, it runs as the `postgres` system user.

use std::{
    hash::{Hash, Hasher},
    path::{Path, PathBuf},
    process::Output,
};

use sqlx::{Connection, PgConnection, postgres::PgConnectOptions};
use tokio::process::Command;

const PORT: u16 = 5432;
const SYSTEM_USER: &str = "postgres";

#[derive(Debug, thiserror::Error)]
pub enum EmbeddedError {
    #[error(
        "the Postgres server binaries (initdb, pg_ctl) were not found; install them \
         (`apt-get install postgresql`), set PG_BIN_DIR to their folder, or set DATABASE_URL"
    )]
    NoBinaries,
    #[error("{tool} failed ({status}): {output}")]
    Tool { tool: &'static str, status: String, output: String },
    #[error("{0}")]
    Io(String),
    #[error("cannot connect to the embedded cluster: {0}")]
    Connect(#[from] sqlx::Error),
}

/// A running (or reused) embedded cluster.
pub struct EmbeddedPostgres {
    data_dir: PathBuf,
    socket_dir: PathBuf,
    bin_dir: PathBuf,
    as_system_user: bool,
    started_here: bool,
}

impl EmbeddedPostgres {
    /// Initialises the cluster if needed and starts it, or reuses one that is already running.
    pub async fn start(data_dir: &Path) -> Result<Self, EmbeddedError> {
        let bin_dir = find_bin_dir().ok_or(EmbeddedError::NoBinaries)?;
        let as_system_user = is_root();
        let data_dir = absolute(data_dir)?;
        let socket_dir = socket_dir_for(&data_dir);
        let mut cluster = Self { data_dir, socket_dir, bin_dir, as_system_user, started_here: false };
        cluster.prepare_dirs().await?;
        if !cluster.data_dir.join("PG_VERSION").exists() {
            tracing::info!(dir = %cluster.data_dir.display(), "creating the embedded Postgres cluster");
            let data = cluster.data_dir.display().to_string();
            cluster
                .run(
                    "initdb",
                    &["-D", &data, "-U", SYSTEM_USER, "-A", "trust", "-E", "UTF8", "--no-instructions"],
                )
                .await?;
        }
        if cluster.is_running().await {
            tracing::info!("reusing the running embedded Postgres cluster");
        } else {
            // A killed run leaves postmaster.pid behind; pg_ctl said nothing runs, so it is stale.
            let _ = std::fs::remove_file(cluster.data_dir.join("postmaster.pid"));
            let data = cluster.data_dir.display().to_string();
            let log = cluster.data_dir.join("server.log").display().to_string();
            let opts = format!(
                "-c listen_addresses='' -k {} -p {PORT} -c unix_socket_permissions=0700",
                cluster.socket_dir.display()
            );
            cluster.run("pg_ctl", &["-D", &data, "-l", &log, "-o", &opts, "-w", "-t", "60", "start"]).await?;
            cluster.started_here = true;
            tracing::info!(socket = %cluster.socket_dir.display(), "started the embedded Postgres cluster");
        }
        Ok(cluster)
    }

    /// Options for `database`, creating it on first use.
    pub async fn connect_options(&self, database: &str) -> Result<PgConnectOptions, EmbeddedError> {
        let base = PgConnectOptions::new().socket(&self.socket_dir).port(PORT).username(SYSTEM_USER);
        let mut admin = PgConnection::connect_with(&base.clone().database("postgres")).await?;
        let exists = sqlx::query_scalar!(
            "SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1) AS \"exists!\"",
            database
        )
        .fetch_one(&mut admin)
        .await?;
        if !exists {
            // Runtime query: an identifier cannot be a bind parameter.
            sqlx::query(&format!("CREATE DATABASE \"{}\"", database.replace('"', "")))
                .execute(&mut admin)
                .await?;
        }
        admin.close().await?;
        Ok(base.database(database))
    }

    /// Stops the cluster if this process started it; a reused cluster is left running.
    pub async fn stop(&self) {
        if self.started_here {
            let data = self.data_dir.display().to_string();
            match self.run("pg_ctl", &["-D", &data, "-m", "fast", "-w", "stop"]).await {
                Ok(_) => tracing::info!("stopped the embedded Postgres cluster"),
                Err(e) => {
                    tracing::warn!(error = %e, "could not stop the embedded Postgres cluster")
                }
            }
        }
    }

    async fn is_running(&self) -> bool {
        let data = self.data_dir.display().to_string();
        self.run("pg_ctl", &["-D", &data, "status"]).await.is_ok()
    }

    async fn prepare_dirs(&self) -> Result<(), EmbeddedError> {
        for dir in [&self.data_dir, &self.socket_dir] {
            std::fs::create_dir_all(dir)
                .map_err(|e| EmbeddedError::Io(format!("cannot create {}: {e}", dir.display())))?;
            set_private(dir)?;
            if self.as_system_user {
                let path = dir.display().to_string();
                run_output("chown", Command::new("chown").args(["-R", "postgres:postgres", &path])).await?;
                // The system user must be able to reach the folder through its parents.
                let check = Command::new("runuser")
                    .args(["-u", SYSTEM_USER, "--", "test", "-w", &path])
                    .status()
                    .await;
                if !check.is_ok_and(|s| s.success()) {
                    return Err(EmbeddedError::Io(format!(
                        "running as root, the `postgres` user cannot write to {path}: move DATA_DIR \
                         to a folder whose parents it can enter, or set DATABASE_URL"
                    )));
                }
            }
        }
        Ok(())
    }

    async fn run(&self, tool: &'static str, args: &[&str]) -> Result<Output, EmbeddedError> {
        let program = self.bin_dir.join(tool);
        let mut command = if self.as_system_user {
            let mut c = Command::new("runuser");
            c.args(["-u", SYSTEM_USER, "--"]).arg(&program);
            c
        } else {
            Command::new(&program)
        };
        command.args(args).current_dir(std::env::temp_dir());
        // Its own process group: a Ctrl-C aimed at `cargo leptos watch` must not interrupt the
        // `pg_ctl stop` that runs while we shut down.
        #[cfg(unix)]
        command.process_group(0);
        run_output(tool, &mut command).await
    }
}

async fn run_output(tool: &'static str, command: &mut Command) -> Result<Output, EmbeddedError> {
    let output = command
        .stdin(std::process::Stdio::null())
        .output()
        .await
        .map_err(|e| EmbeddedError::Io(format!("cannot run {tool}: {e}")))?;
    if output.status.success() {
        Ok(output)
    } else {
        let text = String::from_utf8_lossy(&output.stderr).trim().to_owned();
        let text =
            if text.is_empty() { String::from_utf8_lossy(&output.stdout).trim().to_owned() } else { text };
        Err(EmbeddedError::Tool { tool, status: output.status.to_string(), output: text })
    }
}

fn set_private(dir: &Path) -> Result<(), EmbeddedError> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))
            .map_err(|e| EmbeddedError::Io(format!("cannot restrict {}: {e}", dir.display())))?;
    }
    Ok(())
}

fn absolute(path: &Path) -> Result<PathBuf, EmbeddedError> {
    std::path::absolute(path).map_err(|e| EmbeddedError::Io(format!("bad path {}: {e}", path.display())))
}

/// Unix socket paths are limited to ~107 bytes: deep checkouts use a folder in the temp dir.
fn socket_dir_for(data_dir: &Path) -> PathBuf {
    let beside = data_dir.with_file_name("postgres-socket");
    if beside.as_os_str().len() < 80 {
        return beside;
    }
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    data_dir.hash(&mut hasher);
    std::env::temp_dir().join(format!("accounts-pg-{:016x}", hasher.finish()))
}

/// `PG_BIN_DIR`, else the newest `/usr/lib/postgresql/*/bin`, else `pg_ctl` on `PATH`.
fn find_bin_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("PG_BIN_DIR") {
        return Some(PathBuf::from(dir));
    }
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let version = e.file_name().to_str()?.parse().ok()?;
            let bin = e.path().join("bin");
            bin.join("pg_ctl").exists().then_some((version, bin))
        })
        .collect();
    versions.sort();
    if let Some((_, bin)) = versions.pop() {
        return Some(bin);
    }
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths).find(|p| p.join("pg_ctl").exists() && p.join("initdb").exists())
    })
}

fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions and cannot fail.
    unsafe { libc::geteuid() == 0 }
}
