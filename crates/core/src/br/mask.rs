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

    proptest::proptest! {
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
