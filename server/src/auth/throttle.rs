//! Rate limits on sign-in and sign-up. Per-IP limits live in process memory (`governor`):
//! losing them on restart costs little, and with n instances behind a load balancer a client
//! gets up to n times the limit, still a cap on abuse. The client address comes from the TCP
//! peer, or from `X-Forwarded-For` when `TRUSTED_PROXY_HOPS` says proxies are in front (see
//! `http::client_ip`). Per-account lockouts, the limit that protects a password, live in
//! Postgres, so they hold across restarts and across instances.

use std::{net::IpAddr, num::NonZeroU32, sync::Arc, time::Duration};

use governor::{
    DefaultKeyedRateLimiter, Quota, RateLimiter,
    clock::{Clock, DefaultClock},
};
use sqlx::PgPool;
use uuid::Uuid;

use crate::error::ServiceError;

/// Failures allowed before each further attempt on an account waits a growing delay.
pub const FREE_FAILURES: i32 = 5;
const MAX_LOCK_MINUTES: i64 = 60;

#[derive(Clone)]
pub struct Throttle {
    sign_in: Arc<DefaultKeyedRateLimiter<IpAddr>>,
    sign_up: Arc<DefaultKeyedRateLimiter<IpAddr>>,
}

fn minutes_until(wait: Duration) -> u64 {
    wait.as_secs().div_ceil(60).max(1)
}

impl Throttle {
    pub fn new(sign_in_per_minute: u32, sign_up_per_hour: u32) -> Self {
        let sign_in = NonZeroU32::new(sign_in_per_minute.max(1)).expect("non-zero");
        let sign_up = NonZeroU32::new(sign_up_per_hour.max(1)).expect("non-zero");
        let sign_up_period = Duration::from_secs(3600) / sign_up.get();
        Self {
            sign_in: Arc::new(RateLimiter::keyed(Quota::per_minute(sign_in))),
            sign_up: Arc::new(RateLimiter::keyed(
                Quota::with_period(sign_up_period).expect("non-zero period").allow_burst(sign_up),
            )),
        }
    }

    fn check(limiter: &DefaultKeyedRateLimiter<IpAddr>, ip: IpAddr) -> Result<(), ServiceError> {
        limiter.check_key(&ip).map_err(|not_until| ServiceError::RateLimited {
            minutes: minutes_until(not_until.wait_time_from(DefaultClock::default().now())),
        })
    }

    pub fn sign_in_attempt(&self, ip: IpAddr) -> Result<(), ServiceError> {
        Self::check(&self.sign_in, ip)
    }

    pub fn sign_up_attempt(&self, ip: IpAddr) -> Result<(), ServiceError> {
        Self::check(&self.sign_up, ip)
    }

    /// Refuses while the account is locked after repeated failures.
    pub async fn account_allowed(&self, pool: &PgPool, user_id: Uuid) -> Result<(), ServiceError> {
        let wait: Option<f64> = sqlx::query_scalar(
            "SELECT EXTRACT(EPOCH FROM locked_until - now())::float8 FROM login_throttle \
             WHERE user_id = $1 AND locked_until > now()",
        )
        .bind(user_id)
        .fetch_optional(pool)
        .await?;
        match wait {
            Some(secs) => Err(ServiceError::RateLimited {
                minutes: minutes_until(Duration::from_secs_f64(secs.max(0.0))),
            }),
            None => Ok(()),
        }
    }

    /// Counts a failure; from the fifth on, locks the account for 1, 2, 4 … (at most 60) minutes.
    pub async fn account_failed(&self, pool: &PgPool, user_id: Uuid) -> Result<(), ServiceError> {
        sqlx::query(
            "INSERT INTO login_throttle (user_id, failures, locked_until) VALUES ($1, 1, NULL) \
             ON CONFLICT (user_id) DO UPDATE SET failures = login_throttle.failures + 1, \
             locked_until = CASE WHEN login_throttle.failures + 1 >= $2 \
               THEN now() + make_interval(mins => LEAST($3, power(2, login_throttle.failures + 1 - $2))::int) \
               ELSE NULL END",
        )
        .bind(user_id)
        .bind(FREE_FAILURES)
        .bind(MAX_LOCK_MINUTES as f64)
        .execute(pool)
        .await?;
        Ok(())
    }

    pub async fn account_succeeded(&self, pool: &PgPool, user_id: Uuid) -> Result<(), ServiceError> {
        sqlx::query("DELETE FROM login_throttle WHERE user_id = $1").bind(user_id).execute(pool).await?;
        Ok(())
    }
}
