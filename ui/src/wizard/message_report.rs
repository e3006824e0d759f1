//! "Relato do cliente" in "Localizar Reg.": a message's subject, sender and new text, the
//! files that came with it, and its quoted part kept apart (collapsed, "Mensagem anterior").
use helpdesk_api::SupportMessage;
use helpdesk_core::attachment::describe_size;
use helpdesk_core::date::format_instant;
use yew::prelude::*;

use crate::dom::local_offset_minutes;

/// Props of [`MessageReport`].
#[derive(Properties, PartialEq)]
pub struct MessageReportProps {
    pub message: SupportMessage,
}

/// The message as the customer wrote it.
#[function_component]
pub fn MessageReport(props: &MessageReportProps) -> Html {
    let message = &props.message;
    let sender = match message.sender_name.trim() {
        "" => message.email.clone(),
        name => format!("{name} <{}>", message.email),
    };
    let when = format_instant(message.received_at, local_offset_minutes());
    html! {
        <>
            <p class="report-meta">
                <span class="report-subject">{ message.subject.clone() }</span>
                <span>{ format!("{sender} · {when}") }</span>
            </p>
            <p id="relato-texto" class="report-body">{ message.body.clone() }</p>
            if !message.attachments.is_empty() {
                <div id="relato-anexos" class="report-files">
                    <h4>{ "Anexos da mensagem" }</h4>
                    <ul>
                        { for message.attachments.iter().map(|file| html! {
                            <li key={file.id.to_string()} data-hash={file.content_hash.clone()}>
                                <span class="file-name">{ file.file_name.clone() }</span>
                                <span class="muted">{ format!(" · {}", describe_size(file.size_bytes)) }</span>
                            </li>
                        }) }
                    </ul>
                </div>
            }
            if !message.quoted.trim().is_empty() {
                <details id="relato-anterior" class="report-quoted">
                    <summary>{ "Mensagem anterior" }</summary>
                    <p class="report-body">{ message.quoted.clone() }</p>
                </details>
            }
        </>
    }
}
