//! The wizard's draft: everything the operator chose or typed, where they are, and the rules
//! of moving between steps. It is saved as the operator goes, so it must hold only data.
use serde::{Deserialize, Serialize};
use specta::Type;
use uuid::Uuid;

use super::{Origin, Step};
use crate::attachment::DraftAttachment;
use crate::customer::{
    CustomerSearch, CustomerSummary, SearchCondition, SearchField, SearchForm, DEFAULT_LIMIT,
};
use crate::email::EmailDraft;
use crate::form::{required_text, FieldError, FieldErrors};
use crate::protocol::Protocol;
use crate::script::ScriptRun;
use crate::support::{FilterForm, SupportMessage};
use crate::task::TaskForm;
use crate::ticket_type::TicketType;
use crate::work_order_form::WorkOrderForm;

/// The longest "Problema descrito pelo cliente".
pub const MAX_PROBLEM_CHARS: usize = 4000;

/// Field names of the messages "Avançar" shows, shared with the UI.
pub mod fields {
    use super::Step;
    use crate::{attachment, task};

    pub const ORIGIN: &str = "origem";
    pub const MESSAGE: &str = "mensagem";
    pub const CUSTOMER: &str = "cliente";
    pub const PLAN: &str = "plano";
    pub const PROBLEM: &str = "problema";
    pub const SCRIPT: &str = "script";
    pub const FIRST_CONTACT: &str = "primeiro-contato";
    pub const TICKET_TYPE: &str = "tipo-atendimento";

    /// The step whose screen shows `field`, to take the operator there when the ticket
    /// cannot be saved because of it.
    pub fn step_of(field: &str) -> Option<Step> {
        Some(match field {
            ORIGIN => Step::Origin,
            MESSAGE => Step::FindMessage,
            CUSTOMER => Step::FindCustomer,
            PLAN | PROBLEM => Step::TicketData,
            SCRIPT => Step::Script,
            FIRST_CONTACT | TICKET_TYPE => Step::FirstContact,
            task::fields::TITLE
            | task::fields::DESCRIPTION
            | task::fields::ASSIGNEE
            | task::fields::DUE => Step::Task,
            _ if field == attachment::FIELD || field.starts_with("anexo-") => Step::Attachment,
            _ if field.starts_with("os-") => Step::WorkOrder,
            _ if field.starts_with("email-") => Step::SendEmail,
            _ => return None,
        })
    }
}

/// Where the ticket's "Script de Atendimento" stands.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
pub enum ScriptProgress {
    /// No script chosen yet.
    #[default]
    NotStarted,
    /// Being run with the customer.
    Running(ScriptRun),
    /// Ended with "Encerrar Script": its report goes with the ticket.
    Ended(ScriptRun),
    /// The operator chose not to run a script.
    Skipped,
}

/// A ticket being opened in the wizard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct WizardDraft {
    /// The ticket's protocol number, given when the wizard starts.
    #[serde(default)]
    pub protocol: Option<Protocol>,
    /// Raised on every change, so an older save never overwrites a newer one.
    #[specta(type = f64)]
    pub revision: u64,
    /// The steps reached, in order. Going back keeps the later ones, so the operator can
    /// jump forward again, until a choice changes the route.
    path: Vec<Step>,
    /// Where in `path` the operator is.
    #[specta(type = f64)]
    at: usize,
    /// "Origem".
    pub origin: Option<Origin>,
    /// "Filtros".
    pub filters: FilterForm,
    /// The message chosen in "Localizar Reg.".
    pub message: Option<SupportMessage>,
    /// The "Localizar Cliente" form.
    pub search: SearchForm,
    /// The customer chosen in "Localizar Cliente".
    pub customer: Option<CustomerSummary>,
    /// The contracted plan chosen in "Dados Atend." (its contract's id).
    pub plan: Option<Uuid>,
    /// "Problema descrito pelo cliente".
    pub problem: String,
    /// "Script de Atendimento".
    #[serde(default)]
    pub script: ScriptProgress,
    /// "Prim. Contato": what was checked and how it stands.
    #[serde(default)]
    pub first_contact: String,
    /// "Tipo de Atendimento" chosen in "Prim. Contato".
    #[serde(default)]
    pub ticket_type: Option<TicketType>,
    /// "Anexo": the files attached, in the order they were.
    #[serde(default)]
    pub attachments: Vec<DraftAttachment>,
    /// "Tarefa", once the operator opened it (`None` creates no task).
    #[serde(default)]
    pub task: Option<TaskForm>,
    /// "Ord. Serviço", once the operator asked for one ("Pedir OS").
    #[serde(default)]
    pub work_order: Option<WorkOrderForm>,
    /// "Enviar E-mail", once the operator opened it.
    #[serde(default)]
    pub email: Option<EmailDraft>,
}

