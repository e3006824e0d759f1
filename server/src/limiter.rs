//! Limits per client address (governor's keyed GCRA: a burst, then one more each
//! replenish interval), per server instance: several instances each limit on their own.
//! Two uses: the public portal form's sends ([`AddressLimiter::allows`]), and the wrong
//! credentials an address may present before it is refused without being checked
//! ([`AddressLimiter::refused`], [`AddressLimiter::count_failure`]).
//!
//! The address is the client's ([`crate::client_address`]): the TCP peer's, unless the peer
//! is a trusted proxy. Behind a reverse proxy that is not trusted, every client shares the
//! proxy's address, and the limits count them together.
use std::collections::HashMap;
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use governor::clock::DefaultClock;
use governor::middleware::StateInformationMiddleware;
use governor::state::keyed::DefaultKeyedStateStore;
use governor::{Quota, RateLimiter};

/// Past this many remembered addresses, those that earned their whole burst back (or
/// whose refusal ended) are forgotten: a scan of many addresses cannot grow the maps for
/// ever.
const MAX_REMEMBERED: usize = 10_000;

type Keyed =
    RateLimiter<IpAddr, DefaultKeyedStateStore<IpAddr>, DefaultClock, StateInformationMiddleware>;

/// A limit per address.
pub struct AddressLimiter {
    limiter: Keyed,
    quota: Quota,
    /// Addresses that used up their burst of failures, until when.
    refused_until: Mutex<HashMap<IpAddr, Instant>>,
}

impl AddressLimiter {
    /// `burst` at once, all earned back over `window`.
    pub fn new(burst: NonZeroU32, window: Duration) -> AddressLimiter {
        let period = (window / burst.get()).max(Duration::from_millis(1));
        let quota = Quota::with_period(period)
            .unwrap_or(Quota::per_second(NonZeroU32::MIN))
            .allow_burst(burst);
        AddressLimiter {
            limiter: RateLimiter::keyed(quota).with_middleware::<StateInformationMiddleware>(),
            quota,
            refused_until: Mutex::new(HashMap::new()),
        }
    }

    /// The public form's limit: 10 forms at once, then 30 an hour.
    pub fn portal_form() -> AddressLimiter {
        const BURST: NonZeroU32 = NonZeroU32::new(10).expect("not zero");
        AddressLimiter::new(BURST, Duration::from_secs(20 * 60))
    }

    /// Whether `address` may do one more now (and counts it).
    pub fn allows(&self, address: IpAddr) -> bool {
        self.forget_old();
        self.limiter.check_key(&address).is_ok()
    }

    /// How long `address` must still wait, if it used up its failures.
    pub fn refused(&self, address: IpAddr) -> Option<Duration> {
        let mut refused = self.refused_until.lock().unwrap_or_else(|e| e.into_inner());
        let until = *refused.get(&address)?;
        let now = Instant::now();
        if until > now {
            Some(until - now)
        } else {
            refused.remove(&address);
            None
        }
    }

    /// Counts a failure of `address`; once its burst is used up, it is [`Self::refused`]
    /// until the next failure is earned back. Answers whether it is refused from now on.
    pub fn count_failure(&self, address: IpAddr) -> bool {
        self.forget_old();
        let used_up = match self.limiter.check_key(&address) {
            Ok(state) => state.remaining_burst_capacity() == 0,
            Err(_) => true,
        };
        if used_up {
            let until = Instant::now() + self.quota.replenish_interval();
            let mut refused = self.refused_until.lock().unwrap_or_else(|e| e.into_inner());
            refused.insert(address, until);
        }
        used_up
    }

    fn forget_old(&self) {
        if self.limiter.len() > MAX_REMEMBERED {
            self.limiter.retain_recent();
        }
        let mut refused = self.refused_until.lock().unwrap_or_else(|e| e.into_inner());
        if refused.len() > MAX_REMEMBERED {
            let now = Instant::now();
            refused.retain(|_, until| *until > now);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ONE: IpAddr = IpAddr::V4(std::net::Ipv4Addr::new(192, 0, 2, 1));
    const OTHER: IpAddr = IpAddr::V4(std::net::Ipv4Addr::new(192, 0, 2, 2));

    #[test]
    fn an_address_gets_its_burst_then_waits_and_others_are_apart() {
        let limiter = AddressLimiter::portal_form();
        for _ in 0..10 {
            assert!(limiter.allows(ONE));
        }
        assert!(!limiter.allows(ONE));
        assert!(limiter.allows(OTHER));
    }

    #[test]
    fn failures_refuse_an_address_once_its_burst_is_used() {
        let limiter =
            AddressLimiter::new(NonZeroU32::new(3).expect("3"), Duration::from_secs(3600));
        assert_eq!(limiter.refused(ONE), None);
        assert!(!limiter.count_failure(ONE));
        assert!(!limiter.count_failure(ONE));
        assert_eq!(limiter.refused(ONE), None);
        assert!(limiter.count_failure(ONE));
        let wait = limiter.refused(ONE).expect("refused");
        assert!(wait <= Duration::from_secs(1200), "{wait:?}");
        assert!(wait > Duration::from_secs(1100), "{wait:?}");
        assert_eq!(limiter.refused(OTHER), None);
    }
}
