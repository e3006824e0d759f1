//! "Enviar E-mail" in the wizard's reducer: the addresses the step lists, the selection
//! actions, the template, the copy and the e-mail's own attachments. No DOM and no IPC.
use helpdesk_api::{CommandError, CustomerRecord, DraftAttachment, Uuid};
use helpdesk_core::email::{fields, EmailDraft, EmailTemplate};
use helpdesk_core::wizard::Step;

use super::context::StepContext;
use super::recipients::{listed_addresses, same, select};
use crate::fetched::Fetched;

/// One change to the e-mail.
#[derive(Debug, Clone, PartialEq)]
pub enum EmailEdit {
    /// A check box of "Enviar Para", by address.
    Toggle(String),
    /// "Selecionar Todos".
    SelectAll,
    /// "Desmarcar Todos".
    SelectNone,
    /// "Inverter Seleção" (the customer's addresses; others checked stay checked).
    Invert,
    /// "Outro endereço": an address typed by hand (already checked), checked.
    AddAddress(String),
    /// "Modelo de E-mail": a template by id (its subject and body replace the typed ones), or
    /// none (the text stays).
    Template(Option<Uuid>),
    Subject(String),
    Body(String),
    /// "E-mail cópia".
    Copy(bool),
    /// One of the ticket's attachments checked (`true`) or unchecked for the e-mail.
    TicketAttachment(DraftAttachment, bool),
    /// "Remover" on the e-mail's attachment at this place.
    RemoveAttachment(usize),
}

/// What the operator (or the shell's answer) does on "Enviar E-mail".
#[derive(Debug, Clone, PartialEq)]
pub enum EmailAction {
    TemplatesStarted,
    TemplatesFinished(Result<Vec<EmailTemplate>, CommandError>),
    Edit(EmailEdit),
    /// "Anexar E-mail" → "Anexar": the file picker opened for the e-mail.
    PickStarted,
    /// The picked file stored, the picker closed (`None`), or why the file was refused.
    PickFinished(Result<Option<DraftAttachment>, CommandError>),
    /// "Remover e-mail": no e-mail is sent; back to "Prim. Contato".
    Remove,
    /// "Pré-visualizar" answered: what still stops the e-mail, each at its field (replacing
    /// what was said at the e-mail's fields before).
    Checked(Vec<CommandError>),
}

/// What "Enviar E-mail" shows besides the draft's e-mail.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EmailState {
    /// "Modelo de E-mail": the operator's templates.
    pub templates: Fetched<(), Vec<EmailTemplate>>,
    /// Why the last file could not be attached to the e-mail.
    pub attach_error: Option<CommandError>,
}

impl EmailState {
    /// Applies `action`; the addresses "Enviar Para" lists are those of `record` (the chosen
    /// customer's, once loaded).
    pub(crate) fn apply(
        &mut self,
        action: EmailAction,
        wizard: &mut StepContext,
        record: Option<&CustomerRecord>,
    ) {
        match action {
            EmailAction::TemplatesStarted => self.templates.start(()),
            EmailAction::TemplatesFinished(result) => {
                self.templates.finish(&(), result);
            }
            EmailAction::Edit(edit) => self.edit(edit, wizard, record),
            EmailAction::PickStarted => {
                wizard.set_attaching(true);
                self.attach_error = None;
            }
            EmailAction::PickFinished(result) => self.picked(result, wizard),
            EmailAction::Checked(problems) => {
                wizard.clear_step(Step::SendEmail);
                wizard.errors_mut().extend(problems);
            }
            EmailAction::Remove => {
                wizard.edit(|draft| {
                    draft.email = None;
                    draft.back();
                });
                wizard.clear_step(Step::SendEmail);
            }
        }
    }

