//! Delivery of one message: SMTP through `mail-send`, or an `.eml` file for local runs.

use secrecy::ExposeSecret;
use std::{path::PathBuf, time::Duration};

use mail_builder::MessageBuilder;
use mail_send::SmtpClientBuilder;

use super::Mail;
use crate::config::{SmtpConfig, SmtpTls};

pub enum Transport {
    Smtp(SmtpConfig),
    /// Local default: each message becomes a file, and (outside production) its links are
    /// logged so a developer can click through without a mail server.
    Directory {
        dir: PathBuf,
        log_links: bool,
    },
}

impl Transport {
    pub async fn deliver(&self, from_name: &str, from: &str, mail: &Mail, id: i64) -> Result<(), String> {
        let message = MessageBuilder::new()
            .from((from_name, from))
            .to(mail.to.as_str())
            .subject(mail.subject.as_str())
            .text_body(mail.text.as_str())
            .html_body(mail.html.as_str());
        match self {
            Self::Smtp(smtp) => {
                let mut builder = SmtpClientBuilder::new(smtp.host.as_str(), smtp.port)?
                    .implicit_tls(smtp.tls == SmtpTls::Implicit)
                    .timeout(Duration::from_secs(30));
                if let Some(password) = &smtp.password {
                    builder = builder.credentials((smtp.user.as_str(), password.expose_secret()));
                }
                let result = if smtp.tls == SmtpTls::Plain {
                    match builder.connect_plain().await {
                        Ok(mut client) => client.send(message).await,
                        Err(e) => Err(e),
                    }
                } else {
                    match builder.connect().await {
                        Ok(mut client) => client.send(message).await,
                        Err(e) => Err(e),
                    }
                };
                result.map(|_| ()).map_err(|e| e.to_string())
            }
            Self::Directory { dir, log_links } => {
                let bytes = message.write_to_vec().map_err(|e| e.to_string())?;
                tokio::fs::create_dir_all(dir).await.map_err(|e| e.to_string())?;
                let path = dir.join(format!("{id:08}.eml"));
                tokio::fs::write(&path, bytes).await.map_err(|e| e.to_string())?;
                let links: Vec<&str> = mail
                    .text
                    .split_whitespace()
                    .filter(|w| w.starts_with("http://") || w.starts_with("https://"))
                    .collect();
                if *log_links {
                    tracing::info!(file = %path.display(), links = ?links, subject = %mail.subject, "mail written to disk");
                } else {
                    tracing::info!(file = %path.display(), subject = %mail.subject, "mail written to disk");
                }
                Ok(())
            }
        }
    }
}
