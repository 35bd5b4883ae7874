//! The embedded cluster used when DATABASE_URL is unset.

use server::db::EmbeddedPostgres;
use sqlx::{Connection, PgConnection};

async fn query_one(cluster: &EmbeddedPostgres) -> i32 {
    let options = cluster.connect_options("accounts").await.expect("database created");
    let mut conn = PgConnection::connect_with(&options).await.expect("connects");
    sqlx::query_scalar("SELECT 1").fetch_one(&mut conn).await.unwrap()
}

#[tokio::test]
async fn starts_is_reused_and_recovers_from_a_stale_pid_file() {
    let dir = std::env::temp_dir().join(crate::support::unique_name("embedded"));
    let data = dir.join("postgres");

    let first = EmbeddedPostgres::start(&data).await.expect("first start");
    assert_eq!(query_one(&first).await, 1);

    // A second start while it runs reuses it.
    let second = EmbeddedPostgres::start(&data).await.expect("reuse");
    assert_eq!(query_one(&second).await, 1);
    second.stop().await; // did not start it: leaves it running
    assert_eq!(query_one(&first).await, 1);
    first.stop().await;

    // A killed run leaves a postmaster.pid naming a dead process.
    std::fs::write(data.join("postmaster.pid"), "999999\n").unwrap();
    let third = EmbeddedPostgres::start(&data).await.expect("start over a stale pid file");
    assert_eq!(query_one(&third).await, 1);
    third.stop().await;
    let _ = std::fs::remove_dir_all(&dir);
}
