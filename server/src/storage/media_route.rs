//! `GET /media/{key}`: stored objects, with safe headers and no way out of the store.

use axum::{
    Extension, Router,
    extract::{FromRef, Path, State},
    http::{StatusCode, header},
    response::{IntoResponse, Redirect, Response},
    routing::get,
};

use super::Storage;
use crate::i18n::{Lang, tr};

pub fn routes<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    Storage: FromRef<S>,
{
    Router::new().route("/media/{*key}", get(serve))
}

/// Keys we write look like `avatars/<hex>-256.jpg`: anything else is refused before any I/O,
/// which rules out `..`, absolute paths, encoded separators and directory listings.
pub fn is_valid_key(key: &str) -> bool {
    let mut segments = key.split('/');
    let ok_segment = |s: &str| {
        !s.is_empty()
            && s != "."
            && s != ".."
            && !s.starts_with('.')
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'-' | b'_' | b'.'))
    };
    key.len() <= 200
        && segments.clone().count() >= 2
        && segments.all(ok_segment)
        && content_type(key).is_some()
}

fn content_type(key: &str) -> Option<&'static str> {
    match key.rsplit_once('.')?.1 {
        "jpg" | "jpeg" => Some("image/jpeg"),
        "png" => Some("image/png"),
        "webp" => Some("image/webp"),
        _ => None,
    }
}

async fn serve(
    State(storage): State<Storage>,
    Path(key): Path<String>,
    lang: Option<Extension<Lang>>,
) -> Response {
    let lang = lang.map_or(Lang::En, |Extension(lang)| lang);
    let not_found = || (StatusCode::NOT_FOUND, tr(lang, "err-media-not-found")).into_response();
    if !is_valid_key(&key) {
        return not_found();
    }
    match storage.presigned(&key).await {
        Ok(Some(url)) => return Redirect::temporary(&url).into_response(),
        Ok(None) => {}
        Err(e) => {
            tracing::warn!(error = %e, "cannot presign a media URL");
            return (StatusCode::SERVICE_UNAVAILABLE, tr(lang, "err-media-unavailable")).into_response();
        }
    }
    match storage.get(&key).await {
        Ok(Some(bytes)) => (
            [
                (header::CONTENT_TYPE, content_type(&key).unwrap_or("application/octet-stream")),
                (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
                (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
            ],
            bytes,
        )
            .into_response(),
        Ok(None) => not_found(),
        Err(e) => {
            tracing::warn!(error = %e, "cannot read a media object");
            not_found()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::is_valid_key;

    #[test]
    fn only_plain_keys_pass() {
        assert!(is_valid_key("avatars/0a1b2c-256.jpg"));
        for bad in [
            "../secret_key",
            "avatars/../../secret_key",
            "/etc/passwd",
            "avatars/",
            "avatars",
            "avatars/x%2f..%2fy.jpg",
            "avatars/.hidden.jpg",
            "avatars/a.svg",
            "avatars//a.jpg",
            "Avatars/A.jpg",
        ] {
            assert!(!is_valid_key(bad), "{bad}");
        }
    }
}
