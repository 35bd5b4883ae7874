//! The Postgres pool: an external database from `DATABASE_URL`, or a private embedded cluster.
//! Migrations from `.migrations/` run before the app serves.

mod embedded;

use secrecy::ExposeSecret;
use std::{str::FromStr, time::Duration};

use sqlx::{
    PgPool,
    postgres::{PgConnectOptions, PgPoolOptions},
};

pub use embedded::{EmbeddedError, EmbeddedPostgres};

use crate::config::Config;

/// Why the database could not be made ready.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("embedded Postgres: {0}")]
    Embedded(#[from] EmbeddedError),
    #[error("cannot connect to the database: {0}")]
    Connect(#[source] sqlx::Error),
    #[error("migrations failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

/// Connection options and, for the embedded cluster, the handle that stops it on shutdown.
pub struct Database {
    pub pool: PgPool,
    pub embedded: Option<EmbeddedPostgres>,
}

/// Connects (starting the embedded cluster if needed) and runs pending migrations.
pub async fn connect(config: &Config) -> Result<Database, DbError> {
    let (options, embedded) = match &config.database_url {
        Some(url) => (PgConnectOptions::from_str(url.expose_secret()).map_err(DbError::Connect)?, None),
        None => {
            let cluster = EmbeddedPostgres::start(&config.data_dir.join("postgres")).await?;
            (cluster.connect_options("accounts").await?, Some(cluster))
        }
    };
    let pool = PgPoolOptions::new()
        .max_connections(config.database_pool_size)
        .acquire_timeout(Duration::from_secs(3))
        .connect_with(options)
        .await
        .map_err(DbError::Connect)?;
    MIGRATOR.run(&pool).await?;
    Ok(Database { pool, embedded })
}

/// The migrations in `.migrations/`, embedded in the binary.
pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("../.migrations");
