//! Small helpers over the seeded generator.
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// The seeded generator of one independent part of the data (catalog, customers, messages),
/// so that changing the size of one part does not change the content of another.
pub(crate) fn stream(seed: u64, part: Part) -> ChaCha8Rng {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.set_stream(part as u64);
    rng
}

/// The independent parts of the demo data.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Part {
    Catalog = 1,
    Customers = 2,
    Messages = 3,
    Tickets = 4,
    Visits = 5,
}

/// One of `items`, each as likely as its weight. `items` must not be empty.
pub(crate) fn weighted<'a, T>(rng: &mut impl Rng, items: &'a [(T, u32)]) -> &'a T {
    let total: u32 = items.iter().map(|(_, weight)| weight).sum();
    let mut roll = rng.gen_range(0..total.max(1));
    for (item, weight) in items {
        if roll < *weight {
            return item;
        }
        roll -= weight;
    }
    &items[items.len() - 1].0
}

/// One of `items`, uniformly. `items` must not be empty.
pub(crate) fn pick<'a, T>(rng: &mut impl Rng, items: &'a [T]) -> &'a T {
    &items[rng.gen_range(0..items.len())]
}

/// `count` random decimal digits.
pub(crate) fn digits(rng: &mut impl Rng, count: usize) -> String {
    (0..count)
        .map(|_| char::from(b'0' + rng.gen_range(0..10u8)))
        .collect()
}
