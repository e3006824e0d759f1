//! CPF and CNPJ, the Brazilian taxpayer numbers of people and companies.
//!
//! The CNPJ may be alphanumeric (Receita Federal, from July 2026): twelve characters
//! `[0-9A-Z]` then two numeric check digits, computed with the usual weights and modulo 11
//! over each character's ASCII code minus 48, so a numeric CNPJ checks the same way as
//! always. CPF check digits are verified by the `cpf` crate.
use serde::{Deserialize, Serialize};
use specta::Type;

/// Characters of a CPF; of a CNPJ.
const CPF_LEN: usize = 11;
const CNPJ_LEN: usize = 14;
/// Punctuation accepted (and ignored) in a typed document.
const PUNCTUATION: &str = ".-/ ";

/// Whether a customer is a person (CPF) or a company (CNPJ).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
pub enum DocumentKind {
    Cpf,
    Cnpj,
}

/// A valid CPF or CNPJ, kept bare: its characters without punctuation, letters upper-case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    kind: DocumentKind,
    bare: String,
}

/// Why a text is not a CPF or CNPJ.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DocumentError {
    #[error("Use apenas números, letras (CNPJ) e a pontuação do documento (. / -).")]
    InvalidCharacters,
    #[error("O CPF deve ter 11 dígitos e o CNPJ 14 caracteres.")]
    WrongLength,
    #[error("Os dois últimos caracteres do CNPJ, os dígitos verificadores, são números.")]
    LettersInCheckDigits,
    #[error("CPF inválido: confira os dígitos.")]
    InvalidCpf,
    #[error("CNPJ inválido: confira os caracteres e os dígitos verificadores.")]
    InvalidCnpj,
    #[error("Pessoa física: informe um CPF (11 dígitos).")]
    ExpectedCpf,
    #[error("Pessoa jurídica: informe um CNPJ (14 caracteres).")]
    ExpectedCnpj,
}

impl Document {
    /// Parses a CPF (11 digits) or a CNPJ (14 characters, numeric or alphanumeric) typed
    /// with or without punctuation, in any case.
    pub fn parse(text: &str) -> Result<Self, DocumentError> {
        let bare = bare_of(text)?;
        match bare.len() {
            CPF_LEN if bare.bytes().all(|b| b.is_ascii_digit()) => cpf(bare),
            CNPJ_LEN => cnpj(bare),
            _ => Err(DocumentError::WrongLength),
        }
    }

    /// Parses the document of `kind` (a person's CPF, a company's CNPJ). Digits only and
    /// shorter than the kind's length, the zeros a spreadsheet drops in front are restored;
    /// a valid document of the other kind is refused as such.
    pub fn parse_as(kind: DocumentKind, text: &str) -> Result<Self, DocumentError> {
        let bare = bare_of(text)?;
        let (len, wrong_kind) = match kind {
            DocumentKind::Cpf => (CPF_LEN, DocumentError::ExpectedCpf),
            DocumentKind::Cnpj => (CNPJ_LEN, DocumentError::ExpectedCnpj),
        };
        // A valid document of the other kind is named as such, not padded into this one.
        if Self::parse(&bare).is_ok_and(|other| other.kind != kind) {
            return Err(wrong_kind);
        }
        let numeric = bare.bytes().all(|b| b.is_ascii_digit());
        let bare = match bare.len() {
            n if n == len => bare,
            n if n < len && numeric && n > 0 => format!("{bare:0>len$}"),
            _ => return Err(wrong_kind),
        };
        match kind {
            DocumentKind::Cpf if !numeric => Err(wrong_kind),
            DocumentKind::Cpf => cpf(bare),
            DocumentKind::Cnpj => cnpj(bare),
        }
    }

    pub fn kind(&self) -> DocumentKind {
        self.kind
    }

    /// Without punctuation, letters upper-case: as stored and searched.
    pub fn bare(&self) -> &str {
        &self.bare
    }

    /// The usual punctuation: `123.456.789-09`, `12.345.678/0001-95`, `12.ABC.345/01DE-35`.
    pub fn formatted(&self) -> String {
        format_digits(&self.bare)
    }
}

/// The text without punctuation, upper-case, or why it holds something else.
fn bare_of(text: &str) -> Result<String, DocumentError> {
    let mut bare = String::with_capacity(CNPJ_LEN);
    for c in text.trim().chars() {
        if c.is_ascii_alphanumeric() {
            bare.push(c.to_ascii_uppercase());
        } else if !PUNCTUATION.contains(c) {
            return Err(DocumentError::InvalidCharacters);
        }
    }
    Ok(bare)
}