/// A draft as it was saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct SavedDraft {
    pub draft: WizardDraft,
    /// When it was saved, Unix ms UTC.
    #[specta(type = f64)]
    pub saved_at: i64,
}

impl Default for WizardDraft {
    fn default() -> Self {
        Self {
            protocol: None,
            revision: 0,
            path: vec![Step::Origin],
            at: 0,
            origin: None,
            filters: FilterForm::default(),
            message: None,
            search: SearchForm::default(),
            customer: None,
            plan: None,
            problem: String::new(),
            script: ScriptProgress::NotStarted,
            first_contact: String::new(),
            ticket_type: None,
            attachments: Vec::new(),
            task: None,
            work_order: None,
            email: None,
        }
    }
}

impl WizardDraft {
    /// The step on screen.
    pub fn current(&self) -> Step {
        self.path.get(self.at).copied().unwrap_or(Step::Origin)
    }

    /// The steps reached so far (the current one included), which the side bar lets the
    /// operator jump to.
    pub fn visited(&self) -> &[Step] {
        &self.path
    }

    /// Whether "Voltar" has somewhere to go.
    pub fn can_go_back(&self) -> bool {
        self.at > 0
    }

    /// A draft read back from storage, with a route that holds together (a draft written by
    /// another version, or edited by hand, starts over at "Origem" rather than break).
    pub fn restored(self) -> Self {
        let route_holds = !self.path.is_empty()
            && self.at < self.path.len()
            && self.path[0] == Step::Origin
            && self
                .path
                .windows(2)
                .all(|pair| self.leads_to(pair[0], pair[1]));
        if route_holds {
            self
        } else {
            Self {
                path: vec![Step::Origin],
                at: 0,
                ..self
            }
        }
    }

    /// "Avançar": moves on when the current step has what it needs, else says what is
    /// missing, at each field. An empty list means the step leads nowhere yet.
    pub fn advance(&mut self) -> Result<Step, Vec<FieldError>> {
        let current = self.current();
        self.requirements(current)?;
        let next = self.next_of(current).ok_or_else(Vec::new)?;
        if self.path.get(self.at + 1) != Some(&next) {
            self.path.truncate(self.at + 1);
            self.path.push(next);
        }
        self.at += 1;
        Ok(next)
    }

    /// "Voltar": from an optional step, back to "Prim. Contato" where it was asked for.
    pub fn back(&mut self) {
        if self.current().is_optional() {
            if let Some(index) = self.path.iter().position(|s| *s == Step::FirstContact) {
                self.at = index;
                return;
            }
        }
        self.at = self.at.saturating_sub(1);
    }

    /// One of the optional steps, asked for from "Prim. Contato" (or another optional
    /// step): it joins the route after them, once, and the operator is taken there. Ignored
    /// before "Prim. Contato" is reached.
    pub fn open_optional(&mut self, step: Step) {
        if !step.is_optional() || !self.path.contains(&Step::FirstContact) {
            return;
        }
        if !self.path.contains(&step) {
            self.path.push(step);
        }
        self.go_to(step);
    }

