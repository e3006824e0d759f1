//! What the editor's tests share: a reducer run, a sound script, and its publication.
use std::rc::Rc;

use helpdesk_api::{PublishedScript, Uuid};
use helpdesk_core::script::Outcome;
use yew::Reducible;

pub use super::EditorAction::*;
pub use super::GraphEdit::*;
pub use super::ImportAction::*;
pub use super::MetaEdit::*;
pub use super::Navigation::*;
pub use super::PublishAction::*;
pub use super::{Destination, EditorAction, EditorState, FocusTarget, Move, NodeText};

pub fn reduce(state: Rc<EditorState>, action: EditorAction) -> Rc<EditorState> {
    state.reduce(action)
}

pub fn apply(state: Rc<EditorState>, actions: Vec<EditorAction>) -> Rc<EditorState> {
    actions.into_iter().fold(state, reduce)
}

pub fn messages(state: &EditorState) -> Vec<&str> {
    state
        .graph
        .problems
        .iter()
        .map(|p| p.message.as_str())
        .collect()
}

pub fn ids(state: &EditorState) -> Vec<&str> {
    state
        .graph
        .definition
        .nodes
        .iter()
        .map(|n| n.id.as_str())
        .collect()
}

/// "Luzes?" → "Acesas" goes on to "Cabo?", "Apagadas" ends with an O.S.; "Cabo?" →
/// "Ok" ends resolved.
pub fn sound() -> Rc<EditorState> {
    apply(
        Rc::new(EditorState::new()),
        vec![
            Meta(Name("Sem conexão".into())),
            Meta(Keywords("sem conexão, internet caiu".into())),
            Graph(AddNode),
            Graph(EditText(
                0,
                NodeText::Question,
                "Como estão as luzes?".into(),
            )),
            Graph(EditLabel(0, 0, "Acesas".into())),
            Graph(SetDestination(0, 0, Destination::NewNode)),
            Graph(EditText(
                1,
                NodeText::Question,
                "O cabo está conectado?".into(),
            )),
            Graph(EditLabel(1, 0, "Sim".into())),
            Graph(SetDestination(1, 0, Destination::End)),
            Graph(SetOutcome(1, 0, Outcome::Resolved)),
            Graph(AddOption(0)),
            Graph(EditLabel(0, 1, "Apagadas".into())),
            Graph(SetDestination(0, 1, Destination::End)),
            Graph(SetOutcome(0, 1, Outcome::WorkOrder)),
            Graph(EditTicketType(0, 1, "Visita técnica".into())),
        ],
    )
}

pub fn published(state: &EditorState, version: u32) -> PublishedScript {
    PublishedScript {
        id: state.publish.id.unwrap_or(Uuid::from_u128(9)),
        name: state.meta.name.trim().to_owned(),
        keywords: state.meta.keywords.trim().to_owned(),
        version,
        published_at: 1_700_000_000_000,
        definition: state.graph.definition.clone(),
    }
}
