//! The wizard's state and its reducer: the core's draft (what the operator chose or typed,
//! saved as they go) plus what is on screen for it (search results, loaded records). No DOM
//! and no IPC here, so it is tested natively.
//!
//! Each step's own state and actions live in a module of their own (`filters`, `task`, …),
//! whose reducer gets the step's state and a [`StepContext`] (the draft, the messages at the
//! fields, the file picker). This module keeps what crosses steps: moving between them, the
//! protocol number, the draft's saves and the ticket's save.
mod attachment;
mod context;
mod customer_data;
mod email;
mod filters;
mod find_customer;
mod find_message;
mod first_contact;
mod recipients;
mod script;
mod task;
mod ticket_data;
mod work_order;

#[cfg(test)]
pub(super) mod fixtures;

use std::rc::Rc;

use helpdesk_api::{CommandError, CustomerRecord, Protocol, PublishedScript, SavedTicket};
use helpdesk_core::wizard::{fields, Origin, ScriptProgress, Step, WizardDraft};
use yew::Reducible;

pub use attachment::{AttachmentAction, AttachmentState};
pub use context::StepContext;
pub use customer_data::{CustomerDataAction, CustomerDataState};
pub use email::{EmailAction, EmailEdit, EmailState};
pub use filters::{FilterEdit, FiltersAction, FiltersState};
pub use find_customer::{search_fields, FindCustomerAction, FindCustomerState, SearchEdit};
pub use find_message::{FindMessageAction, FindMessageState};
pub use first_contact::{FirstContactAction, FirstContactState};
pub use recipients::{listed_addresses, ListedAddress};
pub use script::{topic, ScriptAction, ScriptState};
pub use task::{TaskAction, TaskEdit, TaskState};
pub use ticket_data::{TicketDataAction, TicketDataState};
pub use work_order::{
    first_open_status, usual_minutes, WorkOrderAction, WorkOrderEdit, WorkOrderState,
    SCHEDULED_FIELDS,
};

/// Everything the wizard knows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct WizardState {
    /// What the operator chose and typed, and where they are.
    pub draft: WizardDraft,
    /// The revision of the draft the shell last confirmed saving, and when.
    pub saved: Option<(u64, i64)>,
    /// Why the last save failed (the wizard keeps going; the next change tries again).
    pub save_error: Option<CommandError>,
    /// Saves sent to the shell and not answered yet.
    pub saves_in_flight: usize,
    /// Why no protocol number could be given.
    pub protocol_error: Option<CommandError>,
    /// Why the last "Avançar" (or the ticket's save) could not go on, each at its field.
    pub advance_errors: Vec<CommandError>,
    /// The system's file picker is open, or the picked file being stored (for "Anexo" or
    /// for the e-mail).
    pub attaching: bool,
    /// The ticket is being saved.
    pub saving_ticket: bool,
    /// "Salvar atendimento" (`false`) or "Resolvido" (`true`) asked for while a draft save
    /// was on its way: the ticket is saved once none is.
    pub ticket_save_requested: Option<bool>,
    /// The ticket as saved; the wizard is done.
    pub saved_ticket: Option<SavedTicket>,
    /// Why the ticket could not be saved (the wizard stays as it was).
    pub ticket_error: Option<CommandError>,
    /// "Filtros".
    pub filters: FiltersState,
    /// "Localizar Reg.".
    pub find_message: FindMessageState,
    /// "Localizar Cliente".
    pub find_customer: FindCustomerState,
    /// "Dados Cliente": the customer's record, read by later steps too.
    pub customer_data: CustomerDataState,
    /// "Dados Atend.": the plans on offer for a new plan.
    pub ticket_data: TicketDataState,
    /// "Script".
    pub script: ScriptState,
    /// "Prim. Contato".
    pub first_contact: FirstContactState,
    /// "Anexo".
    pub attachment: AttachmentState,
    /// "Tarefa".
    pub task: TaskState,
    /// "Ord. Serviço".
    pub work_order: WorkOrderState,
    /// "Enviar E-mail".
    pub email: EmailState,
}

