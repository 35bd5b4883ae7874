//! argon2id hashing on low-priority threads (`hash_pool`), one per core, behind a semaphore of
//! as many permits: a burst of sign-ins waits in async land (a dropped request costs nothing)
//! and takes only the CPU that page rendering leaves.

use std::sync::Arc;

use argon2::{
    Algorithm, Argon2, Params, Version,
    password_hash::{PasswordHash, PasswordHasher as _, PasswordVerifier, SaltString, rand_core::OsRng},
};
use tokio::sync::Semaphore;

use super::hash_pool::HashPool;
use crate::error::ServiceError;

const M_COST_KIB: u32 = 19_456;
const T_COST: u32 = 2;
const P_COST: u32 = 1;

#[derive(Clone)]
pub struct PasswordHasher {
    permits: Arc<Semaphore>,
    pool: HashPool,
    /// Verified against when there is no account, so failures take the same time.
    dummy_hash: Arc<str>,
}

fn argon2() -> Argon2<'static> {
    let params = Params::new(M_COST_KIB, T_COST, P_COST, None).expect("valid argon2 parameters");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

fn hash_now(password: &str) -> Result<String, ServiceError> {
    let salt = SaltString::generate(&mut OsRng);
    argon2()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| ServiceError::Internal(format!("argon2: {e}")))
}

/// Outcome of a verification.
pub struct Verified {
    pub ok: bool,
    /// The stored hash uses other parameters than today's: store a fresh one.
    pub needs_rehash: bool,
}

impl Default for PasswordHasher {
    fn default() -> Self {
        Self::new()
    }
}

impl PasswordHasher {
    pub fn new() -> Self {
        let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2);
        let dummy_hash = hash_now("dummy password for timing").expect("argon2 works").into();
        Self { permits: Arc::new(Semaphore::new(cores)), pool: HashPool::new(cores), dummy_hash }
    }

    /// Runs `f` on the hashing threads once a permit is free.
    async fn on_pool<T: Send + 'static>(
        &self,
        f: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, ServiceError> {
        let queued = std::time::Instant::now();
        let _permit = self.permits.acquire().await.map_err(|e| ServiceError::Internal(e.to_string()))?;
        metrics::histogram!("argon2_queue_wait_seconds").record(queued.elapsed().as_secs_f64());
        self.pool.run(f).await.ok_or_else(|| ServiceError::Internal("argon2 pool stopped".to_owned()))
    }

    pub async fn hash(&self, password: &str) -> Result<String, ServiceError> {
        let password = password.to_owned();
        self.on_pool(move || hash_now(&password)).await?
    }

    /// Verifies `password` against `stored`, or against a dummy hash when there is none, so
    /// the caller's answer takes the same time either way.
    pub async fn verify(&self, password: &str, stored: Option<&str>) -> Result<Verified, ServiceError> {
        let real = stored.is_some();
        let hash = stored.map(str::to_owned).unwrap_or_else(|| self.dummy_hash.to_string());
        let password = password.to_owned();
        self.on_pool(move || {
            let Ok(parsed) = PasswordHash::new(&hash) else {
                return Verified { ok: false, needs_rehash: false };
            };
            let ok = argon2().verify_password(password.as_bytes(), &parsed).is_ok() && real;
            let current = Params::try_from(&parsed).ok();
            let needs_rehash = ok
                && (parsed.algorithm.as_str() != "argon2id"
                    || current.is_none_or(|p| {
                        p.m_cost() != M_COST_KIB || p.t_cost() != T_COST || p.p_cost() != P_COST
                    }));
            Verified { ok, needs_rehash }
        })
        .await
    }
}
