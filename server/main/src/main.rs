use accounts_server::Application;
use clap::Parser;
use server::{Config, startup::shutdown_signal, telemetry};

mod allocator;
mod cli;

#[tokio::main]
async fn main() {
    #[cfg(not(target_os = "linux"))]
    allocator::tune();
    let command = cli::Cli::parse().command.unwrap_or(cli::Command::Serve);
    let serving = matches!(command, cli::Command::Serve);
    // Held until `main` returns, so buffered log lines are written before the process exits.
    let _logs = if serving { telemetry::init() } else { telemetry::init_stderr() };
    let config = match Config::from_env() {
        Ok(config) => config,
        Err(error) => {
            eprintln!("{error}");
            std::process::exit(2);
        }
    };
    if !serving {
        let code = cli::run(config, command).await;
        drop(_logs);
        std::process::exit(code);
    }
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
