//! The wizard's state and its reducer: the core's draft (what the operator chose or typed,
//! saved as they go) plus what is on screen for it (search results, loaded records). No DOM
//! and no IPC here, so it is tested natively.
use std::rc::Rc;

use helpdesk_api::{
    Assignee, CommandError, Contact, CustomerRecord, CustomerSearch, CustomerSummary,
    DraftAttachment, Protocol, PublishedScript, SavedTicket, ScriptSummary, ScriptVersionRef,
    TicketType, Uuid,
};
use helpdesk_core::attachment;
use helpdesk_core::customer::{SearchCondition, SearchField, SearchForm};
use helpdesk_core::email::EmailTemplate;
use helpdesk_core::script::ScriptRun;
use helpdesk_core::support::{MessageQuery, PeriodMode, SupportMessage};
use helpdesk_core::task::fields as task_fields;
use helpdesk_core::wizard::{fields, Origin, ScriptProgress, Step, WizardDraft};
use helpdesk_core::work_order::{Slot, WorkOrderCatalog};
use helpdesk_core::work_order_form::{fields as work_order_fields, TimeField, WorkOrderForm};

use chrono::NaiveDate;
use helpdesk_core::work_order_form::format_duration;
use yew::Reducible;

pub use crate::fetched::{Direction, Fetched};
pub use crate::wizard::email_state::EmailEdit;

/// One change to the "Localizar Cliente" form.
#[derive(Debug, Clone, PartialEq)]
pub enum SearchEdit {
    Text(String),
    Limit(String),
    Field(SearchField),
    Condition(SearchCondition),
}

/// One change to the "Filtros" form.
#[derive(Debug, Clone, PartialEq)]
pub enum FilterEdit {
    Mode(PeriodMode),
    Days(String),
    Start(String),
    End(String),
    Limit(String),
    Email(String),
}

/// One change to the "Tarefa" form.
#[derive(Debug, Clone, PartialEq)]
pub enum TaskEdit {
    Title(String),
    Description(String),
    /// One of the assignees listed, by its place in the list.
    Assignee(usize),
    Due(String),
}

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
    /// Why the last "Avançar" could not move on, each at its field.
    pub advance_errors: Vec<CommandError>,
    /// "Filtros": messages about the form's fields, before or instead of "Avançar".
    pub filter_errors: Vec<CommandError>,
    /// "E-mail Suporte Online" suggestions for what is typed.
    pub suggestions: Fetched<String, Vec<String>>,
    /// "Localizar Reg.".
    pub messages: Fetched<MessageQuery, Vec<SupportMessage>>,
    /// Why the "Localizar Cliente" form could not be sent, each at its field.
    pub search_errors: Vec<CommandError>,
    /// "Localizar Cliente".
    pub customers: Fetched<CustomerSearch, Vec<CustomerSummary>>,
    /// The customer's record for "Dados Cliente" and "Dados Atend.".
    pub record: Fetched<Uuid, CustomerRecord>,
    /// The scripts to choose from.
    pub scripts: Fetched<(), Vec<ScriptSummary>>,
    /// The published version of the script being run.
    pub script: Fetched<ScriptVersionRef, PublishedScript>,
    /// "Tipo de Atendimento" choices.
    pub ticket_types: Fetched<(), Vec<TicketType>>,
    /// Who a task can be given to.
    pub assignees: Fetched<(), Vec<Assignee>>,
    /// Technicians, work-order types and statuses.
    pub work_order_catalog: Fetched<(), WorkOrderCatalog>,
    /// "Pesquisar ou Criar": the file picker is open, or the picked file being stored.
    pub attaching: bool,
    /// Why the last file could not be attached.
    pub attach_error: Option<CommandError>,
    /// "Modelo de E-mail": the operator's templates.
    pub email_templates: Fetched<(), Vec<EmailTemplate>>,
    /// Why the last file could not be attached to the e-mail.
    pub email_attach_error: Option<CommandError>,
    /// The ticket is being saved.
    pub saving_ticket: bool,
    /// "Salvar atendimento" (`false`) or "Resolvido" (`true`) asked for while a draft save
    /// was on its way: the ticket is saved once none is.
    pub ticket_save_requested: Option<bool>,
    /// The ticket as saved; the wizard is done.
    pub saved_ticket: Option<SavedTicket>,
    /// Why the ticket could not be saved (the wizard stays as it was).
    pub ticket_error: Option<CommandError>,
}

