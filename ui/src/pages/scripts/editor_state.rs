//! The script editor's state and its reducer: the script as the author writes it, the
//! question on screen, and what the core's checks say about it after every change. No DOM
//! and no IPC here, so it is tested natively.
use std::collections::HashSet;
use std::rc::Rc;

use helpdesk_api::{CommandError, PublishedScript, ScriptDraft, Uuid};
use helpdesk_core::script::{
    fields, Outcome, ScriptDefinition, ScriptNode, ScriptOption, ScriptProblem, MAX_ID_CHARS,
};
use yew::Reducible;

/// The largest JSON file "Importar" reads (a script at the core's limits fits well below).
pub const MAX_IMPORT_BYTES: usize = 16 * 1024 * 1024;

/// A text of a question, besides its id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeText {
    Question,
    CustomerExplanation,
    OperatorExplanation,
}

/// Where an answer leads, as the author picks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Destination {
    /// Not chosen yet ("sem destino").
    Unset,
    /// The question at this index.
    Node(usize),
    /// "Encerrar o script".
    End,
    /// "Nova pergunta…": a new question, linked to this answer.
    NewNode,
}

/// A move of an answer among its question's answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    Up,
    Down,
}

/// The field the keyboard goes to after a change (raised with [`EditorState::focuses`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FocusTarget {
    /// The selected question's "Pergunta".
    Question,
    /// The label of the selected question's answer at this index.
    OptionLabel(usize),
}

/// A change to [`EditorState`]. Questions and answers are named by index, as rendered.
#[derive(Debug, Clone, PartialEq)]
pub enum EditorAction {
    /// "Novo script": an empty editor.
    New,
    /// A published version loaded to be edited.
    Load(PublishedScript),
    EditName(String),
    EditKeywords(String),
    /// Shows the question at this index in the form.
    Select(usize),
    /// "Adicionar pergunta".
    AddNode,
    /// Removes a question; the answers that led to it are left "sem destino".
    RemoveNode(usize),
    /// "Primeira pergunta" checked or unchecked.
    SetStart(usize, bool),
    /// The id as typed: taken at once when it can be, the answers that led to the old id
    /// following it; otherwise kept as typed with the reason.
    EditId(usize, String),
    EditText(usize, NodeText, String),
    /// "Adicionar opção".
    AddOption(usize),
    RemoveOption(usize, usize),
    MoveOption(usize, usize, Move),
    EditLabel(usize, usize, String),
    SetDestination(usize, usize, Destination),
    /// How the script ends with this answer (only for an answer that ends it).
    SetOutcome(usize, usize, Outcome),
    /// "Tipo de atendimento sugerido".
    EditTicketType(usize, usize, String),
    /// A problem clicked: shows its question, and marks its answer.
    Jump {
        node: Option<String>,
        option: Option<u32>,
    },
    /// "Importar" opened: the last import's message goes away.
    StartImport,
    /// JSON pasted or read from a file: replaces the questions when it is a script.
    Import(String),
    /// The chosen file could not be read.
    ImportFailed(String),
    /// "Publicar": checks the script as it is now; sends it, or says every reason.
    Publish,
    /// The shell published send number `send`.
    Published {
        send: u32,
        script: PublishedScript,
    },
    /// The shell refused send number `send`.
    Refused {
        send: u32,
        error: CommandError,
    },
}

/// The script being edited, and what became of the last "Publicar" and "Importar".
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EditorState {
    /// The script's id once published (a new version of it is published then).
    pub id: Option<Uuid>,
    /// Its latest published version, and when it was published.
    pub version: Option<(u32, i64)>,
    pub name: String,
    pub keywords: String,
    pub definition: ScriptDefinition,
    /// The question shown in the form, by index.
    pub selected: Option<usize>,
    /// An id typed for the question at this index that cannot be taken yet, and why.
    pub pending_id: Option<(usize, String, String)>,
    /// The answer of the selected question a problem pointed to.
    pub marked_option: Option<usize>,
    /// The core's problems with the graph as it is now.
    pub problems: Vec<ScriptProblem>,
    /// The name was typed in (its "required" message waits until then or "Publicar").
    pub name_touched: bool,
    /// Why the last "Publicar" was refused (the graph's own problems are in `problems`).
    pub errors: Vec<CommandError>,
    /// Raised on every refusal, so the focus goes to the first wrong field each time.
    pub refusals: u32,
    /// "Publicar" is on its way.
    pub publishing: bool,
    /// The draft as checked, to send to the shell.
    pub outgoing: Option<ScriptDraft>,
    /// Raised on every send, so each one is sent once and its answer recognised.
    pub sends: u32,
    /// The draft as typed when it was sent: what is published once the shell says so.
    sent: Option<ScriptDraft>,
    /// What was last loaded or published, to tell unpublished changes.
    baseline: ScriptDraft,
    /// "Versão N publicada.", until the next change.
    pub just_published: Option<u32>,
    /// Why the last import was refused.
    pub import_error: Option<String>,
    /// Raised on every successful import (the import dialog closes then).
    pub imports: u32,
    /// The questions come from an import and are not published yet.
    pub imported: bool,
    /// Where the keyboard goes next, raised with `focuses`.
    pub focus: Option<FocusTarget>,
    pub focuses: u32,
}

