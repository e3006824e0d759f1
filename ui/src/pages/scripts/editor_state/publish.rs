//! "Publicar": the draft checked and sent once, the shell's answer, and what was last
//! loaded or published (to tell unpublished changes). No DOM and no IPC.
use helpdesk_api::{CommandError, PublishedScript, ScriptDraft, Uuid};
use helpdesk_core::script::fields;

/// A step of a publication.
#[derive(Debug, Clone, PartialEq)]
pub enum PublishAction {
    /// "Publicar": checks the script as it is now; sends it, or says every reason.
    Send,
    /// The shell published send number `send`.
    Published { send: u32, script: PublishedScript },
    /// The shell refused send number `send`.
    Refused { send: u32, error: CommandError },
}

/// What was published, and what became of the last "Publicar".
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PublishState {
    /// The script's id once published (a new version of it is published then).
    pub id: Option<Uuid>,
    /// Its latest published version, and when it was published.
    pub version: Option<(u32, i64)>,
    /// Why the last "Publicar" was refused (the graph's own problems are the graph's).
    pub errors: Vec<CommandError>,
    /// Raised on every refusal, so the focus goes to the first wrong field each time.
    pub refusals: u32,
    /// "Publicar" is on its way.
    pub publishing: bool,
    /// The draft as checked, to send to the shell.
    pub outgoing: Option<ScriptDraft>,
    /// Raised on every send, so each one is sent once and its answer recognised.
    pub sends: u32,
    /// "Versão N publicada.", until the next change.
    pub just_published: Option<u32>,
    /// The draft as typed when it was sent: what is published once the shell says so.
    sent: Option<ScriptDraft>,
    /// What was last loaded or published, to tell unpublished changes.
    pub(super) baseline: ScriptDraft,
}

impl PublishState {
    /// The published version `script`, as the baseline of its next version.
    pub(super) fn of(script: &PublishedScript) -> Self {
        Self {
            id: Some(script.id),
            version: Some((script.version, script.published_at)),
            baseline: ScriptDraft {
                id: Some(script.id),
                name: script.name.clone(),
                keywords: script.keywords.clone(),
                definition: script.definition.clone(),
            },
            ..Self::default()
        }
    }

    /// Forgets the last refusal's message at `field`, which was just edited.
    pub(super) fn forget(&mut self, field: &str) {
        self.errors.retain(|e| e.field.as_deref() != Some(field));
    }

    /// Applies `action` to the script as typed now (`draft`); `false` when it is ignored
    /// (a second "Publicar", or an answer to another send).
    pub(super) fn apply(&mut self, action: PublishAction, draft: ScriptDraft) -> bool {
        match action {
            PublishAction::Send if self.publishing => return false,
            PublishAction::Send => {
                self.just_published = None;
                match draft.validate() {
                    Ok(checked) => {
                        self.errors.clear();
                        self.sent = Some(draft);
                        self.outgoing = Some(checked);
                        self.publishing = true;
                        self.sends += 1;
                    }
                    Err(errors) => {
                        self.errors = errors
                            .into_iter()
                            .filter(|error| error.field != fields::DEFINITION)
                            .map(CommandError::from)
                            .collect();
                        self.refusals += 1;
                    }
                }
            }
            PublishAction::Published { send, script } => {
                if !self.answers(send) {
                    return false;
                }
                self.id = Some(script.id);
                self.version = Some((script.version, script.published_at));
                self.baseline = self.sent.take().unwrap_or(draft);
                self.baseline.id = Some(script.id);
                self.publishing = false;
                self.outgoing = None;
                self.just_published = Some(script.version);
            }
            PublishAction::Refused { send, error } => {
                if !self.answers(send) {
                    return false;
                }
                self.errors = vec![error];
                self.publishing = false;
                self.outgoing = None;
                self.sent = None;
                self.refusals += 1;
            }
        }
        true
    }

    /// Whether an answer to send number `send` is the one awaited.
    fn answers(&self, send: u32) -> bool {
        self.publishing && send == self.sends
    }
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use helpdesk_api::{CommandError, Uuid};
    use helpdesk_core::script::fields;

    use super::super::test_support::*;

    #[test]
    fn publish_refuses_with_every_reason_and_keeps_what_was_typed() {
        let state = reduce(Rc::new(EditorState::new()), Meta(Keywords("x".repeat(600))));
        let state = reduce(state, Publish(Send));
        assert_eq!(
            (
                state.publish.refusals,
                state.publish.sends,
                state.publish.publishing
            ),
            (1, 0, false)
        );
        assert!(state.field_message(fields::NAME).is_some());
        assert!(state.field_message(fields::KEYWORDS).is_some());
        assert!(state
            .field_message(fields::DEFINITION)
            .is_some_and(|m| m.contains("1 problema")));
        assert_eq!(state.meta.keywords.len(), 600, "what was typed is kept");
        let state = reduce(state, Meta(Name("Lentidão".into())));
        assert_eq!(state.field_message(fields::NAME), None);
    }

    #[test]
    fn a_published_version_becomes_the_new_baseline() {
        let state = reduce(sound(), Publish(Send));
        assert!(state.publish.publishing);
        let outgoing = state.publish.outgoing.clone().expect("sent");
        assert_eq!(outgoing.name, "Sem conexão");
        assert_eq!(state.publish.sends, 1);
        assert!(Rc::ptr_eq(&state, &reduce(state.clone(), Publish(Send))));

        // A late answer to an earlier send is ignored.
        let script = published(&state, 1);
        let late = reduce(
            state.clone(),
            Publish(Published {
                send: 0,
                script: script.clone(),
            }),
        );
        assert!(late.publish.publishing);

        let done = reduce(state, Publish(Published { send: 1, script }));
        assert!(!done.publish.publishing);
        assert_eq!(done.publish.just_published, Some(1));
        assert_eq!(done.publish.id, Some(Uuid::from_u128(9)));
        assert_eq!(done.publish.version.map(|(v, _)| v), Some(1));
        assert!(!done.has_changes());
        let edited = reduce(done, Graph(EditText(0, NodeText::Question, "?".into())));
        assert_eq!(edited.publish.just_published, None);
        assert!(edited.has_changes());
    }

    #[test]
    fn a_refused_publish_keeps_the_editor_as_it_was() {
        let before = sound();
        let state = reduce(before.clone(), Publish(Send));
        let state = reduce(
            state,
            Publish(Refused {
                send: 1,
                error: CommandError::internal(),
            }),
        );
        assert!(!state.publish.publishing);
        assert_eq!(state.graph.definition, before.graph.definition);
        assert_eq!(state.meta.name, before.meta.name);
        assert_eq!(state.publish.errors, [CommandError::internal()]);
        assert_eq!(state.publish.id, None);
        assert!(state.has_changes());
    }
}
