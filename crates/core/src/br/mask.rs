//! Masks applied as the operator types or pastes: whatever was typed, the field shows the
//! usual punctuation of what it holds so far. A mask applied twice changes nothing.

/// CPF ("123.456.789-09") up to 11 digits, CNPJ ("12.ABC.345/01DE-35") beyond or when a
/// letter is typed; letters are upper-cased, other characters dropped.
pub fn document(typed: &str) -> String {
    let bare: String = typed
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .take(14)
        .collect();
    let has_letter = bare.chars().any(|c| c.is_ascii_alphabetic());
    if bare.len() > 11 || has_letter {
        punctuate(&bare, &[(2, '.'), (5, '.'), (8, '/'), (12, '-')])
    } else {
        punctuate(&bare, &[(3, '.'), (6, '.'), (9, '-')])
    }
}

/// CEP: "01310-100".
pub fn postal_code(typed: &str) -> String {
    let digits: String = crate::text::digits(typed).chars().take(8).collect();
    punctuate(&digits, &[(5, '-')])
}

/// Phone with DDD: "(11) 3333-4444" or "(11) 98765-4321"; a pasted "+55" or trunk zero
/// is dropped.
pub fn phone(typed: &str) -> String {
    let digits = crate::text::digits(typed);
    let digits = digits.trim_start_matches('0');
    let digits = match digits.strip_prefix("55") {
        Some(rest) if digits.len() > 11 => rest,
        _ => digits,
    };
    let digits: String = digits.chars().take(11).collect();
    match digits.len() {
        0 => String::new(),
        1..=2 => format!("({digits}"),
        3..=6 => format!("({}) {}", &digits[..2], &digits[2..]),
        7..=10 => format!("({}) {}-{}", &digits[..2], &digits[2..6], &digits[6..]),
        _ => format!("({}) {}-{}", &digits[..2], &digits[2..7], &digits[7..]),
    }
}

/// A field's mask, for the UI's text field to apply as the operator types or pastes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mask {
    /// CPF or CNPJ: [`document`].
    Document,
    /// CEP: [`postal_code`].
    PostalCode,
    /// Phone with DDD: [`phone`].
    Phone,
}

impl Mask {
    /// `typed` masked.
    pub fn apply(self, typed: &str) -> String {
        match self {
            Mask::Document => document(typed),
            Mask::PostalCode => postal_code(typed),
            Mask::Phone => phone(typed),
        }
    }
}

/// Where the caret goes in `masked` (what the field shows after the mask) when it stood at
/// `caret` in `typed` (what the operator's keystroke or paste left): after as many letters
/// and digits as were before it, so typing or deleting in the middle keeps its place.
/// Positions count UTF-16 units, as the DOM's selection does; `masked` is ASCII.
pub fn caret(masked: &str, typed: &str, caret: usize) -> usize {
    let mut units = 0;
    let mut before = 0;
    for c in typed.chars() {
        if units >= caret {
            break;
        }
        units += c.len_utf16();
        if c.is_ascii_alphanumeric() {
            before += 1;
        }
    }
    if before == 0 {
        // Nothing significant before it: the start, past a mask's opening "(".
        return masked
            .chars()
            .position(|c| c.is_ascii_alphanumeric())
            .unwrap_or(masked.len());
    }
    let mut seen = 0;
    for (index, c) in masked.char_indices() {
        if c.is_ascii_alphanumeric() {
            seen += 1;
            if seen == before {
                return index + 1;
            }
        }
    }
    masked.len()
}

