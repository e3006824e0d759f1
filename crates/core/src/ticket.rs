//! A ticket ("Atendimento") as the wizard saves it: everything the operator did, checked to
//! be complete, written at once.
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;
use uuid::Uuid;

use crate::attachment::{self, DraftAttachment};
use crate::email::{
    fields as email_fields, EmailContext, EmailDraft, OutgoingEmail, SmtpSettings,
    MAX_ATTACHMENT_BYTES,
};
use crate::form::FieldError;
use crate::protocol::Protocol;
use crate::script::ScriptRun;
use crate::sla_state::SlaState;
use crate::task::NewTask;
use crate::ticket_type::{Assignee, TicketType};
use crate::wizard::{fields, Origin, ScriptProgress, Step, WizardDraft};
use crate::work_order_form::NewWorkOrder;

/// A ticket's status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
pub enum TicketStatus {
    /// Open, with its assignee.
    Open,
    /// Solved ("Atend. Resolvido").
    Resolved,
    /// Closed for good: it changes no more.
    Closed,
}

impl TicketStatus {
    /// Every status, in the order the list's filter offers them.
    pub const ALL: [TicketStatus; 3] = [
        TicketStatus::Open,
        TicketStatus::Resolved,
        TicketStatus::Closed,
    ];

    /// The pt-BR label, also the stored value.
    pub fn label(self) -> &'static str {
        match self {
            TicketStatus::Open => "Aberto",
            TicketStatus::Resolved => "Resolvido",
            TicketStatus::Closed => "Fechado",
        }
    }

    /// The status whose label (the stored value) is `label`.
    pub fn from_label(label: &str) -> Option<TicketStatus> {
        TicketStatus::ALL
            .into_iter()
            .find(|status| status.label() == label)
    }
}

/// What a ticket is about: one of the customer's contracts, or a new plan chosen for them
/// ("escolher um novo plano").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TicketPlan {
    /// The contract's id (`customer_plans`).
    Contract(Uuid),
    /// The plan's id (`plans`).
    New(Uuid),
}

impl TicketPlan {
    /// The contract's id, when it is one (`tickets.customer_plan_id`).
    pub fn contract_id(self) -> Option<Uuid> {
        match self {
            TicketPlan::Contract(id) => Some(id),
            TicketPlan::New(_) => None,
        }
    }

    /// The new plan's id, when it is one (`tickets.new_plan_id`).
    pub fn new_plan_id(self) -> Option<Uuid> {
        match self {
            TicketPlan::New(id) => Some(id),
            TicketPlan::Contract(_) => None,
        }
    }
}

/// The plan a saved ticket is about, as its page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct TicketPlanInfo {
    /// The plan's name.
    pub name: String,
    /// The contract's PPPoE login; `None` for a new plan chosen in the wizard.
    pub login: Option<String>,
}

/// A complete ticket, ready to be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewTicket {
    pub protocol: Protocol,
    pub origin: Origin,
    pub customer_id: Uuid,
    /// The contract, or the new plan, the ticket is about.
    pub plan: TicketPlan,
    /// The online-support message it came from, if any.
    pub support_message_id: Option<Uuid>,
    pub problem: String,
    pub first_contact: String,
    pub ticket_type: TicketType,
    /// The script run and ended, if one was.
    pub script: Option<ScriptRun>,
    /// The files attached ("Anexo"), each already stored by its content hash.
    pub attachments: Vec<DraftAttachment>,
    /// The task created from it ("Tarefa"), if one was.
    pub task: Option<NewTask>,
    /// The work order asked for ("Ord. Serviço"), if one was.
    pub work_order: Option<NewWorkOrder>,
    /// The e-mail to send ("Enviar E-mail"), filled and checked with the settings
    /// ([`TicketSubmission::email`]): queued with the ticket.
    pub email: Option<TicketEmail>,
    pub status: TicketStatus,
}

impl NewTicket {
    /// Every file the ticket keeps, as content hash and name: its attachments, then its
    /// e-mail's.
    pub fn files(&self) -> impl Iterator<Item = (&str, &str)> {
        let attached = self
            .attachments
            .iter()
            .map(|file| (file.content_hash.as_str(), file.file_name.as_str()));
        let emailed = self.email.iter().flat_map(|queued| {
            queued
                .email
                .attachments
                .iter()
                .map(|file| (file.hash.as_str(), file.name.as_str()))
        });
        attached.chain(emailed)
    }
}

