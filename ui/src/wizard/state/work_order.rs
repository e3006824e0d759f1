//! "Ord. Serviço" in the wizard's reducer: the work order's form (kept in the draft), its
//! catalog of technicians, types and statuses, and the slot chosen on the agenda. No DOM
//! and no IPC.
use chrono::NaiveDate;
use helpdesk_api::{CommandError, CustomerRecord, Uuid};
use helpdesk_core::wizard::Step;
use helpdesk_core::work_order::{Slot, WorkOrderCatalog};
use helpdesk_core::work_order_form::{fields, format_duration, TimeField, WorkOrderForm};

use super::context::StepContext;
use crate::fetched::Fetched;

/// One change to the "Ord. Serviço" form.
#[derive(Debug, Clone, PartialEq)]
pub enum WorkOrderEdit {
    Technician(Uuid),
    Status(Uuid),
    Type(Uuid),
    Date(String),
    Time(TimeField, String),
    Address(String),
    Description(String),
    /// "Agendar mesmo assim": the clash the shell reported is accepted.
    AllowClash,
}

/// What the operator (or the shell's answer) does to the work order.
#[derive(Debug, Clone, PartialEq)]
pub enum WorkOrderAction {
    /// "Pedir OS" on the desktop's local date: the work order's form, new or as it was.
    Open(NaiveDate),
    CatalogStarted,
    CatalogFinished(Result<WorkOrderCatalog, CommandError>),
    Edit(WorkOrderEdit),
    /// A slot chosen on the agenda ("Agendar Ordem de Serviço"), at the desktop's UTC
    /// offset.
    Schedule(Slot, i32),
    /// "Remover O.S.": no work order is created; back to "Prim. Contato".
    Remove,
}

/// What "Ord. Serviço" shows besides the draft's form.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct WorkOrderState {
    /// Technicians, work-order types and statuses.
    pub catalog: Fetched<(), WorkOrderCatalog>,
}

impl WorkOrderState {
    /// Applies `action`; a new form starts at the address of `record` (the chosen
    /// customer's, once loaded).
    pub(super) fn apply(
        &mut self,
        action: WorkOrderAction,
        wizard: &mut StepContext,
        record: Option<&CustomerRecord>,
    ) {
        match action {
            WorkOrderAction::Open(today) => {
                let address = record.map(CustomerRecord::address).unwrap_or_default();
                wizard.edit(|draft| {
                    draft.open_optional(Step::WorkOrder);
                    if draft.work_order.is_none() {
                        draft.work_order = Some(WorkOrderForm::new(today, address));
                    }
                });
                self.default_status(wizard);
            }
            WorkOrderAction::CatalogStarted => self.catalog.start(()),
            WorkOrderAction::CatalogFinished(result) => {
                self.catalog.finish(&(), result);
                self.default_status(wizard);
            }
            WorkOrderAction::Edit(edit) => self.edit(edit, wizard),
            WorkOrderAction::Schedule(slot, offset) => {
                wizard.edit(|draft| {
                    if let Some(form) = &mut draft.work_order {
                        form.schedule(&slot, offset);
                    }
                });
                for field in SCHEDULED_FIELDS {
                    wizard.clear(field);
                }
            }
            WorkOrderAction::Remove => {
                wizard.edit(|draft| {
                    draft.work_order = None;
                    draft.back();
                });
                wizard.clear_step(Step::WorkOrder);
            }
        }
    }

    fn edit(&self, edit: WorkOrderEdit, wizard: &mut StepContext) {
        let touched = edit.touched();
        wizard.edit(|draft| {
            if let Some(form) = &mut draft.work_order {
                edit.apply(form, &self.catalog);
            }
        });
        for field in touched {
            wizard.clear(field);
        }
    }

    /// A new work order starts in the catalog's first status that is not final.
    fn default_status(&self, wizard: &mut StepContext) {
        let first = first_open_status(&self.catalog);
        let needed = wizard
            .draft()
            .work_order
            .as_ref()
            .is_some_and(|form| form.status_id.is_none());
        if let (Some(id), true) = (first, needed) {
            wizard.edit(|draft| {
                if let Some(form) = &mut draft.work_order {
                    form.status_id = Some(id);
                }
            });
        }
    }
}

/// The fields a slot chosen on the agenda sets: what was said about them no longer applies.
pub const SCHEDULED_FIELDS: [&str; 5] = [
    fields::TECHNICIAN,
    fields::DATE,
    fields::START,
    fields::END,
    fields::DURATION,
];

impl WorkOrderEdit {
    /// The fields whose messages no longer apply after this change: its own, and the times
    /// when it moves the slot.
    pub fn touched(&self) -> &'static [&'static str] {
        match self {
            Self::Technician(_) => &[
                fields::TECHNICIAN,
                fields::START,
                fields::END,
                fields::DURATION,
            ],
            Self::Status(_) => &[fields::STATUS],
            Self::Type(_) => &[fields::TYPE],
            Self::Date(_) => &[fields::DATE, fields::START, fields::END, fields::DURATION],
            Self::Time(..) => &[fields::START, fields::END, fields::DURATION],
            Self::Address(_) => &[fields::ADDRESS],
            Self::Description(_) => &[fields::DESCRIPTION],
            Self::AllowClash => &[fields::START],
        }
    }

    /// The change made to `form`. A type brings its usual length from `catalog` unless a
    /// duration was given; moving the slot (technician, date, times) checks it for clashes
    /// again.
    pub fn apply(self, form: &mut WorkOrderForm, catalog: &Fetched<(), WorkOrderCatalog>) {
        if matches!(self, Self::Technician(_) | Self::Date(_) | Self::Time(..)) {
            form.allow_clash = false;
        }
        match self {
            Self::Technician(id) => form.technician_id = Some(id),
            Self::Status(id) => form.status_id = Some(id),
            Self::Type(id) => {
                form.type_id = Some(id);
                if let (Some(minutes), true) =
                    (usual_minutes(catalog, Some(id)), form.duration.is_empty())
                {
                    form.edit_time(TimeField::Duration, format_duration(i64::from(minutes)));
                }
            }
            Self::Date(text) => form.date = text,
            Self::Time(field, text) => form.edit_time(field, text),
            Self::Address(text) => form.address = text,
            Self::Description(text) => form.description = text,
            Self::AllowClash => form.allow_clash = true,
        }
    }
}

