//! What the wizard's save asks for, checked into a complete ticket, and the e-mail that
//! goes with a ticket.
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;

use super::{NewTicket, TicketPlan, TicketStatus};
use crate::attachment::{self, DraftAttachment};
use crate::email::{
    fields as email_fields, EmailContext, EmailDraft, OutgoingEmail, SmtpSettings,
    MAX_ATTACHMENT_BYTES,
};
use crate::form::FieldError;
use crate::wizard::{fields, ScriptProgress, Step, WizardDraft};

/// Why the wizard's e-mail cannot go when the SMTP settings were never saved.
pub const EMAIL_NOT_CONFIGURED: &str = "O envio de e-mail não está configurado: peça a um \
    administrador para preencher as Configurações de E-mail, ou remova o e-mail.";

/// An e-mail queued with its ticket, from the configured sender.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TicketEmail {
    pub from_address: String,
    pub email: OutgoingEmail,
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
    use uuid::Uuid;

    use super::*;
    use crate::customer::CustomerSummary;
    use crate::task::{fields as task_fields, TaskForm};
    use crate::ticket_type::{Assignee, TicketType};
    use crate::wizard::Origin;

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