/// Why the wizard's e-mail cannot go when the SMTP settings were never saved.
pub const EMAIL_NOT_CONFIGURED: &str = "O envio de e-mail não está configurado: peça a um \
    administrador para preencher as Configurações de E-mail, ou remova o e-mail.";

/// An e-mail queued with its ticket, from the configured sender.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TicketEmail {
    pub from_address: String,
    pub email: OutgoingEmail,
}

/// The ticket saved: its id and the protocol to tell the customer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct SavedTicket {
    pub id: Uuid,
    pub protocol: Protocol,
    pub status: TicketStatus,
}

/// A ticket as the list of tickets and the search by protocol show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct TicketSummary {
    pub id: Uuid,
    pub protocol: Protocol,
    pub status: TicketStatus,
    pub customer_id: Uuid,
    /// The customer's code, as "Localizar Cliente" shows it.
    pub customer_code: String,
    pub customer_name: String,
    /// "Tipo de Atendimento", if the ticket has one.
    pub ticket_type_id: Option<Uuid>,
    pub ticket_type_name: Option<String>,
    /// Who the ticket is assigned to, if anyone: a user (`active` false once removed or
    /// deactivated) or a role.
    pub assignee: Option<Assignee>,
    /// "Origem".
    pub origin: Origin,
    /// The operator who opened it.
    pub opened_by: Uuid,
    /// When it was opened, Unix ms UTC.
    #[specta(type = f64)]
    pub opened_at: i64,
    /// When it is due (the type's SLA), Unix ms UTC.
    #[specta(type = Option<f64>)]
    pub due_at: Option<i64>,
    /// When it was resolved, Unix ms UTC.
    #[specta(type = Option<f64>)]
    pub resolved_at: Option<i64>,
}

/// Where a page of tickets starts: after the ticket opened at `opened_at` with `id`, the last
/// one of the previous page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct TicketCursor {
    /// Unix ms UTC.
    #[specta(type = f64)]
    pub opened_at: i64,
    pub id: Uuid,
}

impl TicketCursor {
    /// The cursor of the page after the one ending with `last`.
    pub fn after(last: &TicketSummary) -> Self {
        Self {
            opened_at: last.opened_at,
            id: last.id,
        }
    }
}

/// Which tickets the list shows, newest first: every filter given must match.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct TicketFilter {
    pub status: Option<TicketStatus>,
    pub ticket_type_id: Option<Uuid>,
    pub assigned_user_id: Option<Uuid>,
    pub assigned_role_id: Option<Uuid>,
    pub customer_id: Option<Uuid>,
    /// "Origem".
    #[serde(default)]
    pub origin: Option<Origin>,
    /// The operator who opened it ("Aberto por").
    #[serde(default)]
    pub opened_by: Option<Uuid>,
    /// Opened at or after this instant, Unix ms UTC ("Período").
    #[serde(default)]
    #[specta(type = Option<f64>)]
    pub opened_from: Option<i64>,
    /// Opened before this instant, Unix ms UTC.
    #[serde(default)]
    #[specta(type = Option<f64>)]
    pub opened_until: Option<i64>,
    /// Where it stands against its SLA ("Prazo").
    #[serde(default)]
    pub sla: Option<SlaState>,
    /// The instant `sla` is judged at, Unix ms UTC: set by the shell, never sent.
    #[serde(skip)]
    pub now: i64,
    /// At most this many tickets, 1 to [`crate::customer::MAX_LIMIT`].
    pub limit: u32,
    /// Only tickets older than this one (in `(opened_at, id)` order): the next page.
    pub before: Option<TicketCursor>,
}

impl Default for TicketFilter {
    fn default() -> Self {
        Self {
            status: None,
            ticket_type_id: None,
            assigned_user_id: None,
            assigned_role_id: None,
            customer_id: None,
            origin: None,
            opened_by: None,
            opened_from: None,
            opened_until: None,
            sla: None,
            now: 0,
            limit: crate::customer::DEFAULT_LIMIT,
            before: None,
        }
    }
}

/// One entry of a ticket's history, as written (append-only).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct TicketEvent {
    pub id: Uuid,
    /// What happened: "opened", "script_report", "first_contact", "resolved", ...
    pub kind: String,
    /// Its details, a JSON document whose shape depends on `kind`.
    pub payload: String,
    /// The operator who did it.
    pub user_id: Uuid,
    pub user_name: String,
    /// When, Unix ms UTC.
    #[specta(type = f64)]
    pub at: i64,
}

