//! Rate limits on sign-in and sign-up. Per-IP limits live in process memory (`governor`):
//! losing them on restart costs little, and with n instances behind a load balancer a client
//! gets up to n times the limit, still a cap on abuse. The client address comes from the TCP
//! peer, or from `X-Forwarded-For` when `TRUSTED_PROXY_HOPS` says proxies are in front (see
//! `http::client_ip`). The lockout that protects a password lives in Postgres
//! ([`super::lockout`]), so it holds across restarts and across instances.

use std::{
    hash::Hash,
    net::{IpAddr, Ipv6Addr},
    num::NonZeroU32,
    sync::Arc,
    time::Duration,
};

use governor::{
    DefaultDirectRateLimiter, Quota, RateLimiter,
    clock::{Clock, DefaultClock},
    middleware::NoOpMiddleware,
    state::keyed::DefaultKeyedStateStore,
};

use sqlx::PgPool;
use uuid::Uuid;

use super::lockout::{Lockout, minutes_until};
use crate::error::ServiceError;

const HOUR: Duration = Duration::from_secs(3600);

/// How often idle per-IP entries are dropped.
pub const PRUNE_EVERY: Duration = Duration::from_secs(60);

/// The key a client is limited by: its IPv4 address, or its IPv6 /64 (one subscriber's
/// network, which hands out addresses from it at will).
pub fn ip_key(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => {
                let s = v6.segments();
                IpAddr::V6(Ipv6Addr::new(s[0], s[1], s[2], s[3], 0, 0, 0, 0))
            }
        },
        v4 => v4,
    }
}

/// A keyed limiter whose memory stays bounded: entries that are back to a fresh state are
/// dropped by [`KeyedLimiter::prune`]. Keys are client addresses ([`ip_key`]) or account ids.
pub struct KeyedLimiter<K: Hash + Eq + Clone, C: Clock = DefaultClock> {
    limiter: RateLimiter<K, DefaultKeyedStateStore<K>, C, NoOpMiddleware<C::Instant>>,
    clock: C,
}

/// The per-IP limiter.
pub type IpLimiter<C = DefaultClock> = KeyedLimiter<IpAddr, C>;

impl<K: Hash + Eq + Clone, C: Clock + Clone> KeyedLimiter<K, C> {
    pub fn with_clock(quota: Quota, clock: C) -> Self {
        Self { limiter: RateLimiter::new(quota, DefaultKeyedStateStore::default(), clock.clone()), clock }
    }

    pub fn check_key(&self, key: &K) -> Result<(), ServiceError> {
        self.limiter.check_key(key).map_err(|not_until| ServiceError::RateLimited {
            minutes: minutes_until(not_until.wait_time_from(self.clock.now())),
        })
    }

    pub fn prune(&self) {
        self.limiter.retain_recent();
        self.limiter.shrink_to_fit();
    }

    pub fn len(&self) -> usize {
        self.limiter.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl<C: Clock + Clone> KeyedLimiter<IpAddr, C> {
    pub fn check(&self, ip: IpAddr) -> Result<(), ServiceError> {
        self.check_key(&ip_key(ip))
    }
}

/// Requests that insert rows or send mail, each limited per client address (and the avatar
/// upload also per account), so no client can fill tables or inboxes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    EmailChange,
    VerificationResend,
    ProviderStart,
    AvatarUpload,
    /// Passkey sign-in options: a wide budget, because passkeys in the login form's autofill
    /// ask on every `/login` view; the answer counts as a sign-in attempt.
    PasskeyStart,
    /// The strength meter on the new-password forms: one zxcvbn run per pause in typing.
    PasswordStrength,
    /// Asking for a sign-in code by mail.
    EmailCode,
}

impl Action {
    /// Requests allowed per client address per hour.
    pub fn per_ip_per_hour(self) -> u32 {
        match self {
            Self::EmailChange | Self::VerificationResend => 10,
            Self::EmailCode => 20,
            Self::ProviderStart => 60,
            Self::AvatarUpload => 30,
            Self::PasskeyStart | Self::PasswordStrength => 600,
        }
    }
}

/// Avatar uploads allowed per account per hour (each one decodes an image).
pub const AVATARS_PER_ACCOUNT_PER_HOUR: u32 = 20;

/// `count` per `period`, all of it available at once.
pub fn quota(count: u32, period: Duration) -> Quota {
    let count = NonZeroU32::new(count.max(1)).expect("non-zero");
    Quota::with_period(period / count.get()).expect("non-zero period").allow_burst(count)
}

#[derive(Clone)]
pub struct Throttle {
    sign_in: Arc<IpLimiter>,
    sign_up: Arc<IpLimiter>,
    /// One per [`Action`], in its declaration order.
    actions: Arc<[IpLimiter; 7]>,
    /// Sign-in codes mailed by this instance, all addresses together: the outbox cannot be
    /// turned on strangers' inboxes at volume.
    email_codes: Arc<DefaultDirectRateLimiter>,
    avatars_per_account: Arc<KeyedLimiter<Uuid>>,
    pub lockout: Lockout,
}

impl Throttle {
    pub fn new(
        sign_in_per_minute: u32,
        sign_up_per_hour: u32,
        email_codes_per_hour: u32,
        secret: &[u8],
    ) -> Self {
        let limiter = |q| Arc::new(IpLimiter::with_clock(q, DefaultClock::default()));
        let hourly =
            |a: Action| IpLimiter::with_clock(quota(a.per_ip_per_hour(), HOUR), DefaultClock::default());
        Self {
            sign_in: limiter(Quota::per_minute(
                NonZeroU32::new(sign_in_per_minute.max(1)).expect("non-zero"),
            )),
            sign_up: limiter(quota(sign_up_per_hour, HOUR)),
            actions: Arc::new(
                [
                    Action::EmailChange,
                    Action::VerificationResend,
                    Action::ProviderStart,
                    Action::AvatarUpload,
                    Action::PasskeyStart,
                    Action::PasswordStrength,
                    Action::EmailCode,
                ]
                .map(hourly),
            ),
            email_codes: Arc::new(RateLimiter::direct(quota(email_codes_per_hour, HOUR))),
            avatars_per_account: Arc::new(KeyedLimiter::with_clock(
                quota(AVATARS_PER_ACCOUNT_PER_HOUR, HOUR),
                DefaultClock::default(),
            )),
            lockout: Lockout::new(secret),
        }
    }

