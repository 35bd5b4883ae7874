use accounts_server::Application;
use server::{Config, startup::shutdown_signal, telemetry};

/// mimalloc rather than glibc malloc: page rendering allocates many small short-lived objects
/// (a third less CPU per signed-in page in `bench/run.sh`), and glibc kept argon2's 19 MiB
/// blocks in per-thread arenas after a sign-in storm (RSS 492 MiB instead of 46 MiB).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() {
    telemetry::init();
    let config = match Config::from_env() {
        Ok(config) => config,
        Err(error) => {
            eprintln!("{error}");
            std::process::exit(2);
        }
    };
    let app = match Application::build(config).await {
        Ok(app) => app,
        Err(error) => {
            eprintln!("start-up failed: {error}");
            std::process::exit(1);
        }
    };
    tracing::info!("listening on http://{}", app.local_addr());
    if let Err(error) = app.run_until(shutdown_signal()).await {
        eprintln!("server error: {error}");
        std::process::exit(1);
    }
}
