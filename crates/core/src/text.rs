//! Text normalisation used for searching: what the operator types and what is stored are
//! reduced to the same form, so "joao" finds "João" and "(11) 9876" finds "11 9876-...".
use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};

/// Lower case, accents removed, runs of white space folded to one space, trimmed.
pub fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.nfd().filter(|c| !is_combining_mark(*c)) {
        if c.is_whitespace() {
            pending_space = !folded.is_empty();
            continue;
        }
        if pending_space {
            folded.push(' ');
            pending_space = false;
        }
        folded.extend(c.to_lowercase());
    }
    folded
}

/// Only the ASCII digits of `text`, in order.
pub fn digits(text: &str) -> String {
    text.chars().filter(char::is_ascii_digit).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_removes_accents_and_case() {
        assert_eq!(fold("  João   da  CONCEIÇÃO "), "joao da conceicao");
        assert_eq!(fold("Ângela Müller"), "angela muller");
    }

    #[test]
    fn digits_ignore_punctuation() {
        assert_eq!(digits("(11) 98765-4321"), "11987654321");
        assert_eq!(digits("123.456.789-09"), "12345678909");
        assert_eq!(digits("abc"), "");
    }

    proptest::proptest! {
        #[test]
        fn fold_is_idempotent(s in "\\PC{0,40}") {
            let once = fold(&s);
            proptest::prop_assert_eq!(fold(&once), once);
        }
    }
}