/// What the operator asks the save to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct TicketSubmission {
    pub draft: WizardDraft,
    /// "Atend. Resolvido" confirmed: the ticket is saved solved.
    pub resolved: bool,
    /// What the e-mail's placeholders are filled with, as the wizard shows the ticket
    /// ([`TicketSubmission::email`] puts in the protocol, customer, problem and operator).
    #[serde(default)]
    pub email_context: Option<EmailContext>,
}

impl TicketSubmission {
    /// The ticket, or every reason it is not complete yet, each at its field (and the step
    /// to go back to, through [`crate::wizard::fields::step_of`]). `today` and
    /// `offset_minutes` are the desktop's local date and UTC offset, for the task's due date.
    pub fn to_ticket(
        &self,
        today: NaiveDate,
        offset_minutes: i32,
    ) -> Result<NewTicket, Vec<FieldError>> {
        let draft = &self.draft;
        let mut missing = Vec::new();
        let mut need = |field: &str, message: &str| missing.push(FieldError::new(field, message));
        if draft.protocol.is_none() {
            need(
                "protocolo",
                "O atendimento ainda não tem protocolo: aguarde ou reabra-o.",
            );
        }
        if draft.origin.is_none() {
            need(fields::ORIGIN, "Escolha a origem do atendimento.");
        }
        if draft.customer.is_none() {
            need(fields::CUSTOMER, "Selecione um cliente.");
        }
        if matches!(
            draft.script,
            ScriptProgress::NotStarted | ScriptProgress::Running(_)
        ) {
            need(fields::SCRIPT, "Encerre o script ou pule-o.");
        }
        for step in [Step::TicketData, Step::FirstContact] {
            if let Err(errors) = draft.requirements(step) {
                missing.extend(errors);
            }
        }
        missing.extend(attachment::check_notes(&draft.attachments));
        let task = match draft
            .task
            .as_ref()
            .map(|task| task.validate(today, offset_minutes))
        {
            Some(Ok(task)) => Some(task),
            Some(Err(errors)) => {
                missing.extend(errors);
                None
            }
            None => None,
        };
        let work_order = match draft
            .work_order
            .as_ref()
            .map(|form| form.validate(today, offset_minutes))
        {
            Some(Ok(work_order)) => Some(work_order),
            Some(Err(errors)) => {
                missing.extend(errors);
                None
            }
            None => None,
        };
        if !missing.is_empty() {
            return Err(missing);
        }
        // Exactly one of them, as the ticket data's requirements checked.
        let plan = match (draft.plan, draft.new_plan) {
            (Some(contract), None) => Some(TicketPlan::Contract(contract)),
            (None, Some(plan)) => Some(TicketPlan::New(plan)),
            _ => None,
        };
        let (Some(protocol), Some(origin), Some(customer), Some(plan), Some(kind)) = (
            draft.protocol,
            draft.origin,
            draft.customer.as_ref(),
            plan,
            draft.ticket_type.clone(),
        ) else {
            return Err(Vec::new());
        };
        Ok(NewTicket {
            protocol,
            origin,
            customer_id: customer.id,
            plan,
            support_message_id: draft.message.as_ref().map(|message| message.id),
            problem: draft.problem.trim().to_owned(),
            first_contact: draft.first_contact.trim().to_owned(),
            ticket_type: kind,
            script: match &draft.script {
                ScriptProgress::Ended(run) => Some(run.clone()),
                _ => None,
            },
            attachments: draft
                .attachments
                .iter()
                .map(|attachment| DraftAttachment {
                    notes: attachment.notes.trim().to_owned(),
                    ..attachment.clone()
                })
                .collect(),
            task,
            work_order,
            email: None,
            status: if self.resolved {
                TicketStatus::Resolved
            } else {
                TicketStatus::Open
            },
        })
    }

    /// The wizard's e-mail `draft` filled and checked for sending from the sender of
    /// `settings` (`None`: sending was never configured), or every problem at its field.
    /// The placeholders are the wizard's view of the ticket, with the protocol, customer and
    /// problem of its draft and `operator`, the signed-in operator's name. No problem at all
    /// (an empty list) when the wizard sent no placeholders, which is not the operator's fault.
    pub fn email(
        &self,
        draft: &EmailDraft,
        operator: &str,
        settings: Option<SmtpSettings>,
    ) -> Result<TicketEmail, Vec<FieldError>> {
        let mut context = self.email_context.clone().ok_or_else(Vec::new)?;
        let wizard = &self.draft;
        operator.clone_into(&mut context.operator);
        context.protocol = wizard.protocol.map(|p| p.to_string()).unwrap_or_default();
        if let Some(customer) = &wizard.customer {
            context.customer.clone_from(&customer.name);
        }
        context.problem = wizard.problem.trim().to_owned();
        ticket_email(draft, &context, settings)
    }
}

