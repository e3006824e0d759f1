//! The e-mail's attachments: "Adicionar Anexo" opens "Anexar E-mail", where the ticket's
//! own attachments are checked and "Anexar" picks a file from the computer; each file is
//! listed with its size and "Remover".
use helpdesk_api::DraftAttachment;
use helpdesk_core::attachment::describe_size;
use helpdesk_core::email::fields;
use yew::prelude::*;

use crate::components::{AttachmentRow, Dialog, FieldError};
use crate::wizard::attachment_step::pick_file;
use crate::wizard::state::{EmailAction, EmailEdit};

/// Props of [`EmailAttachments`].
#[derive(Properties, PartialEq)]
pub struct EmailAttachmentsProps {
    /// The e-mail's attachments.
    pub attached: Vec<DraftAttachment>,
    /// The ticket's own attachments, which can be checked for the e-mail.
    pub ticket_files: Vec<DraftAttachment>,
    /// The file picker is open.
    pub attaching: bool,
    /// What was said about them (the picker's refusal, or the save's).
    pub error: Option<AttrValue>,
    pub onaction: Callback<EmailAction>,
}

/// The list, its button and the "Anexar E-mail" dialog.
#[function_component]
pub fn EmailAttachments(props: &EmailAttachmentsProps) -> Html {
    let open = use_state(|| false);
    let attaching = props.attaching;
    let edit = |make: EmailEdit| {
        let onaction = props.onaction.clone();
        move || onaction.emit(EmailAction::Edit(make.clone()))
    };
    let onpick = pick_file(
        attaching,
        &props.onaction,
        EmailAction::PickStarted,
        EmailAction::PickFinished,
    );
    let is_attached = |file: &DraftAttachment| {
        props
            .attached
            .iter()
            .any(|a| a.content_hash == file.content_hash)
    };
    let ticket_file = |file: &DraftAttachment| {
        let checked = is_attached(file);
        let onchange = {
            let toggle = edit(EmailEdit::TicketAttachment(file.clone(), !checked));
            Callback::from(move |_: Event| toggle())
        };
        html! {
            <li key={file.content_hash.clone()}>
                <label>
                    <input type="checkbox" name="email-anexo-atendimento"
                        value={file.content_hash.clone()} {checked} {onchange} />
                    <span>{ file.file_name.clone() }</span>
                    <span class="muted">{ describe_size(file.size_bytes) }</span>
                </label>
            </li>
        }
    };
    let row = |(index, file): (usize, &DraftAttachment)| {
        let onremove = props
            .onaction
            .reform(move |()| EmailAction::Edit(EmailEdit::RemoveAttachment(index)));
        html! {
            <AttachmentRow key={file.content_hash.clone()} file={file.clone()} {onremove} />
        }
    };
    let set_open = |value: bool| {
        let open = open.clone();
        move || open.set(value)
    };
    let onclose = {
        let close = set_open(false);
        Callback::from(move |()| close())
    };
    let onopen = {
        let show = set_open(true);
        Callback::from(move |_: MouseEvent| show())
    };
    let error = html! { <FieldError field={fields::ATTACHMENTS} message={props.error.clone()} /> };

    html! {
        <div class="field email-attachments">
            <span class="label">{ "Anexos do e-mail" }</span>
            if props.attached.is_empty() {
                <p id="email-sem-anexos" class="muted">{ "Nenhum arquivo anexado ao e-mail." }</p>
            } else {
                <ul id="email-anexos" class="attachments">
                    { for props.attached.iter().enumerate().map(row) }
                </ul>
            }
            <button id="email-adicionar-anexo" type="button" onclick={onopen}>{ "Adicionar Anexo" }</button>
            if !*open {
                { error.clone() }
            }
            if *open {
                <Dialog id="anexar-email" title="Anexar E-mail" onclose={onclose.clone()}>
                    <div class="dialog-body">
                        <h4>{ "Anexos do atendimento" }</h4>
                        if props.ticket_files.is_empty() {
                            <p class="muted">{ "O atendimento não tem anexos." }</p>
                        } else {
                            <ul id="email-anexos-atendimento" class="ticket-files">
                                { for props.ticket_files.iter().map(ticket_file) }
                            </ul>
                        }
                        <h4>{ "Do computador" }</h4>
                        <button
                            id="email-anexar"
                            type="button"
                            aria-busy={attaching.then_some("true")}
                            disabled={attaching}
                            onclick={onpick}
                        >
                            { if attaching { "Escolhendo arquivo…" } else { "Anexar" } }
                        </button>
                        { error }
                    </div>
                    <div class="dialog-footer">
                        <button id="email-anexos-fechar" type="button" class="primary"
                            onclick={onclose.reform(|_: MouseEvent| ())}>
                            { "Fechar" }
                        </button>
                    </div>
                </Dialog>
            }
        </div>
    }
}
