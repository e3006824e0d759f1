//! "Script de Atendimento": a troubleshooting decision graph the operator follows with the
//! customer. Its JSON form (as stored in `script_versions.definition`, imported and
//! exported):
//!
//! ```json
//! {
//!   "start": "luzes",
//!   "nodes": [
//!     {
//!       "id": "luzes",
//!       "question": "Como estão as luzes da ONU?",
//!       "customer_explanation": "What the operator tells the customer.",
//!       "operator_explanation": "What the operator checks meanwhile.",
//!       "options": [
//!         { "label": "LOS vermelha acesa", "next": "los_cabo", "outcome": null },
//!         { "label": "Continua apagado", "next": null, "outcome": "work_order",
//!           "ticket_type": "Visita técnica" }
//!       ]
//!     }
//!   ]
//! }
//! ```
//!
//! An option goes on to another node (`next` is its id) or ends the script (`next` is null
//! and `outcome` says how: `"resolved"`, `"work_order"`, `"escalate"` or `"none"`);
//! `ticket_type` optionally suggests a "Tipo de Atendimento" by name.
mod published;
mod run;
mod validate;

pub use published::{
    fields, PublishedScript, ScriptDraft, ScriptSummary, ScriptVersionRef, MAX_KEYWORDS_CHARS,
    MAX_NAME_CHARS,
};
pub use run::{Answer, ScriptRun};
pub use validate::{
    ScriptProblem, MAX_ID_CHARS, MAX_LABEL_CHARS, MAX_NODES, MAX_OPTIONS, MAX_TEXT_CHARS,
};

use serde::{Deserialize, Serialize};
use specta::Type;

/// A script's graph.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(deny_unknown_fields)]
pub struct ScriptDefinition {
    /// The id of the first question.
    pub start: String,
    pub nodes: Vec<ScriptNode>,
}

/// One question of a script.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(deny_unknown_fields)]
pub struct ScriptNode {
    /// Unique within the script.
    pub id: String,
    /// "Pergunta": what the operator asks.
    pub question: String,
    /// "Explicação para o cliente": what the operator tells the customer.
    #[serde(default)]
    pub customer_explanation: String,
    /// "Explicação para o operador": what the operator does meanwhile.
    #[serde(default)]
    pub operator_explanation: String,
    /// "Opções": the customer's possible answers.
    pub options: Vec<ScriptOption>,
}

/// An answer the customer may give, and where it leads.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(deny_unknown_fields)]
pub struct ScriptOption {
    pub label: String,
    /// The next question's id; `None` ends the script.
    pub next: Option<String>,
    /// How the script ends with this answer (only when `next` is `None`).
    pub outcome: Option<Outcome>,
    /// A "Tipo de Atendimento" this answer suggests, by name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ticket_type: Option<String>,
}

/// How a script ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Solved on the call.
    Resolved,
    /// A technician must go: an O.S.
    WorkOrder,
    /// Beyond the first level (e.g. a failure affecting many customers).
    Escalate,
    /// Ended with no suggestion.
    None,
}

impl Outcome {
    /// Every outcome, in the order the editor offers them.
    pub const ALL: [Outcome; 4] = [
        Outcome::Resolved,
        Outcome::WorkOrder,
        Outcome::Escalate,
        Outcome::None,
    ];

    /// The pt-BR label.
    pub fn label(self) -> &'static str {
        match self {
            Outcome::Resolved => "Resolvido",
            Outcome::WorkOrder => "Precisa de O.S.",
            Outcome::Escalate => "Escalar para o nível 2",
            Outcome::None => "Encerrar sem sugestão",
        }
    }
}

impl ScriptOption {
    /// Whether this answer ends the script.
    pub fn ends(&self) -> bool {
        self.next.is_none() && self.outcome.is_some()
    }
}

impl ScriptDefinition {
    /// The node with `id`.
    pub fn node(&self, id: &str) -> Option<&ScriptNode> {
        self.nodes.iter().find(|node| node.id == id)
    }

    /// Reads a script from its JSON form, with the reason in pt-BR when it is not one.
    pub fn from_json(json: &str) -> Result<Self, String> {
        serde_json::from_str(json).map_err(|error| {
            format!(
                "O arquivo não é um script válido (linha {}, coluna {}): {}",
                error.line(),
                error.column(),
                json_reason(&error)
            )
        })
    }

    /// The JSON form, indented for people to read.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

fn json_reason(error: &serde_json::Error) -> &'static str {
    use serde_json::error::Category;
    match error.classify() {
        Category::Syntax => "JSON malformado",
        Category::Eof => "o arquivo termina antes do fim",
        Category::Data => "um campo falta, sobra ou tem o tipo errado",
        Category::Io => "não foi possível ler",
    }
}
