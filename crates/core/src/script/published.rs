//! Scripts as the catalogue keeps them: published versions, and what an author publishes.
use serde::{Deserialize, Serialize};
use specta::Type;
use uuid::Uuid;

use super::{ScriptDefinition, ScriptProblem};
use crate::form::{required_text, FieldError, FieldErrors};

/// The longest script name and keyword list.
pub const MAX_NAME_CHARS: usize = 80;
pub const MAX_KEYWORDS_CHARS: usize = 500;

/// Field names of the script editor, shared by its errors and the UI.
pub mod fields {
    pub const NAME: &str = "nome";
    pub const KEYWORDS: &str = "palavras";
    pub const DEFINITION: &str = "definicao";
}

/// A script in the list: its latest published version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ScriptSummary {
    pub id: Uuid,
    pub name: String,
    /// Words of the subjects, problems and ticket types the script is for, comma-separated.
    pub keywords: String,
    pub version: u32,
    /// When that version was published, Unix ms UTC.
    #[specta(type = f64)]
    pub published_at: i64,
    /// How many questions it has.
    pub nodes: u32,
}

/// Which version of a script to load; `None` is the latest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ScriptVersionRef {
    pub script_id: Uuid,
    pub version: Option<u32>,
}

/// A published version of a script.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct PublishedScript {
    pub id: Uuid,
    pub name: String,
    pub keywords: String,
    pub version: u32,
    #[specta(type = f64)]
    pub published_at: i64,
    pub definition: ScriptDefinition,
}

/// What an author publishes: a new script (`id` is `None`) or a new version of one.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ScriptDraft {
    pub id: Option<Uuid>,
    pub name: String,
    pub keywords: String,
    pub definition: ScriptDefinition,
}

impl ScriptDraft {
    /// The draft trimmed, or why it cannot be published: the name and keywords at their
    /// fields, the graph's problems at [`fields::DEFINITION`] (each also listed by
    /// [`ScriptDefinition::problems`] with its node and option).
    pub fn validate(&self) -> Result<ScriptDraft, Vec<FieldError>> {
        let mut errors = FieldErrors::default();
        let name = required_text(
            &mut errors,
            fields::NAME,
            "o nome do script",
            &self.name,
            MAX_NAME_CHARS,
        );
        let keywords = crate::form::optional_text(
            &mut errors,
            fields::KEYWORDS,
            &self.keywords,
            MAX_KEYWORDS_CHARS,
        );
        for ScriptProblem { message, .. } in self.definition.problems() {
            errors.add(fields::DEFINITION, message);
        }
        errors.into_result(|| ScriptDraft {
            id: self.id,
            name: name.unwrap_or_default(),
            keywords: keywords.unwrap_or_default(),
            definition: self.definition.clone(),
        })
    }
}

impl ScriptSummary {
    /// How well the script fits a ticket whose subject and problem are `context`: the number
    /// of its keywords found there (case- and accent-insensitive).
    pub fn relevance(&self, context: &str) -> usize {
        let context = crate::text::fold(context);
        self.keywords
            .split(',')
            .map(crate::text::fold)
            .filter(|keyword| !keyword.is_empty() && context.contains(keyword.as_str()))
            .count()
    }
}
