//! The wizard's draft: everything the operator chose or typed, where they are, and the rules
//! of moving between steps. It is saved as the operator goes, so it must hold only data.
//!
//! This file holds the data; the rules live beside it: the route between the steps in
//! `route`, what each step needs before "Avançar" in `requirements`, the choices that
//! change other choices or the route in `choices`, and the field names of the messages in
//! [`fields`].
mod choices;
pub mod fields;
mod requirements;
mod route;
#[cfg(test)]
mod test_support;

use serde::{Deserialize, Serialize};
use specta::Type;
use uuid::Uuid;

use super::{Origin, Step};
use crate::attachment::DraftAttachment;
use crate::customer::{CustomerSummary, SearchForm};
use crate::email::EmailDraft;
use crate::protocol::Protocol;
use crate::script::ScriptRun;
use crate::support::{FilterForm, SupportMessage};
use crate::task::TaskForm;
use crate::ticket_type::TicketType;
use crate::work_order_form::WorkOrderForm;

/// The longest "Problema descrito pelo cliente".
pub const MAX_PROBLEM_CHARS: usize = 4000;

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
    /// The contracted plan chosen in "Dados Atend." (its contract's id); set with
    /// [`WizardDraft::choose_contract`], which leaves `new_plan` empty.
    pub plan: Option<Uuid>,
    /// The plan chosen instead in "escolher um novo plano" (an active plan's id), for a
    /// customer with no contract or who asks for another; set with
    /// [`WizardDraft::choose_new_plan`], which leaves `plan` empty.
    #[serde(default)]
    pub new_plan: Option<Uuid>,
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
            new_plan: None,
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