/// `bare` (ASCII) with each separator put before the character at its position.
fn punctuate(bare: &str, separators: &[(usize, char)]) -> String {
    let mut masked = String::with_capacity(bare.len() + separators.len());
    for (i, c) in bare.chars().enumerate() {
        if let Some((_, separator)) = separators.iter().find(|(at, _)| *at == i) {
            masked.push(*separator);
        }
        masked.push(c);
    }
    masked
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_document_mask_follows_what_is_typed() {
        assert_eq!(document(""), "");
        assert_eq!(document("529"), "529");
        assert_eq!(document("5299"), "529.9");
        assert_eq!(document("52998224725"), "529.982.247-25");
        assert_eq!(document("529.982.247-25"), "529.982.247-25");
        // A 12th digit: a CNPJ.
        assert_eq!(document("112223330001"), "11.222.333/0001");
        assert_eq!(document("11222333000181"), "11.222.333/0001-81");
        assert_eq!(document("11.222.333/0001-81"), "11.222.333/0001-81");
        // A letter: a CNPJ at once.
        assert_eq!(document("12a"), "12.A");
        assert_eq!(document("12abc34501de35"), "12.ABC.345/01DE-35");
        assert_eq!(
            document("12.ABC.345/01DE-35 and more"),
            "12.ABC.345/01DE-35"
        );
    }

    #[test]
    fn the_postal_code_mask() {
        assert_eq!(postal_code("0131"), "0131");
        assert_eq!(postal_code("013101"), "01310-1");
        assert_eq!(postal_code("01310100"), "01310-100");
        assert_eq!(postal_code("01310-100"), "01310-100");
        assert_eq!(postal_code("01310-1009"), "01310-100");
    }

    #[test]
    fn the_phone_mask() {
        assert_eq!(phone("1"), "(1");
        assert_eq!(phone("11"), "(11");
        assert_eq!(phone("113"), "(11) 3");
        assert_eq!(phone("1133334"), "(11) 3333-4");
        assert_eq!(phone("1133334444"), "(11) 3333-4444");
        assert_eq!(phone("11987654321"), "(11) 98765-4321");
        assert_eq!(phone("+55 11 98765-4321"), "(11) 98765-4321");
        assert_eq!(phone("(11) 98765-4321"), "(11) 98765-4321");
        assert_eq!(phone("(55) 99876-5432"), "(55) 99876-5432");
    }

    #[test]
    fn pastes_with_and_without_the_mask_and_too_many_digits() {
        for typed in ["52998224725", "529.982.247-25", " 529 982 247 25 "] {
            assert_eq!(Mask::Document.apply(typed), "529.982.247-25");
        }
        for typed in ["11222333000181", "11.222.333/0001-81", "11222333000181999"] {
            assert_eq!(Mask::Document.apply(typed), "11.222.333/0001-81");
        }
        for typed in ["13010000", "13010-000", "13.010-000", "130100001234"] {
            assert_eq!(Mask::PostalCode.apply(typed), "13010-000");
        }
        for typed in [
            "19987654321",
            "(19) 98765-4321",
            "+55 (19) 98765-4321",
            "019987654321",
            "1998765432199",
        ] {
            assert_eq!(Mask::Phone.apply(typed), "(19) 98765-4321");
        }
        assert_eq!(Mask::Phone.apply("1932345678"), "(19) 3234-5678");
    }

    #[test]
    fn the_caret_keeps_its_place_among_the_digits() {
        // Typed at the end: the caret ends after the last digit.
        assert_eq!(caret("529.9", "5299", 4), 5);
        assert_eq!(caret("(11) 3", "(113", 4), 6);
        // A digit typed in the middle of "529.982.24" (after "529.9"): stays after it.
        let typed = "529.9182.24";
        let masked = document(typed);
        assert_eq!(masked, "529.918.224");
        assert_eq!(caret(&masked, typed, 6), 6);
        // A digit deleted in the middle: the caret stays where the digit was.
        let typed = "529.92.247";
        let masked = document(typed);
        assert_eq!(masked, "529.922.47");
        assert_eq!(caret(&masked, typed, 5), 5);
        // A paste: the caret after everything pasted.
        let typed = "(19) 98765-4321";
        assert_eq!(caret(&phone(typed), typed, typed.len()), 15);
        // At the start of a phone: after its "(".
        assert_eq!(caret("(11) 3", "x(11) 3", 0), 1);
        // Non-ASCII typed before: counted in UTF-16 units.
        assert_eq!(caret("123", "é123", 2), 1);
    }

    proptest::proptest! {
        #[test]
        fn the_caret_is_inside_the_masked_text(typed in "[0-9a-zA-Z .()/+-]{0,30}", at in 0usize..32) {
            for mask in [Mask::Document, Mask::PostalCode, Mask::Phone] {
                let masked = mask.apply(&typed);
                proptest::prop_assert!(caret(&masked, &typed, at) <= masked.len());
            }
        }

        #[test]
        fn masks_are_idempotent(typed in "[0-9a-zA-Z .()/+-]{0,30}") {
            for mask in [document, postal_code, phone] {
                let once = mask(&typed);
                proptest::prop_assert_eq!(mask(&once), once);
            }
        }

        #[test]
        fn a_masked_phone_parses_as_itself(digits in "[1-9][1-9]9[0-9]{8}") {
            if let Ok(formatted) = crate::br::phone::parse(&digits) {
                proptest::prop_assert_eq!(phone(&digits), formatted);
            }
        }
    }
}