    pub fn sign_in_attempt(&self, ip: IpAddr) -> Result<(), ServiceError> {
        self.sign_in.check(ip)
    }

    pub fn sign_up_attempt(&self, ip: IpAddr) -> Result<(), ServiceError> {
        self.sign_up.check(ip)
    }

    /// Counts one `action` from `ip` (when known), refusing beyond its hourly limit.
    pub fn action(&self, action: Action, ip: Option<IpAddr>) -> Result<(), ServiceError> {
        match ip {
            Some(ip) => self.actions[action as usize].check(ip),
            None => Ok(()),
        }
    }

    /// Counts one request for a sign-in code from `ip`, and one code against the instance's
    /// hourly total. Neither depends on the address asked for.
    pub fn email_code(&self, ip: Option<IpAddr>) -> Result<(), ServiceError> {
        self.action(Action::EmailCode, ip)?;
        self.email_codes.check().map_err(|not_until| ServiceError::RateLimited {
            minutes: minutes_until(not_until.wait_time_from(DefaultClock::default().now())),
        })
    }

    /// Counts one avatar upload by `user` from `ip`.
    pub fn avatar_upload(&self, user: Uuid, ip: Option<IpAddr>) -> Result<(), ServiceError> {
        self.action(Action::AvatarUpload, ip)?;
        self.avatars_per_account.check_key(&user)
    }

    /// Drops idle per-IP entries every [`PRUNE_EVERY`] and settled lockout rows every hour,
    /// for as long as the process runs.
    pub fn spawn_pruning(&self, pool: PgPool) {
        let (ips, actions, avatars) = (
            [self.sign_in.clone(), self.sign_up.clone()],
            self.actions.clone(),
            self.avatars_per_account.clone(),
        );
        let lockout = self.lockout.clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(PRUNE_EVERY);
            for round in 0u64.. {
                tick.tick().await;
                ips.iter().for_each(|l| l.prune());
                actions.iter().for_each(|l| l.prune());
                avatars.prune();
                if round % 60 == 59
                    && let Err(e) = lockout.prune(&pool).await
                {
                    tracing::warn!(error = %e, "lockout cleanup failed");
                }
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use governor::clock::FakeRelativeClock;

    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn ipv6_clients_are_limited_by_their_64() {
        let limiter = IpLimiter::with_clock(quota(2, Duration::from_secs(60)), FakeRelativeClock::default());
        assert!(limiter.check(ip("2001:db8:1:2::1")).is_ok());
        assert!(limiter.check(ip("2001:db8:1:2:ffff::9")).is_ok());
        assert!(limiter.check(ip("2001:db8:1:2:abcd::7")).is_err(), "a third address in the same /64");
        assert!(limiter.check(ip("2001:db8:1:3::1")).is_ok(), "another /64 has its own budget");
        assert_eq!(ip_key(ip("::ffff:203.0.113.7")), ip("203.0.113.7"));
        assert_eq!(limiter.len(), 2);
    }

    #[test]
    fn each_action_has_its_own_hourly_budget_per_address() {
        let throttle = Throttle::new(20, 20, 100, &[1; 32]);
        let ip = Some(ip("203.0.113.9"));
        for _ in 0..Action::EmailChange.per_ip_per_hour() {
            assert!(throttle.action(Action::EmailChange, ip).is_ok());
        }
        assert!(throttle.action(Action::EmailChange, ip).is_err());
        assert!(throttle.action(Action::VerificationResend, ip).is_ok(), "another action is counted apart");
        assert!(throttle.action(Action::EmailChange, Some(self::ip("203.0.113.10"))).is_ok());
        let user = Uuid::new_v4();
        for i in 0..AVATARS_PER_ACCOUNT_PER_HOUR {
            let from = Some(IpAddr::V4(std::net::Ipv4Addr::new(198, 51, 100, i as u8)));
            assert!(throttle.avatar_upload(user, from).is_ok());
        }
        assert!(
            throttle.avatar_upload(user, Some(self::ip("198.51.100.250"))).is_err(),
            "per account, whatever the address"
        );
    }

    #[test]
    fn idle_entries_are_pruned_so_memory_stays_bounded() {
        let clock = FakeRelativeClock::default();
        let limiter = IpLimiter::with_clock(quota(5, Duration::from_secs(60)), clock.clone());
        for i in 0..10_000u32 {
            let _ = limiter.check(IpAddr::V4(i.into()));
        }
        assert_eq!(limiter.len(), 10_000);
        limiter.prune();
        assert_eq!(limiter.len(), 10_000, "entries still limiting stay");
        clock.advance(Duration::from_secs(61));
        limiter.prune();
        assert!(limiter.is_empty(), "{} entries left after they went idle", limiter.len());
    }
}
