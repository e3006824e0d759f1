//! "Importar" and "Exportar": a script's graph as JSON (the format documented in
//! `helpdesk_core::script`). An import is read in the page, checked by the core, and
//! replaces the editor's questions only when it is a script; nothing is published until
//! "Publicar".
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::editor_state::{too_big, MAX_IMPORT_BYTES};
use crate::components::{Dialog, TextField};
use crate::dom::copy_text;

/// Props of [`ImportDialog`].
#[derive(Properties, PartialEq)]
pub struct ImportDialogProps {
    /// Why the last import was refused.
    pub error: Option<AttrValue>,
    /// The JSON read or pasted, to import.
    pub onimport: Callback<String>,
    /// The file could not be read, and why.
    pub onfailed: Callback<String>,
    /// "Cancelar" or Esc; the owner also closes the dialog after an import.
    pub onclose: Callback<()>,
}

/// The dialog `#importar-dialogo`: a file (`#importar-arquivo`) or pasted text
/// (`#importar-texto`, `#importar-confirmar`); the reason at `#importar-erro`.
#[function_component]
pub fn ImportDialog(props: &ImportDialogProps) -> Html {
    let text = use_state(String::new);
    let reading = use_state(|| false);
    let onfile = {
        let (onimport, onfailed, reading) = (
            props.onimport.clone(),
            props.onfailed.clone(),
            reading.clone(),
        );
        Callback::from(move |event: Event| {
            let input = event.target_unchecked_into::<HtmlInputElement>();
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            // So that choosing the same file again (after fixing it) reads it again.
            input.set_value("");
            if file.size() > MAX_IMPORT_BYTES as f64 {
                onfailed.emit(too_big());
                return;
            }
            reading.set(true);
            let (onimport, onfailed, reading) =
                (onimport.clone(), onfailed.clone(), reading.clone());
            spawn_local(async move {
                match JsFuture::from(file.text())
                    .await
                    .map(|text| text.as_string())
                {
                    Ok(Some(json)) => onimport.emit(json),
                    Ok(None) | Err(_) => {
                        onfailed.emit(format!("Não foi possível ler o arquivo “{}”.", file.name()))
                    }
                }
                reading.set(false);
            });
        })
    };
    let onconfirm = {
        let (text, onimport) = (text.clone(), props.onimport.clone());
        Callback::from(move |_: MouseEvent| onimport.emit((*text).clone()))
    };
    html! {
        <Dialog id="importar-dialogo" title="Importar script" onclose={props.onclose.clone()}>
            <div class="dialog-body">
                <p class="hint-below">
                    { "As perguntas importadas substituem as do editor; o nome e as palavras-chave \
                       continuam. Nada é publicado até “Publicar”." }
                </p>
                <div class="field">
                    <label for="importar-arquivo">{ "Arquivo JSON" }</label>
                    <input
                        id="importar-arquivo"
                        type="file"
                        accept=".json,application/json"
                        disabled={*reading}
                        onchange={onfile}
                    />
                </div>
                <TextField
                    id="importar-texto"
                    label="Ou cole o JSON do script"
                    rows={Some(12)}
                    control_class="mono json-text"
                    no_spellcheck=true
                    value={(*text).clone()}
                    oninput={let text = text.clone(); move |json| text.set(json)}
                />
                if *reading {
                    <p class="loading" aria-busy="true">{ "Lendo o arquivo…" }</p>
                }
                if let Some(error) = &props.error {
                    <p id="importar-erro" class="form-error" role="alert">{ error.clone() }</p>
                }
            </div>
            <div class="dialog-footer">
                <button
                    id="cancelar-importacao"
                    type="button"
                    onclick={props.onclose.reform(|_: MouseEvent| ())}
                >
                    { "Cancelar" }
                </button>
                <button
                    id="importar-confirmar"
                    type="button"
                    class="primary"
                    disabled={*reading}
                    onclick={onconfirm}
                >
                    { "Importar" }
                </button>
            </div>
        </Dialog>
    }
}

/// Props of [`ExportDialog`].
#[derive(Properties, PartialEq)]
pub struct ExportDialogProps {
    /// The script's JSON.
    pub json: AttrValue,
    /// "Fechar" or Esc.
    pub onclose: Callback<()>,
}

/// The dialog `#exportar-dialogo`: the JSON in `#exportar-texto` and "Copiar" (`#copiar`).
#[function_component]
pub fn ExportDialog(props: &ExportDialogProps) -> Html {
    let text_ref = use_node_ref();
    let status = use_state(|| None::<&'static str>);
    let oncopy = {
        let (text_ref, status, json) = (text_ref.clone(), status.clone(), props.json.clone());
        Callback::from(move |_: MouseEvent| {
            let (text_ref, status, json) = (text_ref.clone(), status.clone(), json.clone());
            spawn_local(async move {
                if copy_text(&json).await {
                    status.set(Some("Copiado para a área de transferência."));
                } else {
                    select(&text_ref);
                    status.set(Some(SELECTED));
                }
            });
        })
    };
    html! {
        <Dialog id="exportar-dialogo" title="Exportar script" onclose={props.onclose.clone()}>
            <div class="dialog-body">
                <p class="hint-below">
                    { "O script em JSON, para guardar em um arquivo ou importar em outro computador." }
                </p>
                <textarea
                    id="exportar-texto"
                    class="mono json-text"
                    rows="18"
                    readonly=true
                    spellcheck="false"
                    aria-label="Script em JSON"
                    ref={text_ref}
                    value={props.json.clone()}
                />
                <p id="exportar-status" class="muted" aria-live="polite">
                    { status.unwrap_or_default() }
                </p>
            </div>
            <div class="dialog-footer">
                <button id="fechar-exportacao" type="button" onclick={props.onclose.reform(|_: MouseEvent| ())}>
                    { "Fechar" }
                </button>
                <button id="copiar" type="button" class="primary" onclick={oncopy}>
                    { "Copiar" }
                </button>
            </div>
        </Dialog>
    }
}

const SELECTED: &str = "Texto selecionado: copie com Ctrl+C.";

/// Selects the whole text, for the operator to copy.
fn select(text: &NodeRef) {
    if let Some(text) = text.cast::<HtmlTextAreaElement>() {
        let _ = text.focus();
        text.select();
    }
}
