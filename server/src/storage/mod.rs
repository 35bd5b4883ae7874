//! Object storage behind one API (`object_store`): an S3 bucket when `BUCKET_*` is set, else a
//! folder under `DATA_DIR/media`. Objects are served from `BUCKET_PUBLIC_URL` when set;
//! otherwise through `/media/...` (from disk, or a redirect to a short-lived presigned URL).

pub(crate) mod media_route;

use secrecy::ExposeSecret;
use std::{path::Path as FsPath, sync::Arc, time::Duration};

use bytes::Bytes;
use object_store::{
    Attribute, Attributes, ObjectStore, PutOptions, PutPayload,
    aws::{AmazonS3, AmazonS3Builder},
    local::LocalFileSystem,
    path::Path,
    signer::Signer,
};

use crate::config::BucketConfig;

#[derive(Clone)]
enum Backend {
    Local(Arc<LocalFileSystem>),
    S3(Arc<AmazonS3>),
}

#[derive(Clone)]
pub struct Storage {
    backend: Backend,
    public_url: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    #[error("object storage: {0}")]
    Store(#[from] object_store::Error),
    #[error("cannot prepare {path}: {source}")]
    Io { path: String, source: std::io::Error },
}

/// How long a presigned GET stays valid.
const PRESIGNED_FOR: Duration = Duration::from_secs(300);

impl Storage {
    pub fn new(bucket: Option<&BucketConfig>, data_dir: &FsPath) -> Result<Self, StorageError> {
        match bucket {
            Some(b) => {
                let store = AmazonS3Builder::new()
                    .with_endpoint(&b.endpoint)
                    .with_bucket_name(&b.name)
                    .with_region(&b.region)
                    .with_access_key_id(&b.access_key)
                    .with_secret_access_key(b.secret_key.expose_secret())
                    .with_allow_http(b.endpoint.starts_with("http://"))
                    .with_virtual_hosted_style_request(false)
                    .build()?;
                Ok(Self { backend: Backend::S3(Arc::new(store)), public_url: b.public_url.clone() })
            }
            None => {
                let dir = data_dir.join("media");
                std::fs::create_dir_all(&dir)
                    .map_err(|source| StorageError::Io { path: dir.display().to_string(), source })?;
                let store = LocalFileSystem::new_with_prefix(&dir)?;
                Ok(Self { backend: Backend::Local(Arc::new(store)), public_url: None })
            }
        }
    }

    fn store(&self) -> &dyn ObjectStore {
        match &self.backend {
            Backend::Local(s) => s.as_ref(),
            Backend::S3(s) => s.as_ref(),
        }
    }

    pub async fn put(
        &self,
        key: &str,
        bytes: Vec<u8>,
        content_type: &'static str,
    ) -> Result<(), StorageError> {
        let payload = PutPayload::from(Bytes::from(bytes));
        let path = Path::from(key);
        match &self.backend {
            // The local store keeps no metadata; the media route derives the type from the name.
            Backend::Local(s) => {
                s.put(&path, payload).await?;
            }
            Backend::S3(s) => {
                let mut attributes = Attributes::new();
                attributes.insert(Attribute::ContentType, content_type.into());
                attributes.insert(Attribute::CacheControl, "public, max-age=31536000, immutable".into());
                s.put_opts(&path, payload, PutOptions { attributes, ..Default::default() }).await?;
            }
        }
        Ok(())
    }

    /// Deletes an object; a missing one is not an error.
    pub async fn delete(&self, key: &str) -> Result<(), StorageError> {
        match self.store().delete(&Path::from(key)).await {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(e) => Err(e.into()),
        }
    }

    pub async fn get(&self, key: &str) -> Result<Option<Bytes>, StorageError> {
        match self.store().get(&Path::from(key)).await {
            Ok(found) => Ok(Some(found.bytes().await?)),
            Err(object_store::Error::NotFound { .. }) => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    /// The URL the browser loads an object from.
    pub fn url_for(&self, key: &str) -> String {
        match &self.public_url {
            Some(base) => format!("{base}/{key}"),
            None => format!("/media/{key}"),
        }
    }

    /// For S3 without a public URL: a presigned GET to redirect to.
    pub async fn presigned(&self, key: &str) -> Result<Option<String>, StorageError> {
        match &self.backend {
            Backend::S3(s) => {
                Ok(Some(s.signed_url(http::Method::GET, &Path::from(key), PRESIGNED_FOR).await?.to_string()))
            }
            Backend::Local(_) => Ok(None),
        }
    }
}
