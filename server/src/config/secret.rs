//! `SECRET_KEY`: from the environment, or generated once into `DATA_DIR/secret_key` for local runs.

use std::{fmt, io::Write, path::Path};

use ring::rand::{SecureRandom, SystemRandom};
use secrecy::{ExposeSecret, SecretSlice};

use super::ConfigError;

const MIN_LEN: usize = 32;

/// Key material for cookie signatures: a `secrecy` slice, wiped on drop, never printed.
#[derive(Clone)]
pub struct SecretKey(SecretSlice<u8>);

impl SecretKey {
    pub fn as_bytes(&self) -> &[u8] {
        self.0.expose_secret()
    }
}

impl fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SecretKey(..)")
    }
}

pub fn load(
    name: &'static str,
    value: Option<String>,
    production: bool,
    data_dir: &Path,
) -> Result<SecretKey, ConfigError> {
    if let Some(value) = value {
        if value.len() < MIN_LEN {
            return Err(ConfigError::new(
                name,
                format!("{} bytes long", value.len()),
                format!("at least {MIN_LEN} random bytes, e.g. the output of `openssl rand -hex 32`"),
            ));
        }
        return Ok(SecretKey(value.into_bytes().into()));
    }
    if production {
        return Err(ConfigError::new(
            name,
            "unset while SERVICE_DOMAIN is https",
            "a shared secret of at least 32 bytes in production (`openssl rand -hex 32`)",
        ));
    }
    local_key(name, data_dir)
}

/// Reads or creates `DATA_DIR/secret_key` (mode 0600) so local sessions survive restarts.
fn local_key(name: &'static str, data_dir: &Path) -> Result<SecretKey, ConfigError> {
    let path = data_dir.join("secret_key");
    if let Ok(existing) = std::fs::read_to_string(&path) {
        let existing = existing.trim().to_owned();
        if existing.len() >= MIN_LEN {
            return Ok(SecretKey(existing.into_bytes().into()));
        }
    }
    let mut bytes = [0u8; 32];
    SystemRandom::new()
        .fill(&mut bytes)
        .map_err(|_| ConfigError::new(name, "unset", "a SECRET_KEY (the system random source failed)"))?;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    let io_error = |e: std::io::Error| {
        ConfigError::new(
            name,
            format!("unset and {} is not writable ({e})", path.display()),
            "a SECRET_KEY, or a writable DATA_DIR",
        )
    };
    std::fs::create_dir_all(data_dir).map_err(io_error)?;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(&path).map_err(io_error)?;
    file.write_all(hex.as_bytes()).map_err(io_error)?;
    tracing::info!(path = %path.display(), "SECRET_KEY is not set: generated a local one");
    Ok(SecretKey(hex.into_bytes().into()))
}