/// What the operator (or the shell's answer) does to the wizard: a step's own action, or one
/// that crosses steps.
#[derive(Debug, Clone, PartialEq)]
pub enum WizardAction {
    /// "Avançar".
    Advance,
    /// "Voltar".
    Back,
    /// A click on a visited step in the side bar.
    GoTo(Step),
    /// "Origem": it decides the steps that follow.
    ChooseOrigin(Origin),
    /// An optional step asked for from "Prim. Contato" (a task or an e-mail starts empty).
    OpenStep(Step),
    /// "Encerrar Script": ends the script and moves on to its report.
    EndScript,
    /// The protocol number the shell gave the ticket, or why it could not.
    ProtocolReserved(Result<Protocol, CommandError>),
    /// The ticket cannot be saved as it is: each reason at its field, on its step.
    SaveRejected(Vec<CommandError>),
    /// The ticket's save waits for the draft saves on their way (resolved or not).
    TicketSaveRequested(bool),
    TicketSaveStarted,
    TicketSaveFinished(Result<SavedTicket, CommandError>),
    /// A save of the draft sent to the shell.
    SaveStarted,
    /// The shell saved the draft of this revision at this time.
    Saved(u64, i64),
    SaveFailed(CommandError),
    Filters(FiltersAction),
    FindMessage(FindMessageAction),
    FindCustomer(FindCustomerAction),
    CustomerData(CustomerDataAction),
    TicketData(TicketDataAction),
    Script(ScriptAction),
    FirstContact(FirstContactAction),
    Attachment(AttachmentAction),
    Task(TaskAction),
    WorkOrder(WorkOrderAction),
    /// "Enviar E-mail" (`Step::SendEmail`).
    Email(EmailAction),
}

/// `From` each step's action, so a step's callback dispatches it as the wizard's.
macro_rules! step_actions {
    ($($variant:ident($action:ty)),* $(,)?) => {$(
        impl From<$action> for WizardAction {
            fn from(action: $action) -> Self {
                WizardAction::$variant(action)
            }
        }
    )*};
}

step_actions!(
    Filters(FiltersAction),
    FindMessage(FindMessageAction),
    FindCustomer(FindCustomerAction),
    CustomerData(CustomerDataAction),
    TicketData(TicketDataAction),
    Script(ScriptAction),
    FirstContact(FirstContactAction),
    Attachment(AttachmentAction),
    Task(TaskAction),
    WorkOrder(WorkOrderAction),
    Email(EmailAction),
);

impl WizardState {
    /// The wizard continuing a draft left from before (already saved as it is).
    pub fn from_draft(draft: WizardDraft, saved_at: i64) -> Self {
        let draft = draft.restored();
        Self {
            saved: Some((draft.revision, saved_at)),
            draft,
            ..Self::default()
        }
    }

    /// The step on screen.
    pub fn current(&self) -> Step {
        self.draft.current()
    }

    /// Whether the step is built in this version (the others only say they are not).
    pub fn is_available(step: Step) -> bool {
        matches!(
            step,
            Step::Origin
                | Step::Filters
                | Step::FindMessage
                | Step::FindCustomer
                | Step::CustomerData
                | Step::TicketData
                | Step::Script
                | Step::ScriptReport
                | Step::FirstContact
                | Step::Attachment
                | Step::Task
                | Step::WorkOrder
                | Step::SendEmail
        )
    }

    /// The script's definition, if the one loaded is the version being run.
    pub fn script_definition(&self) -> Option<Rc<PublishedScript>> {
        self.script.definition(&self.draft.script)
    }

    /// Whether the ticket is being saved, or will be once the draft saves on their way are.
    pub fn ticket_save_pending(&self) -> bool {
        self.saving_ticket || self.ticket_save_requested.is_some()
    }

    /// Whether the shell holds every change made so far (a wizard nothing was done in yet
    /// has nothing to save, and a saved ticket has no draft left).
    pub fn is_saved(&self) -> bool {
        self.draft.revision == 0
            || self.saved_ticket.is_some()
            || self
                .saved
                .is_some_and(|(revision, _)| revision >= self.draft.revision)
    }

    /// The customer's record, if the one loaded is the chosen customer's.
    pub fn record(&self) -> Option<Rc<CustomerRecord>> {
        self.customer_data.chosen(&self.draft)
    }

