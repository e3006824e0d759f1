//! "Scripts de Atendimento": the administrator's list of scripts and the editor that writes
//! a new one or the next version of one, checks it as the author works, previews it,
//! imports and exports it as JSON, and publishes it.
//!
//! The editor's state lives here, in a reducer ([`editor_state::EditorState`]), so leaving
//! for the list and coming back, or a refused "Publicar", loses nothing typed.
mod editor;
mod editor_state;
mod focus;
mod import_export;
mod list;
mod meta_fields;
mod node_editor;
mod node_list;
mod option_row;
mod preview;
mod problems;
mod select;
mod toolbar;

use helpdesk_api::{ListScripts, LoadScript, PublishScript, ScriptVersionRef, Uuid};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::api;
use crate::components::{Confirm, FormError};
use crate::hooks::{use_command, use_command_when};
use editor::ScriptEditor;
use editor_state::{EditorAction, EditorState, PublishAction};
use list::ScriptList;

/// Props of [`ScriptsPage`].
#[derive(Properties, PartialEq)]
pub struct ScriptsPageProps {
    /// "Voltar": back to the start panel.
    pub onclose: Callback<()>,
}

/// What the page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum View {
    /// The list, or "Abrindo o script…" while one is opened.
    List,
    Editor,
}

/// Where the administrator asked to go while the editor had unpublished changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Leave {
    ToList,
    Home,
}

/// The latest version of a script.
fn latest(script_id: Uuid) -> ScriptVersionRef {
    ScriptVersionRef {
        script_id,
        version: None,
    }
}

/// `section.scripts-page`: the list (`table#scripts`) or the editor.
#[function_component]
pub fn ScriptsPage(props: &ScriptsPageProps) -> Html {
    let view = use_state(|| View::List);
    let editor = use_reducer(EditorState::new);
    let scripts = use_command::<ListScripts>(());
    // The script being opened; it stays after a failure, which the list then shows.
    let opening = use_state(|| None::<Uuid>);
    let opened = use_command_when::<LoadScript>(opening.map(latest));
    let leaving = use_state(|| None::<Leave>);

    {
        // Sends each checked draft once; the list shows the new version afterwards.
        let dispatcher = editor.dispatcher();
        let (outgoing, send) = (editor.publish.outgoing.clone(), editor.publish.sends);
        let reload = scripts.reload();
        use_effect_with(send, move |_| {
            if let Some(draft) = outgoing {
                spawn_local(async move {
                    match api::invoke::<PublishScript>(&draft).await {
                        Ok(script) => {
                            dispatcher.dispatch(EditorAction::Publish(PublishAction::Published {
                                send,
                                script,
                            }));
                            reload.emit(());
                        }
                        Err(error) => {
                            dispatcher.dispatch(EditorAction::Publish(PublishAction::Refused {
                                send,
                                error,
                            }))
                        }
                    }
                });
            }
        });
    }
    {
        // The script opened goes into the editor.
        let (view, dispatcher, opening) = (view.clone(), editor.dispatcher(), opening.clone());
        use_effect_with(opened.value().cloned(), move |script| {
            if let Some(script) = script {
                dispatcher.dispatch(EditorAction::Load(script.clone()));
                view.set(View::Editor);
                opening.set(None);
            }
        });
    }

    let onnew = {
        let (view, dispatcher, opening) = (view.clone(), editor.dispatcher(), opening.clone());
        Callback::from(move |_: MouseEvent| {
            opening.set(None);
            dispatcher.dispatch(EditorAction::New);
            view.set(View::Editor);
        })
    };
    let onopen = {
        let (opening, reload) = (opening.clone(), opened.reload());
        Callback::from(move |script_id: Uuid| {
            if *opening == Some(script_id) {
                // Its opening failed: asked again.
                reload.emit(());
            } else {
                opening.set(Some(script_id));
            }
        })
    };
    let go = {
        let (view, onclose, leaving) = (view.clone(), props.onclose.clone(), leaving.clone());
        Callback::from(move |target: Leave| {
            leaving.set(None);
            match target {
                Leave::ToList => view.set(View::List),
                Leave::Home => onclose.emit(()),
            }
        })
    };
    let request = |target: Leave| {
        let (go, leaving) = (go.clone(), leaving.clone());
        let unsaved = *view == View::Editor && editor.has_changes();
        Callback::from(move |_: MouseEvent| {
            if unsaved {
                leaving.set(Some(target));
            } else {
                go.emit(target);
            }
        })
    };

    let body = match *view {
        View::Editor => html! { <ScriptEditor state={editor.clone()} /> },
        View::List if opened.loading() => {
            html! { <p class="loading" aria-busy="true">{ "Abrindo o script…" }</p> }
        }
        View::List => html! {
            <>
                <div class="scripts-actions">
                    <button id="novo-script" type="button" class="primary" onclick={onnew}>
                        { "Novo script" }
                    </button>
                </div>
                <FormError message={opened.error_message()} />
                { match (scripts.error_message(), scripts.shared_value()) {
                    (Some(message), _) => html! { <FormError {message} /> },
                    (None, None) => html! {
                        <p class="loading" aria-busy="true">{ "Carregando…" }</p>
                    },
                    (None, Some(list)) => html! {
                        <ScriptList scripts={list} {onopen} />
                    },
                } }
            </>
        },
    };

    html! {
        <section class="scripts-page" aria-labelledby="scripts-titulo">
            <header class="scripts-header">
                <h1 id="scripts-titulo">{ "Scripts de Atendimento" }</h1>
                <span class="spacer"></span>
                if *view == View::Editor {
                    <button id="voltar-lista" type="button" onclick={request(Leave::ToList)}>
                        { "Lista de scripts" }
                    </button>
                }
                <button id="voltar-inicio" type="button" onclick={request(Leave::Home)}>
                    { "Voltar" }
                </button>
            </header>
            if let Some(target) = *leaving {
                <Confirm
                    class="confirm leave-confirm"
                    label="Confirmar saída"
                    yes_id="confirmar-saida"
                    yes="Sim, sair"
                    onyes={go.reform(move |()| target)}
                    no_id="continuar-editando"
                    no="Continuar editando"
                    onno={let leaving = leaving.clone(); move |()| leaving.set(None)}
                >
                    { "O script tem alterações não publicadas, que serão perdidas. Sair mesmo assim?" }
                </Confirm>
            }
            <div class="scripts-body">{ body }</div>
        </section>
    }
}