impl EditorState {
    /// An empty editor ("Novo script").
    pub fn new() -> Self {
        let mut state = Self::default();
        state.problems = state.definition.problems();
        state
    }

    /// The published version `script`, to edit into its next version.
    pub fn from_published(script: PublishedScript) -> Self {
        let baseline = ScriptDraft {
            id: Some(script.id),
            name: script.name,
            keywords: script.keywords,
            definition: script.definition,
        };
        let selected = baseline
            .definition
            .nodes
            .iter()
            .position(|node| node.id == baseline.definition.start)
            .or((!baseline.definition.nodes.is_empty()).then_some(0));
        let mut state = Self {
            id: Some(script.id),
            version: Some((script.version, script.published_at)),
            name: baseline.name.clone(),
            keywords: baseline.keywords.clone(),
            definition: baseline.definition.clone(),
            selected,
            baseline,
            ..Self::default()
        };
        state.problems = state.definition.problems();
        state
    }

    /// Whether something differs from what was last loaded or published.
    pub fn has_changes(&self) -> bool {
        self.name != self.baseline.name
            || self.keywords != self.baseline.keywords
            || self.definition != self.baseline.definition
    }

    /// The id shown in the form for the question at `index`: as typed when pending.
    pub fn id_text(&self, index: usize) -> Option<&str> {
        match &self.pending_id {
            Some((at, text, _)) if *at == index => Some(text),
            _ => self
                .definition
                .nodes
                .get(index)
                .map(|node| node.id.as_str()),
        }
    }

    /// Why the id typed for the question at `index` is not taken.
    pub fn id_error(&self, index: usize) -> Option<&str> {
        match &self.pending_id {
            Some((at, _, reason)) if *at == index => Some(reason),
            _ => None,
        }
    }

    /// The message at the name or keywords field: the shell's or the last refusal's, else
    /// the core's check of what is typed now.
    pub fn field_message(&self, field: &str) -> Option<String> {
        if let Some(error) = self
            .errors
            .iter()
            .find(|e| e.field.as_deref() == Some(field))
        {
            return Some(error.message.clone());
        }
        if field == fields::DEFINITION {
            return (self.refusals > 0 && !self.problems.is_empty()).then(|| {
                format!(
                    "O script tem {} problema(s): corrija-os antes de publicar.",
                    self.problems.len()
                )
            });
        }
        if field == fields::NAME && !self.name_touched && self.refusals == 0 {
            return None;
        }
        // Checked without the graph, whose problems are listed apart.
        let fields_only = ScriptDraft {
            id: None,
            name: self.name.clone(),
            keywords: self.keywords.clone(),
            definition: ScriptDefinition::default(),
        };
        fields_only
            .validate()
            .err()?
            .into_iter()
            .find(|error| error.field == field)
            .map(|error| error.message)
    }

    /// The ids of the questions with a problem.
    pub fn nodes_with_problems(&self) -> HashSet<&str> {
        self.problems
            .iter()
            .filter_map(|problem| problem.node.as_deref())
            .collect()
    }

    /// The answers of the question `node` that have a problem, by index.
    pub fn options_with_problems(&self, node: &str) -> HashSet<usize> {
        self.problems
            .iter()
            .filter(|problem| problem.node.as_deref() == Some(node))
            .filter_map(|problem| problem.option)
            .filter_map(|option| usize::try_from(option).ok())
            .collect()
    }

    /// Where the answer `option` of the question at `node` leads, as the form shows it.
    pub fn destination(&self, node: usize, option: usize) -> Option<Destination> {
        let option = self.definition.nodes.get(node)?.options.get(option)?;
        Some(match (&option.next, option.outcome) {
            (Some(next), _) => self
                .definition
                .nodes
                .iter()
                .position(|node| &node.id == next)
                .map_or(Destination::Unset, Destination::Node),
            (None, Some(_)) => Destination::End,
            (None, None) => Destination::Unset,
        })
    }

    /// The draft as it would be published.
    pub fn draft(&self) -> ScriptDraft {
        ScriptDraft {
            id: self.id,
            name: self.name.clone(),
            keywords: self.keywords.clone(),
            definition: self.definition.clone(),
        }
    }

