//! Customers as the help desk sees them, and the rules of the "Localizar Cliente" search.
use serde::{Deserialize, Serialize};
use specta::Type;
use uuid::Uuid;

use crate::text;

/// The longest search text accepted ("Procurar").
pub const MAX_SEARCH_CHARS: usize = 100;
/// The default number of rows ("Quantidade").
pub const DEFAULT_LIMIT: u32 = 50;
/// The most rows one search may return.
pub const MAX_LIMIT: u32 = 500;

/// Which customer field is searched ("Campo").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
pub enum SearchField {
    Name,
    Code,
    Document,
    Login,
    Email,
    Phone,
}

impl SearchField {
    /// Every field, in the order the UI offers them.
    pub const ALL: [SearchField; 6] = [
        SearchField::Name,
        SearchField::Code,
        SearchField::Document,
        SearchField::Login,
        SearchField::Email,
        SearchField::Phone,
    ];

    /// The pt-BR label shown to the operator.
    pub fn label(self) -> &'static str {
        match self {
            SearchField::Name => "Nome",
            SearchField::Code => "Código",
            SearchField::Document => "CPF/CNPJ",
            SearchField::Login => "Login",
            SearchField::Email => "E-mail",
            SearchField::Phone => "Telefone",
        }
    }

    /// Fields whose stored form is digits only, so punctuation typed is ignored.
    fn is_numeric(self) -> bool {
        matches!(self, SearchField::Code | SearchField::Phone)
    }
}

/// How the text is matched ("Condição").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
pub enum SearchCondition {
    StartsWith,
    Contains,
    Equals,
    EndsWith,
}

impl SearchCondition {
    /// Every condition, in the order the UI offers them.
    pub const ALL: [SearchCondition; 4] = [
        SearchCondition::StartsWith,
        SearchCondition::Contains,
        SearchCondition::Equals,
        SearchCondition::EndsWith,
    ];

    /// The pt-BR label shown to the operator.
    pub fn label(self) -> &'static str {
        match self {
            SearchCondition::StartsWith => "Começa com",
            SearchCondition::Contains => "Contém",
            SearchCondition::Equals => "Igual",
            SearchCondition::EndsWith => "Termina com",
        }
    }
}

/// A customer search as the operator filled it in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct CustomerSearch {
    pub text: String,
    pub field: SearchField,
    pub condition: SearchCondition,
    pub limit: u32,
}

/// A validated search: the text in the stored form of its field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchTerm {
    pub needle: String,
    pub field: SearchField,
    pub condition: SearchCondition,
    pub limit: u32,
}

/// The form fields a search error belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
pub enum SearchInput {
    Text,
    Limit,
}

/// Why a search cannot run, in words for the operator.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SearchError {
    #[error("Informe o que procurar.")]
    Empty,
    #[error("O texto da pesquisa pode ter no máximo {MAX_SEARCH_CHARS} caracteres.")]
    TooLong,
    #[error("Para {0}, informe ao menos um número.")]
    NoDigits(&'static str),
    #[error("Para CPF/CNPJ, informe ao menos um número ou letra.")]
    NoDocumentCharacters,
    #[error("A quantidade deve ser um número inteiro.")]
    LimitNotANumber,
    #[error("A quantidade deve estar entre 1 e {MAX_LIMIT}.")]
    LimitOutOfRange,
}

impl SearchError {
    /// The form field the message should be shown at.
    pub fn input(&self) -> SearchInput {
        match self {
            SearchError::LimitNotANumber | SearchError::LimitOutOfRange => SearchInput::Limit,
            _ => SearchInput::Text,
        }
    }
}

/// Reads "Quantidade" as typed.
pub fn parse_limit(typed: &str) -> Result<u32, SearchError> {
    let value: i64 = typed
        .trim()
        .parse()
        .map_err(|_| SearchError::LimitNotANumber)?;
    u32::try_from(value)
        .ok()
        .filter(|limit| (1..=MAX_LIMIT).contains(limit))
        .ok_or(SearchError::LimitOutOfRange)
}

impl CustomerSearch {
    /// Checks the search and reduces the text to the stored form of the field.
    pub fn validate(&self) -> Result<SearchTerm, SearchError> {
        if !(1..=MAX_LIMIT).contains(&self.limit) {
            return Err(SearchError::LimitOutOfRange);
        }
        let trimmed = self.text.trim();
        if trimmed.is_empty() {
            return Err(SearchError::Empty);
        }
        if trimmed.chars().count() > MAX_SEARCH_CHARS {
            return Err(SearchError::TooLong);
        }
        let needle = if self.field == SearchField::Document {
            // As stored: without punctuation, letters (alphanumeric CNPJ) upper-case.
            let bare: String = trimmed
                .chars()
                .filter(char::is_ascii_alphanumeric)
                .map(|c| c.to_ascii_uppercase())
                .collect();
            if bare.is_empty() {
                return Err(SearchError::NoDocumentCharacters);
            }
            bare
        } else if self.field.is_numeric() {
            let digits = text::digits(trimmed);
            if digits.is_empty() {
                return Err(SearchError::NoDigits(self.field.label()));
            }
            digits
        } else {
            text::fold(trimmed)
        };
        Ok(SearchTerm {
            needle,
            field: self.field,
            condition: self.condition,
            limit: self.limit,
        })
    }
}