fn cpf(bare: String) -> Result<Document, DocumentError> {
    if cpf::valid(&bare) {
        Ok(Document {
            kind: DocumentKind::Cpf,
            bare,
        })
    } else {
        Err(DocumentError::InvalidCpf)
    }
}

/// Checks a bare CNPJ of 14 characters: letters only in the first twelve, and the two
/// check digits; a CNPJ of one repeated character is refused as the CPF's are.
fn cnpj(bare: String) -> Result<Document, DocumentError> {
    let (base, check) = bare.as_bytes().split_at(CNPJ_LEN - 2);
    if !check.iter().all(u8::is_ascii_digit) {
        return Err(DocumentError::LettersInCheckDigits);
    }
    let first = cnpj_check_digit(base);
    let second = cnpj_check_digit(&bare.as_bytes()[..CNPJ_LEN - 1]);
    let repeated = bare.bytes().all(|b| Some(&b) == bare.as_bytes().first());
    if repeated || check != [b'0' + first, b'0' + second] {
        return Err(DocumentError::InvalidCnpj);
    }
    Ok(Document {
        kind: DocumentKind::Cnpj,
        bare,
    })
}

/// The check digit of a CNPJ's first 12 (or 13) characters: each character's ASCII code
/// minus 48 weighted 2, 3, …, 9, 2, … from the right, the sum modulo 11; a remainder
/// below 2 gives 0, else 11 minus it.
fn cnpj_check_digit(characters: &[u8]) -> u8 {
    let sum: u32 = characters
        .iter()
        .rev()
        .zip((2..=9).cycle())
        .map(|(c, weight)| u32::from(c.saturating_sub(b'0')) * weight)
        .sum();
    match sum % 11 {
        0 | 1 => 0,
        remainder => 11 - remainder as u8,
    }
}

