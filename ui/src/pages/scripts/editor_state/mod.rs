//! The script editor's state and its reducer: the script as the author writes it, the
//! question on screen, and what the core's checks say about it after every change. Each
//! concern keeps its own state and actions in its own file (the name and keywords, the
//! questions, "Importar", "Publicar"), and [`EditorState`]'s reducer delegates to them. No
//! DOM and no IPC here, so it is tested natively.
mod answers;
mod graph;
mod import;
mod meta;
mod publish;
mod questions;
#[cfg(test)]
mod test_support;

use std::rc::Rc;

use helpdesk_api::{PublishedScript, ScriptDraft};
use helpdesk_core::plural;
use helpdesk_core::script::{fields, ScriptDefinition};
use yew::Reducible;

pub use answers::{Destination, Move};
pub use graph::{FocusTarget, GraphEdit, GraphState, Navigation};
pub use import::{too_big, ImportAction, ImportState, MAX_IMPORT_BYTES};
pub use meta::{MetaEdit, MetaState};
pub use publish::{PublishAction, PublishState};
pub use questions::NodeText;

/// A change to [`EditorState`], by concern.
#[derive(Debug, Clone, PartialEq)]
pub enum EditorAction {
    /// "Novo script": an empty editor.
    New,
    /// A published version loaded to be edited.
    Load(PublishedScript),
    /// The name or the keywords.
    Meta(MetaEdit),
    /// The questions and answers.
    Graph(GraphEdit),
    /// Another question shown in the form.
    Show(Navigation),
    /// A step of "Importar".
    Import(ImportAction),
    /// A step of "Publicar".
    Publish(PublishAction),
}

/// What the toolbar says about the script, besides its buttons.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PublishStatus {
    /// Nothing to say.
    Quiet,
    /// "Publicar" is on its way.
    Publishing,
    /// "Versão N publicada."
    Published(u32),
    /// Changes not published yet; `imported` when the questions come from an import.
    Unpublished { imported: bool },
}

/// The script being edited, and what became of the last "Publicar" and "Importar".
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EditorState {
    /// The name and keywords.
    pub meta: MetaState,
    /// The questions and answers. Shared with the components that draw the questions, without copying them.
    pub graph: Rc<GraphState>,
    /// What became of the imports.
    pub import: ImportState,
    /// What was published, and what became of the last "Publicar".
    pub publish: PublishState,
}

impl EditorState {
    /// An empty editor ("Novo script").
    pub fn new() -> Self {
        Self {
            graph: Rc::new(GraphState::of(ScriptDefinition::default())),
            ..Self::default()
        }
    }

    /// The published version `script`, to edit into its next version.
    pub fn from_published(script: PublishedScript) -> Self {
        Self {
            publish: PublishState::of(&script),
            meta: MetaState::of(script.name, script.keywords),
            graph: Rc::new(GraphState::of(script.definition)),
            import: ImportState::default(),
        }
    }

    /// Whether something differs from what was last loaded or published.
    pub fn has_changes(&self) -> bool {
        let baseline = &self.publish.baseline;
        self.meta.name != baseline.name
            || self.meta.keywords != baseline.keywords
            || self.graph.definition != baseline.definition
    }

    /// The message at the name or keywords field: the shell's or the last refusal's, else
    /// the core's check of what is typed now.
    pub fn field_message(&self, field: &str) -> Option<String> {
        let publish = &self.publish;
        if let Some(error) = publish
            .errors
            .iter()
            .find(|e| e.field.as_deref() == Some(field))
        {
            return Some(error.message.clone());
        }
        if field == fields::DEFINITION {
            let problems = &self.graph.problems;
            return (publish.refusals > 0 && !problems.is_empty()).then(|| {
                format!(
                    "O script tem {}: corrija-{} antes de publicar.",
                    plural::count(problems.len(), "problema", "problemas"),
                    plural::word(problems.len(), "o", "os")
                )
            });
        }
        if field == fields::NAME && !self.meta.name_touched && publish.refusals == 0 {
            return None;
        }
        // Checked without the graph, whose problems are listed apart.
        let fields_only = ScriptDraft {
            id: None,
            name: self.meta.name.clone(),
            keywords: self.meta.keywords.clone(),
            definition: ScriptDefinition::default(),
        };
        fields_only
            .validate()
            .err()?
            .into_iter()
            .find(|error| error.field == field)
            .map(|error| error.message)
    }

