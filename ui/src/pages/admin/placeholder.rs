//! Inserting a `{placeholder}` where the cursor is in a template's subject or body.

/// `text` with `{name}` put in place of the selection `[start, end)`, given in UTF-16 code
/// units as the browser counts them; and where the cursor goes after it (UTF-16 too). Out
/// of range positions mean the end of the text.
pub fn insert_placeholder(text: &str, name: &str, start: u32, end: u32) -> (String, u32) {
    let (start, end) = (byte_at(text, start), byte_at(text, end));
    let (start, end) = (start.min(end), start.max(end));
    let inserted = format!("{{{name}}}");
    let result = format!("{}{inserted}{}", &text[..start], &text[end..]);
    let cursor = text[..start].encode_utf16().count() + inserted.encode_utf16().count();
    (result, u32::try_from(cursor).unwrap_or(u32::MAX))
}

/// The byte offset of the UTF-16 offset `units` in `text` (its length when beyond it).
fn byte_at(text: &str, units: u32) -> usize {
    let mut counted = 0u32;
    for (byte, character) in text.char_indices() {
        if counted >= units {
            return byte;
        }
        counted += u32::try_from(character.len_utf16()).unwrap_or(2);
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn goes_at_the_cursor_after_accents_and_emoji() {
        assert_eq!(
            insert_placeholder("Olá , tudo bem?", "cliente", 4, 4),
            ("Olá {cliente}, tudo bem?".to_owned(), 13)
        );
        // "😀" is two UTF-16 units.
        assert_eq!(
            insert_placeholder("😀 x", "protocolo", 3, 4),
            ("😀 {protocolo}".to_owned(), 14)
        );
    }

    #[test]
    fn replaces_the_selection_and_falls_back_to_the_end() {
        assert_eq!(
            insert_placeholder("Protocolo XXX", "protocolo", 10, 13),
            ("Protocolo {protocolo}".to_owned(), 21)
        );
        assert_eq!(
            insert_placeholder("Fim", "atendente", 99, 99),
            ("Fim{atendente}".to_owned(), 14)
        );
    }
}
