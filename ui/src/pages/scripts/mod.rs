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

use std::rc::Rc;

use helpdesk_api::{ListScripts, LoadScript, PublishScript, ScriptSummary, ScriptVersionRef, Uuid};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::api;
use crate::components::FormError;
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
    List,
    /// Loading the latest version of this script to edit it.
    Opening(Uuid),
    Editor,
}

/// Where the administrator asked to go while the editor had unpublished changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Leave {
    ToList,
    Home,
}

/// The list of scripts loaded from the shell.
#[derive(Debug, Clone, PartialEq)]
enum Scripts {
    Loading,
    Loaded(Rc<Vec<ScriptSummary>>),
    Failed(AttrValue),
}

/// `section.scripts-page`: the list (`table#scripts`) or the editor.
#[function_component]
pub fn ScriptsPage(props: &ScriptsPageProps) -> Html {
    let view = use_state(|| View::List);
    let editor = use_reducer(EditorState::new);
    let scripts = use_state(|| Scripts::Loading);
    // Raised to load the list again (after a publication).
    let reloads = use_state(|| 0u32);
    let open_error = use_state(|| None::<AttrValue>);
    let leaving = use_state(|| None::<Leave>);

    {
        let scripts = scripts.clone();
        use_effect_with(*reloads, move |_| {
            spawn_local(async move {
                scripts.set(match api::invoke::<ListScripts>(&()).await {
                    Ok(list) => Scripts::Loaded(Rc::new(list)),
                    Err(error) => Scripts::Failed(error.message.into()),
                });
            });
        });
    }
    {
        // Sends each checked draft once; the list shows the new version afterwards.
        let dispatcher = editor.dispatcher();
        let (outgoing, send) = (editor.publish.outgoing.clone(), editor.publish.sends);
        let reloads = reloads.clone();
        use_effect_with(send, move |_| {
            if let Some(draft) = outgoing {
                spawn_local(async move {
                    match api::invoke::<PublishScript>(&draft).await {
                        Ok(script) => {
                            dispatcher.dispatch(EditorAction::Publish(PublishAction::Published {
                                send,
                                script,
                            }));
                            reloads.set(send);
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

    let onnew = {
        let (view, dispatcher, open_error) =
            (view.clone(), editor.dispatcher(), open_error.clone());
        Callback::from(move |_: MouseEvent| {
            open_error.set(None);
            dispatcher.dispatch(EditorAction::New);
            view.set(View::Editor);
        })
    };
    let onopen = {
        let (view, dispatcher, open_error) =
            (view.clone(), editor.dispatcher(), open_error.clone());
        Callback::from(move |script_id: Uuid| {
            open_error.set(None);
            view.set(View::Opening(script_id));
            let (view, dispatcher, open_error) =
                (view.clone(), dispatcher.clone(), open_error.clone());
            spawn_local(async move {
                let latest = ScriptVersionRef {
                    script_id,
                    version: None,
                };
                match api::invoke::<LoadScript>(&latest).await {
                    Ok(script) => {
                        dispatcher.dispatch(EditorAction::Load(script));
                        view.set(View::Editor);
                    }
                    Err(error) => {
                        open_error.set(Some(error.message.into()));
                        view.set(View::List);
                    }
                }
            });
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
        View::Opening(_) => {
            html! { <p class="loading" aria-busy="true">{ "Abrindo o script…" }</p> }
        }
        View::List => html! {
            <>
                <div class="scripts-actions">
                    <button id="novo-script" type="button" class="primary" onclick={onnew}>
                        { "Novo script" }
                    </button>
                </div>
                <FormError message={(*open_error).clone()} />
                { match &*scripts {
                    Scripts::Loading => html! {
                        <p class="loading" aria-busy="true">{ "Carregando…" }</p>
                    },
                    Scripts::Failed(message) => html! { <FormError message={message.clone()} /> },
                    Scripts::Loaded(list) => html! { <ScriptList scripts={list.clone()} {onopen} /> },
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
                <div class="confirm leave-confirm" role="alertdialog" aria-label="Confirmar saída">
                    { "O script tem alterações não publicadas, que serão perdidas. Sair mesmo assim?" }
                    <button
                        id="confirmar-saida"
                        type="button"
                        class="danger"
                        onclick={go.reform(move |_: MouseEvent| target)}
                    >
                        { "Sim, sair" }
                    </button>
                    <button
                        id="continuar-editando"
                        type="button"
                        onclick={let leaving = leaving.clone(); move |_: MouseEvent| leaving.set(None)}
                    >
                        { "Continuar editando" }
                    </button>
                </div>
            }
            <div class="scripts-body">{ body }</div>
        </section>
    }
}