    /// A click on a visited step in the side bar; steps not reached are ignored.
    pub fn go_to(&mut self, step: Step) {
        if let Some(index) = self.path.iter().position(|visited| *visited == step) {
            self.at = index;
        }
    }

    /// "Origem".
    pub fn choose_origin(&mut self, origin: Origin) {
        self.origin = Some(origin);
        self.reroute();
    }

    /// A message chosen in "Localizar Reg.". The problem is taken from it unless the
    /// operator has written one of their own.
    pub fn choose_message(&mut self, message: SupportMessage) {
        let problem_is_from_message = self.problem.trim().is_empty()
            || self
                .message
                .as_ref()
                .is_some_and(|previous| previous.body == self.problem);
        if problem_is_from_message {
            self.problem = message.body.clone();
        }
        self.message = Some(message);
    }

    /// The customer chosen in "Localizar Cliente"; another customer's plan no longer applies.
    pub fn choose_customer(&mut self, customer: CustomerSummary) {
        if self.customer.as_ref().map(|c| c.id) != Some(customer.id) {
            self.plan = None;
        }
        self.customer = Some(customer);
    }

    /// The searches that find the customer who sent the chosen message: by its login, then
    /// by its sender's address, each matching exactly.
    pub fn searches_for_message(&self) -> Vec<CustomerSearch> {
        let Some(message) = &self.message else {
            return Vec::new();
        };
        [
            (SearchField::Login, message.login.trim()),
            (SearchField::Email, message.email.trim()),
        ]
        .into_iter()
        .filter(|(_, text)| !text.is_empty())
        .map(|(field, text)| CustomerSearch {
            text: text.to_owned(),
            field,
            condition: SearchCondition::Equals,
            limit: DEFAULT_LIMIT,
        })
        .filter(|search| search.validate().is_ok())
        .collect()
    }

    /// What `step` needs before "Avançar", at each field.
    pub fn requirements(&self, step: Step) -> Result<(), Vec<FieldError>> {
        let missing = |field: &str, message: &str| Err(vec![FieldError::new(field, message)]);
        match step {
            Step::Origin if self.origin.is_none() => {
                missing(fields::ORIGIN, "Escolha a origem do atendimento.")
            }
            Step::Filters => self.filters.validate().map(|_| ()),
            Step::FindMessage if self.message.is_none() => {
                missing(fields::MESSAGE, "Selecione uma mensagem para avançar.")
            }
            Step::FindCustomer if self.customer.is_none() => {
                missing(fields::CUSTOMER, "Selecione um cliente para avançar.")
            }
            Step::Script
                if matches!(
                    self.script,
                    ScriptProgress::NotStarted | ScriptProgress::Running(_)
                ) =>
            {
                missing(fields::SCRIPT, "Encerre o script ou pule-o para avançar.")
            }
            Step::FirstContact => {
                let mut errors = FieldErrors::default();
                required_text(
                    &mut errors,
                    fields::FIRST_CONTACT,
                    "a descrição do primeiro contato",
                    &self.first_contact,
                    MAX_PROBLEM_CHARS,
                );
                match &self.ticket_type {
                    None => errors.add(fields::TICKET_TYPE, "Escolha o tipo de atendimento."),
                    Some(kind) if !kind.is_assignable() => errors.add(
                        fields::TICKET_TYPE,
                        "Este tipo é destinado a um usuário removido: escolha outro tipo.",
                    ),
                    Some(_) => {}
                }
                errors.into_result(|| ())
            }
            Step::TicketData => {
                let mut errors = FieldErrors::default();
                if self.plan.is_none() {
                    errors.add(fields::PLAN, "Escolha o plano do atendimento.");
                }
                required_text(
                    &mut errors,
                    fields::PROBLEM,
                    "o problema descrito pelo cliente",
                    &self.problem,
                    MAX_PROBLEM_CHARS,
                );
                errors.into_result(|| ())
            }
            _ => Ok(()),
        }
    }