    /// What the toolbar says about the script.
    pub fn status(&self) -> PublishStatus {
        if self.publish.publishing {
            PublishStatus::Publishing
        } else if let Some(version) = self.publish.just_published {
            PublishStatus::Published(version)
        } else if self.has_changes() {
            PublishStatus::Unpublished {
                imported: self.import.imported,
            }
        } else {
            PublishStatus::Quiet
        }
    }

    /// The draft as it would be published.
    pub fn draft(&self) -> ScriptDraft {
        ScriptDraft {
            id: self.publish.id,
            name: self.meta.name.clone(),
            keywords: self.meta.keywords.clone(),
            definition: self.graph.definition.clone(),
        }
    }

    /// `next`, with the counters of this one: they go on across scripts, so a late answer
    /// to another one is ignored.
    fn carry_on(&self, mut next: EditorState) -> Rc<Self> {
        next.publish.sends = self.publish.sends;
        next.publish.refusals = self.publish.refusals;
        Rc::make_mut(&mut next.graph).focuses = self.graph.focuses;
        Rc::new(next)
    }
}

impl Reducible for EditorState {
    type Action = EditorAction;

    fn reduce(self: Rc<Self>, action: EditorAction) -> Rc<Self> {
        let mut state = (*self).clone();
        match action {
            EditorAction::New => return self.carry_on(EditorState::new()),
            EditorAction::Load(script) => {
                return self.carry_on(EditorState::from_published(script))
            }
            EditorAction::Meta(edit) => {
                let field = state.meta.edit(edit);
                state.publish.forget(field);
                state.publish.just_published = None;
            }
            EditorAction::Graph(edit) => {
                Rc::make_mut(&mut state.graph).edit(edit);
                state.publish.just_published = None;
            }
            EditorAction::Show(navigation) => {
                if !Rc::make_mut(&mut state.graph).navigate(navigation) {
                    return self;
                }
            }
            EditorAction::Import(action) => {
                if let Some(definition) = state.import.apply(action) {
                    Rc::make_mut(&mut state.graph).replace(definition);
                    state.publish.just_published = None;
                }
            }
            EditorAction::Publish(action) => {
                let published = matches!(action, PublishAction::Published { .. });
                let draft = state.draft();
                if !state.publish.apply(action, draft) {
                    return self;
                }
                if published {
                    state.import.imported = false;
                }
            }
        }
        Rc::new(state)
    }
}

#[cfg(test)]
mod tests {
    use super::test_support::*;
    use super::*;

    #[test]
    fn a_new_script_says_it_has_no_question_yet() {
        let state = EditorState::new();
        assert_eq!(messages(&state), ["O script não tem nenhuma pergunta."]);
        assert!(!state.has_changes());
        assert_eq!(state.field_message(fields::NAME), None, "not typed in yet");
    }

    #[test]
    fn the_status_says_what_became_of_the_script() {
        assert_eq!(EditorState::new().status(), PublishStatus::Quiet);
        let edited = sound();
        assert_eq!(
            edited.status(),
            PublishStatus::Unpublished { imported: false }
        );
        let json = edited.graph.definition.to_json();
        let named = reduce(Rc::new(EditorState::new()), Meta(Name("Lentidão".into())));
        let imported = reduce(named, Import(Json(json)));
        assert_eq!(
            imported.status(),
            PublishStatus::Unpublished { imported: true }
        );
        let sending = reduce(imported, Publish(Send));
        assert_eq!(sending.status(), PublishStatus::Publishing);
        let script = published(&sending, 1);
        let done = reduce(sending, Publish(Published { send: 1, script }));
        assert_eq!(done.status(), PublishStatus::Published(1));
        let quiet = reduce(done, Show(Select(1)));
        assert_eq!(
            quiet.status(),
            PublishStatus::Published(1),
            "until a change"
        );
    }

    #[test]
    fn loading_a_version_shows_its_start_and_has_no_changes() {
        let script = published(&sound(), 4);
        let state = reduce(sound(), Publish(Send));
        let loaded = reduce(state.clone(), EditorAction::Load(script.clone()));
        assert_eq!(loaded.publish.version, Some((4, script.published_at)));
        assert_eq!(loaded.graph.selected, Some(0));
        assert!(!loaded.has_changes());
        assert!(!loaded.publish.publishing);
        assert_eq!(loaded.publish.sends, 1, "the counters go on");
        let late = reduce(
            loaded.clone(),
            Publish(Published {
                send: 1,
                script: published(&state, 5),
            }),
        );
        assert_eq!(
            late.publish.version, loaded.publish.version,
            "an answer about the script left behind"
        );
    }
}