/// Punctuates a stored (bare) CPF or CNPJ for display; anything else is returned as it is.
pub fn format_digits(bare: &str) -> String {
    let d = bare;
    if !d.is_ascii() {
        return d.to_owned();
    }
    match d.len() {
        CPF_LEN => format!("{}.{}.{}-{}", &d[0..3], &d[3..6], &d[6..9], &d[9..11]),
        CNPJ_LEN => format!(
            "{}.{}.{}/{}-{}",
            &d[0..2],
            &d[2..5],
            &d[5..8],
            &d[8..12],
            &d[12..14]
        ),
        _ => d.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_cpf_with_or_without_punctuation() {
        let doc = Document::parse("529.982.247-25").expect("valid CPF");
        assert_eq!(doc.kind(), DocumentKind::Cpf);
        assert_eq!(doc.bare(), "52998224725");
        assert_eq!(doc.formatted(), "529.982.247-25");
        assert_eq!(Document::parse(" 52998224725 "), Ok(doc.clone()));
        assert_eq!(Document::parse("529 982 247 25"), Ok(doc));
    }

    #[test]
    fn parses_numeric_cnpj() {
        let doc = Document::parse("11.222.333/0001-81").expect("valid CNPJ");
        assert_eq!(doc.kind(), DocumentKind::Cnpj);
        assert_eq!(doc.bare(), "11222333000181");
        assert_eq!(doc.formatted(), "11.222.333/0001-81");
        assert_eq!(Document::parse("11222333000181"), Ok(doc));
    }

    #[test]
    fn parses_the_receitas_alphanumeric_example() {
        let doc = Document::parse("12.ABC.345/01DE-35").expect("valid CNPJ");
        assert_eq!(doc.kind(), DocumentKind::Cnpj);
        assert_eq!(doc.bare(), "12ABC34501DE35");
        assert_eq!(doc.formatted(), "12.ABC.345/01DE-35");
        // Bare, and in lower case: stored upper-case.
        assert_eq!(Document::parse("12abc34501de35"), Ok(doc.clone()));
        assert_eq!(Document::parse("12.abc.345/01de-35"), Ok(doc));
    }

    #[test]
    fn the_check_digits_are_computed_over_the_character_codes() {
        // The Receita's worked example: 'A' counts 17, 'B' 18, 'C' 19, 'D' 20, 'E' 21.
        assert_eq!(cnpj_check_digit(b"12ABC34501DE"), 3);
        assert_eq!(cnpj_check_digit(b"12ABC34501DE3"), 5);
        // Numeric CNPJs check as always.
        assert_eq!(cnpj_check_digit(b"112223330001"), 8);
        assert_eq!(cnpj_check_digit(b"1122233300018"), 1);
    }

    #[test]
    fn rejects_wrong_check_digits() {
        assert_eq!(
            Document::parse("529.982.247-26"),
            Err(DocumentError::InvalidCpf)
        );
        assert_eq!(
            Document::parse("11.222.333/0001-82"),
            Err(DocumentError::InvalidCnpj)
        );
        assert_eq!(
            Document::parse("12.ABC.345/01DE-36"),
            Err(DocumentError::InvalidCnpj)
        );
        // A letter changed, the check digits kept.
        assert_eq!(
            Document::parse("12.ABD.345/01DE-35"),
            Err(DocumentError::InvalidCnpj)
        );
        assert_eq!(
            Document::parse("000.000.000-00"),
            Err(DocumentError::InvalidCpf)
        );
        assert_eq!(
            Document::parse("00.000.000/0000-00"),
            Err(DocumentError::InvalidCnpj)
        );
    }

    #[test]
    fn rejects_wrong_lengths_letters_and_symbols() {
        assert_eq!(Document::parse("1234"), Err(DocumentError::WrongLength));
        assert_eq!(Document::parse(""), Err(DocumentError::WrongLength));
        assert_eq!(
            Document::parse("5299822472A"),
            Err(DocumentError::WrongLength),
            "a CPF has no letters"
        );
        assert_eq!(
            Document::parse("12.ABC.345/01DE-3F"),
            Err(DocumentError::LettersInCheckDigits)
        );
        assert_eq!(
            Document::parse("529.982.247_25"),
            Err(DocumentError::InvalidCharacters)
        );
        assert_eq!(
            Document::parse("12.ÁBC.345/01DE-35"),
            Err(DocumentError::InvalidCharacters)
        );
    }

    #[test]
    fn leading_zeros_are_kept_and_restored_for_the_expected_kind() {
        // Banco do Brasil: 00.000.000/0001-91.
        let bank = Document::parse("00.000.000/0001-91").expect("valid CNPJ");
        assert_eq!(bank.bare(), "00000000000191");
        assert_eq!(Document::parse_as(DocumentKind::Cnpj, "191"), Ok(bank));
        let cpf = Document::parse("012.345.678-90").expect("valid CPF");
        assert_eq!(cpf.bare(), "01234567890");
        assert_eq!(
            Document::parse_as(DocumentKind::Cpf, "1234567890"),
            Ok(cpf.clone())
        );
        assert_eq!(
            Document::parse("1234567890"),
            Err(DocumentError::WrongLength),
            "without a kind, nothing is guessed"
        );
        assert_eq!(
            Document::parse_as(DocumentKind::Cpf, "012.345.678-90"),
            Ok(cpf)
        );
    }

    #[test]
    fn the_kind_decides_which_document_is_expected() {
        assert_eq!(
            Document::parse_as(DocumentKind::Cpf, "11.222.333/0001-81"),
            Err(DocumentError::ExpectedCpf)
        );
        assert_eq!(
            Document::parse_as(DocumentKind::Cpf, "12ABC34501D"),
            Err(DocumentError::ExpectedCpf)
        );
        assert_eq!(
            Document::parse_as(DocumentKind::Cnpj, "12ABC34501DE352"),
            Err(DocumentError::ExpectedCnpj)
        );
        assert_eq!(
            Document::parse_as(DocumentKind::Cnpj, "ABC"),
            Err(DocumentError::ExpectedCnpj)
        );
        assert_eq!(
            Document::parse_as(DocumentKind::Cnpj, ""),
            Err(DocumentError::ExpectedCnpj)
        );
        assert_eq!(
            Document::parse_as(DocumentKind::Cnpj, "12.abc.345/01de-35")
                .map(|doc| doc.bare().to_owned()),
            Ok("12ABC34501DE35".to_owned())
        );
        assert_eq!(
            Document::parse_as(DocumentKind::Cpf, "529.982.247-26"),
            Err(DocumentError::InvalidCpf)
        );
    }

    #[test]
    fn formats_only_what_it_can() {
        assert_eq!(format_digits("12ABC34501DE35"), "12.ABC.345/01DE-35");
        assert_eq!(format_digits("123"), "123");
        assert_eq!(format_digits("ããããããããããã"), "ããããããããããã");
    }

    proptest::proptest! {
        #[test]
        fn every_alphanumeric_base_gets_check_digits_that_parse(
            base in "[0-9A-Z]{12}"
        ) {
            let first = cnpj_check_digit(base.as_bytes());
            let with_first = format!("{base}{first}");
            let second = cnpj_check_digit(with_first.as_bytes());
            let bare = format!("{with_first}{second}");
            let repeated = bare.bytes().all(|b| b == bare.as_bytes()[0]);
            proptest::prop_assume!(!repeated);
            let doc = Document::parse(&format_digits(&bare.to_lowercase()));
            proptest::prop_assert_eq!(doc.map(|d| d.bare().to_owned()), Ok(bare));
        }
    }
}
