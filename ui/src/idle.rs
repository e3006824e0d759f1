//! The idle clock behind the window's lock: when the operator last did something, and
//! whether the idle time has passed since. No DOM: the caller gives the time.

/// Milliseconds in a minute.
const MINUTE_MS: f64 = 60_000.0;

/// The operator's last activity and the idle time after which the window locks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct IdleClock {
    /// When the operator last typed, clicked, moved the mouse or scrolled (milliseconds).
    last_activity: f64,
    /// The idle time, in milliseconds.
    limit: f64,
}

impl IdleClock {
    /// A clock started at `now` (milliseconds) that locks after `minutes` idle (at least one).
    pub fn new(now: f64, minutes: u32) -> Self {
        Self {
            last_activity: now,
            limit: limit_ms(minutes),
        }
    }

    /// The operator did something at `now`.
    pub fn touch(&mut self, now: f64) {
        self.last_activity = self.last_activity.max(now);
    }

    /// The idle time has passed at `now` since the last activity: time to lock.
    pub fn is_idle(&self, now: f64) -> bool {
        now - self.last_activity >= self.limit
    }
}

fn limit_ms(minutes: u32) -> f64 {
    f64::from(minutes.max(1)) * MINUTE_MS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locks_once_the_idle_time_has_passed_since_the_last_activity() {
        let mut clock = IdleClock::new(0.0, 15);
        assert!(!clock.is_idle(14.0 * MINUTE_MS));
        clock.touch(10.0 * MINUTE_MS);
        assert!(
            !clock.is_idle(24.0 * MINUTE_MS),
            "the activity restarts the count"
        );
        assert!(clock.is_idle(25.0 * MINUTE_MS));
    }

    #[test]
    fn an_older_activity_does_not_move_the_clock_back() {
        let mut clock = IdleClock::new(0.0, 1);
        clock.touch(50_000.0);
        clock.touch(10_000.0);
        assert!(!clock.is_idle(100_000.0));
        assert!(clock.is_idle(110_000.0));
    }

    #[test]
    fn the_idle_time_is_never_zero() {
        let clock = IdleClock::new(0.0, 0);
        assert!(!clock.is_idle(30_000.0), "zero minutes counts as one");
        assert!(clock.is_idle(MINUTE_MS));
    }
}
