//! The demo's agenda: open tickets that need a technician get a work order in the working
//! days ahead, each technician's visits one after another from 08:00, never clashing, so
//! the "Agenda Técnica" has a realistic week when the demo starts. Older tickets have a
//! visit already made: finished by the technician with actual times, a report and an
//! outcome ([`finish`]).
use std::collections::HashMap;
use std::ops::RangeInclusive;

use helpdesk_core::work_order::{Slot, WorkOrderCatalog, MINUTE};
use helpdesk_core::work_order_form::NewWorkOrder;
use helpdesk_core::work_order_life::{format_typed, StatusForm, VisitOutcome, WorkOrderStage};
use helpdesk_core::work_order_list::WorkOrderFilter;
use helpdesk_store::{work_orders, Store, StoreError};
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
        self.plan_in(rng, address, 1..=DAYS_AHEAD)
    }

    /// A work order at `address` on a day after `opened_at` and before today (a visit
    /// already made); `None` when there is no such day or no time in it.
    pub(crate) fn plan_past(
        &mut self,
        rng: &mut impl Rng,
        address: &str,
        opened_at: i64,
    ) -> Option<NewWorkOrder> {
        let first = (opened_at - self.today).div_euclid(DAY) + 1;
        (first <= -1).then(|| self.plan_in(rng, address, first..=-1))?
    }

    /// A work order on one of `days` (counted from today).
    fn plan_in(
        &mut self,
        rng: &mut impl Rng,
        address: &str,
        days: RangeInclusive<i64>,
    ) -> Option<NewWorkOrder> {
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
            let day = rng.gen_range(days.clone());
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

/// What technicians write after a visit, with its outcome.
const REPORTS: &[(&str, VisitOutcome)] = &[
    (
        "Conector óptico trocado; sinal normalizado em -19 dBm.",
        VisitOutcome::ResolvedOnSite,
    ),
    (
        "ONU reiniciada e reconfigurada; navegação testada com o cliente.",
        VisitOutcome::ResolvedOnSite,
    ),
    (
        "Cabo drop rompido no poste; trecho substituído.",
        VisitOutcome::ResolvedOnSite,
    ),
    (
        "Sinal baixo na caixa de atendimento; encaminhado à equipe de rede.",
        VisitOutcome::NotResolved,
    ),
    (
        "Ninguém atendeu no endereço; deixado aviso na portaria.",
        VisitOutcome::CustomerAbsent,
    ),
];

/// The visit of ticket `ticket_id` (of `customer_id`) finished by its technician: arrived
/// up to 20 minutes after the start, left around the scheduled end, with a report and its
/// outcome, written by `operator` as the status dialog would, never after `now`.
pub(crate) async fn finish(
    store: &Store,
    rng: &mut impl Rng,
    (customer_id, ticket_id): (Uuid, Uuid),
    operator: Uuid,
    offset_minutes: i32,
    now: i64,
) -> Result<(), StoreError> {
    let Some(done) = work_orders::catalog(store)
        .await?
        .statuses
        .into_iter()
        .find(|status| status.stage == WorkOrderStage::Done)
    else {
        return Ok(());
    };
    let filter = WorkOrderFilter {
        customer_id: Some(customer_id),
        ..WorkOrderFilter::default()
    };
    let lines = work_orders::list(store, &filter).await?;
    let Some(line) = lines.iter().find(|line| line.visit.ticket_id == ticket_id) else {
        return Ok(());
    };
    let slot = line.visit.slot;
    let started_at = slot.starts_at + rng.gen_range(0..=4) * 5 * MINUTE;
    let finished_at =
        (slot.ends_at + rng.gen_range(-3..=3) * 5 * MINUTE).max(started_at + 15 * MINUTE);
    let (report, outcome) = *pick(rng, REPORTS);
    let form = StatusForm {
        work_order_id: line.visit.id,
        changed_at: line.visit.changed_at,
        status_id: Some(done.id),
        started_at: format_typed(Some(started_at), offset_minutes),
        finished_at: format_typed(Some(finished_at), offset_minutes),
        outcome: Some(outcome),
        report: report.to_owned(),
        resolve_ticket: false,
    };
    // Written half an hour after the technician left; a refusal (a visit ending after now)
    // is simply skipped.
    let at = (finished_at + 30 * MINUTE).min(now);
    work_orders::change_status(store, &form, offset_minutes, operator, at).await?;
    Ok(())
}
