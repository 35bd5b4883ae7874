//! The command line: with no subcommand the binary serves; the subcommands are for deploy
//! pipelines (`migrate`) and operators (`users …`). They read the same configuration as the
//! server (environment and `.env`).

use std::io::{BufRead, Write};

use clap::{Parser, Subcommand};
use server::{Config, admin};

#[derive(Parser)]
#[command(name = "accounts-server", version, about = "Accounts: serve the app, or run an operator's command")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand)]
pub enum Command {
    /// Serve the app (the default).
    Serve,
    /// Run the database migrations and exit.
    Migrate,
    /// Look at or change one account.
    Users {
        #[command(subcommand)]
        action: Users,
    },
}

#[derive(Subcommand)]
pub enum Users {
    /// Print the account, its devices and its recent security events.
    Show { email: String },
    /// End every session of the account, on every running instance.
    SignOut { email: String },
    /// Mark the account's address verified.
    Verify { email: String },
    /// Refuse every sign-in of the account and end its sessions.
    Lock { email: String },
    /// Allow sign-ins again (and lift a lockout after failed guesses).
    Unlock { email: String },
    /// Remove two-step verification (key and recovery codes) for an owner who lost both, end
    /// the account's sessions and mail the owner.
    ResetTwoStep { email: String },
    /// Let the account use the admin console (`/admin`; it signs in with two-step or a passkey).
    GrantAdmin { email: String },
    /// Take the admin console away from the account.
    RevokeAdmin { email: String },
    /// Delete the account and everything in it.
    Delete {
        email: String,
        /// Do not ask for confirmation.
        #[arg(long)]
        yes: bool,
    },
}

/// Runs a command that is not `serve`; returns the process's exit code.
pub async fn run(config: Config, command: Command) -> i32 {
    let (state, embedded) = match accounts_server::services(config).await {
        Ok(ready) => ready,
        Err(error) => {
            eprintln!("start-up failed: {error}");
            return 1;
        }
    };
    let code = match command {
        Command::Serve => unreachable!("serving is not a command"),
        Command::Migrate => {
            println!("Migrations are up to date.");
            0
        }
        Command::Users { action } => match users(&state, action).await {
            Ok(message) => {
                print!("{message}");
                0
            }
            Err(error) => {
                eprintln!("{error}");
                error.exit_code()
            }
        },
    };
    if let Some(cluster) = embedded {
        cluster.stop().await;
    }
    code
}

async fn users(state: &server::AppState, action: Users) -> Result<String, admin::AdminError> {
    Ok(match action {
        Users::Show { email } => admin::show(state, &email).await?,
        Users::SignOut { email } => {
            let ended = admin::sign_out(state, &email).await?;
            format!("Signed out {ended} session(s) of {}.\n", email.trim())
        }
        Users::Verify { email } => {
            admin::verify(state, &email).await?;
            format!("{} is verified.\n", email.trim())
        }
        Users::Lock { email } => {
            admin::lock(state, &email).await?;
            format!("{} is locked and signed out everywhere.\n", email.trim())
        }
        Users::Unlock { email } => {
            admin::unlock(state, &email).await?;
            format!("{} is unlocked.\n", email.trim())
        }
        Users::GrantAdmin { email } => {
            admin::set_admin(state, &email, true).await?;
            format!("{} may use the admin console.\n", email.trim())
        }
        Users::RevokeAdmin { email } => {
            admin::set_admin(state, &email, false).await?;
            format!("{} may no longer use the admin console.\n", email.trim())
        }
        Users::ResetTwoStep { email } => {
            let was_on = admin::reset_two_step(state, &email).await?;
            let before = if was_on { "" } else { " (it was not on)" };
            format!("{}: two-step verification is off{before}, and every session ended.\n", email.trim())
        }
        Users::Delete { email, yes } => {
            let user = admin::find(state, &email).await?;
            if !yes && !confirmed(&user.email) {
                return Ok("Not deleted.\n".to_owned());
            }
            admin::delete(state, &email).await?;
            format!("{} is deleted.\n", user.email)
        }
    })
}

/// Asks for the address to be typed again.
fn confirmed(email: &str) -> bool {
    print!("Delete {email} and everything in it? Type the address to confirm: ");
    let _ = std::io::stdout().flush();
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line).is_ok() && line.trim().eq_ignore_ascii_case(email)
}