    /// Sets where the script stands; ending or skipping it decides the step after it.
    pub fn set_script(&mut self, script: ScriptProgress) {
        self.script = script;
        self.reroute();
    }

    /// The step "Avançar" leads to from `step`, given what was chosen.
    fn next_of(&self, step: Step) -> Option<Step> {
        match (step, &self.script) {
            (Step::Script, ScriptProgress::Skipped) => Some(Step::FirstContact),
            (Step::Script, _) => Some(Step::ScriptReport),
            _ => self.origin.and_then(|origin| step.next(origin)),
        }
    }

    /// Whether a saved route may go from `from` to `to`: the next step, or an optional step
    /// opened from "Prim. Contato" or after another one.
    fn leads_to(&self, from: Step, to: Step) -> bool {
        self.next_of(from) == Some(to)
            || (to.is_optional() && (from == Step::FirstContact || from.is_optional()))
    }

    /// Forgets the steps ahead when a choice here no longer leads to them.
    fn reroute(&mut self) {
        let next = self.next_of(self.current());
        if self.path.get(self.at + 1).copied() != next {
            self.path.truncate(self.at + 1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn customer(n: u128) -> CustomerSummary {
        CustomerSummary {
            id: Uuid::from_u128(n),
            code: n.to_string(),
            name: format!("Cliente {n}"),
            document: String::new(),
            logins: Vec::new(),
            emails: Vec::new(),
            phones: Vec::new(),
            city: String::new(),
        }
    }

    fn message(n: u128, body: &str) -> SupportMessage {
        SupportMessage {
            id: Uuid::from_u128(n),
            email: "maria@example.com".into(),
            subject: "Sem internet".into(),
            login: "maria.silva".into(),
            body: body.into(),
            received_at: 0,
        }
    }

    fn fields_of(result: Result<Step, Vec<FieldError>>) -> Vec<String> {
        result
            .expect_err("blocked")
            .into_iter()
            .map(|e| e.field)
            .collect()
    }

    /// A "Suporte" draft walked up to "Dados Atend.".
    fn at_ticket_data() -> WizardDraft {
        let mut draft = WizardDraft::default();
        draft.choose_origin(Origin::Support);
        draft.advance().expect("origin");
        draft.filters.email = "maria@example.com".into();
        draft.advance().expect("filters");
        draft.choose_message(message(1, "Caiu tudo"));
        draft.advance().expect("message");
        draft.choose_customer(customer(1));
        draft.advance().expect("customer");
        draft.advance().expect("customer data");
        draft
    }

    #[test]
    fn support_walks_through_its_messages_and_others_skip_them() {
        let draft = at_ticket_data();
        assert_eq!(
            draft.visited(),
            [
                Step::Origin,
                Step::Filters,
                Step::FindMessage,
                Step::FindCustomer,
                Step::CustomerData,
                Step::TicketData
            ]
        );
        let mut draft = WizardDraft::default();
        draft.choose_origin(Origin::Phone);
        assert_eq!(draft.advance(), Ok(Step::FindCustomer));
    }

    #[test]
    fn each_step_says_what_it_needs() {
        let mut draft = WizardDraft::default();
        assert_eq!(fields_of(draft.advance()), [fields::ORIGIN]);
        draft.choose_origin(Origin::Support);
        draft.advance().expect("origin");
        assert_eq!(fields_of(draft.advance()), [crate::support::fields::EMAIL]);
        draft.filters.email = "maria@example.com".into();
        draft.advance().expect("filters");
        assert_eq!(fields_of(draft.advance()), [fields::MESSAGE]);
        draft.choose_message(message(1, "Caiu"));
        draft.advance().expect("message");
        assert_eq!(fields_of(draft.advance()), [fields::CUSTOMER]);
        assert_eq!(draft.current(), Step::FindCustomer);

        let mut draft = at_ticket_data();
        draft.problem = " ".into();
        assert_eq!(fields_of(draft.advance()), [fields::PLAN, fields::PROBLEM]);
        draft.problem = "x".repeat(MAX_PROBLEM_CHARS + 1);
        draft.plan = Some(Uuid::from_u128(9));
        assert_eq!(fields_of(draft.advance()), [fields::PROBLEM]);
        draft.problem = "Sem conexão desde ontem".into();
        assert_eq!(draft.advance(), Ok(Step::Script));
        assert_eq!(fields_of(draft.advance()), [fields::SCRIPT]);
    }

    #[test]
    fn ending_the_script_shows_its_report_and_skipping_goes_past_it() {
        let mut draft = at_ticket_data();
        draft.plan = Some(Uuid::from_u128(9));
        draft.advance().expect("ticket data");
        let run = ScriptRun::new(Uuid::from_u128(3), "Sem conexão", 1);
        draft.set_script(ScriptProgress::Running(run.clone()));
        assert_eq!(fields_of(draft.advance()), [fields::SCRIPT]);
        draft.set_script(ScriptProgress::Ended(run.clone()));
        assert_eq!(draft.advance(), Ok(Step::ScriptReport));
        assert_eq!(draft.advance(), Ok(Step::FirstContact));

        assert_eq!(
            fields_of(draft.advance()),
            [fields::FIRST_CONTACT, fields::TICKET_TYPE]
        );
        draft.first_contact = "Reiniciou a ONU; voltou.".into();
        draft.ticket_type = Some(TicketType {
            id: Uuid::from_u128(4),
            name: "Sem conexão".into(),
            assignee: None,
            sla_hours: 24,
        });
        assert_eq!(
            draft.advance(),
            Err(Vec::new()),
            "the finish is built by a later step"
        );

        draft.go_to(Step::Script);
        draft.set_script(ScriptProgress::Skipped);
        assert_eq!(
            draft.visited().last(),
            Some(&Step::Script),
            "the report no longer applies"
        );
        assert_eq!(draft.advance(), Ok(Step::FirstContact));
        let json = serde_json::to_string(&draft).expect("serializes");
        let back: WizardDraft = serde_json::from_str(&json).expect("parses");
        assert_eq!(back.restored(), draft);
    }

    #[test]
    fn every_field_a_save_can_refuse_has_its_step() {
        assert_eq!(fields::step_of(fields::PROBLEM), Some(Step::TicketData));
        assert_eq!(
            fields::step_of(fields::TICKET_TYPE),
            Some(Step::FirstContact)
        );
        assert_eq!(fields::step_of("tarefa-prazo"), Some(Step::Task));
        assert_eq!(fields::step_of("anexo"), Some(Step::Attachment));
        assert_eq!(
            fields::step_of("anexo-observacoes-3"),
            Some(Step::Attachment)
        );
        assert_eq!(
            fields::step_of(crate::work_order_form::fields::END),
            Some(Step::WorkOrder)
        );
        assert_eq!(
            fields::step_of(crate::email::fields::RECIPIENTS),
            Some(Step::SendEmail)
        );
        assert_eq!(fields::step_of("protocolo"), None);
    }

    #[test]
    fn optional_steps_open_from_the_first_contact_and_go_back_to_it() {
        let mut draft = at_ticket_data();
        draft.open_optional(Step::Attachment);
        assert_eq!(
            draft.current(),
            Step::TicketData,
            "not before Prim. Contato"
        );
        draft.plan = Some(Uuid::from_u128(9));
        draft.advance().expect("ticket data");
        draft.set_script(ScriptProgress::Skipped);
        assert_eq!(draft.advance(), Ok(Step::FirstContact));

        draft.open_optional(Step::Attachment);
        assert_eq!(draft.current(), Step::Attachment);
        draft.open_optional(Step::Task);
        draft.open_optional(Step::Attachment);
        draft.open_optional(Step::FindCustomer);
        assert_eq!(
            draft.current(),
            Step::Attachment,
            "each step once, in order"
        );
        assert_eq!(
            &draft.visited()[draft.visited().len() - 3..],
            [Step::FirstContact, Step::Attachment, Step::Task]
        );
        draft.go_to(Step::Task);
        draft.back();
        assert_eq!(draft.current(), Step::FirstContact);

        let json = serde_json::to_string(&draft).expect("serializes");
        let back: WizardDraft = serde_json::from_str(&json).expect("parses");
        assert_eq!(back.restored(), draft, "an opened optional step is a route");
    }

    #[test]
    fn going_back_keeps_everything_and_the_route() {
        let mut draft = at_ticket_data();
        draft.problem = "Escrito pelo operador".into();
        draft.go_to(Step::Origin);
        assert_eq!(draft.current(), Step::Origin);
        assert_eq!(draft.origin, Some(Origin::Support));
        assert_eq!(draft.visited().len(), 6);
        draft.go_to(Step::TicketData);
        assert_eq!(draft.problem, "Escrito pelo operador");
        draft.back();
        draft.back();
        assert_eq!(draft.current(), Step::FindCustomer);
        assert!(draft.customer.is_some());
    }

    #[test]
    fn a_new_origin_forgets_a_route_it_no_longer_takes() {
        let mut draft = at_ticket_data();
        draft.go_to(Step::Origin);
        draft.choose_origin(Origin::Support);
        assert_eq!(draft.visited().len(), 6);
        draft.choose_origin(Origin::Email);
        assert_eq!(draft.visited(), [Step::Origin]);
        draft.go_to(Step::FindCustomer);
        assert_eq!(draft.current(), Step::Origin);
        assert_eq!(draft.advance(), Ok(Step::FindCustomer));
        assert!(draft.customer.is_some(), "the choice itself is kept");
    }

    #[test]
    fn the_problem_follows_the_message_until_the_operator_writes_one() {
        let mut draft = WizardDraft::default();
        draft.choose_message(message(1, "Primeira"));
        assert_eq!(draft.problem, "Primeira");
        draft.choose_message(message(2, "Segunda"));
        assert_eq!(draft.problem, "Segunda");
        draft.problem = "Do operador".into();
        draft.choose_message(message(3, "Terceira"));
        assert_eq!(draft.problem, "Do operador");
    }

    #[test]
    fn another_customer_drops_the_plan() {
        let mut draft = at_ticket_data();
        draft.plan = Some(Uuid::from_u128(5));
        draft.choose_customer(customer(1));
        assert_eq!(draft.plan, Some(Uuid::from_u128(5)));
        draft.choose_customer(customer(2));
        assert_eq!(draft.plan, None);
    }

    #[test]
    fn the_message_finds_its_customer_by_login_then_email() {
        let mut draft = WizardDraft::default();
        assert!(draft.searches_for_message().is_empty());
        draft.choose_message(message(1, "x"));
        let searches = draft.searches_for_message();
        let fields: Vec<_> = searches.iter().map(|s| s.field).collect();
        assert_eq!(fields, [SearchField::Login, SearchField::Email]);
        assert!(searches
            .iter()
            .all(|s| s.condition == SearchCondition::Equals));
        draft.message = Some(SupportMessage {
            login: " ".into(),
            ..message(2, "x")
        });
        assert_eq!(draft.searches_for_message().len(), 1);
    }

    #[test]
    fn a_draft_survives_a_round_trip_and_a_broken_route_starts_over() {
        let draft = at_ticket_data();
        let json = serde_json::to_string(&draft).expect("serializes");
        let back: WizardDraft = serde_json::from_str(&json).expect("parses");
        assert_eq!(back.clone().restored(), draft);

        let mut broken = draft.clone();
        broken.at = 42;
        let restored = broken.restored();
        assert_eq!(restored.current(), Step::Origin);
        assert_eq!(restored.customer, draft.customer);

        let mut broken = draft;
        broken.origin = Some(Origin::Chat);
        assert_eq!(broken.restored().visited(), [Step::Origin]);
    }
}