/// What the operator (or the shell's answer) does to the wizard.
#[derive(Debug, Clone, PartialEq)]
pub enum WizardAction {
    /// "Avançar".
    Advance,
    /// "Voltar".
    Back,
    /// A click on a visited step in the side bar.
    GoTo(Step),
    ChooseOrigin(Origin),
    EditFilters(FilterEdit),
    SuggestionsStarted(String),
    SuggestionsFinished(String, Result<Vec<String>, CommandError>),
    MoveSuggestion(Direction),
    /// A suggestion taken (its index); `None` closes the list.
    TakeSuggestion(Option<usize>),
    MessagesStarted(MessageQuery),
    MessagesFinished(MessageQuery, Result<Vec<SupportMessage>, CommandError>),
    SelectMessage(usize),
    MoveMessage(Direction),
    EditSearch(SearchEdit),
    /// The form broke the core's rules; the search was not sent.
    SearchRejected(Vec<CommandError>),
    /// A search sent to the shell (the form shows it).
    SearchStarted(CustomerSearch),
    SearchFinished {
        search: CustomerSearch,
        result: Result<Vec<CustomerSummary>, CommandError>,
        /// Choose the customer when exactly one row answers.
        preselect: bool,
    },
    SelectCustomer(usize),
    MoveCustomer(Direction),
    RecordStarted(Uuid),
    RecordFinished(Uuid, Box<Result<CustomerRecord, CommandError>>),
    ContactAdded(Contact),
    ChoosePlan(Uuid),
    EditProblem(String),
    /// The protocol number the shell gave the ticket, or why it could not.
    ProtocolReserved(Result<Protocol, CommandError>),
    ScriptsStarted,
    ScriptsFinished(Result<Vec<ScriptSummary>, CommandError>),
    ScriptStarted(ScriptVersionRef),
    /// A script's version loaded; `start` runs it from its first question.
    ScriptFinished {
        version: ScriptVersionRef,
        result: Box<Result<PublishedScript, CommandError>>,
        start: bool,
    },
    /// "Próximo" or "Anterior" in the script.
    ScriptRunChanged(ScriptRun),
    /// "Encerrar Script": ends it and shows its report.
    EndScript,
    /// "Pular script".
    SkipScript,
    /// Back to choosing a script ("Trocar script", "Executar um script").
    ChooseAnotherScript,
    TicketTypesStarted,
    TicketTypesFinished(Result<Vec<TicketType>, CommandError>),
    /// "Prim. Contato": the description typed.
    EditFirstContact(String),
    /// "Tipo de Atendimento": a type from the list, by id.
    ChooseTicketType(Uuid),
    /// An optional step asked for from "Prim. Contato".
    OpenStep(Step),
    /// The file picker opened.
    AttachStarted,
    /// The picked file stored, the picker closed (`None`), or why the file was refused.
    AttachFinished(Result<Option<DraftAttachment>, CommandError>),
    /// "Observações" of the attachment at this place.
    EditAttachmentNotes(usize, String),
    RemoveAttachment(usize),
    AssigneesStarted,
    AssigneesFinished(Result<Vec<Assignee>, CommandError>),
    EditTask(TaskEdit),
    /// "Remover tarefa": no task is created; back to "Prim. Contato".
    RemoveTask,
    /// "Pedir OS" on the desktop's local date: the work order's form, new or as it was.
    OpenWorkOrder(NaiveDate),
    WorkOrderCatalogStarted,
    WorkOrderCatalogFinished(Result<WorkOrderCatalog, CommandError>),
    EditWorkOrder(WorkOrderEdit),
    /// A slot chosen on the agenda ("Agendar Ordem de Serviço"), at the desktop's UTC
    /// offset.
    ScheduleWorkOrder(Slot, i32),
    /// "Remover O.S.": no work order is created; back to "Prim. Contato".
    RemoveWorkOrder,
    EmailTemplatesStarted,
    EmailTemplatesFinished(Result<Vec<EmailTemplate>, CommandError>),
    EditEmail(EmailEdit),
    /// "Anexar E-mail" → "Anexar": the file picker opened for the e-mail.
    EmailAttachStarted,
    /// The picked file stored, the picker closed (`None`), or why the file was refused.
    EmailAttachFinished(Result<Option<DraftAttachment>, CommandError>),
    /// "Remover e-mail": no e-mail is sent; back to "Prim. Contato".
    RemoveEmail,
    /// "Pré-visualizar" answered: what still stops the e-mail, each at its field (replacing
    /// what was said at the e-mail's fields before).
    EmailChecked(Vec<CommandError>),
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
}

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
        let run = match &self.draft.script {
            ScriptProgress::Running(run) | ScriptProgress::Ended(run) => run,
            _ => return None,
        };
        self.script
            .value
            .clone()
            .filter(|script| script.id == run.script_id && script.version == run.version)
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
        let chosen = self.draft.customer.as_ref()?.id;
        self.record
            .value
            .clone()
            .filter(|record| record.id == chosen)
    }

    /// Changes the draft and marks it for saving.
    pub(super) fn edit(&mut self, change: impl FnOnce(&mut WizardDraft)) {
        change(&mut self.draft);
        self.draft.revision += 1;
    }

    fn advance(&mut self) {
        let mut draft = self.draft.clone();
        match draft.advance() {
            Ok(_) => {
                self.advance_errors.clear();
                self.filter_errors.clear();
                self.edit(|current| *current = draft);
            }
            Err(errors) => {
                let errors: Vec<CommandError> = errors.into_iter().map(Into::into).collect();
                if self.current() == Step::Filters {
                    self.filter_errors = errors;
                } else {
                    self.advance_errors = errors;
                }
            }
        }
    }

    /// A stored file joins the attachments, unless the same content is attached already.
    fn attach(&mut self, file: DraftAttachment) {
        let same = self
            .draft
            .attachments
            .iter()
            .find(|attached| attached.content_hash == file.content_hash);
        if let Some(same) = same {
            self.attach_error = Some(CommandError::at_field(
                attachment::FIELD,
                format!("Este arquivo já está anexado, como \"{}\".", same.file_name),
            ));
        } else {
            self.edit(|draft| draft.attachments.push(file));
        }
    }

    fn edit_task(&mut self, edit: TaskEdit) {
        let assignee = match &edit {
            TaskEdit::Assignee(index) => match self.assignees.row(*index) {
                Some(assignee) => Some(assignee.clone()),
                None => return,
            },
            _ => None,
        };
        let field = match edit {
            TaskEdit::Title(_) => task_fields::TITLE,
            TaskEdit::Description(_) => task_fields::DESCRIPTION,
            TaskEdit::Assignee(_) => task_fields::ASSIGNEE,
            TaskEdit::Due(_) => task_fields::DUE,
        };
        self.edit(|draft| {
            let task = draft.task.get_or_insert_with(Default::default);
            match edit {
                TaskEdit::Title(text) => task.title = text,
                TaskEdit::Description(text) => task.description = text,
                TaskEdit::Assignee(_) => task.assignee = assignee,
                TaskEdit::Due(text) => task.due = text,
            }
        });
        clear_field(&mut self.advance_errors, field);
    }

    fn edit_work_order(&mut self, edit: WorkOrderEdit) {
        let default_minutes = match &edit {
            WorkOrderEdit::Type(id) => self
                .work_order_catalog
                .value
                .as_ref()
                .and_then(|catalog| catalog.types.iter().find(|kind| kind.id == *id))
                .map(|kind| kind.default_minutes),
            _ => None,
        };
        let field = match &edit {
            WorkOrderEdit::Technician(_) => work_order_fields::TECHNICIAN,
            WorkOrderEdit::Status(_) => work_order_fields::STATUS,
            WorkOrderEdit::Type(_) => work_order_fields::TYPE,
            WorkOrderEdit::Date(_) => work_order_fields::DATE,
            WorkOrderEdit::Time(TimeField::Start, _) => work_order_fields::START,
            WorkOrderEdit::Time(TimeField::End, _) => work_order_fields::END,
            WorkOrderEdit::Time(TimeField::Duration, _) => work_order_fields::DURATION,
            WorkOrderEdit::Address(_) => work_order_fields::ADDRESS,
            WorkOrderEdit::Description(_) => work_order_fields::DESCRIPTION,
            WorkOrderEdit::AllowClash => work_order_fields::START,
        };
        let moves_the_slot = matches!(
            edit,
            WorkOrderEdit::Technician(_) | WorkOrderEdit::Date(_) | WorkOrderEdit::Time(..)
        );
        self.edit(|draft| {
            let Some(form) = &mut draft.work_order else {
                return;
            };
            match edit {
                WorkOrderEdit::Technician(id) => form.technician_id = Some(id),
                WorkOrderEdit::Status(id) => form.status_id = Some(id),
                WorkOrderEdit::Type(id) => {
                    form.type_id = Some(id);
                    // The type's usual length, unless the operator gave one.
                    if let (Some(minutes), true) = (default_minutes, form.duration.is_empty()) {
                        form.edit_time(TimeField::Duration, format_duration(i64::from(minutes)));
                    }
                }
                WorkOrderEdit::Date(text) => form.date = text,
                WorkOrderEdit::Time(field, text) => form.edit_time(field, text),
                WorkOrderEdit::Address(text) => form.address = text,
                WorkOrderEdit::Description(text) => form.description = text,
                WorkOrderEdit::AllowClash => form.allow_clash = true,
            }
            if moves_the_slot {
                form.allow_clash = false;
            }
        });
        clear_field(&mut self.advance_errors, field);
        if moves_the_slot {
            // What was said about the time no longer applies to another time.
            for field in [
                work_order_fields::START,
                work_order_fields::END,
                work_order_fields::DURATION,
            ] {
                clear_field(&mut self.advance_errors, field);
            }
        }
    }

    /// A new work order starts in the catalog's first status that is not final.
    fn default_work_order_status(&mut self) {
        let first = self.work_order_catalog.value.as_ref().and_then(|catalog| {
            catalog
                .statuses
                .iter()
                .find(|status| !status.is_final)
                .map(|status| status.id)
        });
        let needed = self
            .draft
            .work_order
            .as_ref()
            .is_some_and(|form| form.status_id.is_none());
        if let (Some(id), true) = (first, needed) {
            self.edit(|draft| {
                if let Some(form) = &mut draft.work_order {
                    form.status_id = Some(id);
                }
            });
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
                self.edit(|current| *current = draft);
            }
        }
        self.advance_errors = errors;
    }

    fn edit_filters(&mut self, edit: FilterEdit) {
        use helpdesk_core::support::fields;
        let field = match edit {
            FilterEdit::Mode(mode) => {
                self.edit(|draft| draft.filters.mode = mode);
                self.filter_errors.retain(|error| {
                    !matches!(
                        error.field.as_deref(),
                        Some(fields::DAYS | fields::START | fields::END)
                    )
                });
                return;
            }
            FilterEdit::Days(days) => {
                self.edit(|draft| draft.filters.days = days);
                fields::DAYS
            }
            FilterEdit::Start(start) => {
                self.edit(|draft| draft.filters.start = start);
                fields::START
            }
            FilterEdit::End(end) => {
                self.edit(|draft| draft.filters.end = end);
                fields::END
            }
            FilterEdit::Limit(limit) => {
                self.edit(|draft| draft.filters.limit = limit);
                fields::LIMIT
            }
            FilterEdit::Email(email) => {
                self.edit(|draft| draft.filters.email = email);
                fields::EMAIL
            }
        };
        clear_field(&mut self.filter_errors, field);
    }

    fn take_suggestion(&mut self, index: Option<usize>) {
        if let Some(email) = index.and_then(|index| self.suggestions.row(index)).cloned() {
            self.edit(|draft| draft.filters.email = email);
            clear_field(
                &mut self.filter_errors,
                helpdesk_core::support::fields::EMAIL,
            );
        }
        self.suggestions = Fetched::default();
    }

    fn edit_search(&mut self, edit: SearchEdit) {
        let field = match edit {
            SearchEdit::Text(text) => {
                self.edit(|draft| draft.search.text = text);
                "text"
            }
            SearchEdit::Limit(limit) => {
                self.edit(|draft| draft.search.limit = limit);
                "limit"
            }
            SearchEdit::Field(field) => {
                self.edit(|draft| draft.search.field = field);
                "text"
            }
            SearchEdit::Condition(condition) => {
                self.edit(|draft| draft.search.condition = condition);
                return;
            }
        };
        clear_field(&mut self.search_errors, field);
    }

    fn finish_search(
        &mut self,
        search: &CustomerSearch,
        result: Result<Vec<CustomerSummary>, CommandError>,
        preselect: bool,
    ) {
        if !self.customers.finish(search, result) {
            return;
        }
        let rows = self.customers.value.clone().unwrap_or_default();
        if preselect && rows.len() == 1 {
            self.select_customer(0);
        }
        // The chosen customer stays chosen; the cursor follows it if it is listed.
        let chosen = self.draft.customer.as_ref().map(|customer| customer.id);
        self.customers.highlighted = rows.iter().position(|row| Some(row.id) == chosen);
    }

    fn select_message(&mut self, index: usize) {
        if let Some(message) = self.messages.row(index).cloned() {
            self.messages.highlighted = Some(index);
            self.edit(|draft| draft.choose_message(message));
            clear_field(
                &mut self.advance_errors,
                helpdesk_core::wizard::fields::MESSAGE,
            );
        }
    }

    fn select_customer(&mut self, index: usize) {
        if let Some(customer) = self.customers.row(index).cloned() {
            self.customers.highlighted = Some(index);
            self.edit(|draft| draft.choose_customer(customer));
            clear_field(
                &mut self.advance_errors,
                helpdesk_core::wizard::fields::CUSTOMER,
            );
        }
    }

    fn add_contact(&mut self, contact: Contact) {
        if let Some(record) = &mut self.record.value {
            Rc::make_mut(record).contacts.push(contact);
        }
    }

    fn apply(&mut self, action: WizardAction) {
        use helpdesk_core::wizard::fields;
        match action {
            WizardAction::Advance => self.advance(),
            WizardAction::Back => {
                self.edit(WizardDraft::back);
                self.advance_errors.clear();
            }
            WizardAction::GoTo(step) => {
                self.edit(|draft| draft.go_to(step));
                self.advance_errors.clear();
            }
            WizardAction::ChooseOrigin(origin) => {
                self.edit(|draft| draft.choose_origin(origin));
                clear_field(&mut self.advance_errors, fields::ORIGIN);
            }
            WizardAction::EditFilters(edit) => self.edit_filters(edit),
            WizardAction::SuggestionsStarted(prefix) => self.suggestions.start(prefix),
            WizardAction::SuggestionsFinished(prefix, result) => {
                self.suggestions.finish(&prefix, result);
            }
            WizardAction::MoveSuggestion(direction) => self.suggestions.move_highlight(direction),
            WizardAction::TakeSuggestion(index) => self.take_suggestion(index),
            WizardAction::MessagesStarted(query) => self.messages.start(query),
            WizardAction::MessagesFinished(query, result) => {
                if self.messages.finish(&query, result) {
                    let chosen = self.draft.message.as_ref().map(|message| message.id);
                    self.messages.highlighted = self
                        .messages
                        .value
                        .as_ref()
                        .and_then(|rows| rows.iter().position(|row| Some(row.id) == chosen));
                }
            }
            WizardAction::SelectMessage(index) => self.select_message(index),
            WizardAction::MoveMessage(direction) => {
                self.messages.move_highlight(direction);
                if let Some(index) = self.messages.highlighted {
                    self.select_message(index);
                }
            }
            WizardAction::EditSearch(edit) => self.edit_search(edit),
            WizardAction::SearchRejected(errors) => self.search_errors = errors,
            WizardAction::SearchStarted(search) => {
                let form = SearchForm::of(&search);
                if form != self.draft.search {
                    self.edit(|draft| draft.search = form);
                }
                self.customers.start(search);
                self.search_errors.clear();
            }
            WizardAction::SearchFinished {
                search,
                result,
                preselect,
            } => self.finish_search(&search, result, preselect),
            WizardAction::SelectCustomer(index) => self.select_customer(index),
            WizardAction::MoveCustomer(direction) => self.customers.move_highlight(direction),
            WizardAction::RecordStarted(id) => self.record.start(id),
            WizardAction::RecordFinished(id, result) => {
                self.record.finish(&id, *result);
            }
            WizardAction::ContactAdded(contact) => self.add_contact(contact),
            WizardAction::ChoosePlan(plan) => {
                self.edit(|draft| draft.plan = Some(plan));
                clear_field(&mut self.advance_errors, fields::PLAN);
            }
            WizardAction::EditProblem(problem) => {
                self.edit(|draft| draft.problem = problem);
                clear_field(&mut self.advance_errors, fields::PROBLEM);
            }
            WizardAction::ProtocolReserved(Ok(protocol)) => {
                if self.draft.protocol.is_none() {
                    self.edit(|draft| draft.protocol = Some(protocol));
                }
                self.protocol_error = None;
            }
            WizardAction::ProtocolReserved(Err(error)) => self.protocol_error = Some(error),
            WizardAction::ScriptsStarted => self.scripts.start(()),
            WizardAction::ScriptsFinished(result) => {
                self.scripts.finish(&(), result);
            }
            WizardAction::ScriptStarted(version) => self.script.start(version),
            WizardAction::ScriptFinished {
                version,
                result,
                start,
            } => {
                if self.script.finish(&version, *result) && start {
                    if let Some(script) = self.script.value.clone() {
                        let run = ScriptRun::new(script.id, script.name.clone(), script.version);
                        self.edit(|draft| draft.set_script(ScriptProgress::Running(run)));
                        clear_field(&mut self.advance_errors, fields::SCRIPT);
                    }
                }
            }
            WizardAction::ScriptRunChanged(run) => {
                self.edit(|draft| draft.set_script(ScriptProgress::Running(run)));
            }
            WizardAction::EndScript => {
                if let ScriptProgress::Running(run) | ScriptProgress::Ended(run) =
                    &self.draft.script
                {
                    let run = run.clone();
                    self.edit(|draft| draft.set_script(ScriptProgress::Ended(run)));
                    self.advance();
                }
            }
            WizardAction::SkipScript => {
                self.edit(|draft| draft.set_script(ScriptProgress::Skipped));
                clear_field(&mut self.advance_errors, fields::SCRIPT);
            }
            WizardAction::ChooseAnotherScript => {
                self.edit(|draft| draft.set_script(ScriptProgress::NotStarted));
            }
            WizardAction::TicketTypesStarted => self.ticket_types.start(()),
            WizardAction::TicketTypesFinished(result) => {
                self.ticket_types.finish(&(), result);
            }
            WizardAction::EditFirstContact(text) => {
                self.edit(|draft| draft.first_contact = text);
                clear_field(&mut self.advance_errors, fields::FIRST_CONTACT);
            }
            WizardAction::ChooseTicketType(id) => {
                let chosen = self
                    .ticket_types
                    .value
                    .as_ref()
                    .and_then(|types| types.iter().find(|kind| kind.id == id))
                    .cloned();
                if let Some(kind) = chosen {
                    self.edit(|draft| draft.ticket_type = Some(kind));
                    clear_field(&mut self.advance_errors, fields::TICKET_TYPE);
                }
            }
            WizardAction::OpenStep(step) => {
                self.edit(|draft| {
                    draft.open_optional(step);
                    if step == Step::Task && draft.task.is_none() {
                        draft.task = Some(Default::default());
                    }
                    if step == Step::SendEmail && draft.email.is_none() {
                        draft.email = Some(Default::default());
                    }
                });
            }
            WizardAction::AttachStarted => {
                self.attaching = true;
                self.attach_error = None;
            }
            WizardAction::AttachFinished(result) => {
                self.attaching = false;
                match result {
                    Ok(Some(file)) => self.attach(file),
                    Ok(None) => {}
                    Err(error) => self.attach_error = Some(error),
                }
            }
            WizardAction::EditAttachmentNotes(index, text) => {
                if index < self.draft.attachments.len() {
                    self.edit(|draft| draft.attachments[index].notes = text);
                    clear_field(&mut self.advance_errors, &attachment::notes_field(index));
                }
            }
            WizardAction::RemoveAttachment(index) => {
                if index < self.draft.attachments.len() {
                    self.edit(|draft| {
                        draft.attachments.remove(index);
                    });
                    // Places after it moved: what was said at them no longer fits.
                    self.advance_errors.retain(|error| {
                        !error
                            .field
                            .as_deref()
                            .is_some_and(|f| f.starts_with("anexo"))
                    });
                    self.attach_error = None;
                }
            }
            WizardAction::AssigneesStarted => self.assignees.start(()),
            WizardAction::AssigneesFinished(result) => {
                self.assignees.finish(&(), result);
            }
            WizardAction::EditTask(edit) => self.edit_task(edit),
            WizardAction::RemoveTask => {
                self.edit(|draft| {
                    draft.task = None;
                    draft.back();
                });
                self.advance_errors.retain(|error| {
                    error.field.as_deref().and_then(fields::step_of) != Some(Step::Task)
                });
            }
            WizardAction::OpenWorkOrder(today) => {
                let address = self
                    .record()
                    .map(|record| record.address())
                    .unwrap_or_default();
                self.edit(|draft| {
                    draft.open_optional(Step::WorkOrder);
                    if draft.work_order.is_none() {
                        draft.work_order = Some(WorkOrderForm::new(today, address));
                    }
                });
                self.default_work_order_status();
            }
            WizardAction::WorkOrderCatalogStarted => self.work_order_catalog.start(()),
            WizardAction::WorkOrderCatalogFinished(result) => {
                self.work_order_catalog.finish(&(), result);
                self.default_work_order_status();
            }
            WizardAction::EditWorkOrder(edit) => self.edit_work_order(edit),
            WizardAction::ScheduleWorkOrder(slot, offset) => {
                self.edit(|draft| {
                    if let Some(form) = &mut draft.work_order {
                        form.schedule(&slot, offset);
                    }
                });
                for field in [
                    work_order_fields::TECHNICIAN,
                    work_order_fields::DATE,
                    work_order_fields::START,
                    work_order_fields::END,
                    work_order_fields::DURATION,
                ] {
                    clear_field(&mut self.advance_errors, field);
                }
            }
            WizardAction::RemoveWorkOrder => {
                self.edit(|draft| {
                    draft.work_order = None;
                    draft.back();
                });
                self.advance_errors.retain(|error| {
                    error.field.as_deref().and_then(fields::step_of) != Some(Step::WorkOrder)
                });
            }
            WizardAction::EmailTemplatesStarted => self.email_templates.start(()),
            WizardAction::EmailTemplatesFinished(result) => {
                self.email_templates.finish(&(), result);
            }
            WizardAction::EditEmail(edit) => self.edit_email(edit),
            WizardAction::EmailAttachStarted => {
                self.attaching = true;
                self.email_attach_error = None;
            }
            WizardAction::EmailAttachFinished(result) => self.email_attached(result),
            WizardAction::EmailChecked(problems) => {
                self.advance_errors.retain(|error| {
                    error.field.as_deref().and_then(fields::step_of) != Some(Step::SendEmail)
                });
                self.advance_errors.extend(problems);
            }
            WizardAction::RemoveEmail => {
                self.edit(|draft| {
                    draft.email = None;
                    draft.back();
                });
                self.advance_errors.retain(|error| {
                    error.field.as_deref().and_then(fields::step_of) != Some(Step::SendEmail)
                });
            }
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

/// Drops what was said about `field`: it no longer applies to what is now in it.
pub(super) fn clear_field(errors: &mut Vec<CommandError>, field: &str) {
    errors.retain(|error| error.field.as_deref() != Some(field));
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
pub(super) mod tests {
    use helpdesk_api::ErrorCode;
    use helpdesk_core::support::{fields as filter_fields, MessagePeriod};
    use helpdesk_core::task::TaskForm;
    use helpdesk_core::wizard::fields;

    use super::*;

    pub(in crate::wizard) fn run(
        state: WizardState,
        actions: impl IntoIterator<Item = WizardAction>,
    ) -> WizardState {
        let state = actions
            .into_iter()
            .fold(Rc::new(state), |state, action| state.reduce(action));
        Rc::unwrap_or_clone(state)
    }

    fn customer(n: u128, name: &str) -> CustomerSummary {
        CustomerSummary {
            id: Uuid::from_u128(n),
            code: n.to_string(),
            name: name.into(),
            document: String::new(),
            logins: Vec::new(),
            emails: Vec::new(),
            phones: Vec::new(),
            city: String::new(),
        }
    }

    fn message(n: u128) -> SupportMessage {
        SupportMessage {
            id: Uuid::from_u128(n),
            email: "maria@example.com".into(),
            subject: format!("Assunto {n}"),
            login: "maria".into(),
            body: format!("Relato {n}"),
            received_at: 0,
        }
    }

    fn search(text: &str) -> CustomerSearch {
        CustomerSearch {
            text: text.into(),
            field: SearchField::Name,
            condition: SearchCondition::StartsWith,
            limit: 50,
        }
    }

    fn query() -> MessageQuery {
        MessageQuery {
            email: "maria@example.com".into(),
            period: MessagePeriod::LastDays(30),
            limit: 50,
        }
    }

    fn with_customers() -> WizardState {
        run(
            WizardState::default(),
            [
                WizardAction::ChooseOrigin(Origin::Phone),
                WizardAction::Advance,
                WizardAction::SearchStarted(search("ana")),
                WizardAction::SearchFinished {
                    search: search("ana"),
                    result: Ok(vec![
                        customer(1, "Ana"),
                        customer(2, "Bruno"),
                        customer(3, "Carla"),
                    ]),
                    preselect: false,
                },
            ],
        )
    }

    fn fields_of(errors: &[CommandError]) -> Vec<&str> {
        errors.iter().filter_map(|e| e.field.as_deref()).collect()
    }

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
        let state = run(with_customers(), [WizardAction::SelectCustomer(1)]);
        let restored = WizardState::from_draft(state.draft.clone(), 5_000);
        assert!(restored.is_saved());
        assert_eq!(restored.current(), Step::FindCustomer);
        assert_eq!(
            restored.draft.customer.as_ref().map(|c| c.name.as_str()),
            Some("Bruno")
        );
        assert_eq!(restored.customers.value, None, "fetched again by the step");
    }

    #[test]
    fn filter_errors_stay_at_their_fields_until_edited() {
        let state = run(
            WizardState::default(),
            [
                WizardAction::ChooseOrigin(Origin::Support),
                WizardAction::Advance,
                WizardAction::EditFilters(FilterEdit::Days("0".into())),
                WizardAction::Advance,
            ],
        );
        assert_eq!(state.current(), Step::Filters);
        assert_eq!(
            fields_of(&state.filter_errors),
            [filter_fields::DAYS, filter_fields::EMAIL]
        );
        let state = run(
            state,
            [WizardAction::EditFilters(FilterEdit::Mode(
                PeriodMode::DateRange,
            ))],
        );
        assert_eq!(fields_of(&state.filter_errors), [filter_fields::EMAIL]);
        assert_eq!(state.draft.filters.days, "0", "what was typed is kept");
    }

    #[test]
    fn suggestions_are_taken_with_the_keyboard_and_late_ones_ignored() {
        let state = run(
            WizardState::default(),
            [
                WizardAction::EditFilters(FilterEdit::Email("ma".into())),
                WizardAction::SuggestionsStarted("ma".into()),
                WizardAction::EditFilters(FilterEdit::Email("mar".into())),
                WizardAction::SuggestionsStarted("mar".into()),
                WizardAction::SuggestionsFinished(
                    "mar".into(),
                    Ok(vec!["maria@a.com".into(), "mario@b.com".into()]),
                ),
                WizardAction::SuggestionsFinished("ma".into(), Ok(vec!["old@x.com".into()])),
                WizardAction::MoveSuggestion(Direction::Down),
                WizardAction::MoveSuggestion(Direction::Down),
            ],
        );
        assert_eq!(
            state.suggestions.value.as_ref().map(|rows| rows.len()),
            Some(2)
        );
        let highlighted = state.suggestions.highlighted;
        assert_eq!(highlighted, Some(1));
        let state = run(state, [WizardAction::TakeSuggestion(highlighted)]);
        assert_eq!(state.draft.filters.email, "mario@b.com");
        assert_eq!(state.suggestions.value, None);
    }

    #[test]
    fn moving_in_the_messages_chooses_them_and_fills_the_problem() {
        let state = run(
            WizardState::default(),
            [
                WizardAction::MessagesStarted(query()),
                WizardAction::MessagesFinished(query(), Ok(vec![message(1), message(2)])),
                WizardAction::MoveMessage(Direction::Down),
                WizardAction::MoveMessage(Direction::Down),
            ],
        );
        assert_eq!(
            state.draft.message.as_ref().map(|m| m.id),
            Some(Uuid::from_u128(2))
        );
        assert_eq!(state.draft.problem, "Relato 2");
        let state = run(
            state,
            [
                WizardAction::MessagesStarted(query()),
                WizardAction::MessagesFinished(query(), Ok(vec![message(3), message(2)])),
            ],
        );
        assert_eq!(
            state.messages.highlighted,
            Some(1),
            "the choice is found again"
        );
    }

    #[test]
    fn the_message_customer_is_chosen_when_only_one_matches() {
        let login = CustomerSearch {
            text: "maria".into(),
            field: SearchField::Login,
            condition: SearchCondition::Equals,
            limit: 50,
        };
        let state = run(
            WizardState::default(),
            [
                WizardAction::SearchStarted(login.clone()),
                WizardAction::SearchFinished {
                    search: login.clone(),
                    result: Ok(vec![customer(7, "Maria")]),
                    preselect: true,
                },
            ],
        );
        assert_eq!(
            state.draft.customer.as_ref().map(|c| c.code.as_str()),
            Some("7")
        );
        assert_eq!(
            state.draft.search.field,
            SearchField::Login,
            "the form shows the search"
        );
        assert_eq!(state.customers.highlighted, Some(0));

        let state = run(
            WizardState::default(),
            [
                WizardAction::SearchStarted(login.clone()),
                WizardAction::SearchFinished {
                    search: login,
                    result: Ok(vec![customer(7, "Maria"), customer(8, "Maria B")]),
                    preselect: true,
                },
            ],
        );
        assert_eq!(state.draft.customer, None);
    }

    #[test]
    fn a_customer_is_required_and_chosen_with_arrows_and_enter() {
        let state = run(with_customers(), [WizardAction::Advance]);
        assert_eq!(fields_of(&state.advance_errors), [fields::CUSTOMER]);
        let state = run(
            state,
            [
                WizardAction::MoveCustomer(Direction::Down),
                WizardAction::MoveCustomer(Direction::Down),
                WizardAction::SelectCustomer(1),
            ],
        );
        assert!(state.advance_errors.is_empty());
        assert_eq!(
            state.draft.customer.as_ref().map(|c| c.name.as_str()),
            Some("Bruno")
        );
        let state = run(state, [WizardAction::Advance]);
        assert_eq!(state.current(), Step::CustomerData);
    }

    #[test]
    fn the_record_is_the_chosen_customers_and_takes_new_contacts() {
        let state = run(with_customers(), [WizardAction::SelectCustomer(0)]);
        let id = Uuid::from_u128(1);
        let record = CustomerRecord {
            id,
            code: "1".into(),
            name: "Ana".into(),
            document: String::new(),
            street: String::new(),
            number: String::new(),
            district: String::new(),
            city: String::new(),
            state: String::new(),
            postal_code: String::new(),
            created_at: 0,
            emails: Vec::new(),
            phones: Vec::new(),
            contacts: Vec::new(),
            plans: Vec::new(),
        };
        let contact = Contact {
            id: Uuid::from_u128(50),
            name: "José".into(),
            phone: "(11) 3333-4444".into(),
            email: String::new(),
            relation: "Cônjuge".into(),
        };
        let state = run(
            state,
            [
                WizardAction::RecordStarted(id),
                WizardAction::RecordFinished(id, Box::new(Ok(record))),
                WizardAction::ContactAdded(contact.clone()),
            ],
        );
        assert_eq!(
            state.record().map(|r| r.contacts.clone()),
            Some(vec![contact])
        );
        let state = run(state, [WizardAction::SelectCustomer(1)]);
        assert_eq!(
            state.record(),
            None,
            "another customer's record is not shown"
        );
    }

    #[test]
    fn a_failed_search_drops_the_rows_and_keeps_the_choice() {
        let state = run(
            with_customers(),
            [
                WizardAction::SelectCustomer(0),
                WizardAction::SearchStarted(search("b")),
                WizardAction::SearchFinished {
                    search: search("b"),
                    result: Err(CommandError::internal()),
                    preselect: false,
                },
            ],
        );
        assert!(!state.customers.loading);
        assert_eq!(state.customers.error, Some(CommandError::internal()));
        assert_eq!(state.customers.value, None);
        assert_eq!(
            state.draft.customer.as_ref().map(|c| c.name.as_str()),
            Some("Ana")
        );
    }

    #[test]
    fn the_ticket_data_needs_a_plan_and_a_problem() {
        let state = run(
            with_customers(),
            [
                WizardAction::SelectCustomer(0),
                WizardAction::Advance,
                WizardAction::Advance,
                WizardAction::Advance,
            ],
        );
        assert_eq!(state.current(), Step::TicketData);
        assert_eq!(
            fields_of(&state.advance_errors),
            [fields::PLAN, fields::PROBLEM]
        );
        let state = run(
            state,
            [
                WizardAction::ChoosePlan(Uuid::from_u128(9)),
                WizardAction::EditProblem("<script>alert(1)</script>".into()),
            ],
        );
        assert!(state.advance_errors.is_empty());
        let state = run(state, [WizardAction::Back, WizardAction::Back]);
        assert_eq!(state.draft.problem, "<script>alert(1)</script>");
        let state = run(
            state,
            [WizardAction::GoTo(Step::TicketData), WizardAction::Advance],
        );
        assert_eq!(state.current(), Step::Script);
    }

    fn published() -> PublishedScript {
        use helpdesk_core::script::{Outcome, ScriptDefinition, ScriptNode, ScriptOption};
        PublishedScript {
            id: Uuid::from_u128(70),
            name: "Sem conexão".into(),
            keywords: "internet".into(),
            version: 2,
            published_at: 0,
            definition: ScriptDefinition {
                start: "luzes".into(),
                nodes: vec![ScriptNode {
                    id: "luzes".into(),
                    question: "Como estão as luzes?".into(),
                    options: vec![ScriptOption {
                        label: "Normais".into(),
                        outcome: Some(Outcome::Resolved),
                        ..ScriptOption::default()
                    }],
                    ..ScriptNode::default()
                }],
            },
        }
    }

    #[test]
    fn a_script_is_loaded_run_ended_and_reported() {
        let state = run(
            with_customers(),
            [
                WizardAction::SelectCustomer(0),
                WizardAction::Advance,
                WizardAction::Advance,
                WizardAction::ChoosePlan(Uuid::from_u128(9)),
                WizardAction::EditProblem("Sem internet".into()),
                WizardAction::Advance,
                WizardAction::Advance,
            ],
        );
        assert_eq!(state.current(), Step::Script);
        assert_eq!(fields_of(&state.advance_errors), [fields::SCRIPT]);

        let version = ScriptVersionRef {
            script_id: Uuid::from_u128(70),
            version: None,
        };
        let state = run(
            state,
            [
                WizardAction::ScriptStarted(version),
                WizardAction::ScriptFinished {
                    version,
                    result: Box::new(Ok(published())),
                    start: true,
                },
            ],
        );
        assert!(state.advance_errors.is_empty());
        let ScriptProgress::Running(script_run) = &state.draft.script else {
            unreachable!("the script runs: {:?}", state.draft.script);
        };
        assert_eq!(script_run.version, 2);
        assert!(state.script_definition().is_some());

        let mut answered = script_run.clone();
        assert!(answered.answer(&published().definition, 0, 5));
        let state = run(
            state,
            [
                WizardAction::ScriptRunChanged(answered),
                WizardAction::EndScript,
            ],
        );
        assert_eq!(
            state.current(),
            Step::ScriptReport,
            "ending shows the report"
        );
        let ScriptProgress::Ended(ended) = &state.draft.script else {
            unreachable!("the script ended: {:?}", state.draft.script);
        };
        assert_eq!(ended.report().len(), 1);

        let state = run(
            state,
            [
                WizardAction::GoTo(Step::Script),
                WizardAction::SkipScript,
                WizardAction::Advance,
            ],
        );
        assert_eq!(state.current(), Step::FirstContact);
        assert!(!state.draft.visited().contains(&Step::ScriptReport));
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
    fn the_ticket_type_is_chosen_from_the_list() {
        let kind = TicketType {
            id: Uuid::from_u128(30),
            name: "Sem conexão".into(),
            assignee: None,
            sla_hours: 24,
        };
        let state = run(
            WizardState::default(),
            [
                WizardAction::ChooseTicketType(kind.id),
                WizardAction::TicketTypesStarted,
                WizardAction::TicketTypesFinished(Ok(vec![kind.clone()])),
                WizardAction::EditFirstContact("Reiniciou a ONU.".into()),
            ],
        );
        assert_eq!(
            state.draft.ticket_type, None,
            "not before the list is there"
        );
        let state = run(state, [WizardAction::ChooseTicketType(kind.id)]);
        assert_eq!(state.draft.ticket_type, Some(kind));
        assert_eq!(state.draft.first_contact, "Reiniciou a ONU.");
    }

    /// A phone call walked to "Prim. Contato" with the script skipped.
    pub(in crate::wizard) fn at_first_contact() -> WizardState {
        run(
            with_customers(),
            [
                WizardAction::SelectCustomer(0),
                WizardAction::Advance,
                WizardAction::Advance,
                WizardAction::ChoosePlan(Uuid::from_u128(9)),
                WizardAction::EditProblem("Sem internet".into()),
                WizardAction::Advance,
                WizardAction::SkipScript,
                WizardAction::Advance,
            ],
        )
    }

    pub(in crate::wizard) fn file(hash: char, name: &str) -> DraftAttachment {
        DraftAttachment {
            content_hash: hash.to_string().repeat(64),
            file_name: name.into(),
            size_bytes: 10,
            notes: String::new(),
        }
    }

    #[test]
    fn files_are_attached_once_with_their_notes_and_removed() {
        let state = run(
            at_first_contact(),
            [
                WizardAction::OpenStep(Step::Attachment),
                WizardAction::AttachStarted,
            ],
        );
        assert_eq!(state.current(), Step::Attachment);
        assert!(state.attaching);
        let state = run(
            state,
            [
                WizardAction::AttachFinished(Ok(Some(file('a', "foto.jpg")))),
                WizardAction::AttachStarted,
                WizardAction::AttachFinished(Ok(Some(file('a', "copia.jpg")))),
            ],
        );
        assert_eq!(state.draft.attachments.len(), 1);
        assert!(state
            .attach_error
            .as_ref()
            .is_some_and(|error| error.message.contains("\"foto.jpg\"")));
        let refused = CommandError::at_field(attachment::FIELD, "O arquivo tem 30,0 MB");
        let state = run(
            state,
            [
                WizardAction::AttachStarted,
                WizardAction::AttachFinished(Err(refused.clone())),
            ],
        );
        assert_eq!(state.attach_error, Some(refused), "said at the field");
        assert!(!state.attaching);
        let state = run(
            state,
            [
                WizardAction::AttachStarted,
                WizardAction::AttachFinished(Ok(None)),
                WizardAction::AttachStarted,
                WizardAction::AttachFinished(Ok(Some(file('b', "laudo.pdf")))),
                WizardAction::EditAttachmentNotes(1, "Laudo".into()),
                WizardAction::EditAttachmentNotes(7, "nowhere".into()),
                WizardAction::RemoveAttachment(0),
                WizardAction::Back,
            ],
        );
        assert_eq!(
            state.draft.attachments,
            [DraftAttachment {
                notes: "Laudo".into(),
                ..file('b', "laudo.pdf")
            }]
        );
        assert_eq!(state.current(), Step::FirstContact);
    }

    #[test]
    fn a_task_is_filled_in_checked_on_its_step_and_removable() {
        let role = Assignee::Role {
            id: Uuid::from_u128(40),
            name: "Técnico".into(),
        };
        let state = run(
            at_first_contact(),
            [
                WizardAction::EditFirstContact("Reiniciou a ONU.".into()),
                WizardAction::OpenStep(Step::Task),
                WizardAction::AssigneesStarted,
                WizardAction::AssigneesFinished(Ok(vec![role.clone()])),
                WizardAction::EditTask(TaskEdit::Title("Retornar".into())),
                WizardAction::EditTask(TaskEdit::Assignee(3)),
                WizardAction::EditTask(TaskEdit::Assignee(0)),
                WizardAction::EditTask(TaskEdit::Due("31/02/2026".into())),
                WizardAction::GoTo(Step::FirstContact),
            ],
        );
        let task = state.draft.task.clone().expect("a task");
        assert_eq!(task.title, "Retornar");
        assert_eq!(task.assignee, Some(role));

        // Saving refused because of the task: the wizard goes to the task, errors in place.
        let due = CommandError::at_field(task_fields::DUE, "Esta data não existe no calendário.");
        let state = run(state, [WizardAction::SaveRejected(vec![due.clone()])]);
        assert_eq!(state.current(), Step::Task);
        assert_eq!(state.advance_errors, [due]);
        let state = run(
            state,
            [WizardAction::EditTask(TaskEdit::Due("30/11/2026".into()))],
        );
        assert!(state.advance_errors.is_empty(), "the field was edited");

        let state = run(state, [WizardAction::RemoveTask]);
        assert_eq!(state.draft.task, None);
        assert_eq!(state.current(), Step::FirstContact);
        let state = run(state, [WizardAction::OpenStep(Step::Task)]);
        assert_eq!(
            state.draft.task,
            Some(TaskForm::default()),
            "opened anew, empty"
        );
    }

    fn catalog() -> WorkOrderCatalog {
        use helpdesk_core::work_order::{Technician, VisitKind, WorkOrderStatus, WorkOrderType};
        let status = |n: u128, name: &str, is_final| WorkOrderStatus {
            id: Uuid::from_u128(n),
            name: name.into(),
            color: "#8e24aa".into(),
            is_final,
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

    #[test]
    fn a_work_order_takes_the_first_open_status_the_types_length_and_the_agendas_slot() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 28).expect("date");
        let state = run(
            at_first_contact(),
            [
                WizardAction::OpenWorkOrder(today),
                WizardAction::WorkOrderCatalogStarted,
                WizardAction::WorkOrderCatalogFinished(Ok(catalog())),
                WizardAction::EditWorkOrder(WorkOrderEdit::Time(TimeField::Start, "14:00".into())),
                WizardAction::EditWorkOrder(WorkOrderEdit::Type(Uuid::from_u128(60))),
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
        let clash = CommandError::at_field(work_order_fields::START, "O técnico já tem")
            .with_code(ErrorCode::Conflict);
        let state = run(
            state,
            [
                WizardAction::TicketSaveStarted,
                WizardAction::TicketSaveFinished(Err(clash)),
                WizardAction::EditWorkOrder(WorkOrderEdit::AllowClash),
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
        let state = run(state, [WizardAction::ScheduleWorkOrder(slot, -180)]);
        let form = state.draft.work_order.clone().expect("a work order");
        assert!(!form.allow_clash, "another time is checked again");
        assert_eq!(
            (form.technician_id, form.start.as_str(), form.end.as_str()),
            (Some(Uuid::from_u128(63)), "14:00", "15:30")
        );
        assert!(state.advance_errors.is_empty());

        let state = run(state, [WizardAction::RemoveWorkOrder]);
        assert_eq!(state.draft.work_order, None);
        assert_eq!(state.current(), Step::FirstContact);
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
