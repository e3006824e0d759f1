//! CPF and CNPJ, the Brazilian taxpayer numbers of people and companies.
//! Check digits are verified by the `cpf` and `cnpj` crates.
use serde::{Deserialize, Serialize};
use specta::Type;

/// Whether a customer is a person (CPF) or a company (CNPJ).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
pub enum DocumentKind {
    Cpf,
    Cnpj,
}

/// A valid CPF or CNPJ, kept as its digits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    kind: DocumentKind,
    digits: String,
}

/// Why a text is not a CPF or CNPJ.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DocumentError {
    #[error("O CPF deve ter 11 dígitos e o CNPJ 14.")]
    WrongLength,
    #[error("CPF inválido: confira os dígitos.")]
    InvalidCpf,
    #[error("CNPJ inválido: confira os dígitos.")]
    InvalidCnpj,
}

impl Document {
    /// Parses a CPF or CNPJ typed with or without punctuation.
    pub fn parse(text: &str) -> Result<Self, DocumentError> {
        let digits = crate::text::digits(text);
        let kind = match digits.len() {
            11 if cpf::valid(&digits) => DocumentKind::Cpf,
            11 => return Err(DocumentError::InvalidCpf),
            14 if cnpj::valid(&digits) => DocumentKind::Cnpj,
            14 => return Err(DocumentError::InvalidCnpj),
            _ => return Err(DocumentError::WrongLength),
        };
        Ok(Self { kind, digits })
    }

    pub fn kind(&self) -> DocumentKind {
        self.kind
    }

    /// The digits only, as stored and searched.
    pub fn digits(&self) -> &str {
        &self.digits
    }

    /// The usual punctuation: `123.456.789-09` or `12.345.678/0001-95`.
    pub fn formatted(&self) -> String {
        format_digits(&self.digits)
    }
}

/// Punctuates stored document digits for display; other lengths are returned as they are.
pub fn format_digits(digits: &str) -> String {
    let d = digits;
    match d.len() {
        11 => format!("{}.{}.{}-{}", &d[0..3], &d[3..6], &d[6..9], &d[9..11]),
        14 => format!(
            "{}.{}.{}/{}-{}",
            &d[0..2],
            &d[2..5],
            &d[5..8],
            &d[8..12],
            &d[12..14]
        ),
        _ => d.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_cpf_with_or_without_punctuation() {
        let doc = Document::parse("529.982.247-25").expect("valid CPF");
        assert_eq!(doc.kind(), DocumentKind::Cpf);
        assert_eq!(doc.digits(), "52998224725");
        assert_eq!(doc.formatted(), "529.982.247-25");
        assert_eq!(Document::parse("52998224725"), Ok(doc));
    }

    #[test]
    fn parses_cnpj() {
        let doc = Document::parse("11.222.333/0001-81").expect("valid CNPJ");
        assert_eq!(doc.kind(), DocumentKind::Cnpj);
        assert_eq!(doc.formatted(), "11.222.333/0001-81");
    }

    #[test]
    fn rejects_wrong_check_digits_and_lengths() {
        assert_eq!(
            Document::parse("529.982.247-26"),
            Err(DocumentError::InvalidCpf)
        );
        assert_eq!(
            Document::parse("11.222.333/0001-82"),
            Err(DocumentError::InvalidCnpj)
        );
        assert_eq!(Document::parse("1234"), Err(DocumentError::WrongLength));
    }
}