    /// An id no question uses: "pergunta-N".
    fn fresh_id(&self) -> String {
        let used: HashSet<&str> = self
            .definition
            .nodes
            .iter()
            .map(|n| n.id.as_str())
            .collect();
        (self.definition.nodes.len() + 1..)
            .map(|n| format!("pergunta-{n}"))
            .find(|id| !used.contains(id.as_str()))
            .unwrap_or_default()
    }

    /// Adds an empty question with one answer to write; the first becomes the start.
    fn add_node(&mut self) -> usize {
        let id = self.fresh_id();
        if self.definition.nodes.is_empty() {
            self.definition.start = id.clone();
        }
        self.definition.nodes.push(ScriptNode {
            id,
            options: vec![ScriptOption::default()],
            ..ScriptNode::default()
        });
        let index = self.definition.nodes.len() - 1;
        self.show(index);
        self.request_focus(FocusTarget::Question);
        index
    }

    fn show(&mut self, index: usize) {
        if self.selected != Some(index) {
            self.pending_id = None;
            self.marked_option = None;
        }
        self.selected = Some(index);
    }

    fn request_focus(&mut self, target: FocusTarget) {
        self.focus = Some(target);
        self.focuses += 1;
    }

    fn count_id(&self, id: &str) -> usize {
        self.definition.nodes.iter().filter(|n| n.id == id).count()
    }

    /// Takes `text` as the id of the question at `index` when it can be.
    fn edit_id(&mut self, index: usize, text: String) {
        let Some(old) = self.definition.nodes.get(index).map(|n| n.id.clone()) else {
            return;
        };
        let taken = self
            .definition
            .nodes
            .iter()
            .enumerate()
            .any(|(at, node)| at != index && node.id == text);
        let reason = if text.trim().is_empty() {
            Some("Informe o identificador da pergunta.".to_owned())
        } else if text.chars().count() > MAX_ID_CHARS {
            Some(format!("Use no máximo {MAX_ID_CHARS} caracteres."))
        } else if taken {
            Some(format!("Outra pergunta já usa o identificador “{text}”."))
        } else {
            None
        };
        if let Some(reason) = reason {
            self.pending_id = Some((index, text, reason));
            return;
        }
        self.pending_id = None;
        // Answers that led to an id two questions shared stay as they were.
        if self.count_id(&old) == 1 {
            for option in self
                .definition
                .nodes
                .iter_mut()
                .flat_map(|n| &mut n.options)
            {
                if option.next.as_deref() == Some(old.as_str()) {
                    option.next = Some(text.clone());
                }
            }
            if self.definition.start == old {
                self.definition.start = text.clone();
            }
        }
        self.definition.nodes[index].id = text;
    }

    fn remove_node(&mut self, index: usize) {
        if index >= self.definition.nodes.len() {
            return;
        }
        let removed = self.definition.nodes.remove(index);
        if self.count_id(&removed.id) == 0 {
            for option in self
                .definition
                .nodes
                .iter_mut()
                .flat_map(|n| &mut n.options)
            {
                if option.next.as_deref() == Some(removed.id.as_str()) {
                    option.next = None;
                }
            }
            if self.definition.start == removed.id {
                self.definition.start.clear();
            }
        }
        self.pending_id = None;
        self.marked_option = None;
        self.selected = match self.selected {
            _ if self.definition.nodes.is_empty() => None,
            Some(at) if at > index => Some(at - 1),
            Some(at) if at == index => Some(index.min(self.definition.nodes.len() - 1)),
            other => other,
        };
    }

    fn option_mut(&mut self, node: usize, option: usize) -> Option<&mut ScriptOption> {
        self.definition.nodes.get_mut(node)?.options.get_mut(option)
    }

    fn set_destination(&mut self, node: usize, option: usize, destination: Destination) {
        let target = match destination {
            Destination::Node(target) => match self.definition.nodes.get(target) {
                Some(target) => Some(target.id.clone()),
                None => return,
            },
            Destination::NewNode => {
                if self.option_mut(node, option).is_none() {
                    return;
                }
                let created = self.add_node();
                Some(self.definition.nodes[created].id.clone())
            }
            Destination::Unset | Destination::End => None,
        };
        let Some(answer) = self.option_mut(node, option) else {
            return;
        };
        match destination {
            Destination::Unset => {
                answer.next = None;
                answer.outcome = None;
            }
            Destination::End => {
                answer.next = None;
                answer.outcome = Some(answer.outcome.unwrap_or(Outcome::None));
            }
            Destination::Node(_) | Destination::NewNode => {
                answer.next = target;
                answer.outcome = None;
                answer.ticket_type = None;
            }
        }
    }

