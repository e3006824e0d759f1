//! "Enviar E-mail": who gets it ("Enviar Para"), the template it starts from, the copy, the
//! attachments, the subject and the body. It is kept in the draft as composed and queued
//! with the ticket when the ticket is saved.
use helpdesk_api::{CommandError, DraftAttachment, Uuid};
use helpdesk_core::email::{check_placeholders, fields, EmailContext, EmailDraft, EmailTemplate};
use yew::prelude::*;

use crate::components::{message_at, Dialog, FormError, SelectField, TextField};
use crate::wizard::email_attachments::EmailAttachments;
use crate::wizard::email_copy::EmailCopy;
use crate::wizard::email_preview::EmailPreviewPanel;
use crate::wizard::email_recipients::EmailRecipients;
use crate::wizard::state::{EmailAction, EmailEdit, EmailState, ListedAddress};

/// Props of [`EmailStep`].
#[derive(Properties, PartialEq)]
pub struct EmailStepProps {
    /// The e-mail as composed.
    pub email: Option<EmailDraft>,
    /// The customer's addresses, in order.
    pub listed: Vec<ListedAddress>,
    /// The customer's record (and so its addresses) is still on its way.
    pub record_loading: bool,
    /// The templates, and why the last file could not be attached.
    pub state: EmailState,
    /// Why the save or the preview refused, at the fields.
    pub errors: Vec<CommandError>,
    /// The ticket's own attachments, which the e-mail may take.
    pub ticket_files: Vec<DraftAttachment>,
    /// The file picker is open.
    pub attaching: bool,
    /// What the placeholders are filled with now.
    pub context: EmailContext,
    pub onaction: Callback<EmailAction>,
}

/// The e-mail's form.
#[function_component]
pub fn EmailStep(props: &EmailStepProps) -> Html {
    let state = &props.state;
    let email = props.email.clone().unwrap_or_default();
    let errors = &props.errors;
    let onedit = props.onaction.reform(EmailAction::Edit);
    let templates = state.templates.value.clone().unwrap_or_default();
    // A template asked for while the subject or body hold the operator's own text: it
    // replaces them only once confirmed.
    let replacing = use_state(|| None::<Uuid>);
    // Raised when the replacement is declined, so the list shows the template kept.
    let resets = use_state(|| 0u32);
    let typed_own_text = match email
        .template_id
        .and_then(|id| templates.iter().find(|template| template.id == id))
    {
        Some(template) => template.subject != email.subject || template.body != email.body,
        None => !email.subject.trim().is_empty() || !email.body.trim().is_empty(),
    };
    let on_template = {
        let (onedit, replacing) = (onedit.clone(), replacing.clone());
        Callback::from(move |value: String| match value.parse::<Uuid>().ok() {
            Some(id) if typed_own_text => replacing.set(Some(id)),
            id => onedit.emit(EmailEdit::Template(id)),
        })
    };
    let onreplace = {
        let (onedit, replacing) = (onedit.clone(), replacing.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(id) = *replacing {
                onedit.emit(EmailEdit::Template(Some(id)));
            }
            replacing.set(None);
        })
    };
    let onkeep = {
        let (replacing, resets) = (replacing.clone(), resets.clone());
        Callback::from(move |()| {
            replacing.set(None);
            resets.set(*resets + 1);
        })
    };
    let onremove = props.onaction.reform(|_: MouseEvent| EmailAction::Remove);
    // What the save said at a field, else what the core's own check says as it is typed.
    let text_error = |field: &str, text: &str| {
        message_at(errors, field).or_else(|| {
            check_placeholders(field, text)
                .err()
                .map(|error| AttrValue::from(error.message))
        })
    };
    let attachments_error = state
        .attach_error
        .as_ref()
        .map(|error| AttrValue::from(error.message.clone()))
        .or_else(|| message_at(errors, fields::ATTACHMENTS));
    let option = |template: &EmailTemplate| {
        html! {
            <option
                key={template.id.to_string()}
                value={template.id.to_string()}
                selected={email.template_id == Some(template.id)}
            >
                { template.name.clone() }
            </option>
        }
    };

    html! {
        <div class="email-step">
            <p id="email-aviso" class="notice">{ "O e-mail será enviado ao salvar o atendimento." }</p>
            <EmailRecipients
                listed={props.listed.clone()}
                recipients={email.recipients.clone()}
                error={message_at(errors, fields::RECIPIENTS)}
                loading={props.record_loading}
                onedit={onedit.clone()}
            />
            <div class="field">
                <SelectField
                    key={*resets}
                    id={fields::TEMPLATE}
                    label="Modelo de E-mail"
                    bare=true
                    error={message_at(errors, fields::TEMPLATE)}
                    onchange={on_template}
                >
                    <option value="" selected={email.template_id.is_none()}>
                        { if state.templates.loading { "Carregando…" } else { "Nenhum (escrever o e-mail)" } }
                    </option>
                    { for templates.iter().map(option) }
                </SelectField>
                <FormError message={state.templates.error.as_ref().map(|e| AttrValue::from(e.message.clone()))} />
            </div>
            <EmailCopy checked={email.copy} onchange={onedit.reform(EmailEdit::Copy)} />
            <EmailAttachments
                attached={email.attachments.clone()}
                ticket_files={props.ticket_files.clone()}
                attaching={props.attaching}
                error={attachments_error}
                onaction={props.onaction.clone()}
            />
            <TextField
                id={fields::SUBJECT}
                label="Assunto"
                required=true
                value={email.subject.clone()}
                error={text_error(fields::SUBJECT, &email.subject)}
                oninput={onedit.reform(EmailEdit::Subject)}
            />
            <TextField
                id={fields::BODY}
                label="Corpo"
                required=true
                rows={10}
                value={email.body.clone()}
                error={text_error(fields::BODY, &email.body)}
                oninput={onedit.reform(EmailEdit::Body)}
            />
            <EmailPreviewPanel
                email={props.email.clone()}
                context={props.context.clone()}
                onchecked={props.onaction.reform(EmailAction::Checked)}
            />
            if replacing.is_some() {
                <Dialog id="trocar-modelo" title="Trocar o modelo" onclose={onkeep.clone()}>
                    <div class="dialog-body">
                        <p>{ "O assunto e o corpo escritos serão substituídos pelos do modelo. Continuar?" }</p>
                    </div>
                    <div class="dialog-footer">
                        <button id="email-modelo-manter" type="button" onclick={onkeep.reform(|_: MouseEvent| ())}>
                            { "Manter o texto" }
                        </button>
                        <button id="email-modelo-substituir" type="button" class="primary" onclick={onreplace}>
                            { "Substituir" }
                        </button>
                    </div>
                </Dialog>
            }
            <button id="remover-email" type="button" class="link" onclick={onremove}>
                { "Remover e-mail" }
            </button>
        </div>
    }
}
