//! "Importar": JSON pasted or read from a file, checked by the core, and what became of the
//! last import. No DOM.
use helpdesk_core::script::ScriptDefinition;

/// The largest JSON file "Importar" reads (a script at the core's limits fits well below).
pub const MAX_IMPORT_BYTES: usize = 16 * 1024 * 1024;

/// Why a file is not read.
pub fn too_big() -> String {
    format!(
        "O arquivo é grande demais para um script (máximo de {} MB).",
        MAX_IMPORT_BYTES / (1024 * 1024)
    )
}

/// A step of an import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportAction {
    /// "Importar" opened: the last import's message goes away.
    Start,
    /// JSON pasted or read from a file: replaces the questions when it is a script.
    Json(String),
    /// The chosen file could not be read.
    Failed(String),
}

/// What became of the imports.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImportState {
    /// Why the last import was refused.
    pub error: Option<String>,
    /// Raised on every successful import (the import dialog closes then).
    pub imports: u32,
    /// The questions come from an import and are not published yet.
    pub imported: bool,
}

impl ImportState {
    /// Applies `action`; the script read, when it is one, to replace the questions with.
    pub(super) fn apply(&mut self, action: ImportAction) -> Option<ScriptDefinition> {
        match action {
            ImportAction::Start => self.error = None,
            ImportAction::Failed(message) => self.error = Some(message),
            ImportAction::Json(json) => match parse(&json) {
                Ok(definition) => {
                    self.error = None;
                    self.imported = true;
                    self.imports += 1;
                    return Some(definition);
                }
                Err(message) => self.error = Some(message),
            },
        }
        None
    }
}

/// The script in `json`, or why it is not one.
fn parse(json: &str) -> Result<ScriptDefinition, String> {
    if json.trim().is_empty() {
        Err("Cole o JSON de um script ou escolha um arquivo.".to_owned())
    } else if json.len() > MAX_IMPORT_BYTES {
        Err(too_big())
    } else {
        ScriptDefinition::from_json(json)
    }
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use super::super::test_support::*;

    #[test]
    fn an_import_replaces_the_questions_only_when_it_is_a_script() {
        let state = sound();
        let json = state.graph.definition.to_json();
        let other = reduce(Rc::new(EditorState::new()), Meta(Name("X".into())));

        let refused = reduce(other.clone(), Import(Json("{\"start\": \"a\", ".into())));
        assert!(refused
            .import
            .error
            .as_deref()
            .is_some_and(|e| e.starts_with("O arquivo não é um script válido")));
        assert_eq!(
            refused.graph.definition, other.graph.definition,
            "nothing replaced"
        );
        assert_eq!(refused.import.imports, 0);
        let refused = reduce(refused, Import(Json("{\"nodes\": 3}".into())));
        assert!(refused.import.error.is_some());
        let refused = reduce(refused, Import(Json("  ".into())));
        assert!(refused.import.error.is_some());
        assert_eq!(refused.graph.definition, other.graph.definition);

        let imported = reduce(refused, Import(Json(json)));
        assert_eq!(imported.graph.definition, state.graph.definition);
        assert_eq!(imported.meta.name, "X", "the name stays");
        assert_eq!(
            (imported.import.imports, imported.import.imported),
            (1, true)
        );
        assert_eq!(imported.import.error, None);
        assert_eq!(imported.graph.selected, Some(0), "the start is shown");
        assert!(imported.graph.problems.is_empty());

        // A script with problems is imported too, and the problems are listed.
        let dangling = "{\"start\":\"a\",\"nodes\":[{\"id\":\"a\",\"question\":\"<b>Q</b>\",\
                        \"options\":[{\"label\":\"x\",\"next\":\"nada\",\"outcome\":null}]}]}";
        let imported = reduce(imported, Import(Json(dangling.into())));
        assert_eq!(imported.graph.definition.nodes[0].question, "<b>Q</b>");
        assert!(messages(&imported)[0].contains("não existe"));
    }
}
