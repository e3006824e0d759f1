//! How many forms one address may send: a burst, then a few an hour (governor's keyed
//! GCRA). Per server instance: several instances each limit on their own.
use std::net::IpAddr;
use std::num::NonZeroU32;

use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

/// The forms an address may send at once.
const BURST: NonZeroU32 = NonZeroU32::new(10).expect("not zero");
/// The forms an address earns back per hour.
const PER_HOUR: NonZeroU32 = NonZeroU32::new(30).expect("not zero");
/// Past this many remembered addresses, those that earned their whole burst back are
/// forgotten (a scan of many addresses cannot grow the map for ever).
const MAX_REMEMBERED: usize = 10_000;

/// The public form's limit per address.
pub struct FormLimiter(DefaultKeyedRateLimiter<IpAddr>);

impl Default for FormLimiter {
    fn default() -> Self {
        FormLimiter(RateLimiter::keyed(
            Quota::per_hour(PER_HOUR).allow_burst(BURST),
        ))
    }
}

impl FormLimiter {
    /// Whether `address` may send one more form now (and counts it).
    pub fn allows(&self, address: IpAddr) -> bool {
        if self.0.len() > MAX_REMEMBERED {
            self.0.retain_recent();
        }
        self.0.check_key(&address).is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_gets_its_burst_then_waits_and_others_are_apart() {
        let limiter = FormLimiter::default();
        let one: IpAddr = [192, 0, 2, 1].into();
        let other: IpAddr = [192, 0, 2, 2].into();
        for _ in 0..BURST.get() {
            assert!(limiter.allows(one));
        }
        assert!(!limiter.allows(one));
        assert!(limiter.allows(other));
    }
}
