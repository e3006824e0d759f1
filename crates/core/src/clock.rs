//! A hybrid logical clock: the version stamped on every syncable row.
//!
//! A stamp is the wall-clock time in milliseconds shifted left 16 bits, plus a counter for
//! changes within the same millisecond. Stamps from one clock only grow, even when the wall
//! clock steps back, and a clock that observes a newer remote stamp moves past it, so the
//! order of changes survives desktops whose clocks disagree.

const COUNTER_BITS: u32 = 16;

/// How far ahead of a node's wall clock a stamp made elsewhere may be: the server refuses
/// pushed writes stamped later (`stamp_in_future`), and a clock does not follow them.
pub const MAX_STAMP_AHEAD_MS: i64 = 5 * 60 * 1000;

/// A clock that hands out strictly increasing stamps.
#[derive(Debug, Clone, Default)]
pub struct HybridClock {
    last: i64,
}

impl HybridClock {
    /// A clock that will never hand out a stamp at or below `last`.
    pub fn starting_after(last: i64) -> Self {
        Self { last }
    }

    /// The next stamp, given the wall clock in Unix milliseconds. Saturates at
    /// `i64::MAX` instead of wrapping.
    pub fn tick(&mut self, now_ms: i64) -> i64 {
        self.last = physical(now_ms).max(self.last.saturating_add(1));
        self.last
    }

    /// Takes note of a stamp made elsewhere, so the next local stamp is newer; `now_ms` is
    /// this node's wall clock. A stamp more than [`MAX_STAMP_AHEAD_MS`] ahead of it is
    /// not followed: one wrong clock (or a forged stamp near `i64::MAX`) must not drag
    /// every clock it reaches into the future.
    pub fn observe(&mut self, remote: i64, now_ms: i64) {
        if !is_ahead(remote, now_ms) {
            self.last = self.last.max(remote);
        }
    }
}

/// A wall-clock time as a stamp with its counter at zero, saturating.
fn physical(now_ms: i64) -> i64 {
    now_ms.saturating_mul(1 << COUNTER_BITS)
}

/// Whether `stamp` is more than [`MAX_STAMP_AHEAD_MS`] ahead of the wall clock `now_ms`.
pub fn is_ahead(stamp: i64, now_ms: i64) -> bool {
    stamp_millis(stamp) > now_ms.saturating_add(MAX_STAMP_AHEAD_MS)
}

/// The wall-clock milliseconds of a stamp.
pub fn stamp_millis(stamp: i64) -> i64 {
    stamp >> COUNTER_BITS
}

/// Stamps (and other 64-bit numbers) cross the IPC bridge and the sync wire as decimal text: a stamp (milliseconds shifted 16
/// bits, [`crate::clock`]) is beyond 2^53, which the bridge's JavaScript numbers cannot hold
/// exactly. A JSON integer is accepted too.
pub mod stamp_text {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(stamp: &i64, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(stamp)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<i64, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Stamp {
            Text(String),
            Number(i64),
        }
        match Stamp::deserialize(deserializer)? {
            Stamp::Text(text) => text.parse().map_err(serde::de::Error::custom),
            Stamp::Number(number) => Ok(number),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn stamps_carry_the_wall_clock() {
        let mut clock = HybridClock::default();
        let stamp = clock.tick(1_700_000_000_000);
        assert_eq!(stamp_millis(stamp), 1_700_000_000_000);
    }

    #[test]
    fn observing_a_newer_stamp_moves_past_it() {
        let mut clock = HybridClock::default();
        let remote = HybridClock::default().tick(2_000);
        clock.observe(remote, 1_000);
        assert!(clock.tick(1_000) > remote);
    }

    #[test]
    fn stamps_far_ahead_are_not_followed_and_nothing_wraps() {
        let now = 1_700_000_000_000;
        let mut clock = HybridClock::default();
        let before = clock.tick(now);
        clock.observe(i64::MAX - 1, now);
        clock.observe(physical(now + MAX_STAMP_AHEAD_MS + 1), now);
        let after = clock.tick(now);
        assert!(after > before && stamp_millis(after) == now, "{after}");
        // Within the margin, it is followed.
        let near = physical(now + MAX_STAMP_AHEAD_MS);
        clock.observe(near, now);
        assert!(clock.tick(now) > near);
        assert!(!is_ahead(i64::MAX, i64::MAX - 1) && is_ahead(i64::MAX, 0));

        // A clock started after the greatest stamp, or ticked at the end of time, saturates.
        let mut end = HybridClock::starting_after(i64::MAX);
        assert_eq!(end.tick(now), i64::MAX);
        assert_eq!(HybridClock::default().tick(i64::MAX), i64::MAX);
        assert_eq!(HybridClock::default().tick(i64::MAX / 2), i64::MAX);
    }

    proptest! {
        #[test]
        fn stamps_strictly_increase(times in proptest::collection::vec(0i64..4_000_000_000_000, 1..200)) {
            let mut clock = HybridClock::default();
            let mut previous = i64::MIN;
            for now in times {
                let stamp = clock.tick(now);
                prop_assert!(stamp > previous);
                previous = stamp;
            }
        }
    }
}
