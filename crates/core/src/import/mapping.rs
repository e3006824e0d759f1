//! Which column of a file fills which field: suggested from the headers (ignoring case,
//! accents and punctuation, so "CPF/CNPJ", "Razão Social" and "Código" are recognised), or
//! remembered from the last import, then chosen by the operator.
use serde::{Deserialize, Serialize};
use specta::Type;

use super::{ImportKind, TargetField};
use crate::text::fold;

/// The field each column of the file fills, by column: a target field's name, or empty
/// for a column that is ignored.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ColumnMapping {
    pub columns: Vec<String>,
}

/// A header reduced for comparison: folded, letters and digits only ("CPF/CNPJ" → "cpfcnpj").
pub fn header_key(header: &str) -> String {
    fold(header)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

fn matches(target: &TargetField, key: &str) -> bool {
    !key.is_empty()
        && (header_key(target.name) == key
            || header_key(target.label) == key
            || target.aliases.iter().any(|alias| header_key(alias) == key))
}

impl ColumnMapping {
    /// The mapping suggested for `headers`: a column takes the field its header names,
    /// unless an earlier column took it (lists — e-mails, phones — take every column).
    pub fn suggest(kind: ImportKind, headers: &[String]) -> ColumnMapping {
        Self::suggest_with(kind, headers, &[])
    }

    /// As [`ColumnMapping::suggest`], `remembered` (header, field) pairs of the last import
    /// first.
    pub fn suggest_with(
        kind: ImportKind,
        headers: &[String],
        remembered: &[(String, String)],
    ) -> ColumnMapping {
        let mut columns: Vec<String> = Vec::with_capacity(headers.len());
        for header in headers {
            let key = header_key(header);
            let taken = |name: &str| columns.iter().any(|field| field == name);
            let from_memory = remembered
                .iter()
                .filter(|(known, _)| header_key(known) == key)
                .filter_map(|(_, field)| kind.target(field));
            let suggested = from_memory
                .chain(kind.targets().iter().filter(|target| matches(target, &key)))
                .find(|target| target.list || !taken(target.name));
            columns.push(
                suggested
                    .map(|target| target.name.to_owned())
                    .unwrap_or_default(),
            );
        }
        ColumnMapping { columns }
    }

    /// The (header, field) pairs to remember for the next import.
    pub fn pairs(&self, headers: &[String]) -> Vec<(String, String)> {
        headers
            .iter()
            .zip(&self.columns)
            .filter(|(_, field)| !field.is_empty())
            .map(|(header, field)| (header.clone(), field.clone()))
            .collect()
    }

    /// The columns filling `field`, in order.
    pub fn columns_of<'a>(&'a self, field: &'a str) -> impl Iterator<Item = usize> + 'a {
        self.columns
            .iter()
            .enumerate()
            .filter(move |(_, mapped)| *mapped == field)
            .map(|(column, _)| column)
    }

    /// Whether some column fills `field`.
    pub fn has(&self, field: &str) -> bool {
        self.columns_of(field).next().is_some()
    }

    /// Why the mapping cannot be imported, in pt-BR: a required field without a column, a
    /// field filled by two columns, an unknown field, or a mapping for another file.
    pub fn check(&self, kind: ImportKind, headers: &[String]) -> Result<(), Vec<String>> {
        let mut problems = Vec::new();
        if self.columns.len() != headers.len() {
            problems.push(format!(
                "O arquivo tem {} colunas e a associação, {}: escolha as colunas de novo.",
                headers.len(),
                self.columns.len()
            ));
            return Err(problems);
        }
        for field in self.columns.iter().filter(|field| !field.is_empty()) {
            if kind.target(field).is_none() {
                problems.push(format!(
                    "O campo \"{field}\" não existe em {}.",
                    kind.label()
                ));
            }
        }
        for target in kind.targets() {
            let columns: Vec<usize> = self.columns_of(target.name).collect();
            if target.required && columns.is_empty() {
                problems.push(format!("Escolha a coluna do campo \"{}\".", target.label));
            }
            if !target.list && columns.len() > 1 {
                let names: Vec<&str> = columns.iter().map(|&c| headers[c].as_str()).collect();
                problems.push(format!(
                    "O campo \"{}\" foi escolhido para mais de uma coluna ({}): escolha uma só.",
                    target.label,
                    names.join(", ")
                ));
            }
        }
        if kind == ImportKind::Contracts
            && !self.has(super::fields::CUSTOMER_CODE)
            && !self.has(super::fields::CUSTOMER_DOCUMENT)
        {
            problems.push(
                "Escolha a coluna do código ou do CPF/CNPJ do cliente de cada contrato.".into(),
            );
        }
        match problems.is_empty() {
            true => Ok(()),
            false => Err(problems),
        }
    }
}

/// What the operator is told about a file's header before mapping it: columns no field
/// recognises (ignored unless chosen) and headers that repeat.
pub fn header_notes(kind: ImportKind, headers: &[String]) -> Vec<String> {
    let mut notes = Vec::new();
    for (index, header) in headers.iter().enumerate() {
        let key = header_key(header);
        if header.trim().is_empty() {
            notes.push(format!("A coluna {} não tem nome no cabeçalho.", index + 1));
        } else if let Some(first) = headers[..index].iter().position(|h| header_key(h) == key) {
            notes.push(format!(
                "A coluna \"{header}\" aparece duas vezes (colunas {} e {}).",
                first + 1,
                index + 1
            ));
        } else if !kind.targets().iter().any(|target| matches(target, &key)) {
            notes.push(format!(
                "A coluna \"{header}\" não corresponde a nenhum campo e será ignorada se não for escolhida."
            ));
        }
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::customer_form::fields;

    fn headers(names: &[&str]) -> Vec<String> {
        names.iter().map(|name| (*name).to_owned()).collect()
    }

    #[test]
    fn usual_headers_are_recognised_ignoring_case_accents_and_punctuation() {
        let headers = headers(&[
            "Código",
            "RAZÃO SOCIAL",
            "CPF/CNPJ",
            "E-mail",
            "Telefone",
            "Celular",
            "Cidade",
            "Xyz",
        ]);
        let mapping = ColumnMapping::suggest(ImportKind::Customers, &headers);
        assert_eq!(
            mapping.columns,
            [
                fields::CODE,
                fields::NAME,
                fields::DOCUMENT,
                fields::EMAILS,
                fields::PHONES,
                fields::PHONES,
                fields::CITY,
                ""
            ]
        );
        assert_eq!(mapping.check(ImportKind::Customers, &headers), Ok(()));
    }

    #[test]
    fn a_repeated_header_takes_its_field_once_and_is_noted() {
        let headers = headers(&["Nome", "CPF", "Nome", "Cor favorita"]);
        let mapping = ColumnMapping::suggest(ImportKind::Customers, &headers);
        assert_eq!(mapping.columns, [fields::NAME, fields::DOCUMENT, "", ""]);
        let notes = header_notes(ImportKind::Customers, &headers);
        assert_eq!(notes.len(), 2);
        assert!(notes[0].contains("aparece duas vezes (colunas 1 e 3)"));
        assert!(notes[1].contains("\"Cor favorita\" não corresponde"));
    }

    #[test]
    fn a_mapping_without_a_required_field_or_with_a_field_twice_is_refused() {
        let headers = headers(&["Nome", "Apelido"]);
        let mapping = ColumnMapping {
            columns: vec![fields::NAME.into(), fields::NAME.into()],
        };
        let problems = mapping
            .check(ImportKind::Customers, &headers)
            .expect_err("refused");
        assert!(problems.iter().any(|p| p.contains("\"CPF/CNPJ\"")));
        assert!(problems
            .iter()
            .any(|p| p.contains("mais de uma coluna (Nome, Apelido)")));
    }

    #[test]
    fn a_remembered_mapping_comes_first() {
        let headers = headers(&["Cliente", "Doc", "Apelido"]);
        let remembered = vec![("apelido".to_owned(), fields::TRADE_NAME.to_owned())];
        let mapping = ColumnMapping::suggest_with(ImportKind::Customers, &headers, &remembered);
        assert_eq!(
            mapping.columns,
            [fields::NAME, fields::DOCUMENT, fields::TRADE_NAME]
        );
        assert_eq!(mapping.pairs(&headers).len(), 3);
    }

    #[test]
    fn contracts_need_their_customer() {
        let headers = headers(&["Login", "Plano", "POP"]);
        let mapping = ColumnMapping::suggest(ImportKind::Contracts, &headers);
        let problems = mapping
            .check(ImportKind::Contracts, &headers)
            .expect_err("refused");
        assert_eq!(problems.len(), 1);
        assert!(problems[0].contains("cliente"));
    }
}