    /// Applies a change to the script; `false` when `action` is not one.
    fn edit(&mut self, action: EditorAction) -> bool {
        match action {
            EditorAction::EditName(name) => {
                self.name = name;
                self.name_touched = true;
                self.errors
                    .retain(|e| e.field.as_deref() != Some(fields::NAME));
            }
            EditorAction::EditKeywords(keywords) => {
                self.keywords = keywords;
                self.errors
                    .retain(|e| e.field.as_deref() != Some(fields::KEYWORDS));
            }
            EditorAction::AddNode => {
                self.add_node();
            }
            EditorAction::RemoveNode(index) => self.remove_node(index),
            EditorAction::SetStart(index, start) => {
                let Some(id) = self.definition.nodes.get(index).map(|n| n.id.clone()) else {
                    return true;
                };
                if start {
                    self.definition.start = id;
                } else if self.definition.start == id {
                    self.definition.start.clear();
                }
            }
            EditorAction::EditId(index, text) => self.edit_id(index, text),
            EditorAction::EditText(index, which, text) => {
                if let Some(node) = self.definition.nodes.get_mut(index) {
                    *match which {
                        NodeText::Question => &mut node.question,
                        NodeText::CustomerExplanation => &mut node.customer_explanation,
                        NodeText::OperatorExplanation => &mut node.operator_explanation,
                    } = text;
                }
            }
            EditorAction::AddOption(index) => {
                if let Some(node) = self.definition.nodes.get_mut(index) {
                    node.options.push(ScriptOption::default());
                    let added = node.options.len() - 1;
                    self.show(index);
                    self.marked_option = None;
                    self.request_focus(FocusTarget::OptionLabel(added));
                }
            }
            EditorAction::RemoveOption(index, option) => {
                if let Some(node) = self.definition.nodes.get_mut(index) {
                    if option < node.options.len() {
                        node.options.remove(option);
                        self.marked_option = None;
                    }
                }
            }
            EditorAction::MoveOption(index, option, direction) => {
                if let Some(node) = self.definition.nodes.get_mut(index) {
                    let other = match direction {
                        Move::Up => option.checked_sub(1),
                        Move::Down => Some(option + 1).filter(|&o| o < node.options.len()),
                    };
                    if let Some(other) = other.filter(|_| option < node.options.len()) {
                        node.options.swap(option, other);
                        self.marked_option = None;
                        self.request_focus(FocusTarget::OptionLabel(other));
                    }
                }
            }
            EditorAction::EditLabel(index, option, label) => {
                if let Some(answer) = self.option_mut(index, option) {
                    answer.label = label;
                }
            }
            EditorAction::SetDestination(index, option, destination) => {
                self.set_destination(index, option, destination);
            }
            EditorAction::SetOutcome(index, option, outcome) => {
                if let Some(answer) = self.option_mut(index, option) {
                    if answer.next.is_none() {
                        answer.outcome = Some(outcome);
                    }
                }
            }
            EditorAction::EditTicketType(index, option, text) => {
                if let Some(answer) = self.option_mut(index, option) {
                    answer.ticket_type = (!text.is_empty()).then_some(text);
                }
            }
            EditorAction::Import(json) => {
                let parsed = if json.trim().is_empty() {
                    Err("Cole o JSON de um script ou escolha um arquivo.".to_owned())
                } else if json.len() > MAX_IMPORT_BYTES {
                    Err(too_big())
                } else {
                    ScriptDefinition::from_json(&json)
                };
                match parsed {
                    Ok(definition) => {
                        self.selected = definition
                            .nodes
                            .iter()
                            .position(|node| node.id == definition.start)
                            .or((!definition.nodes.is_empty()).then_some(0));
                        self.definition = definition;
                        self.pending_id = None;
                        self.marked_option = None;
                        self.import_error = None;
                        self.imported = true;
                        self.imports += 1;
                    }
                    Err(message) => {
                        self.import_error = Some(message);
                        return false;
                    }
                }
            }
            _ => return false,
        }
        true
    }
}

/// Why a file is not read.
pub fn too_big() -> String {
    format!(
        "O arquivo é grande demais para um script (máximo de {} MB).",
        MAX_IMPORT_BYTES / (1024 * 1024)
    )
}

impl Reducible for EditorState {
    type Action = EditorAction;

