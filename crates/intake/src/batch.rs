//! How unseen mail is grouped for one fetch and one hand-over to the sink: by count and by
//! raw size, so memory stays bounded whatever the mailbox holds; and UID sets as IMAP
//! writes them.
use std::fmt::Write as _;

/// How much mail one batch holds: it is fetched with one `UID FETCH`, handed to the sink
/// at once and marked handled with one command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BatchLimits {
    /// At most this many mails.
    pub messages: usize,
    /// At most this many raw bytes (RFC822.SIZE); a larger mail comes alone.
    pub bytes: u64,
}

impl Default for BatchLimits {
    /// 200 mails or 16 MiB.
    fn default() -> Self {
        Self {
            messages: 200,
            bytes: 16 << 20,
        }
    }
}

/// How many UIDs one `UID FETCH (RFC822.SIZE)` asks about, so the command line stays short
/// whatever the UIDs (Dovecot refuses lines over 64 KiB).
pub const SIZE_QUERY_UIDS: usize = 1000;

/// `sized` (UID, raw size), in mailbox order, cut into batches within `limits`; every
/// batch holds at least one mail.
pub fn batches(sized: &[(u32, u64)], limits: BatchLimits) -> Vec<Vec<u32>> {
    let mut batches = Vec::new();
    let mut current: Vec<u32> = Vec::new();
    let mut bytes = 0u64;
    for &(uid, size) in sized {
        let full =
            current.len() >= limits.messages.max(1) || bytes.saturating_add(size) > limits.bytes;
        if full && !current.is_empty() {
            batches.push(std::mem::take(&mut current));
            bytes = 0;
        }
        current.push(uid);
        bytes = bytes.saturating_add(size);
    }
    if !current.is_empty() {
        batches.push(current);
    }
    batches
}

/// `uids` (ascending) as an IMAP sequence set, runs written as ranges: "1:3,7,9:10".
pub fn uid_set(uids: &[u32]) -> String {
    let mut set = String::new();
    let mut index = 0;
    while let Some(&first) = uids.get(index) {
        let mut last = first;
        index += 1;
        while uids.get(index) == Some(&last.wrapping_add(1)) {
            last += 1;
            index += 1;
        }
        if !set.is_empty() {
            set.push(',');
        }
        let _ = if first == last {
            write!(set, "{first}")
        } else {
            write!(set, "{first}:{last}")
        };
    }
    set
}

#[cfg(test)]
mod tests {
    use proptest::strategy::Strategy;

    use super::*;

    const SMALL: BatchLimits = BatchLimits {
        messages: 3,
        bytes: 100,
    };

    #[test]
    fn batches_are_cut_by_count_and_by_size() {
        let sized: Vec<(u32, u64)> = (1..=7).map(|uid| (uid, 10)).collect();
        assert_eq!(
            batches(&sized, SMALL),
            [vec![1, 2, 3], vec![4, 5, 6], vec![7]]
        );
        let sized = [(1, 60), (2, 30), (3, 20), (4, 100), (5, 1)];
        assert_eq!(
            batches(&sized, SMALL),
            [vec![1, 2], vec![3], vec![4], vec![5]]
        );
    }

    #[test]
    fn a_mail_over_the_size_comes_alone() {
        let sized = [(1, 5), (2, 500), (3, 5)];
        assert_eq!(batches(&sized, SMALL), [vec![1], vec![2], vec![3]]);
        assert!(batches(&[], SMALL).is_empty());
    }

    #[test]
    fn uid_sets_use_ranges() {
        assert_eq!(uid_set(&[1, 2, 3, 7, 9, 10]), "1:3,7,9:10");
        assert_eq!(uid_set(&[4]), "4");
        assert_eq!(uid_set(&[u32::MAX - 1, u32::MAX]), "4294967294:4294967295");
        assert_eq!(uid_set(&[]), "");
    }

    proptest::proptest! {
        #[test]
        fn batches_keep_every_mail_in_order_within_the_limits(
            sizes in proptest::collection::vec(0u64..300, 0..60),
            messages in 1usize..8,
            bytes in 1u64..400,
        ) {
            let sized: Vec<(u32, u64)> = (1..).zip(sizes.iter().copied()).collect();
            let limits = BatchLimits { messages, bytes };
            let cut = batches(&sized, limits);
            let flat: Vec<u32> = cut.iter().flatten().copied().collect();
            let uids: Vec<u32> = sized.iter().map(|(uid, _)| *uid).collect();
            proptest::prop_assert_eq!(flat, uids);
            for batch in &cut {
                proptest::prop_assert!(!batch.is_empty() && batch.len() <= messages);
                let total: u64 = batch.iter().map(|uid| sizes[*uid as usize - 1]).sum();
                proptest::prop_assert!(batch.len() == 1 || total <= bytes);
            }
        }

        #[test]
        fn a_uid_set_names_exactly_its_uids(
            mut uids in proptest::collection::btree_set(1u32..200, 0..50)
                .prop_map(|set| set.into_iter().collect::<Vec<_>>()),
        ) {
            let set = uid_set(&uids);
            let mut named = Vec::new();
            for part in set.split(',').filter(|part| !part.is_empty()) {
                let (first, last) = part.split_once(':').unwrap_or((part, part));
                let (first, last): (u32, u32) = (first.parse().expect("a UID"), last.parse().expect("a UID"));
                named.extend(first..=last);
            }
            uids.sort_unstable();
            proptest::prop_assert_eq!(named, uids);
        }
    }
}
