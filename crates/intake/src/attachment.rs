//! A mail's attachments: safe file names, and the size limit the caller sets.

/// The longest file name kept, in characters.
pub const MAX_FILE_NAME_CHARS: usize = 120;

/// Characters Windows refuses in file names (the desktop app runs there too).
const WINDOWS_FORBIDDEN: &[char] = &['<', '>', ':', '"', '|', '?', '*'];

/// The name given to an attachment whose own name is empty or unusable.
const FALLBACK_NAME: &str = "anexo";

/// A file attached to an incoming mail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IncomingAttachment {
    /// A safe name: no path separators, no control characters, no leading dots, none of the
    /// characters Windows refuses, not empty, at most [`MAX_FILE_NAME_CHARS`] characters.
    pub file_name: String,
    /// The MIME type, e.g. `application/pdf`.
    pub content_type: String,
    /// The decoded bytes.
    pub content: Vec<u8>,
}

/// `name` made safe to store and to offer for download: the part after the last `/` or `\`,
/// without control characters, surrounding blanks or leading dots, with `_` for the
/// characters Windows refuses, shortened to
/// [`MAX_FILE_NAME_CHARS`] keeping a short extension; "anexo" when nothing is left.
pub fn sanitize_file_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let clean: String = base
        .chars()
        .filter(|c| !c.is_control())
        .map(|c| {
            if WINDOWS_FORBIDDEN.contains(&c) {
                '_'
            } else {
                c
            }
        })
        .collect();
    let clean = clean
        .trim_start_matches(|c: char| c == '.' || c.is_whitespace())
        .trim_end();
    if clean.is_empty() {
        return FALLBACK_NAME.to_owned();
    }
    shorten(clean)
}

/// At most [`MAX_FILE_NAME_CHARS`] characters, cutting the stem and keeping an extension of
/// up to 10 characters.
fn shorten(name: &str) -> String {
    if name.chars().count() <= MAX_FILE_NAME_CHARS {
        return name.to_owned();
    }
    let extension = name
        .rfind('.')
        .map(|dot| &name[dot..])
        .filter(|extension| extension.chars().count() <= 10)
        .unwrap_or("");
    let stem_chars = MAX_FILE_NAME_CHARS - extension.chars().count();
    let stem: String = name.chars().take(stem_chars).collect();
    format!("{}{extension}", stem.trim_end())
}

/// The note left in the text for an attachment over the limit.
pub fn oversized_note(file_name: &str, max_bytes: usize) -> String {
    format!(
        "Anexo {file_name} não incluído: maior que {} MB",
        megabytes(max_bytes)
    )
}

/// `bytes` in MB (2^20 bytes) for a person: "10", "0,5".
fn megabytes(bytes: usize) -> String {
    let tenths = (bytes as u128 * 10).div_ceil(1 << 20);
    match tenths % 10 {
        0 => (tenths / 10).to_string(),
        tenth => format!("{},{tenth}", tenths / 10),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_control_characters_and_leading_dots_are_removed() {
        assert_eq!(sanitize_file_name("../../etc/passwd"), "passwd");
        assert_eq!(
            sanitize_file_name("C:\\Users\\ana\\fatura.pdf"),
            "fatura.pdf"
        );
        assert_eq!(sanitize_file_name("..\u{0}.bashrc\r\n"), "bashrc");
        assert_eq!(sanitize_file_name(". . .x"), "x");
        assert_eq!(sanitize_file_name(" foto da\tONU.png "), "foto daONU.png");
        assert_eq!(
            sanitize_file_name("nota: \"março\"?.pdf"),
            "nota_ _março__.pdf"
        );
    }

    proptest::proptest! {
        #[test]
        fn any_name_comes_out_safe(name in "\\PC{0,300}|[./\\\\\u{0}-\u{1f} a-z]{0,20}") {
            let safe = sanitize_file_name(&name);
            proptest::prop_assert!(!safe.is_empty());
            proptest::prop_assert!(safe.chars().count() <= MAX_FILE_NAME_CHARS);
            proptest::prop_assert!(!safe.starts_with('.'));
            proptest::prop_assert!(!safe.contains(['/', '\\']));
            proptest::prop_assert!(!safe.chars().any(|c| c.is_control() || WINDOWS_FORBIDDEN.contains(&c)));
        }
    }

    #[test]
    fn empty_names_get_a_fallback() {
        assert_eq!(sanitize_file_name(""), "anexo");
        assert_eq!(sanitize_file_name("..."), "anexo");
        assert_eq!(sanitize_file_name("dir/"), "anexo");
    }

    #[test]
    fn long_names_are_cut_keeping_the_extension() {
        let name = format!("{}.pdf", "ç".repeat(300));
        let safe = sanitize_file_name(&name);
        assert_eq!(safe.chars().count(), MAX_FILE_NAME_CHARS);
        assert!(safe.ends_with("ç.pdf"));
    }

    #[test]
    fn the_note_names_the_file_and_the_limit() {
        assert_eq!(
            oversized_note("backup.zip", 10 << 20),
            "Anexo backup.zip não incluído: maior que 10 MB"
        );
        assert_eq!(megabytes(512 << 10), "0,5");
    }
}
