//! The demo's agenda: open tickets that need a technician get a work order in the working
//! days ahead, each technician's visits one after another from 08:00, never clashing, so
//! the "Agenda Técnica" has a realistic week when the demo starts.
use std::collections::HashMap;

use helpdesk_core::work_order::{Slot, WorkOrderCatalog, MINUTE};
use helpdesk_core::work_order_form::NewWorkOrder;
use rand::Rng;
use uuid::Uuid;

use crate::random::pick;

const HOUR: i64 = 60 * MINUTE;
const DAY: i64 = 24 * HOUR;
/// The first visit of a day, and the latest end, in minutes after local midnight.
const FIRST_START: i64 = 8 * 60;
const LAST_END: i64 = 18 * 60;
/// Days ahead the visits are spread over, from tomorrow.
const DAYS_AHEAD: i64 = 10;

/// The ticket types whose tickets need a visit.
pub(crate) const NEED_A_VISIT: &[&str] = &[
    "Sem conexão",
    "Quedas / instabilidade",
    "Instalação",
    "Mudança de endereço",
];

/// Hands out the next free time of the technicians' days.
pub(crate) struct Planner {
    catalog: WorkOrderCatalog,
    /// The local midnight of the anchor's day, Unix ms.
    today: i64,
    /// The UTC offset, in ms.
    offset: i64,
    /// Where each technician's day is booked up to, in minutes after midnight.
    booked: HashMap<(Uuid, i64), i64>,
}

impl Planner {
    /// A planner for the days after `anchor_ms`, at the UTC offset `offset_seconds`.
    pub(crate) fn new(catalog: WorkOrderCatalog, anchor_ms: i64, offset_seconds: i32) -> Self {
        let offset = i64::from(offset_seconds) * 1000;
        let today = (anchor_ms + offset).div_euclid(DAY) * DAY - offset;
        Self {
            catalog,
            today,
            offset,
            booked: HashMap::new(),
        }
    }

    /// A work order at `address` on a working day ahead, for a technician who has time
    /// then; `None` when the catalog has nothing to give one or the days are full.
    pub(crate) fn plan(&mut self, rng: &mut impl Rng, address: &str) -> Option<NewWorkOrder> {
        let kinds: Vec<_> = self.catalog.types.iter().collect();
        let kind = *pick(rng, &kinds);
        let status = self
            .catalog
            .statuses
            .iter()
            .find(|status| !status.is_final)?;
        let minutes = i64::from(kind.default_minutes).clamp(30, 4 * 60);
        for _ in 0..20 {
            let technician = pick(rng, &self.catalog.technicians).id;
            let day = rng.gen_range(1..=DAYS_AHEAD);
            let midnight = self.today + day * DAY;
            // No visits on Sundays (day 0 of the Unix epoch was a Thursday).
            if ((midnight + self.offset).div_euclid(DAY) + 4).rem_euclid(7) == 0 {
                continue;
            }
            let booked = self.booked.entry((technician, day)).or_insert(FIRST_START);
            // A quarter-hour or two of travel between visits.
            let start = *booked
                + if *booked == FIRST_START {
                    0
                } else {
                    15 * rng.gen_range(1..=2)
                };
            if start + minutes > LAST_END {
                continue;
            }
            *booked = start + minutes;
            return Some(NewWorkOrder {
                slot: Slot {
                    technician_id: technician,
                    starts_at: midnight + start * MINUTE,
                    ends_at: midnight + (start + minutes) * MINUTE,
                },
                status_id: status.id,
                type_id: kind.id,
                address: address.to_owned(),
                description: "Visita técnica para verificar a instalação e o sinal no local."
                    .to_owned(),
                allow_clash: false,
            });
        }
        None
    }
}