    /// The shared ground, lent to a cross-step change.
    fn context(&mut self) -> StepContext<'_> {
        StepContext::new(
            &mut self.draft,
            &mut self.advance_errors,
            &mut self.attaching,
        )
    }

    fn advance(&mut self) {
        let mut draft = self.draft.clone();
        match draft.advance() {
            Ok(_) => {
                self.advance_errors.clear();
                self.filters.errors.clear();
                self.context().edit(|current| *current = draft);
            }
            Err(errors) => {
                let errors: Vec<CommandError> = errors.into_iter().map(Into::into).collect();
                // "Filtros" keeps its messages apart: they stay when moving between steps.
                if self.current() == Step::Filters {
                    self.filters.errors = errors;
                } else {
                    self.advance_errors = errors;
                }
            }
        }
    }

    /// Shows why the ticket cannot be saved, on the step of the first reason.
    fn show_errors(&mut self, errors: Vec<CommandError>) {
        let step = errors
            .iter()
            .find_map(|error| error.field.as_deref().and_then(fields::step_of));
        if let Some(step) = step {
            let mut draft = self.draft.clone();
            if step.is_optional() {
                draft.open_optional(step);
            } else {
                draft.go_to(step);
            }
            if draft != self.draft {
                self.context().edit(|current| *current = draft);
            }
        }
        self.advance_errors = errors;
    }

    fn end_script(&mut self) {
        if let ScriptProgress::Running(run) | ScriptProgress::Ended(run) = &self.draft.script {
            let run = run.clone();
            self.context()
                .edit(|draft| draft.set_script(ScriptProgress::Ended(run)));
            self.advance();
        }
    }

    fn apply(&mut self, action: WizardAction) {
        // Lent to the step the action is for; the cross-step arms below do not use it.
        let mut wizard = StepContext::new(
            &mut self.draft,
            &mut self.advance_errors,
            &mut self.attaching,
        );
        match action {
            WizardAction::Filters(action) => self.filters.apply(action, &mut wizard),
            WizardAction::FindMessage(action) => self.find_message.apply(action, &mut wizard),
            WizardAction::FindCustomer(action) => self.find_customer.apply(action, &mut wizard),
            WizardAction::CustomerData(action) => self.customer_data.apply(action),
            WizardAction::TicketData(action) => self.ticket_data.apply(action, &mut wizard),
            WizardAction::Script(action) => self.script.apply(action, &mut wizard),
            WizardAction::FirstContact(action) => self.first_contact.apply(action, &mut wizard),
            WizardAction::Attachment(action) => self.attachment.apply(action, &mut wizard),
            WizardAction::Task(action) => self.task.apply(action, &mut wizard),
            WizardAction::WorkOrder(action) => {
                let record = self.customer_data.chosen(wizard.draft());
                self.work_order
                    .apply(action, &mut wizard, record.as_deref());
            }
            WizardAction::Email(action) => {
                let record = self.customer_data.chosen(wizard.draft());
                self.email.apply(action, &mut wizard, record.as_deref());
            }
            WizardAction::Advance => self.advance(),
            WizardAction::Back => {
                self.context().edit(WizardDraft::back);
                self.advance_errors.clear();
            }
            WizardAction::GoTo(step) => {
                self.context().edit(|draft| draft.go_to(step));
                self.advance_errors.clear();
            }
            WizardAction::ChooseOrigin(origin) => {
                let mut wizard = self.context();
                wizard.edit(|draft| draft.choose_origin(origin));
                wizard.clear(fields::ORIGIN);
            }
            WizardAction::OpenStep(step) => {
                self.context().edit(|draft| {
                    draft.open_optional(step);
                    if step == Step::Task && draft.task.is_none() {
                        draft.task = Some(Default::default());
                    }
                    if step == Step::SendEmail && draft.email.is_none() {
                        draft.email = Some(draft.new_email());
                    }
                });
            }
            WizardAction::EndScript => self.end_script(),
            WizardAction::ProtocolReserved(Ok(protocol)) => {
                if self.draft.protocol.is_none() {
                    self.context().edit(|draft| draft.protocol = Some(protocol));
                }
                self.protocol_error = None;
            }
            WizardAction::ProtocolReserved(Err(error)) => self.protocol_error = Some(error),
            WizardAction::SaveRejected(errors) => {
                self.ticket_save_requested = None;
                self.show_errors(errors);
            }
            WizardAction::TicketSaveRequested(resolved) => {
                self.ticket_save_requested = Some(resolved);
                self.ticket_error = None;
            }
            WizardAction::TicketSaveStarted => {
                self.ticket_save_requested = None;
                self.saving_ticket = true;
                self.ticket_error = None;
            }
            WizardAction::TicketSaveFinished(Ok(saved)) => {
                self.saving_ticket = false;
                self.saved_ticket = Some(saved);
            }
            WizardAction::TicketSaveFinished(Err(error)) => {
                self.saving_ticket = false;
                if error.field.is_some() {
                    self.show_errors(vec![error.clone()]);
                }
                self.ticket_error = Some(error);
            }
            WizardAction::SaveStarted => self.saves_in_flight += 1,
            WizardAction::Saved(revision, saved_at) => {
                self.saves_in_flight = self.saves_in_flight.saturating_sub(1);
                if self.saved.is_none_or(|(saved, _)| revision >= saved) {
                    self.saved = Some((revision, saved_at));
                    self.save_error = None;
                }
            }
            WizardAction::SaveFailed(error) => {
                self.saves_in_flight = self.saves_in_flight.saturating_sub(1);
                self.save_error = Some(error);
            }
        }
    }
}

