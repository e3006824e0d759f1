//! The editor of one script: its name and keywords, the toolbar, the problems found as the
//! author works, the questions on the left and the selected one's form on the right. The
//! editor holds the reducer's handle; each part gets only its slice and its callbacks.
use std::rc::Rc;

use helpdesk_core::script::fields;
use yew::prelude::*;

use super::editor_state::{
    EditorAction, EditorState, GraphEdit, ImportAction, MetaEdit, Navigation, PublishAction,
};
use super::focus::{use_refusal_focus, use_requested_focus, EditorRefs};
use super::import_export::{ExportDialog, ImportDialog};
use super::meta_fields::MetaFields;
use super::node_editor::NodeEditor;
use super::node_list::NodeList;
use super::preview::PreviewDialog;
use super::problems::ProblemList;
use super::toolbar::EditorToolbar;
use crate::components::{unplaced_message, FormError};
use crate::dom::focus;

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
    let refs = EditorRefs {
        editor: use_node_ref(),
        name: use_node_ref(),
        keywords: use_node_ref(),
        publish: use_node_ref(),
    };
    {
        let name = refs.name.clone();
        use_effect_with((), move |_| focus(&name));
    }
    let name_error = state.field_message(fields::NAME).map(AttrValue::from);
    let keywords_error = state.field_message(fields::KEYWORDS).map(AttrValue::from);
    use_refusal_focus(
        &refs,
        state.publish.refusals,
        name_error.is_some(),
        keywords_error.is_some(),
    );
    use_requested_focus(&refs.editor, state.graph.focus, state.graph.focuses);
    {
        // A successful import closes its dialog.
        let open = open.clone();
        let handled = use_mut_ref(|| state.import.imports);
        use_effect_with(state.import.imports, move |imports| {
            if *handled.borrow() != *imports {
                *handled.borrow_mut() = *imports;
                open.set(Open::Nothing);
            }
        });
    }

    let show = |what: Open| {
        let (open, dispatcher) = (open.clone(), state.dispatcher());
        Callback::from(move |()| {
            if what == Open::Import {
                dispatcher.dispatch(EditorAction::Import(ImportAction::Start));
            }
            open.set(what);
        })
    };
    let close = {
        let open = open.clone();
        Callback::from(move |()| open.set(Open::Nothing))
    };
    let placed = [fields::NAME, fields::KEYWORDS, fields::DEFINITION];
    let graph = &state.graph;
    let dialog = match *open {
        Open::Nothing => Html::default(),
        Open::Import => html! {
            <ImportDialog
                error={state.import.error.clone().map(AttrValue::from)}
                onimport={on(state, |json| EditorAction::Import(ImportAction::Json(json)))}
                onfailed={on(state, |why| EditorAction::Import(ImportAction::Failed(why)))}
                onclose={close.clone()}
            />
        },
        Open::Export => html! {
            <ExportDialog json={AttrValue::from(graph.definition.to_json())} onclose={close.clone()} />
        },
        Open::Preview => html! {
            <PreviewDialog
                script={Rc::new(graph.definition.clone())}
                id={state.publish.id}
                name={AttrValue::from(state.meta.name.clone())}
                version={state.publish.version.map_or(1, |(version, _)| version + 1)}
                onclose={close.clone()}
            />
        },
    };

    html! {
        <div class="script-editor" ref={refs.editor.clone()}>
            <MetaFields
                name={AttrValue::from(state.meta.name.clone())}
                keywords={AttrValue::from(state.meta.keywords.clone())}
                {name_error}
                {keywords_error}
                version={state.publish.version}
                name_ref={refs.name.clone()}
                keywords_ref={refs.keywords.clone()}
                onname={on(state, EditorAction::Meta).reform(MetaEdit::Name)}
                onkeywords={on(state, EditorAction::Meta).reform(MetaEdit::Keywords)}
            />
            <EditorToolbar
                status={state.status()}
                can_preview={graph.problems.is_empty()}
                publish_ref={refs.publish.clone()}
                onadd={on(state, EditorAction::Graph).reform(|()| GraphEdit::AddNode)}
                onimport={show(Open::Import)}
                onexport={show(Open::Export)}
                onpreview={show(Open::Preview)}
                onpublish={on(state, EditorAction::Publish).reform(|()| PublishAction::Send)}
            />
            <FormError message={unplaced_message(&state.publish.errors, &placed)} />
            <ProblemList
                graph={graph.clone()}
                definition_error={state.field_message(fields::DEFINITION).map(AttrValue::from)}
                onjump={on(state, EditorAction::Show)}
            />
            <div class="script-workspace">
                <NodeList graph={graph.clone()} onselect={on(state, EditorAction::Show).reform(Navigation::Select)} />
                <section class="node-form" aria-label="Pergunta selecionada">
                    { match graph.selected.filter(|&at| at < graph.definition.nodes.len()) {
                        Some(index) => html! {
                            <NodeEditor graph={graph.clone()} {index} onedit={on(state, EditorAction::Graph)} />
                        },
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