/// The "Localizar Cliente" form, as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct SearchForm {
    /// "Procurar".
    pub text: String,
    /// "Quantidade", kept as typed so a wrong value can be shown and corrected.
    pub limit: String,
    /// "Campo".
    pub field: SearchField,
    /// "Condição".
    pub condition: SearchCondition,
}

impl Default for SearchForm {
    fn default() -> Self {
        Self {
            text: String::new(),
            limit: DEFAULT_LIMIT.to_string(),
            field: SearchField::Name,
            condition: SearchCondition::StartsWith,
        }
    }
}

impl SearchForm {
    /// The form filled with `search`.
    pub fn of(search: &CustomerSearch) -> Self {
        Self {
            text: search.text.clone(),
            limit: search.limit.to_string(),
            field: search.field,
            condition: search.condition,
        }
    }

    /// The search to send, or every reason why it is refused (text first, then limit).
    pub fn to_search(&self) -> Result<CustomerSearch, Vec<SearchError>> {
        let limit = parse_limit(&self.limit);
        let search = CustomerSearch {
            text: self.text.clone(),
            field: self.field,
            condition: self.condition,
            // A valid stand-in, so the text is checked even when the limit is wrong.
            limit: *limit.as_ref().unwrap_or(&DEFAULT_LIMIT),
        };
        let errors: Vec<SearchError> = search
            .validate()
            .err()
            .into_iter()
            .chain(limit.err())
            .collect();
        if errors.is_empty() {
            Ok(search)
        } else {
            Err(errors)
        }
    }
}

/// One row of the "Localizar Cliente" result table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct CustomerSummary {
    pub id: Uuid,
    pub code: String,
    pub name: String,
    /// CPF or CNPJ, punctuated.
    pub document: String,
    pub logins: Vec<String>,
    pub emails: Vec<String>,
    pub phones: Vec<String>,
    pub city: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn search(text: &str, field: SearchField) -> CustomerSearch {
        CustomerSearch {
            text: text.into(),
            field,
            condition: SearchCondition::StartsWith,
            limit: DEFAULT_LIMIT,
        }
    }

    #[test]
    fn name_is_folded() {
        let term = search("  JOÃO ", SearchField::Name)
            .validate()
            .expect("valid");
        assert_eq!(term.needle, "joao");
    }

    #[test]
    fn numeric_fields_keep_digits_only() {
        let term = search("529.982.247-25", SearchField::Document)
            .validate()
            .expect("valid");
        assert_eq!(term.needle, "52998224725");
        let term = search("12.abc.345/01", SearchField::Document)
            .validate()
            .expect("valid");
        assert_eq!(term.needle, "12ABC34501", "letters kept, upper-case");
        assert_eq!(
            search("./-", SearchField::Document).validate(),
            Err(SearchError::NoDocumentCharacters)
        );
        let term = search("(11) 9876", SearchField::Phone)
            .validate()
            .expect("valid");
        assert_eq!(term.needle, "119876");
        assert_eq!(
            search("abc", SearchField::Phone).validate(),
            Err(SearchError::NoDigits("Telefone"))
        );
    }

    #[test]
    fn rejects_empty_and_too_long() {
        assert_eq!(
            search("   ", SearchField::Name).validate(),
            Err(SearchError::Empty)
        );
        let long = "a".repeat(MAX_SEARCH_CHARS + 1);
        assert_eq!(
            search(&long, SearchField::Name).validate(),
            Err(SearchError::TooLong)
        );
    }

    #[test]
    fn sql_metacharacters_are_plain_text() {
        let term = search("O'Brien%_\"; DROP", SearchField::Name)
            .validate()
            .expect("valid");
        assert_eq!(term.needle, "o'brien%_\"; drop");
    }

    #[test]
    fn limit_parsing() {
        assert_eq!(parse_limit(" 20 "), Ok(20));
        assert_eq!(parse_limit("0"), Err(SearchError::LimitOutOfRange));
        assert_eq!(parse_limit("-5"), Err(SearchError::LimitOutOfRange));
        assert_eq!(parse_limit("501"), Err(SearchError::LimitOutOfRange));
        assert_eq!(parse_limit("dez"), Err(SearchError::LimitNotANumber));
        assert_eq!(SearchError::LimitNotANumber.input(), SearchInput::Limit);
        let zero = CustomerSearch {
            limit: 0,
            ..search("a", SearchField::Name)
        };
        assert_eq!(zero.validate(), Err(SearchError::LimitOutOfRange));
    }

    #[test]
    fn the_form_reports_the_text_and_the_limit() {
        let form = SearchForm {
            text: "  ".into(),
            limit: "dez".into(),
            ..SearchForm::default()
        };
        let inputs: Vec<_> = form
            .to_search()
            .expect_err("invalid")
            .iter()
            .map(SearchError::input)
            .collect();
        assert_eq!(inputs, [SearchInput::Text, SearchInput::Limit]);

        let form = SearchForm {
            text: "joão".into(),
            limit: " 20 ".into(),
            ..SearchForm::default()
        };
        let search = form.to_search().expect("valid");
        assert_eq!(search.limit, 20);
        assert_eq!(SearchForm::of(&search).limit, "20");
    }
}
