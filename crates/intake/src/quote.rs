//! Splits a reply's new text from what it quotes: lines starting with `>`, a reply header
//! ("Em …, Fulano escreveu:", "On … wrote:") and all after it, Outlook's original-message
//! block ("-----Mensagem original-----", "De: … Enviado: …") and the signature after `-- `
//! (or a phone's "Enviado do meu iPhone").

/// A message body cut in two: what the sender wrote now and what it quotes or signs.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Split {
    /// The new text.
    pub text: String,
    /// The quoted replies and the signature, in their order.
    pub quoted: String,
}

/// Splits `body` (LF or CRLF lines) into its new text and its quoted part.
pub fn split_quoted(body: &str) -> Split {
    let lines: Vec<&str> = body.lines().collect();
    let cut = quote_start(&lines).unwrap_or(lines.len());
    let (mut text, mut quoted) = (Vec::new(), Vec::new());
    for line in &lines[..cut] {
        if is_quoted_line(line) {
            quoted.push(*line);
        } else {
            text.push(*line);
        }
    }
    quoted.extend_from_slice(&lines[cut..]);
    Split {
        text: join_trimmed(&text),
        quoted: join_trimmed(&quoted),
    }
}

/// Where the quoted tail starts: the first reply header, original-message block or
/// signature delimiter.
fn quote_start(lines: &[&str]) -> Option<usize> {
    (0..lines.len()).find_map(|i| {
        let next = lines.get(i + 1).copied();
        if is_signature_delimiter(lines[i])
            || is_original_message_marker(lines[i])
            || is_reply_header(lines[i], next)
        {
            Some(i)
        } else if is_outlook_header(&lines[i..]) {
            Some(separator_before(lines, i))
        } else {
            None
        }
    })
}

/// A line quoted by the sender's program (`> texto`).
pub fn is_quoted_line(line: &str) -> bool {
    line.trim_start().starts_with('>')
}

/// The signature delimiter of RFC 3676 (`-- `), also when a program trimmed its space,
/// and the phones' "Enviado do meu iPhone" / "Sent from my …" line.
pub fn is_signature_delimiter(line: &str) -> bool {
    let trimmed = line.trim();
    line == "-- "
        || line == "--"
        || trimmed.starts_with("Enviado do meu ")
        || trimmed.starts_with("Sent from my ")
}

/// "Em qui., 3 de dez. de 2026 às 10:00, Fulano <f@x.com> escreveu:" or "On … wrote:",
/// also when the program wrapped it onto a second line (`next`).
pub fn is_reply_header(line: &str, next: Option<&str>) -> bool {
    let line = line.trim();
    let opens = line.starts_with("Em ") || line.starts_with("On ");
    let closes = |text: &str| {
        let text = text.trim_end();
        text.ends_with("escreveu:") || text.ends_with("wrote:")
    };
    opens && (closes(line) || next.is_some_and(closes))
}

/// Outlook's "-----Mensagem original-----" or "-----Original Message-----".
pub fn is_original_message_marker(line: &str) -> bool {
    let line = line.trim();
    if !line.starts_with("---") {
        return false;
    }
    let words = line.trim_matches('-').trim();
    words.eq_ignore_ascii_case("mensagem original")
        || words.eq_ignore_ascii_case("original message")
}

/// Outlook's header block of the quoted message: a "De:"/"From:" line with "Enviado:"
/// ("Enviado em:", "Enviada em:", "Sent:") on one of the next lines.
pub fn is_outlook_header(lines: &[&str]) -> bool {
    let Some(first) = lines.first() else {
        return false;
    };
    let first = first.trim_start();
    if !(first.starts_with("De:") || first.starts_with("From:")) {
        return false;
    }
    lines.iter().skip(1).take(3).any(|line| {
        let line = line.trim_start();
        ["Enviado:", "Enviado em:", "Enviada em:", "Sent:"]
            .iter()
            .any(|prefix| line.starts_with(prefix))
    })
}

/// Outlook's line of underscores right above its header block belongs to the quote too.
fn separator_before(lines: &[&str], header: usize) -> usize {
    match header.checked_sub(1).map(|i| lines[i].trim()) {
        Some(line) if line.len() >= 10 && line.chars().all(|c| c == '_') => header - 1,
        _ => header,
    }
}

