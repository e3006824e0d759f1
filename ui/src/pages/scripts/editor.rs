//! The editor of one script: its name and keywords, the toolbar, the problems found as the
//! author works, the questions on the left and the selected one's form on the right.
use std::rc::Rc;

use helpdesk_core::date::format_instant;
use helpdesk_core::script::fields;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement};
use yew::prelude::*;

use super::editor_state::{EditorAction, EditorState, FocusTarget};
use super::import_export::{ExportDialog, ImportDialog};
use super::node_editor::NodeEditor;
use super::node_list::NodeList;
use super::preview::PreviewDialog;
use super::problems::ProblemList;
use crate::components::{unplaced_message, FieldError, FormError};
use crate::dom::{focus, local_offset_minutes};

/// The dialog open over the editor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Open {
    Nothing,
    Import,
    Export,
    Preview,
}

/// Props of [`ScriptEditor`].
#[derive(Properties, PartialEq)]
pub struct ScriptEditorProps {
    pub state: UseReducerHandle<EditorState>,
}

/// `div.script-editor`.
#[function_component]
pub fn ScriptEditor(props: &ScriptEditorProps) -> Html {
    let state = &props.state;
    let open = use_state(|| Open::Nothing);
    let name_ref = use_node_ref();
    let keywords_ref = use_node_ref();
    let publish_ref = use_node_ref();
    let editor_ref = use_node_ref();

    {
        let name_ref = name_ref.clone();
        use_effect_with((), move |_| focus(&name_ref));
    }
    {
        // After a refusal, the focus goes to the first wrong field, else the problems.
        let (name_ref, keywords_ref, publish_ref, editor_ref) = (
            name_ref.clone(),
            keywords_ref.clone(),
            publish_ref.clone(),
            editor_ref.clone(),
        );
        let name_wrong = state.field_message(fields::NAME).is_some();
        let keywords_wrong = state.field_message(fields::KEYWORDS).is_some();
        let handled = use_mut_ref(|| state.refusals);
        use_effect_with(state.refusals, move |refusals| {
            if *handled.borrow() != *refusals {
                *handled.borrow_mut() = *refusals;
                if name_wrong {
                    focus(&name_ref);
                } else if keywords_wrong {
                    focus(&keywords_ref);
                } else if !focus_selector(&editor_ref, "#problemas button:not([disabled])") {
                    focus(&publish_ref);
                }
            }
        });
    }
    {
        // Moves the keyboard where the last change asked (a new question, a new answer, a
        // problem clicked).
        let editor_ref = editor_ref.clone();
        let target = state.focus;
        let handled = use_mut_ref(|| state.focuses);
        use_effect_with(state.focuses, move |focuses| {
            if *handled.borrow() != *focuses {
                *handled.borrow_mut() = *focuses;
                let selector = match target {
                    Some(FocusTarget::Question) => "#no-pergunta".to_owned(),
                    Some(FocusTarget::OptionLabel(option)) => {
                        format!("#opcoes li[data-option-index=\"{option}\"] .opcao-rotulo")
                    }
                    None => return,
                };
                focus_selector(&editor_ref, &selector);
            }
        });
    }
    {
        // A successful import closes its dialog.
        let open = open.clone();
        let handled = use_mut_ref(|| state.imports);
        use_effect_with(state.imports, move |imports| {
            if *handled.borrow() != *imports {
                *handled.borrow_mut() = *imports;
                open.set(Open::Nothing);
            }
        });
    }

    let dispatch = |action: fn(String) -> EditorAction| {
        let dispatcher = state.dispatcher();
        Callback::from(move |event: InputEvent| {
            let value = event.target_unchecked_into::<HtmlInputElement>().value();
            dispatcher.dispatch(action(value));
        })
    };
    let show = |what: Open| {
        let (open, dispatcher) = (open.clone(), state.dispatcher());
        Callback::from(move |_: MouseEvent| {
            if what == Open::Import {
                dispatcher.dispatch(EditorAction::StartImport);
            }
            open.set(what);
        })
    };
    let close = {
        let open = open.clone();
        Callback::from(move |()| open.set(Open::Nothing))
    };
    let onpublish = {
        let dispatcher = state.dispatcher();
        Callback::from(move |_: MouseEvent| dispatcher.dispatch(EditorAction::Publish))
    };
    let onadd = {
        let dispatcher = state.dispatcher();
        Callback::from(move |_: MouseEvent| dispatcher.dispatch(EditorAction::AddNode))
    };

    let name_error = state.field_message(fields::NAME);
    let keywords_error = state.field_message(fields::KEYWORDS);
    let placed = [fields::NAME, fields::KEYWORDS, fields::DEFINITION];
    let can_preview = state.problems.is_empty();
    let version = match state.version {
        Some((version, at)) => format!(
            "Versão {version}, publicada em {}.",
            format_instant(at, local_offset_minutes())
        ),
        None => "Script novo, ainda não publicado.".to_owned(),
    };
    let status = if state.publishing {
        html! { <span class="publish-status" aria-live="polite">{ "Publicando…" }</span> }
    } else if let Some(version) = state.just_published {
        html! {
            <span id="publicado" class="publish-status ok" role="status">
                { format!("Versão {version} publicada.") }
            </span>
        }
    } else if state.has_changes() {
        html! {
            <span id="alteracoes-pendentes" class="publish-status">
                { if state.imported {
                    "Script importado: ainda não publicado."
                } else {
                    "Alterações não publicadas."
                } }
            </span>
        }
    } else {
        Html::default()
    };

    let dialog = match *open {
        Open::Nothing => Html::default(),
        Open::Import => html! {
            <ImportDialog
                error={state.import_error.clone().map(AttrValue::from)}
                onimport={on(state, EditorAction::Import)}
                onfailed={on(state, EditorAction::ImportFailed)}
                onclose={close.clone()}
            />
        },
        Open::Export => html! {
            <ExportDialog json={AttrValue::from(state.definition.to_json())} onclose={close.clone()} />
        },
        Open::Preview => html! {
            <PreviewDialog
                script={Rc::new(state.definition.clone())}
                id={state.id}
                name={AttrValue::from(state.name.clone())}
                version={state.version.map_or(1, |(version, _)| version + 1)}
                onclose={close.clone()}
            />
        },
    };

    html! {
        <div class="script-editor" ref={editor_ref}>
            <div class="script-meta">
                <div class="field script-name-field">
                    <label for="script-nome">
                        { "Nome" }
                        <span class="required" aria-hidden="true">{ " *" }</span>
                    </label>
                    <input
                        id="script-nome"
                        type="text"
                        autocomplete="off"
                        required=true
                        ref={name_ref}
                        value={state.name.clone()}
                        aria-invalid={name_error.is_some().then_some("true")}
                        oninput={dispatch(EditorAction::EditName)}
                    />
                    <FieldError field={fields::NAME} message={name_error.map(AttrValue::from)} />
                </div>
                <div class="field script-keywords-field">
                    <label for="script-palavras">{ "Palavras-chave" }</label>
                    <input
                        id="script-palavras"
                        type="text"
                        autocomplete="off"
                        ref={keywords_ref}
                        value={state.keywords.clone()}
                        aria-invalid={keywords_error.is_some().then_some("true")}
                        aria-describedby="script-palavras-dica"
                        oninput={dispatch(EditorAction::EditKeywords)}
                    />
                    <p id="script-palavras-dica" class="hint-below">
                        { "Separadas por vírgula: assuntos, problemas e tipos de atendimento para os quais o script é oferecido." }
                    </p>
                    <FieldError
                        field={fields::KEYWORDS}
                        message={keywords_error.map(AttrValue::from)}
                    />
                </div>
                <p id="script-versao" class="script-version">{ version }</p>
            </div>
            <div class="script-toolbar" role="toolbar" aria-label="Ações do script">
                <button id="adicionar-pergunta" type="button" onclick={onadd}>
                    { "Adicionar pergunta" }
                </button>
                <button id="importar" type="button" onclick={show(Open::Import)}>
                    { "Importar" }
                </button>
                <button id="exportar" type="button" onclick={show(Open::Export)}>
                    { "Exportar" }
                </button>
                <button
                    id="pre-visualizar"
                    type="button"
                    disabled={!can_preview}
                    title={(!can_preview).then_some("Corrija os problemas do script para pré-visualizá-lo.")}
                    onclick={show(Open::Preview)}
                >
                    { "Pré-visualizar" }
                </button>
                <span class="spacer"></span>
                { status }
                <button
                    id="publicar"
                    type="button"
                    class="primary"
                    ref={publish_ref}
                    disabled={state.publishing}
                    onclick={onpublish}
                >
                    { if state.publishing { "Publicando…" } else { "Publicar" } }
                </button>
            </div>
            <FormError message={unplaced_message(&state.errors, &placed)} />
            <ProblemList state={state.clone()} />
            <div class="script-workspace">
                <NodeList state={state.clone()} />
                <section class="node-form" aria-label="Pergunta selecionada">
                    { match state.selected.filter(|&at| at < state.definition.nodes.len()) {
                        Some(index) => html! { <NodeEditor state={state.clone()} {index} /> },
                        None => html! {
                            <p class="empty">
                                { "Nenhuma pergunta selecionada. Use “Adicionar pergunta” para criar uma." }
                            </p>
                        },
                    } }
                </section>
            </div>
            { dialog }
        </div>
    }
}

/// A callback that dispatches the action `action` makes of its value.
fn on<T: 'static>(
    state: &UseReducerHandle<EditorState>,
    action: impl Fn(T) -> EditorAction + 'static,
) -> Callback<T> {
    let dispatcher = state.dispatcher();
    Callback::from(move |value| dispatcher.dispatch(action(value)))
}

/// Focuses the first element inside `root` matching `selector`; `false` when there is none.
fn focus_selector(root: &NodeRef, selector: &str) -> bool {
    let element = root
        .cast::<HtmlElement>()
        .and_then(|root| root.query_selector(selector).ok().flatten())
        .and_then(|element| element.dyn_into::<HtmlElement>().ok());
    match element {
        Some(element) => {
            // An element that cannot take focus is simply left alone.
            let _ = element.focus();
            true
        }
        None => false,
    }
}
