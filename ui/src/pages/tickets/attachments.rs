//! The ticket page's files: each with "Abrir" (the system's viewer) and "Salvar como…", and
//! "Anexar arquivo" (the system's file picker, then the file's notes, then "Anexar").
use helpdesk_api::{
    AddToTicket, AttachmentInfo, CommandError, DraftAttachment, OpenAttachment, PickAttachment,
    SaveAttachmentAs, TicketAdd, TicketAddition, Uuid,
};
use helpdesk_core::attachment::{describe_size, notes_field, FIELD};
use helpdesk_core::attachment_copy;
use helpdesk_core::date::format_instant;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::api;
use crate::components::{message_at, unplaced_message, AttachmentRow, FormError, TextField};
use crate::dom::local_offset_minutes;

/// Props of [`TicketAttachments`].
#[derive(Properties, PartialEq)]
pub struct TicketAttachmentsProps {
    pub ticket_id: Uuid,
    pub files: Vec<AttachmentInfo>,
    /// The ticket is closed: nothing more is attached.
    pub closed: bool,
    /// A file was attached: read the details again.
    pub onchange: Callback<()>,
}

/// `section#anexos-atendimento`: `ul#anexos` with an `li[data-attachment-id]` per file.
#[function_component]
pub fn TicketAttachments(props: &TicketAttachmentsProps) -> Html {
    let offset = local_offset_minutes();
    let errors = use_state(Vec::<CommandError>::new);
    // The file picked and stored, waiting for its notes and "Anexar".
    let picked = use_state(|| None::<DraftAttachment>);
    let busy = use_state(|| false);
    let saved_to = use_state(|| None::<String>);

    let fail = {
        let errors = errors.clone();
        move |error: CommandError| errors.set(vec![error])
    };
    let on_open = |id: Uuid| {
        let (fail, errors, saved_to) = (fail.clone(), errors.clone(), saved_to.clone());
        Callback::from(move |_: MouseEvent| {
            let (fail, errors, saved_to) = (fail.clone(), errors.clone(), saved_to.clone());
            spawn_local(async move {
                match api::invoke::<OpenAttachment>(&id).await {
                    Ok(()) => {
                        errors.set(Vec::new());
                        saved_to.set(None);
                    }
                    Err(error) => fail(error),
                }
            });
        })
    };
    let on_save = |id: Uuid| {
        let (fail, errors, saved_to) = (fail.clone(), errors.clone(), saved_to.clone());
        Callback::from(move |_: MouseEvent| {
            let (fail, errors, saved_to) = (fail.clone(), errors.clone(), saved_to.clone());
            spawn_local(async move {
                match api::invoke::<SaveAttachmentAs>(&id).await {
                    Ok(path) => {
                        errors.set(Vec::new());
                        saved_to.set(path);
                    }
                    Err(error) => fail(error),
                }
            });
        })
    };
    let on_pick = {
        let (fail, errors, picked, busy) =
            (fail.clone(), errors.clone(), picked.clone(), busy.clone());
        Callback::from(move |_: MouseEvent| {
            if *busy {
                return;
            }
            let (fail, errors, picked, busy) =
                (fail.clone(), errors.clone(), picked.clone(), busy.clone());
            busy.set(true);
            spawn_local(async move {
                match api::invoke::<PickAttachment>(&()).await {
                    Ok(Some(file)) => {
                        errors.set(Vec::new());
                        picked.set(Some(file));
                    }
                    Ok(None) => {}
                    Err(error) => fail(error),
                }
                busy.set(false);
            });
        })
    };
    let on_notes = {
        let picked = picked.clone();
        Callback::from(move |notes: String| {
            if let Some(file) = &*picked {
                picked.set(Some(DraftAttachment {
                    notes,
                    ..file.clone()
                }));
            }
        })
    };
    let on_attach = {
        let (fail, errors, picked, busy, onchange) = (
            fail.clone(),
            errors.clone(),
            picked.clone(),
            busy.clone(),
            props.onchange.clone(),
        );
        let ticket_id = props.ticket_id;
        Callback::from(move |_: MouseEvent| {
            let Some(file) = (*picked).clone() else {
                return;
            };
            let (fail, errors, picked, busy, onchange) = (
                fail.clone(),
                errors.clone(),
                picked.clone(),
                busy.clone(),
                onchange.clone(),
            );
            busy.set(true);
            spawn_local(async move {
                let request = TicketAdd {
                    ticket_id,
                    addition: TicketAddition::Attachment(file),
                };
                match api::invoke::<AddToTicket>(&request).await {
                    Ok(()) => {
                        errors.set(Vec::new());
                        picked.set(None);
                        onchange.emit(());
                    }
                    Err(error) => fail(error),
                }
                busy.set(false);
            });
        })
    };
    let on_drop = {
        let picked = picked.clone();
        Callback::from(move |()| picked.set(None))
    };

    let notes_at = notes_field(0);
    html! {
        <section id="anexos-atendimento" aria-label="Anexos">
            <h2>{ "Anexos" }</h2>
            if props.files.is_empty() {
                <p id="anexos-vazio" class="empty">{ "Nenhum arquivo anexado." }</p>
            } else {
                <ul id="anexos" class="attachments">
                    { for props.files.iter().map(|file| html! {
                        <li key={file.id.to_string()} data-attachment-id={file.id.to_string()}>
                            <strong>{ file.file_name.clone() }</strong>
                            { format!(" · {} · {} · {}", describe_size(u64::try_from(file.size_bytes).unwrap_or_default()), file.added_by_name, format_instant(file.added_at, offset)) }
                            <button type="button" class="abrir-anexo" onclick={on_open(file.id)}>{ "Abrir" }</button>
                            <button type="button" class="salvar-anexo" onclick={on_save(file.id)}>{ "Salvar como…" }</button>
                            if !file.notes.is_empty() {
                                <div class="muted">{ file.notes.clone() }</div>
                            }
                        </li>
                    }) }
                </ul>
            }
            if let Some(path) = &*saved_to {
                <p id="anexo-salvo" class="notice">{ format!("Arquivo salvo em {path}.") }</p>
            }
            if !props.closed {
                if let Some(file) = &*picked {
                    <ul class="attachments pending">
                        <AttachmentRow
                            file={file.clone()}
                            onremove={on_drop}
                            notes={html! {
                                <TextField
                                    id={notes_at.clone()}
                                    label="Observações"
                                    bare=true
                                    rows={2}
                                    placeholder="O que é este arquivo e por que foi anexado"
                                    value={file.notes.clone()}
                                    error={message_at(&errors, &notes_at)}
                                    oninput={on_notes}
                                />
                            }}
                        />
                    </ul>
                    <button id="confirmar-anexo" type="button" class="primary" disabled={*busy} onclick={on_attach}>
                        { "Anexar" }
                    </button>
                } else {
                    <button id="anexar-arquivo" type="button" disabled={*busy} onclick={on_pick}>
                        { "Anexar arquivo" }
                    </button>
                }
            }
            <FormError message={message_at(&errors, FIELD)} />
            <FormError message={unplaced_message(&errors, &[notes_at.as_str(), FIELD, attachment_copy::FIELD])} />
            <p id="anexo-erro" class="error">{ message_at(&errors, attachment_copy::FIELD).unwrap_or_default() }</p>
        </section>
    }
}