/// The catalog's first status that is not final: where a new work order starts.
pub fn first_open_status(catalog: &Fetched<(), WorkOrderCatalog>) -> Option<Uuid> {
    catalog
        .value
        .as_ref()?
        .statuses
        .iter()
        .find(|status| !status.is_final)
        .map(|status| status.id)
}

/// The usual length of the work-order type `type_id` in the catalog, in minutes: what
/// "Duração" and a click on the agenda start with.
pub fn usual_minutes(
    catalog: &Fetched<(), WorkOrderCatalog>,
    type_id: Option<Uuid>,
) -> Option<u32> {
    let type_id = type_id?;
    catalog
        .value
        .as_ref()?
        .types
        .iter()
        .find(|kind| kind.id == type_id)
        .map(|kind| kind.default_minutes)
}

#[cfg(test)]
mod tests {
    use helpdesk_api::ErrorCode;

    use super::*;
    use crate::wizard::state::fixtures::{at_first_contact, run};
    use crate::wizard::state::WizardAction;

    fn catalog() -> WorkOrderCatalog {
        use helpdesk_core::work_order::{Technician, VisitKind, WorkOrderStatus, WorkOrderType};
        let status = |n: u128, name: &str, is_final| WorkOrderStatus {
            id: Uuid::from_u128(n),
            name: name.into(),
            color: "#8e24aa".into(),
            is_final,
            stage: if is_final {
                helpdesk_core::work_order_life::WorkOrderStage::Done
            } else {
                helpdesk_core::work_order_life::WorkOrderStage::Open
            },
        };
        WorkOrderCatalog {
            types: vec![WorkOrderType {
                id: Uuid::from_u128(60),
                name: "Reparo".into(),
                kind: VisitKind::WorkOrder,
                default_minutes: 90,
                color: "#1565c0".into(),
            }],
            statuses: vec![status(61, "Cancelada", true), status(62, "Agendada", false)],
            technicians: vec![Technician {
                id: Uuid::from_u128(63),
                name: "Bruno Alves".into(),
                team_id: Uuid::from_u128(64),
                team_name: "Equipe Norte".into(),
                user_id: None,
            }],
        }
    }

    fn edit(edit: WorkOrderEdit) -> WizardAction {
        WorkOrderAction::Edit(edit).into()
    }

    #[test]
    fn the_agenda_proposes_the_chosen_types_usual_length() {
        let mut loaded = Fetched::default();
        assert_eq!(usual_minutes(&loaded, Some(Uuid::from_u128(60))), None);
        loaded.start(());
        loaded.finish(&(), Ok(catalog()));
        assert_eq!(usual_minutes(&loaded, Some(Uuid::from_u128(60))), Some(90));
        assert_eq!(usual_minutes(&loaded, None), None, "no type chosen yet");
        assert_eq!(usual_minutes(&loaded, Some(Uuid::from_u128(99))), None);
    }

    #[test]
    fn a_work_order_takes_the_first_open_status_the_types_length_and_the_agendas_slot() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 28).expect("date");
        let state = run(
            at_first_contact(),
            [
                WorkOrderAction::Open(today).into(),
                WorkOrderAction::CatalogStarted.into(),
                WorkOrderAction::CatalogFinished(Ok(catalog())).into(),
                edit(WorkOrderEdit::Time(TimeField::Start, "14:00".into())),
                edit(WorkOrderEdit::Type(Uuid::from_u128(60))),
            ],
        );
        assert_eq!(state.current(), Step::WorkOrder);
        let form = state.draft.work_order.clone().expect("a work order");
        assert_eq!(form.date, "28/11/2026");
        assert_eq!(
            form.status_id,
            Some(Uuid::from_u128(62)),
            "not the final one"
        );
        assert_eq!(
            (form.duration.as_str(), form.end.as_str()),
            ("1:30", "15:30")
        );

        // A clash reported at the start; accepting it, then moving the slot, asks again.
        let clash = CommandError::at_field(fields::START, "O técnico já tem")
            .with_code(ErrorCode::Conflict);
        let state = run(
            state,
            [
                WizardAction::TicketSaveStarted,
                WizardAction::TicketSaveFinished(Err(clash)),
                edit(WorkOrderEdit::AllowClash),
            ],
        );
        assert!(state
            .draft
            .work_order
            .as_ref()
            .is_some_and(|f| f.allow_clash));
        let slot = Slot {
            technician_id: Uuid::from_u128(63),
            starts_at: 1_795_885_200_000,
            ends_at: 1_795_890_600_000,
        };
        let state = run(state, [WorkOrderAction::Schedule(slot, -180).into()]);
        let form = state.draft.work_order.clone().expect("a work order");
        assert!(!form.allow_clash, "another time is checked again");
        assert_eq!(
            (form.technician_id, form.start.as_str(), form.end.as_str()),
            (Some(Uuid::from_u128(63)), "14:00", "15:30")
        );
        assert!(state.advance_errors.is_empty());

        let state = run(state, [WorkOrderAction::Remove.into()]);
        assert_eq!(state.draft.work_order, None);
        assert_eq!(state.current(), Step::FirstContact);
    }
}