/// The lines joined with `\n`, without the blank lines at either end.
fn join_trimmed(lines: &[&str]) -> String {
    let blank = |line: &&str| line.trim().is_empty();
    let start = lines
        .iter()
        .position(|line| !blank(line))
        .unwrap_or(lines.len());
    let end = lines
        .iter()
        .rposition(|line| !blank(line))
        .map_or(start, |i| i + 1);
    lines[start..end].join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(body: &str) -> (String, String) {
        let Split { text, quoted } = split_quoted(body);
        (text, quoted)
    }

    proptest::proptest! {
        #[test]
        fn no_line_is_lost_or_invented(lines in proptest::collection::vec(
            proptest::prop_oneof![
                "[a-zA-Zçã ,.]{0,30}",
                "> [a-z ]{0,20}",
                proptest::strategy::Just("-- ".to_owned()),
                proptest::strategy::Just("Em sex., 4 de dez., Ana <a@x> escreveu:".to_owned()),
                proptest::strategy::Just("-----Mensagem original-----".to_owned()),
                proptest::strategy::Just("De: Ana".to_owned()),
                proptest::strategy::Just("Enviado: sexta-feira".to_owned()),
            ],
            0..30,
        )) {
            let Split { text, quoted } = split_quoted(&lines.join("\n"));
            let kept = |text: &str| -> Vec<String> {
                text.lines().filter(|line| !line.trim().is_empty()).map(str::to_owned).collect()
            };
            let mut given = kept(&lines.join("\n"));
            let mut out = kept(&text);
            out.extend(kept(&quoted));
            given.sort();
            out.sort();
            proptest::prop_assert_eq!(given, out);
        }
    }

    #[test]
    fn plain_text_has_nothing_quoted() {
        assert_eq!(
            split("Olá,\n\nsem internet.\n"),
            ("Olá,\n\nsem internet.".into(), "".into())
        );
    }

    #[test]
    fn gmail_reply_header_and_all_after_it_is_quoted() {
        let body = "Continua sem sinal.\r\n\r\nEm qui., 3 de dez. de 2026 às 10:00, Suporte <s@x.com> escreveu:\r\n> Reinicie o roteador.\r\n";
        assert_eq!(
            split(body),
            (
                "Continua sem sinal.".into(),
                "Em qui., 3 de dez. de 2026 às 10:00, Suporte <s@x.com> escreveu:\n> Reinicie o roteador.".into()
            )
        );
    }

    #[test]
    fn a_reply_header_wrapped_on_two_lines_is_found() {
        let lines = [
            "Em qui., 3 de dez. de 2026 às 10:00, Suporte Provedor <",
            "suporte@x.com> escreveu:",
        ];
        assert!(is_reply_header(lines[0], Some(lines[1])));
        assert!(!is_reply_header(
            "Em casa a internet caiu.",
            Some("Ontem também.")
        ));
        assert!(is_reply_header(
            "On Thu, Dec 3, 2026 at 10:00 AM Help <h@x.com> wrote:",
            None
        ));
    }

    #[test]
    fn interleaved_quote_lines_go_to_the_quoted_part() {
        let body = "> Qual o modelo?\nTP-Link.\n> E a luz?\nVermelha.";
        assert_eq!(
            split(body),
            (
                "TP-Link.\nVermelha.".into(),
                "> Qual o modelo?\n> E a luz?".into()
            )
        );
    }

    #[test]
    fn outlook_blocks_are_quoted() {
        let marker = "Obrigado.\n\n-----Mensagem original-----\nDe: Suporte\nAssunto: X";
        assert_eq!(split(marker).0, "Obrigado.");
        assert!(split(marker).1.starts_with("-----Mensagem original-----"));
        let header = "Resolvido.\n\n________________________________\nDe: Suporte <s@x.com>\nEnviado: quinta-feira, 3 de dezembro de 2026 10:00\nPara: eu\n\nTexto antigo";
        let (text, quoted) = split(header);
        assert_eq!(text, "Resolvido.");
        assert!(quoted.starts_with("______"));
        assert!(quoted.ends_with("Texto antigo"));
        assert!(is_original_message_marker("-----Original Message-----"));
        assert!(!is_outlook_header(&["De: onde vem o sinal?", "Não sei."]));
    }

    #[test]
    fn the_signature_after_dash_dash_space_is_kept_apart() {
        let body = "Pode vir amanhã.\n-- \nMaria Souza\nTel. (11) 5555-0000";
        assert_eq!(
            split(body),
            (
                "Pode vir amanhã.".into(),
                "-- \nMaria Souza\nTel. (11) 5555-0000".into()
            )
        );
        assert!(!is_signature_delimiter("--- fim"));
        assert_eq!(
            split("Ok, aguardo.\n\nEnviado do meu iPhone"),
            ("Ok, aguardo.".into(), "Enviado do meu iPhone".into())
        );
    }
}