    fn reduce(self: Rc<Self>, action: EditorAction) -> Rc<Self> {
        let mut state = (*self).clone();
        // The counters go on across scripts, so a late answer to another one is ignored.
        let fresh = |mut next: EditorState| {
            next.sends = self.sends;
            next.refusals = self.refusals;
            next.focuses = self.focuses;
            Rc::new(next)
        };
        match action {
            EditorAction::New => return fresh(EditorState::new()),
            EditorAction::Load(script) => return fresh(EditorState::from_published(script)),
            EditorAction::Select(index) => {
                if index >= state.definition.nodes.len() || state.selected == Some(index) {
                    return self;
                }
                state.show(index);
            }
            EditorAction::Jump { node, option } => {
                let Some(index) =
                    node.and_then(|id| state.definition.nodes.iter().position(|n| n.id == id))
                else {
                    return self;
                };
                state.show(index);
                let option = option.and_then(|option| usize::try_from(option).ok());
                state.marked_option = option;
                state.request_focus(option.map_or(FocusTarget::Question, FocusTarget::OptionLabel));
            }
            EditorAction::StartImport => state.import_error = None,
            EditorAction::ImportFailed(message) => state.import_error = Some(message),
            EditorAction::Publish if state.publishing => return self,
            EditorAction::Publish => {
                state.just_published = None;
                match state.draft().validate() {
                    Ok(checked) => {
                        state.errors.clear();
                        state.sent = Some(state.draft());
                        state.outgoing = Some(checked);
                        state.publishing = true;
                        state.sends += 1;
                    }
                    Err(errors) => {
                        state.errors = errors
                            .into_iter()
                            .filter(|error| error.field != fields::DEFINITION)
                            .map(CommandError::from)
                            .collect();
                        state.refusals += 1;
                    }
                }
            }
            EditorAction::Published { send, script } => {
                if !state.publishing || send != state.sends {
                    return self;
                }
                state.id = Some(script.id);
                state.version = Some((script.version, script.published_at));
                state.baseline = state.sent.take().unwrap_or_else(|| state.draft());
                state.baseline.id = Some(script.id);
                state.publishing = false;
                state.outgoing = None;
                state.imported = false;
                state.just_published = Some(script.version);
            }
            EditorAction::Refused { send, error } => {
                if !state.publishing || send != state.sends {
                    return self;
                }
                state.errors = vec![error];
                state.publishing = false;
                state.outgoing = None;
                state.sent = None;
                state.refusals += 1;
            }
            edit => {
                let graph = !matches!(
                    edit,
                    EditorAction::EditName(_) | EditorAction::EditKeywords(_)
                );
                if !state.edit(edit) {
                    return Rc::new(state);
                }
                state.just_published = None;
                if graph {
                    state.problems = state.definition.problems();
                }
            }
        }
        Rc::new(state)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reduce(state: Rc<EditorState>, action: EditorAction) -> Rc<EditorState> {
        state.reduce(action)
    }

    fn apply(state: Rc<EditorState>, actions: Vec<EditorAction>) -> Rc<EditorState> {
        actions.into_iter().fold(state, reduce)
    }

    fn messages(state: &EditorState) -> Vec<&str> {
        state.problems.iter().map(|p| p.message.as_str()).collect()
    }

    fn ids(state: &EditorState) -> Vec<&str> {
        state
            .definition
            .nodes
            .iter()
            .map(|n| n.id.as_str())
            .collect()
    }

    /// "Luzes?" → "Acesas" goes on to "Cabo?", "Apagadas" ends with an O.S.; "Cabo?" →
    /// "Ok" ends resolved.
    fn sound() -> Rc<EditorState> {
        use EditorAction::*;
        apply(
            Rc::new(EditorState::new()),
            vec![
                EditName("Sem conexão".into()),
                EditKeywords("sem conexão, internet caiu".into()),
                AddNode,
                EditText(0, NodeText::Question, "Como estão as luzes?".into()),
                EditLabel(0, 0, "Acesas".into()),
                SetDestination(0, 0, Destination::NewNode),
                EditText(1, NodeText::Question, "O cabo está conectado?".into()),
                EditLabel(1, 0, "Sim".into()),
                SetDestination(1, 0, Destination::End),
                SetOutcome(1, 0, Outcome::Resolved),
                AddOption(0),
                EditLabel(0, 1, "Apagadas".into()),
                SetDestination(0, 1, Destination::End),
                SetOutcome(0, 1, Outcome::WorkOrder),
                EditTicketType(0, 1, "Visita técnica".into()),
            ],
        )
    }

    fn published(state: &EditorState, version: u32) -> PublishedScript {
        PublishedScript {
            id: state.id.unwrap_or(Uuid::from_u128(9)),
            name: state.name.trim().to_owned(),
            keywords: state.keywords.trim().to_owned(),
            version,
            published_at: 1_700_000_000_000,
            definition: state.definition.clone(),
        }
    }

    #[test]
    fn a_new_script_says_it_has_no_question_yet() {
        let state = EditorState::new();
        assert_eq!(messages(&state), ["O script não tem nenhuma pergunta."]);
        assert!(!state.has_changes());
        assert_eq!(state.field_message(fields::NAME), None, "not typed in yet");
    }

    #[test]
    fn questions_and_answers_build_a_sound_script() {
        let state = sound();
        assert_eq!(ids(&state), ["pergunta-1", "pergunta-2"]);
        assert_eq!(
            state.definition.start, "pergunta-1",
            "the first question is the start"
        );
        assert!(state.problems.is_empty(), "{:?}", state.problems);
        let luzes = &state.definition.nodes[0];
        assert_eq!(luzes.options[0].next.as_deref(), Some("pergunta-2"));
        assert_eq!(luzes.options[1].outcome, Some(Outcome::WorkOrder));
        assert_eq!(
            luzes.options[1].ticket_type.as_deref(),
            Some("Visita técnica")
        );
        assert_eq!(state.destination(0, 0), Some(Destination::Node(1)));
        assert_eq!(state.destination(0, 1), Some(Destination::End));
        assert!(state.has_changes());
        // "Nova pergunta…" showed the new question, ready to be written.
        assert_eq!(
            state.selected,
            Some(0),
            "AddOption(0) showed the first again"
        );
    }

    #[test]
    fn a_new_question_from_an_answer_is_linked_and_shown() {
        use EditorAction::*;
        let state = apply(
            Rc::new(EditorState::new()),
            vec![AddNode, SetDestination(0, 0, Destination::NewNode)],
        );
        assert_eq!(state.selected, Some(1));
        assert_eq!(state.focus, Some(FocusTarget::Question));
        assert_eq!(
            state.definition.nodes[0].options[0].next.as_deref(),
            Some("pergunta-2")
        );
        assert_eq!(state.definition.start, "pergunta-1", "the start stays");
    }

    #[test]
    fn answers_are_added_removed_and_reordered() {
        use EditorAction::*;
        let state = apply(
            sound(),
            vec![AddOption(0), EditLabel(0, 2, "Piscando".into())],
        );
        assert_eq!(state.focus, Some(FocusTarget::OptionLabel(2)));
        assert!(messages(&state)
            .iter()
            .any(|m| m.contains("não tem destino")));
        let labels = |state: &EditorState| -> Vec<String> {
            state.definition.nodes[0]
                .options
                .iter()
                .map(|o| o.label.clone())
                .collect()
        };
        let state = reduce(state, MoveOption(0, 2, Move::Up));
        assert_eq!(labels(&state), ["Acesas", "Piscando", "Apagadas"]);
        let same = reduce(state.clone(), MoveOption(0, 0, Move::Up));
        assert_eq!(labels(&same), labels(&state), "the first cannot go up");
        let same = reduce(state.clone(), MoveOption(0, 2, Move::Down));
        assert_eq!(labels(&same), labels(&state), "the last cannot go down");
        let state = reduce(state, MoveOption(0, 0, Move::Down));
        assert_eq!(labels(&state), ["Piscando", "Acesas", "Apagadas"]);
        let state = reduce(state, RemoveOption(0, 0));
        assert_eq!(labels(&state), ["Acesas", "Apagadas"]);
        assert!(state.problems.is_empty(), "{:?}", state.problems);
    }

    #[test]
    fn an_answer_relinked_to_another_question_or_to_the_end() {
        use EditorAction::*;
        let state = reduce(sound(), SetDestination(1, 0, Destination::Node(0)));
        let answer = &state.definition.nodes[1].options[0];
        assert_eq!(
            (answer.next.as_deref(), answer.outcome),
            (Some("pergunta-1"), None)
        );
        assert!(state.problems.is_empty(), "a loop with an exit is fine");

        let state = reduce(state, SetDestination(0, 1, Destination::Node(1)));
        let answer = &state.definition.nodes[0].options[1];
        assert_eq!(
            answer.ticket_type, None,
            "only an end suggests a ticket type"
        );
        assert!(messages(&state)[0].contains("Nenhuma resposta encerra"));

        let state = reduce(state, SetDestination(0, 1, Destination::End));
        assert_eq!(
            state.definition.nodes[0].options[1].outcome,
            Some(Outcome::None)
        );
        assert!(state.problems.is_empty());
        let state = reduce(state, SetDestination(0, 1, Destination::Unset));
        assert_eq!(state.destination(0, 1), Some(Destination::Unset));
        assert!(messages(&state)[0].contains("não tem destino"));
    }

    #[test]
    fn removing_a_question_leaves_its_answers_without_destination() {
        let state = reduce(sound(), EditorAction::RemoveNode(1));
        assert_eq!(ids(&state), ["pergunta-1"]);
        let answer = &state.definition.nodes[0].options[0];
        assert_eq!((answer.next.as_deref(), answer.outcome), (None, None));
        assert_eq!(state.problems.len(), 1);
        let problem = &state.problems[0];
        assert_eq!(problem.node.as_deref(), Some("pergunta-1"));
        assert_eq!(problem.option, Some(0));
        assert!(problem.message.contains("não tem destino"));
        assert_eq!(
            state.options_with_problems("pergunta-1"),
            HashSet::from([0])
        );
        assert!(state.nodes_with_problems().contains("pergunta-1"));
        assert_eq!(state.selected, Some(0));

        let state = reduce(state, EditorAction::RemoveNode(0));
        assert_eq!(state.selected, None);
        assert_eq!(state.definition.start, "");
        assert_eq!(messages(&state), ["O script não tem nenhuma pergunta."]);
    }

    #[test]
    fn removing_the_selected_or_an_earlier_question_keeps_a_sensible_selection() {
        use EditorAction::*;
        let state = apply(sound(), vec![AddNode, Select(2)]);
        let state = reduce(state, RemoveNode(0));
        assert_eq!(state.selected, Some(1), "the same question, one place up");
        assert_eq!(state.definition.start, "", "the start was removed");
        assert!(messages(&state).contains(&"Escolha a primeira pergunta do script."));
        let state = reduce(state, RemoveNode(1));
        assert_eq!(state.selected, Some(0));
    }

    #[test]
    fn the_start_changes() {
        use EditorAction::*;
        let state = reduce(sound(), SetStart(1, true));
        assert_eq!(state.definition.start, "pergunta-2");
        assert!(messages(&state).contains(&"Nenhuma resposta leva a esta pergunta."));
        let state = reduce(state, SetStart(0, false));
        assert_eq!(
            state.definition.start, "pergunta-2",
            "not the start: nothing to undo"
        );
        let state = reduce(state, SetStart(1, false));
        assert_eq!(state.definition.start, "");
        assert!(messages(&state).contains(&"Escolha a primeira pergunta do script."));
        let state = reduce(state, SetStart(0, true));
        assert!(state.problems.is_empty());
    }

    #[test]
    fn a_renamed_question_keeps_its_links_and_a_taken_id_waits() {
        use EditorAction::*;
        let state = reduce(sound(), EditId(1, "cabo".into()));
        assert_eq!(ids(&state), ["pergunta-1", "cabo"]);
        assert_eq!(
            state.definition.nodes[0].options[0].next.as_deref(),
            Some("cabo")
        );
        let state = reduce(state, EditId(0, "luzes".into()));
        assert_eq!(state.definition.start, "luzes");
        assert!(state.problems.is_empty());

        let state = reduce(state, EditId(0, "cabo".into()));
        assert_eq!(ids(&state), ["luzes", "cabo"], "not taken");
        assert_eq!(state.id_text(0), Some("cabo"), "shown as typed");
        assert!(state.id_error(0).is_some_and(|e| e.contains("já usa")));
        assert!(state.problems.is_empty(), "the graph is untouched");
        let state = reduce(state, EditId(0, "cabos".into()));
        assert_eq!(ids(&state), ["cabos", "cabo"]);
        assert_eq!(state.id_error(0), None);
        assert_eq!(state.definition.start, "cabos");

        let state = reduce(state, EditId(0, " ".into()));
        assert!(state.id_error(0).is_some());
        let state = reduce(state, Select(1));
        assert_eq!(
            state.id_text(0),
            Some("cabos"),
            "leaving drops what was not taken"
        );
    }

    #[test]
    fn a_problem_clicked_shows_its_question_and_marks_its_answer() {
        use EditorAction::*;
        let state = apply(
            sound(),
            vec![Select(0), SetDestination(1, 0, Destination::Unset)],
        );
        let problem = state.problems[0].clone();
        let state = reduce(
            state,
            Jump {
                node: problem.node,
                option: problem.option,
            },
        );
        assert_eq!(state.selected, Some(1));
        assert_eq!(state.marked_option, Some(0));
        assert_eq!(state.focus, Some(FocusTarget::OptionLabel(0)));
        let same = reduce(
            state.clone(),
            Jump {
                node: None,
                option: None,
            },
        );
        assert!(Rc::ptr_eq(&state, &same));
    }

    #[test]
    fn an_import_replaces_the_questions_only_when_it_is_a_script() {
        let state = sound();
        let json = state.definition.to_json();
        let other = reduce(
            Rc::new(EditorState::new()),
            EditorAction::EditName("X".into()),
        );

        let refused = reduce(
            other.clone(),
            EditorAction::Import("{\"start\": \"a\", ".into()),
        );
        assert!(refused
            .import_error
            .as_deref()
            .is_some_and(|e| e.starts_with("O arquivo não é um script válido")));
        assert_eq!(refused.definition, other.definition, "nothing replaced");
        assert_eq!(refused.imports, 0);
        let refused = reduce(refused, EditorAction::Import("{\"nodes\": 3}".into()));
        assert!(refused.import_error.is_some());
        let refused = reduce(refused, EditorAction::Import("  ".into()));
        assert!(refused.import_error.is_some());
        assert_eq!(refused.definition, other.definition);

        let imported = reduce(refused, EditorAction::Import(json));
        assert_eq!(imported.definition, state.definition);
        assert_eq!(imported.name, "X", "the name stays");
        assert_eq!((imported.imports, imported.imported), (1, true));
        assert_eq!(imported.import_error, None);
        assert_eq!(imported.selected, Some(0), "the start is shown");
        assert!(imported.problems.is_empty());

        // A script with problems is imported too, and the problems are listed.
        let dangling = "{\"start\":\"a\",\"nodes\":[{\"id\":\"a\",\"question\":\"<b>Q</b>\",\
                        \"options\":[{\"label\":\"x\",\"next\":\"nada\",\"outcome\":null}]}]}";
        let imported = reduce(imported, EditorAction::Import(dangling.into()));
        assert_eq!(imported.definition.nodes[0].question, "<b>Q</b>");
        assert!(messages(&imported)[0].contains("não existe"));
    }

    #[test]
    fn publish_refuses_with_every_reason_and_keeps_what_was_typed() {
        let state = reduce(
            Rc::new(EditorState::new()),
            EditorAction::EditKeywords("x".repeat(600)),
        );
        let state = reduce(state, EditorAction::Publish);
        assert_eq!(
            (state.refusals, state.sends, state.publishing),
            (1, 0, false)
        );
        assert!(state.field_message(fields::NAME).is_some());
        assert!(state.field_message(fields::KEYWORDS).is_some());
        assert!(state
            .field_message(fields::DEFINITION)
            .is_some_and(|m| m.contains("1 problema")));
        assert_eq!(state.keywords.len(), 600, "what was typed is kept");
        let state = reduce(state, EditorAction::EditName("Lentidão".into()));
        assert_eq!(state.field_message(fields::NAME), None);
    }

    #[test]
    fn a_published_version_becomes_the_new_baseline() {
        let state = reduce(sound(), EditorAction::Publish);
        assert!(state.publishing);
        let outgoing = state.outgoing.clone().expect("sent");
        assert_eq!(outgoing.name, "Sem conexão");
        assert_eq!(state.sends, 1);
        assert!(Rc::ptr_eq(
            &state,
            &reduce(state.clone(), EditorAction::Publish)
        ));

        // A late answer to an earlier send is ignored.
        let script = published(&state, 1);
        let late = reduce(
            state.clone(),
            EditorAction::Published {
                send: 0,
                script: script.clone(),
            },
        );
        assert!(late.publishing);

        let done = reduce(state, EditorAction::Published { send: 1, script });
        assert!(!done.publishing);
        assert_eq!(done.just_published, Some(1));
        assert_eq!(done.id, Some(Uuid::from_u128(9)));
        assert_eq!(done.version.map(|(v, _)| v), Some(1));
        assert!(!done.has_changes());
        let edited = reduce(
            done,
            EditorAction::EditText(0, NodeText::Question, "?".into()),
        );
        assert_eq!(edited.just_published, None);
        assert!(edited.has_changes());
    }

    #[test]
    fn a_refused_publish_keeps_the_editor_as_it_was() {
        let before = sound();
        let state = reduce(before.clone(), EditorAction::Publish);
        let state = reduce(
            state,
            EditorAction::Refused {
                send: 1,
                error: CommandError::internal(),
            },
        );
        assert!(!state.publishing);
        assert_eq!(state.definition, before.definition);
        assert_eq!(state.name, before.name);
        assert_eq!(state.errors, [CommandError::internal()]);
        assert_eq!(state.id, None);
        assert!(state.has_changes());
    }

    #[test]
    fn loading_a_version_shows_its_start_and_has_no_changes() {
        let script = published(&sound(), 4);
        let state = reduce(sound(), EditorAction::Publish);
        let loaded = reduce(state.clone(), EditorAction::Load(script.clone()));
        assert_eq!(loaded.version, Some((4, script.published_at)));
        assert_eq!(loaded.selected, Some(0));
        assert!(!loaded.has_changes());
        assert!(!loaded.publishing);
        assert_eq!(loaded.sends, 1, "the counters go on");
        let late = reduce(
            loaded.clone(),
            EditorAction::Published {
                send: 1,
                script: published(&state, 5),
            },
        );
        assert_eq!(
            late.version, loaded.version,
            "an answer about the script left behind"
        );
    }
}
