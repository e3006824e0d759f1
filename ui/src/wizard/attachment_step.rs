//! "Anexo": "Pesquisar ou Criar" opens the system's file picker; each file attached is
//! listed with its size and the operator's "Observações" about it.
use helpdesk_api::{CommandError, DraftAttachment, PickAttachment};
use helpdesk_core::attachment::{describe_size, notes_field, FIELD};
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::api;
use crate::components::{message_at, FieldError};
use crate::wizard::state::{WizardAction, WizardState};

/// Props of [`AttachmentStep`].
#[derive(Properties, PartialEq)]
pub struct AttachmentStepProps {
    pub state: UseReducerHandle<WizardState>,
}

/// "Pesquisar ou Criar" (and "Anexar" of the e-mail): the system's file picker, unless it is
/// open already; `started` as it opens, then `finished` with the file stored (or why not).
pub fn pick_file(
    state: &UseReducerHandle<WizardState>,
    started: WizardAction,
    finished: fn(Result<Option<DraftAttachment>, CommandError>) -> WizardAction,
) -> Callback<MouseEvent> {
    let dispatcher = state.dispatcher();
    let attaching = state.attaching;
    Callback::from(move |_: MouseEvent| {
        if attaching {
            return;
        }
        let dispatcher = dispatcher.clone();
        dispatcher.dispatch(started.clone());
        spawn_local(async move {
            let result = api::invoke::<PickAttachment>(&()).await;
            dispatcher.dispatch(finished(result));
        });
    })
}

/// The picker's button and the files attached so far.
#[function_component]
pub fn AttachmentStep(props: &AttachmentStepProps) -> Html {
    let state = &props.state;
    let onpick = pick_file(
        state,
        WizardAction::AttachStarted,
        WizardAction::AttachFinished,
    );
    let pick_error = state
        .attach_error
        .as_ref()
        .map(|error| AttrValue::from(error.message.clone()))
        .or_else(|| message_at(&state.advance_errors, FIELD));
    let row = |(index, file): (usize, &DraftAttachment)| {
        let field = notes_field(index);
        let error = message_at(&state.advance_errors, &field);
        let oninput = {
            let dispatcher = state.dispatcher();
            Callback::from(move |event: InputEvent| {
                let text = event.target_unchecked_into::<HtmlTextAreaElement>().value();
                dispatcher.dispatch(WizardAction::EditAttachmentNotes(index, text));
            })
        };
        let onremove = {
            let dispatcher = state.dispatcher();
            Callback::from(move |_: MouseEvent| {
                dispatcher.dispatch(WizardAction::RemoveAttachment(index));
            })
        };
        html! {
            <li key={format!("{index}-{}", file.content_hash)} class="attachment" data-file-name={file.file_name.clone()}>
                <div class="attachment-file">
                    <span class="attachment-name">{ file.file_name.clone() }</span>
                    <span class="attachment-size muted">{ describe_size(file.size_bytes) }</span>
                    <button type="button" class="link remove-attachment" onclick={onremove}
                        aria-label={format!("Remover {}", file.file_name)}>
                        { "Remover" }
                    </button>
                </div>
                <label for={field.clone()}>{ "Observações" }</label>
                <textarea
                    id={field.clone()}
                    rows="2"
                    placeholder="O que é este arquivo e por que foi anexado"
                    value={file.notes.clone()}
                    aria-invalid={error.is_some().then_some("true")}
                    {oninput}
                />
                <FieldError field={field} message={error} />
            </li>
        }
    };

    html! {
        <div class="attachment-step">
            <div class="field">
                <button
                    id="pesquisar-anexo"
                    type="button"
                    data-autofocus="true"
                    aria-busy={state.attaching.then_some("true")}
                    disabled={state.attaching}
                    onclick={onpick}
                >
                    { if state.attaching { "Escolhendo arquivo…" } else { "Pesquisar ou Criar" } }
                </button>
                <p class="hint muted">{ "Escolha um arquivo do computador (até o limite de tamanho para anexos)." }</p>
                <FieldError field={FIELD} message={pick_error} />
            </div>
            <h3>{ "Arquivos anexados" }</h3>
            if state.draft.attachments.is_empty() {
                <p id="sem-anexos" class="muted">{ "Nenhum arquivo anexado." }</p>
            } else {
                <ul id="anexos" class="attachments">
                    { for state.draft.attachments.iter().enumerate().map(row) }
                </ul>
            }
        </div>
    }
}