impl Reducible for WizardState {
    type Action = WizardAction;

    fn reduce(self: Rc<Self>, action: Self::Action) -> Rc<Self> {
        let mut state = Rc::unwrap_or_clone(self);
        state.apply(action);
        Rc::new(state)
    }
}

#[cfg(test)]
mod tests {
    use super::fixtures::{at_first_contact, run, with_customers};
    use super::*;

    #[test]
    fn every_change_raises_the_revision_and_waits_for_its_save() {
        let state = WizardState::default();
        assert!(state.is_saved(), "nothing to save yet");
        let state = run(state, [WizardAction::ChooseOrigin(Origin::Support)]);
        assert_eq!(state.draft.revision, 1);
        assert!(!state.is_saved());
        let state = run(
            state,
            [WizardAction::Advance, WizardAction::Saved(1, 1_000)],
        );
        assert!(!state.is_saved(), "revision 2 is not saved yet");
        let state = run(
            state,
            [WizardAction::Saved(2, 2_000), WizardAction::Saved(1, 1_500)],
        );
        assert!(state.is_saved());
        assert_eq!(state.saved, Some((2, 2_000)), "a late answer is ignored");
    }

    #[test]
    fn a_restored_draft_is_already_saved_and_where_it_was() {
        let state = run(with_customers(), [FindCustomerAction::Select(1).into()]);
        let restored = WizardState::from_draft(state.draft.clone(), 5_000);
        assert!(restored.is_saved());
        assert_eq!(restored.current(), Step::FindCustomer);
        assert_eq!(
            restored.draft.customer.as_ref().map(|c| c.name.as_str()),
            Some("Bruno")
        );
        assert_eq!(
            restored.find_customer.customers.value, None,
            "fetched again by the step"
        );
    }

    #[test]
    fn the_protocol_is_given_once_and_kept() {
        let protocol = |sequence: u32| -> Protocol {
            format!("261128001{sequence:05}")
                .parse()
                .expect("a protocol")
        };
        let state = run(
            WizardState::default(),
            [
                WizardAction::ProtocolReserved(Err(CommandError::internal())),
                WizardAction::ProtocolReserved(Ok(protocol(7))),
                WizardAction::ProtocolReserved(Ok(protocol(8))),
            ],
        );
        assert_eq!(state.draft.protocol, Some(protocol(7)));
        assert_eq!(state.protocol_error, None);
        assert!(!state.is_saved(), "the number is saved with the draft");
    }

    #[test]
    fn a_ticket_save_asked_for_during_a_draft_save_waits_and_is_not_lost() {
        let state = run(at_first_contact(), [WizardAction::SaveStarted]);
        assert!(!state.ticket_save_pending());

        let state = run(state, [WizardAction::TicketSaveRequested(true)]);
        assert!(state.ticket_save_pending(), "the button says it is saving");
        assert_eq!(
            state.ticket_save_requested,
            Some(true),
            "resolved, as asked"
        );

        let revision = state.draft.revision;
        let state = run(state, [WizardAction::Saved(revision, 1_000)]);
        assert_eq!(state.saves_in_flight, 0);
        assert_eq!(
            state.ticket_save_requested,
            Some(true),
            "still asked for once the draft is saved"
        );

        let started = run(state.clone(), [WizardAction::TicketSaveStarted]);
        assert_eq!(started.ticket_save_requested, None);
        assert!(started.saving_ticket && started.ticket_save_pending());

        let rejected = run(
            state,
            [WizardAction::SaveRejected(vec![CommandError::at_field(
                "tarefa-prazo",
                "Esta data não existe no calendário.",
            )])],
        );
        assert!(
            !rejected.ticket_save_pending(),
            "the operator may try again"
        );
    }
}
