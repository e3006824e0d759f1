//! The script's name and keywords as typed. No DOM.
use helpdesk_core::script::fields;

/// A change to the name or the keywords.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MetaEdit {
    /// "Nome" as typed.
    Name(String),
    /// "Palavras-chave" as typed.
    Keywords(String),
}

/// The name and keywords as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MetaState {
    /// "Nome".
    pub name: String,
    /// "Palavras-chave", separated by commas.
    pub keywords: String,
    /// The name was typed in (its "required" message waits until then or "Publicar").
    pub name_touched: bool,
}

impl MetaState {
    /// A published script's name and keywords, not typed in yet.
    pub(super) fn of(name: String, keywords: String) -> Self {
        Self {
            name,
            keywords,
            name_touched: false,
        }
    }

    /// Applies `edit`; the field it changed (whose last refusal no longer holds).
    pub(super) fn edit(&mut self, edit: MetaEdit) -> &'static str {
        match edit {
            MetaEdit::Name(name) => {
                self.name = name;
                self.name_touched = true;
                fields::NAME
            }
            MetaEdit::Keywords(keywords) => {
                self.keywords = keywords;
                fields::KEYWORDS
            }
        }
    }
}
