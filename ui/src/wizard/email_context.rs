//! What the e-mail's placeholders are filled with, read from the wizard: the customer, the
//! protocol, the plan, the problem, the scheduled visit and the ticket type (the shell adds
//! the operator's name from the session).
use chrono::{DateTime, NaiveDateTime};
use helpdesk_core::email::{EmailContext, VisitInfo};

use crate::wizard::state::WizardState;

/// `millis` (Unix ms UTC) as the desktop's local time, `offset_minutes` east of UTC.
fn local(millis: i64, offset_minutes: i32) -> NaiveDateTime {
    let shifted = millis + i64::from(offset_minutes) * 60_000;
    DateTime::from_timestamp_millis(shifted)
        .unwrap_or_default()
        .naive_utc()
}

impl WizardState {
    /// The ticket as the placeholders see it now (`now`, Unix ms UTC, is the contact's time
    /// until the ticket is saved).
    pub fn email_context(&self, now: i64, offset_minutes: i32) -> EmailContext {
        let draft = &self.draft;
        let contracted = self.record().and_then(|record| {
            record
                .plans
                .iter()
                .find(|plan| Some(plan.id) == draft.plan)
                .map(|plan| plan.plan.clone())
        });
        let plan = contracted
            .or_else(|| self.ticket_data.new_plan(draft).map(|plan| plan.name))
            .unwrap_or_default();
        let visit = draft
            .work_order
            .as_ref()
            .and_then(|form| form.slot(offset_minutes))
            .map(|slot| VisitInfo {
                starts_at: local(slot.starts_at, offset_minutes),
                ends_at: local(slot.ends_at, offset_minutes),
                technician: self
                    .work_order
                    .catalog
                    .value
                    .as_ref()
                    .and_then(|catalog| {
                        catalog
                            .technicians
                            .iter()
                            .find(|technician| technician.id == slot.technician_id)
                            .map(|technician| technician.name.clone())
                    })
                    .unwrap_or_default(),
            });
        EmailContext {
            customer: draft
                .customer
                .as_ref()
                .map(|customer| customer.name.clone())
                .unwrap_or_default(),
            protocol: draft
                .protocol
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
            contacted_at: local(now, offset_minutes),
            plan,
            problem: draft.problem.clone(),
            visit,
            operator: String::new(),
            ticket_type: draft
                .ticket_type
                .as_ref()
                .map(|kind| kind.name.clone())
                .unwrap_or_default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use helpdesk_core::protocol::Protocol;

    use crate::wizard::state::fixtures::{at_first_contact, fibra_500, run};
    use crate::wizard::state::WizardAction;

    #[test]
    fn the_context_reads_the_customer_protocol_problem_and_local_time() {
        let protocol: Protocol = "26112800100042".parse().expect("a protocol");
        let state = run(
            at_first_contact(),
            [WizardAction::ProtocolReserved(Ok(protocol))],
        );
        // 28/11/2026 12:05 UTC is 09:05 in São Paulo.
        let context = state.email_context(1_795_867_500_000, -180);
        assert_eq!(context.customer, "Ana");
        assert_eq!(context.protocol, "261128-001-00042");
        assert_eq!(context.problem, "Sem internet");
        assert_eq!(
            context.contacted_at.format("%d/%m/%Y %H:%M").to_string(),
            "28/11/2026 09:05"
        );
        assert_eq!(context.visit, None);
        assert_eq!(context.plan, "", "the record is not loaded");
    }

    #[test]
    fn a_new_plan_fills_the_plan_placeholder() {
        use helpdesk_api::PlanChoices;

        use crate::wizard::state::TicketDataAction;

        let fibra = fibra_500();
        let state = run(
            at_first_contact(),
            [
                TicketDataAction::ChooseNewPlan(fibra.id).into(),
                TicketDataAction::PlanChoicesStarted.into(),
                TicketDataAction::PlanChoicesFinished(Ok(PlanChoices {
                    plans: vec![fibra],
                    routing_points: Vec::new(),
                }))
                .into(),
            ],
        );
        assert_eq!(state.email_context(0, -180).plan, "FIBRA 500M");
    }
}