    fn edit(&mut self, edit: EmailEdit, wizard: &mut StepContext, record: Option<&CustomerRecord>) {
        if wizard.draft().email.is_none() {
            return;
        }
        let listed: Vec<String> = record
            .map(listed_addresses)
            .unwrap_or_default()
            .into_iter()
            .map(|listed| listed.address)
            .collect();
        let template = match &edit {
            EmailEdit::Template(Some(id)) => match self
                .templates
                .value
                .as_ref()
                .and_then(|templates| templates.iter().find(|t| t.id == *id))
            {
                Some(template) => Some(template.clone()),
                None => return,
            },
            _ => None,
        };
        let cleared: &[&str] = match &edit {
            EmailEdit::Toggle(_)
            | EmailEdit::SelectAll
            | EmailEdit::SelectNone
            | EmailEdit::Invert
            | EmailEdit::AddAddress(_) => &[fields::RECIPIENTS],
            EmailEdit::Template(_) => &[fields::TEMPLATE, fields::SUBJECT, fields::BODY],
            EmailEdit::Subject(_) => &[fields::SUBJECT],
            EmailEdit::Body(_) => &[fields::BODY],
            EmailEdit::Copy(_) => &[],
            EmailEdit::TicketAttachment(..) | EmailEdit::RemoveAttachment(_) => {
                &[fields::ATTACHMENTS]
            }
        };
        wizard.edit(|draft| {
            if let Some(email) = &mut draft.email {
                apply_edit(email, edit, template, &listed);
            }
        });
        for field in cleared {
            wizard.clear(field);
        }
        if cleared.contains(&fields::ATTACHMENTS) {
            self.attach_error = None;
        }
    }

    /// A file picked for the e-mail: joins its attachments unless already there.
    fn picked(
        &mut self,
        result: Result<Option<DraftAttachment>, CommandError>,
        wizard: &mut StepContext,
    ) {
        wizard.set_attaching(false);
        let file = match result {
            Ok(Some(file)) => file,
            Ok(None) => return,
            Err(error) => {
                self.attach_error = Some(error);
                return;
            }
        };
        let same = wizard.draft().email.as_ref().and_then(|email| {
            email
                .attachments
                .iter()
                .find(|attached| attached.content_hash == file.content_hash)
        });
        if let Some(same) = same {
            self.attach_error = Some(CommandError::at_field(
                fields::ATTACHMENTS,
                format!(
                    "Este arquivo já está anexado ao e-mail, como \"{}\".",
                    same.file_name
                ),
            ));
            return;
        }
        wizard.edit(|draft| {
            if let Some(email) = &mut draft.email {
                email.attachments.push(file);
            }
        });
        wizard.clear(fields::ATTACHMENTS);
    }
}

