//! "Anexo": "Pesquisar ou Criar" opens the system's file picker; each file attached is
//! listed with its size and the operator's "Observações" about it.
use helpdesk_api::{CommandError, DraftAttachment, PickAttachment};
use helpdesk_core::attachment::{notes_field, FIELD};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::api;
use crate::components::{message_at, AttachmentRow, FieldError, TextField};
use crate::wizard::state::AttachmentAction;

/// Props of [`AttachmentStep`].
#[derive(Properties, PartialEq)]
pub struct AttachmentStepProps {
    /// The files attached, in order.
    pub files: Vec<DraftAttachment>,
    /// The file picker is open (here or for the e-mail).
    pub attaching: bool,
    /// Why the last file picked could not be attached.
    pub error: Option<CommandError>,
    /// Why the save refused, at the fields.
    pub errors: Vec<CommandError>,
    pub onaction: Callback<AttachmentAction>,
}

/// "Pesquisar ou Criar" (and "Anexar" of the e-mail): the system's file picker, unless it is
/// open already (`attaching`); `started` as it opens, then `finished` with the file stored
/// (or why not).
pub fn pick_file<A: Clone + 'static>(
    attaching: bool,
    onaction: &Callback<A>,
    started: A,
    finished: fn(Result<Option<DraftAttachment>, CommandError>) -> A,
) -> Callback<MouseEvent> {
    let onaction = onaction.clone();
    Callback::from(move |_: MouseEvent| {
        if attaching {
            return;
        }
        let onaction = onaction.clone();
        onaction.emit(started.clone());
        spawn_local(async move {
            let result = api::invoke::<PickAttachment>(&()).await;
            onaction.emit(finished(result));
        });
    })
}

/// The picker's button and the files attached so far.
#[function_component]
pub fn AttachmentStep(props: &AttachmentStepProps) -> Html {
    let attaching = props.attaching;
    let onpick = pick_file(
        attaching,
        &props.onaction,
        AttachmentAction::PickStarted,
        AttachmentAction::PickFinished,
    );
    let pick_error = props
        .error
        .as_ref()
        .map(|error| AttrValue::from(error.message.clone()))
        .or_else(|| message_at(&props.errors, FIELD));
    let row = |(index, file): (usize, &DraftAttachment)| {
        let field = AttrValue::from(notes_field(index));
        let notes = html! {
            <TextField
                id={field.clone()}
                label="Observações"
                bare=true
                rows={2}
                placeholder="O que é este arquivo e por que foi anexado"
                value={file.notes.clone()}
                error={message_at(&props.errors, &field)}
                oninput={props.onaction.reform(move |text| AttachmentAction::EditNotes(index, text))}
            />
        };
        html! {
            <AttachmentRow
                key={format!("{index}-{}", file.content_hash)}
                file={file.clone()}
                onremove={props.onaction.reform(move |()| AttachmentAction::Remove(index))}
                notes={notes}
            />
        }
    };

    html! {
        <div class="attachment-step">
            <div class="field">
                <button
                    id="pesquisar-anexo"
                    type="button"
                    data-autofocus="true"
                    aria-busy={attaching.then_some("true")}
                    disabled={attaching}
                    onclick={onpick}
                >
                    { if attaching { "Escolhendo arquivo…" } else { "Pesquisar ou Criar" } }
                </button>
                <p class="hint muted">{ "Escolha um arquivo do computador (até o limite de tamanho para anexos)." }</p>
                <FieldError field={FIELD} message={pick_error} />
            </div>
            <h3>{ "Arquivos anexados" }</h3>
            if props.files.is_empty() {
                <p id="sem-anexos" class="muted">{ "Nenhum arquivo anexado." }</p>
            } else {
                <ul id="anexos" class="attachments">
                    { for props.files.iter().enumerate().map(row) }
                </ul>
            }
        </div>
    }
}
