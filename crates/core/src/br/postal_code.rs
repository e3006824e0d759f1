//! CEP, the Brazilian postal code: 8 digits, shown as "01310-100".

/// Why a text is not a CEP.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PostalCodeError {
    #[error("CEP inválido: informe os 8 dígitos, ex. 01310-100.")]
    Invalid,
}

/// Parses a CEP typed with or without its hyphen (or a dot, "01.310-100") and returns it
/// as "01310-100". Seven bare digits are a CEP whose leading zero a spreadsheet dropped.
pub fn parse(typed: &str) -> Result<String, PostalCodeError> {
    let typed = typed.trim();
    if !typed
        .chars()
        .all(|c| c.is_ascii_digit() || ".- ".contains(c))
    {
        return Err(PostalCodeError::Invalid);
    }
    let digits = crate::text::digits(typed);
    let digits = match digits.len() {
        7 if digits == typed => format!("0{digits}"),
        _ => digits,
    };
    if digits.len() != 8 || digits == "00000000" {
        return Err(PostalCodeError::Invalid);
    }
    Ok(format!("{}-{}", &digits[..5], &digits[5..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_masked_bare_and_dotted() {
        for typed in ["01310-100", "01310100", " 01.310-100 ", "1310100"] {
            assert_eq!(parse(typed).as_deref(), Ok("01310-100"), "{typed}");
        }
        assert_eq!(parse("13010-000").as_deref(), Ok("13010-000"));
    }

    #[test]
    fn refuses_other_lengths_and_characters() {
        for typed in [
            "",
            "1310-100",
            "013101000",
            "01310-10a",
            "00000-000",
            "12345",
        ] {
            assert_eq!(parse(typed), Err(PostalCodeError::Invalid), "{typed}");
        }
    }
}