/// The e-mail `draft` filled from `context` and checked for sending from the sender of
/// `settings` (`None`: sending was never configured), or every problem at its field: the
/// wizard's e-mail and the one the ticket's page sends alike.
pub fn ticket_email(
    draft: &EmailDraft,
    context: &EmailContext,
    settings: Option<SmtpSettings>,
) -> Result<TicketEmail, Vec<FieldError>> {
    let settings = settings.ok_or_else(|| {
        vec![FieldError::new(
            email_fields::RECIPIENTS,
            EMAIL_NOT_CONFIGURED,
        )]
    })?;
    let email = draft.validate(Some(&settings.copy_address), context, MAX_ATTACHMENT_BYTES)?;
    Ok(TicketEmail {
        from_address: settings.from_address,
        email,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::customer::CustomerSummary;
    use crate::task::{fields as task_fields, TaskForm};

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 28).expect("date")
    }

    fn complete() -> WizardDraft {
        let mut draft = WizardDraft::default();
        draft.protocol = "26112800100001".parse().ok();
        draft.problem = " Sem internet ".into();
        draft.first_contact = "Reiniciou a ONU.".into();
        draft.ticket_type = Some(TicketType {
            id: Uuid::from_u128(3),
            name: "Sem conexão".into(),
            assignee: None,
            sla_hours: 24,
            sla_calendar: false,
        });
        draft.choose_origin(Origin::Phone);
        draft.choose_customer(CustomerSummary {
            id: Uuid::from_u128(1),
            code: "1".into(),
            name: "Ana".into(),
            document: String::new(),
            logins: Vec::new(),
            emails: Vec::new(),
            phones: Vec::new(),
            city: String::new(),
        });
        draft.plan = Some(Uuid::from_u128(2));
        draft.set_script(ScriptProgress::Skipped);
        draft
    }

    #[test]
    fn a_complete_draft_becomes_a_ticket() {
        let ticket = TicketSubmission {
            draft: complete(),
            resolved: true,
            email_context: None,
        }
        .to_ticket(today(), -180)
        .expect("complete");
        assert_eq!(ticket.problem, "Sem internet");
        assert_eq!(ticket.status, TicketStatus::Resolved);
        assert_eq!(ticket.script, None);
        assert_eq!(ticket.plan, TicketPlan::Contract(Uuid::from_u128(2)));
        assert_eq!(ticket.plan.contract_id(), Some(Uuid::from_u128(2)));
        assert_eq!(ticket.plan.new_plan_id(), None);
    }

    #[test]
    fn a_new_plan_instead_of_a_contract() {
        let mut draft = complete();
        draft.choose_new_plan(Uuid::from_u128(40));
        let submission = TicketSubmission {
            draft,
            resolved: false,
            email_context: None,
        };
        let ticket = submission.to_ticket(today(), -180).expect("complete");
        assert_eq!(ticket.plan, TicketPlan::New(Uuid::from_u128(40)));
        assert_eq!(ticket.plan.new_plan_id(), Some(Uuid::from_u128(40)));
        assert_eq!(ticket.plan.contract_id(), None);

        let mut both = submission;
        both.draft.plan = Some(Uuid::from_u128(2));
        let errors = both.to_ticket(today(), -180).expect_err("both");
        assert_eq!(
            errors.iter().map(|e| e.field.as_str()).collect::<Vec<_>>(),
            [fields::PLAN]
        );
    }

    #[test]
    fn an_old_draft_without_a_new_plan_still_loads() {
        let mut saved = serde_json::to_value(complete()).expect("json");
        saved.as_object_mut().expect("object").remove("new_plan");
        let draft: WizardDraft = serde_json::from_value(saved).expect("old draft");
        assert_eq!(draft.new_plan, None);
        assert_eq!(draft.plan, Some(Uuid::from_u128(2)));
    }

    #[test]
    fn an_incomplete_draft_says_everything_missing() {
        let errors = TicketSubmission {
            draft: WizardDraft::default(),
            resolved: false,
            email_context: None,
        }
        .to_ticket(today(), -180)
        .expect_err("incomplete");
        let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "protocolo",
                fields::ORIGIN,
                fields::CUSTOMER,
                fields::SCRIPT,
                fields::PLAN,
                fields::PROBLEM,
                fields::FIRST_CONTACT,
                fields::TICKET_TYPE
            ]
        );
    }

    #[test]
    fn attachments_and_the_task_go_with_the_ticket_once_valid() {
        let mut draft = complete();
        draft.attachments.push(DraftAttachment {
            content_hash: "a".repeat(64),
            file_name: "foto.jpg".into(),
            size_bytes: 10,
            notes: "  Foto da ONU ".into(),
        });
        draft.task = Some(TaskForm {
            title: "Trocar ONU".into(),
            ..TaskForm::default()
        });
        let submission = TicketSubmission {
            draft,
            resolved: false,
            email_context: None,
        };
        let errors = submission
            .to_ticket(today(), -180)
            .expect_err("the task has no assignee nor due date");
        let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, [task_fields::ASSIGNEE, task_fields::DUE]);

        let mut submission = submission;
        if let Some(task) = &mut submission.draft.task {
            task.assignee = Some(Assignee::Role {
                id: Uuid::from_u128(5),
                name: "Técnico".into(),
            });
            task.due = "30/11/2026".into();
        }
        let ticket = submission.to_ticket(today(), -180).expect("valid");
        assert_eq!(ticket.attachments[0].notes, "Foto da ONU");
        assert_eq!(
            ticket.task.map(|task| task.title).as_deref(),
            Some("Trocar ONU")
        );
    }

    fn email_submission() -> (TicketSubmission, EmailDraft, SmtpSettings) {
        let submission = TicketSubmission {
            draft: complete(),
            resolved: false,
            email_context: Some(EmailContext {
                customer: "como o assistente mostra".into(),
                protocol: String::new(),
                contacted_at: today().and_hms_opt(14, 30, 0).expect("time"),
                plan: "FIBRA 500M".into(),
                problem: String::new(),
                visit: None,
                operator: "ignorado".into(),
                ticket_type: "Sem conexão".into(),
            }),
        };
        let draft = EmailDraft {
            recipients: vec!["ana@exemplo.com.br".into()],
            copy: true,
            template_id: None,
            subject: "Protocolo {protocolo}".into(),
            body: "{cliente}: {problema}. {atendente}, {plano}.".into(),
            attachments: vec![DraftAttachment {
                content_hash: "b".repeat(64),
                file_name: "manual.pdf".into(),
                size_bytes: 10,
                notes: String::new(),
            }],
        };
        let settings = SmtpSettings {
            host: "smtp.exemplo.com.br".into(),
            port: 587,
            security: Default::default(),
            username: String::new(),
            from_address: "atendimento@exemplo.com.br".into(),
            copy_address: "copia@exemplo.com.br".into(),
        };
        (submission, draft, settings)
    }

    #[test]
    fn the_email_is_filled_from_the_draft_and_the_operator() {
        let (submission, draft, settings) = email_submission();
        let queued = submission
            .email(&draft, "Bruno Lima", Some(settings))
            .expect("valid");
        assert_eq!(queued.from_address, "atendimento@exemplo.com.br");
        assert_eq!(queued.email.subject, "Protocolo 261128-001-00001");
        assert_eq!(
            queued.email.body,
            "Ana: Sem internet. Bruno Lima, FIBRA 500M."
        );
        assert_eq!(queued.email.cc, ["copia@exemplo.com.br"]);

        let mut ticket = submission.to_ticket(today(), -180).expect("valid");
        ticket.email = Some(queued);
        ticket.attachments = vec![draft.attachments[0].clone()];
        ticket.attachments[0].file_name = "foto.jpg".into();
        let files: Vec<_> = ticket.files().map(|(_, name)| name).collect();
        assert_eq!(files, ["foto.jpg", "manual.pdf"]);
    }

    #[test]
    fn an_email_without_settings_or_placeholders_is_refused() {
        let (mut submission, draft, _) = email_submission();
        let errors = submission
            .email(&draft, "Bruno Lima", None)
            .expect_err("not configured");
        assert_eq!(
            errors,
            [FieldError::new(
                email_fields::RECIPIENTS,
                EMAIL_NOT_CONFIGURED
            )]
        );
        let (_, _, settings) = email_submission();
        submission.email_context = None;
        let errors = submission
            .email(&draft, "Bruno Lima", Some(settings))
            .expect_err("no placeholders");
        assert!(errors.is_empty(), "not the operator's fault");
    }
}