/// Makes `edit` to the e-mail; `template` is the one it chooses, `listed` the addresses
/// "Enviar Para" lists.
fn apply_edit(
    email: &mut EmailDraft,
    edit: EmailEdit,
    template: Option<EmailTemplate>,
    listed: &[String],
) {
    match edit {
        EmailEdit::Toggle(address) => {
            if email.recipients.iter().any(|r| same(r, &address)) {
                email.recipients.retain(|r| !same(r, &address));
            } else {
                email.recipients.push(address);
                select(email, listed, |_, was| was);
            }
        }
        EmailEdit::AddAddress(address) => {
            if !email.recipients.iter().any(|r| same(r, &address)) {
                email.recipients.push(address);
                select(email, listed, |_, was| was);
            }
        }
        EmailEdit::SelectAll => select(email, listed, |_, _| true),
        EmailEdit::SelectNone => email.recipients.clear(),
        EmailEdit::Invert => select(email, listed, |_, was| !was),
        EmailEdit::Template(id) => {
            email.template_id = id;
            if let Some(template) = template {
                email.subject = template.subject;
                email.body = template.body;
            }
        }
        EmailEdit::Subject(text) => email.subject = text,
        EmailEdit::Body(text) => email.body = text,
        EmailEdit::Copy(copy) => email.copy = copy,
        EmailEdit::TicketAttachment(file, true) => {
            if !email
                .attachments
                .iter()
                .any(|a| a.content_hash == file.content_hash)
            {
                email.attachments.push(file);
            }
        }
        EmailEdit::TicketAttachment(file, false) => email
            .attachments
            .retain(|a| a.content_hash != file.content_hash),
        EmailEdit::RemoveAttachment(index) => {
            if index < email.attachments.len() {
                email.attachments.remove(index);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wizard::state::customer_data::CustomerDataAction;
    use crate::wizard::state::fixtures::{
        at_first_contact, file, record_with_contacts as record, run,
    };
    use crate::wizard::state::{WizardAction, WizardState};

    /// "Prim. Contato" with the customer's record loaded, then "Enviar E-mail" opened.
    fn at_email() -> WizardState {
        let id = Uuid::from_u128(1);
        run(
            at_first_contact(),
            [
                CustomerDataAction::RecordStarted(id).into(),
                CustomerDataAction::RecordFinished(id, Box::new(Ok(record()))).into(),
                WizardAction::OpenStep(Step::SendEmail),
            ],
        )
    }

    fn email(state: &WizardState) -> EmailDraft {
        state.draft.email.clone().expect("an e-mail")
    }

    fn edit(state: WizardState, edits: impl IntoIterator<Item = EmailEdit>) -> WizardState {
        run(
            state,
            edits.into_iter().map(|edit| EmailAction::Edit(edit).into()),
        )
    }

    #[test]
    fn recipients_are_selected_all_none_inverted_and_kept_in_the_lists_order() {
        let state = at_email();
        assert_eq!(state.current(), Step::SendEmail);
        assert_eq!(email(&state), EmailDraft::default(), "opened empty");

        let state = edit(
            state,
            [
                EmailEdit::Toggle("jose@example.com".into()),
                EmailEdit::Toggle("ana@example.com".into()),
            ],
        );
        assert_eq!(
            email(&state).recipients,
            ["ana@example.com", "jose@example.com"],
            "in the list's order"
        );
        let state = edit(state, [EmailEdit::Invert]);
        assert_eq!(email(&state).recipients, ["ana@trabalho.com.br"]);
        let state = edit(state, [EmailEdit::SelectAll]);
        assert_eq!(email(&state).recipients.len(), 3);
        let state = edit(state, [EmailEdit::Toggle("ANA@EXAMPLE.COM".into())]);
        assert_eq!(
            email(&state).recipients,
            ["ana@trabalho.com.br", "jose@example.com"],
            "the same address whatever its case"
        );
        let state = edit(state, [EmailEdit::SelectNone]);
        assert!(email(&state).recipients.is_empty());
        let state = edit(state, [EmailEdit::Invert]);
        assert_eq!(email(&state).recipients.len(), 3);
    }

    #[test]
    fn an_address_typed_by_hand_follows_the_listed_ones_and_survives_inverting() {
        let state = edit(
            at_email(),
            [
                EmailEdit::AddAddress("financeiro@empresa.com.br".into()),
                EmailEdit::Toggle("jose@example.com".into()),
                EmailEdit::AddAddress("Jose@Example.com".into()),
            ],
        );
        assert_eq!(
            email(&state).recipients,
            ["jose@example.com", "financeiro@empresa.com.br"]
        );
        let state = edit(state, [EmailEdit::Invert]);
        assert_eq!(
            email(&state).recipients,
            [
                "ana@example.com",
                "ana@trabalho.com.br",
                "financeiro@empresa.com.br"
            ]
        );
        let state = edit(
            state,
            [EmailEdit::Toggle("financeiro@empresa.com.br".into())],
        );
        assert_eq!(email(&state).recipients.len(), 2, "unchecked, it is gone");
    }

    #[test]
    fn a_recipient_error_goes_when_the_selection_changes() {
        let error = CommandError::at_field(fields::RECIPIENTS, "Escolha ao menos um destinatário.");
        let state = run(
            at_email(),
            [WizardAction::SaveRejected(vec![error.clone()])],
        );
        assert_eq!(state.advance_errors, [error]);
        let state = edit(state, [EmailEdit::SelectAll]);
        assert!(state.advance_errors.is_empty());
    }

    #[test]
    fn a_template_fills_subject_and_body_with_their_placeholders() {
        let template = EmailTemplate {
            id: Uuid::from_u128(80),
            name: "Protocolo de atendimento".into(),
            subject: "Protocolo {protocolo}".into(),
            body: "Olá, {cliente}.".into(),
            role_ids: Vec::new(),
        };
        let state = edit(
            at_email(),
            [
                EmailEdit::Subject("Meu assunto".into()),
                EmailEdit::Template(Some(template.id)),
            ],
        );
        assert_eq!(
            email(&state).subject,
            "Meu assunto",
            "not before the list is there"
        );
        let state = run(
            state,
            [
                EmailAction::TemplatesStarted.into(),
                EmailAction::TemplatesFinished(Ok(vec![template.clone()])).into(),
                EmailAction::Edit(EmailEdit::Template(Some(template.id))).into(),
            ],
        );
        let chosen = email(&state);
        assert_eq!(chosen.template_id, Some(template.id));
        assert_eq!(
            (chosen.subject.as_str(), chosen.body.as_str()),
            ("Protocolo {protocolo}", "Olá, {cliente}.")
        );
        let state = edit(
            state,
            [
                EmailEdit::Body("Olá, {cliente}. Segue.".into()),
                EmailEdit::Template(None),
            ],
        );
        let chosen = email(&state);
        assert_eq!(chosen.template_id, None);
        assert_eq!(chosen.body, "Olá, {cliente}. Segue.", "the text stays");
    }

    #[test]
    fn the_previews_problems_replace_what_was_said_at_the_emails_fields() {
        let other = CommandError::at_field("tarefa-prazo", "Preencha o prazo da tarefa.");
        let old = CommandError::at_field(fields::SUBJECT, "Preencha o assunto.");
        let unknown = CommandError::at_field(fields::BODY, "O modelo usa {x}, que não existe.");
        let state = run(
            at_email(),
            [
                WizardAction::SaveRejected(vec![old, other.clone()]),
                EmailAction::Checked(vec![unknown.clone()]).into(),
            ],
        );
        assert_eq!(state.current(), Step::SendEmail);
        assert_eq!(state.advance_errors, [other, unknown]);
    }

    #[test]
    fn the_copy_is_checked_and_unchecked() {
        let state = edit(at_email(), [EmailEdit::Copy(true)]);
        assert!(email(&state).copy);
        let state = edit(state, [EmailEdit::Copy(false)]);
        assert!(!email(&state).copy);
    }

    #[test]
    fn attachments_come_from_the_ticket_or_the_disk_once_and_are_removed() {
        let ticket_file = file('a', "foto.jpg");
        let state = run(
            at_email(),
            [
                EmailAction::Edit(EmailEdit::TicketAttachment(ticket_file.clone(), true)).into(),
                EmailAction::Edit(EmailEdit::TicketAttachment(ticket_file.clone(), true)).into(),
                EmailAction::PickStarted.into(),
            ],
        );
        assert!(state.attaching, "the ticket's save waits for the picker");
        let state = run(
            state,
            [
                EmailAction::PickFinished(Ok(Some(file('b', "laudo.pdf")))).into(),
                EmailAction::PickStarted.into(),
                EmailAction::PickFinished(Ok(Some(file('a', "copia.jpg")))).into(),
            ],
        );
        assert!(!state.attaching);
        let names: Vec<_> = email(&state)
            .attachments
            .iter()
            .map(|a| a.file_name.clone())
            .collect();
        assert_eq!(names, ["foto.jpg", "laudo.pdf"]);
        assert!(state
            .email
            .attach_error
            .as_ref()
            .is_some_and(|e| e.message.contains("\"foto.jpg\"")));
        assert!(
            state.attachment.error.is_none(),
            "the Anexo step is not told"
        );

        let state = run(
            state,
            [
                EmailAction::Edit(EmailEdit::TicketAttachment(ticket_file, false)).into(),
                EmailAction::Edit(EmailEdit::RemoveAttachment(5)).into(),
            ],
        );
        assert_eq!(email(&state).attachments, [file('b', "laudo.pdf")]);
        assert!(state.email.attach_error.is_none());
        let state = edit(state, [EmailEdit::RemoveAttachment(0)]);
        assert!(email(&state).attachments.is_empty());
    }

    #[test]
    fn removing_the_email_goes_back_and_reopening_starts_empty() {
        let state = edit(at_email(), [EmailEdit::SelectAll, EmailEdit::Copy(true)]);
        let state = run(
            state,
            [
                WizardAction::GoTo(Step::FirstContact),
                WizardAction::OpenStep(Step::SendEmail),
            ],
        );
        assert!(email(&state).copy, "kept while moving between steps");
        let state = run(state, [EmailAction::Remove.into()]);
        assert_eq!(state.draft.email, None);
        assert_eq!(state.current(), Step::FirstContact);
        let state = run(state, [WizardAction::OpenStep(Step::SendEmail)]);
        assert_eq!(email(&state), EmailDraft::default());
    }
}
