//! The search box of the administrator's lists: a row matches when each word typed is in
//! one of its texts, ignoring case and accents.
use helpdesk_core::text::fold;

/// Whether a row whose texts are `texts` matches what was typed (`query`); an empty query
/// matches every row.
pub fn matches_search(query: &str, texts: &[&str]) -> bool {
    let folded: Vec<String> = texts.iter().map(|text| fold(text)).collect();
    fold(query)
        .split_whitespace()
        .all(|word| folded.iter().any(|text| text.contains(word)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_must_be_in_some_text_ignoring_case_and_accents() {
        let row = ["José Antônio", "jose.antonio"];
        assert!(matches_search("", &row));
        assert!(matches_search("  ", &row));
        assert!(matches_search("jose", &row));
        assert!(matches_search("ANTONIO jos", &row));
        assert!(matches_search("jose.ant", &row));
        assert!(!matches_search("maria", &row));
        assert!(!matches_search("jose maria", &row), "every word must match");
    }
}
