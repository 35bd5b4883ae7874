use accounts_server::Application;
use server::{Config, startup::shutdown_signal, telemetry};

mod allocator;

#[tokio::main]
async fn main() {
    #[cfg(not(target_os = "linux"))]
    allocator::tune();
    // Held until `main` returns, so buffered log lines are written before the process exits.
    let _logs = telemetry::init();
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
