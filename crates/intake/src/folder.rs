//! Folder names as IMAP spells them: modified UTF-7 (RFC 3501, 5.1.3), so the handled
//! folder can be called "Concluídos".
use base64::alphabet::IMAP_MUTF7;
use base64::engine::general_purpose::NO_PAD;
use base64::engine::GeneralPurpose;
use base64::Engine;

/// Modified BASE64: `,` for `/`, no padding.
const MODIFIED_BASE64: GeneralPurpose = GeneralPurpose::new(&IMAP_MUTF7, NO_PAD);

/// `name` in modified UTF-7: printable ASCII as itself (`&` as `&-`), every other run of
/// characters as `&` + modified BASE64 of its UTF-16BE + `-`.
pub fn encode_folder_name(name: &str) -> String {
    let mut encoded = String::with_capacity(name.len());
    let mut run: Vec<u16> = Vec::new();
    for c in name.chars() {
        if (' '..='~').contains(&c) {
            flush(&mut encoded, &mut run);
            encoded.push(c);
            if c == '&' {
                encoded.push('-');
            }
        } else {
            run.extend_from_slice(c.encode_utf16(&mut [0; 2]));
        }
    }
    flush(&mut encoded, &mut run);
    encoded
}

/// Writes a pending run of non-ASCII characters, if any, and empties it.
fn flush(encoded: &mut String, run: &mut Vec<u16>) {
    if run.is_empty() {
        return;
    }
    let bytes: Vec<u8> = run.iter().flat_map(|unit| unit.to_be_bytes()).collect();
    encoded.push('&');
    encoded.push_str(&MODIFIED_BASE64.encode(bytes));
    encoded.push('-');
    run.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_stays_and_ampersand_is_escaped() {
        assert_eq!(encode_folder_name("INBOX"), "INBOX");
        assert_eq!(encode_folder_name("Vendas & Suporte"), "Vendas &- Suporte");
    }

    #[test]
    fn other_characters_are_shifted() {
        assert_eq!(encode_folder_name("Concluídos"), "Conclu&AO0-dos");
        // RFC 3501's own example.
        assert_eq!(
            encode_folder_name("~peter/mail/台北/日本語"),
            "~peter/mail/&U,BTFw-/&ZeVnLIqe-"
        );
    }
}
