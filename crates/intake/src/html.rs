//! HTML-only mail as readable text: block elements become line breaks, paragraphs are
//! separated by a blank line, tags go away and entities are decoded.
//!
//! mail-parser's `html_to_text` drops tags, skips `<head>`, `<style>` and `<script>` and
//! decodes entities, but breaks lines only at `<br>` and `</p>`. A pass before it marks
//! the other block elements' edges, and a pass after it turns each run of marks into one
//! line break (two after a paragraph), so `<div>` lines, list items and table rows stay
//! apart without a blank line between each.

use mail_parser::decoders::html::html_to_text;

/// Elements whose edges break the line.
const LINE_BLOCKS: &[&str] = &[
    "div",
    "li",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "table",
    "ul",
    "ol",
    "pre",
    "hr",
    "p",
];

/// Marks a block's edge (a private-use character, removed from the input first).
const LINE_MARK: char = '\u{E000}';
/// Marks a paragraph's end.
const PARAGRAPH_MARK: char = '\u{E001}';

/// Readable text of an HTML body (non-breaking spaces become plain ones).
pub fn html_to_plain(html: &str) -> String {
    let clean: String = html.chars().filter(|c| !is_mark(*c)).collect();
    let text = html_to_text(&mark_blocks(&clean));
    tidy_lines(&breaks_from_marks(&text).replace('\u{a0}', " "))
}

fn is_mark(c: char) -> bool {
    c == LINE_MARK || c == PARAGRAPH_MARK
}

/// Puts a mark before each block tag, opening or closing (a paragraph mark before `</p>`),
/// and a space before each table cell.
fn mark_blocks(html: &str) -> String {
    let mut marked = String::with_capacity(html.len() + html.len() / 8);
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        marked.push_str(&rest[..at]);
        let tag = &rest[at + 1..];
        let closing = tag.starts_with('/');
        let name = tag
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        if name == "p" && closing {
            marked.push(PARAGRAPH_MARK);
        } else if LINE_BLOCKS.contains(&name.as_str()) {
            marked.push(LINE_MARK);
        } else if !closing && (name == "td" || name == "th") {
            marked.push(' ');
        }
        marked.push('<');
        rest = tag;
    }
    marked.push_str(rest);
    marked
}

/// Each run of marks and blanks becomes one line break, or a blank line when it holds a
/// paragraph's end or two line breaks (`<br><br>`).
fn breaks_from_marks(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if !is_mark(c) {
            out.push(c);
            continue;
        }
        let (mut paragraph, mut newlines) = (c == PARAGRAPH_MARK, 0);
        let trailing = out.len() - out.trim_end().len();
        newlines += out[out.len() - trailing..].matches('\n').count();
        out.truncate(out.len() - trailing);
        while let Some(&next) = chars.peek() {
            if !(is_mark(next) || next.is_whitespace()) {
                break;
            }
            paragraph |= next == PARAGRAPH_MARK;
            newlines += usize::from(next == '\n');
            chars.next();
        }
        out.push_str(if paragraph || newlines >= 2 {
            "\n\n"
        } else {
            "\n"
        });
    }
    out
}

/// Lines trimmed, at most one blank line in a row, none at either end.
fn tidy_lines(text: &str) -> String {
    let mut lines: Vec<&str> = Vec::new();
    for line in text.lines().map(str::trim) {
        let blank_before = lines.last().is_none_or(|last| last.is_empty());
        if !(line.is_empty() && blank_before) {
            lines.push(line);
        }
    }
    while lines.last().is_some_and(|last| last.is_empty()) {
        lines.pop();
    }
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_and_breaks_are_kept() {
        let html = "<html><head><style>p{color:red}</style></head><body><p>Bom dia,</p><p>A internet caiu<br>desde ontem.</p></body></html>";
        assert_eq!(
            html_to_plain(html),
            "Bom dia,\n\nA internet caiu\ndesde ontem."
        );
    }

    #[test]
    fn divs_and_list_items_are_lines() {
        let html =
            "<div>Modelo:</div><div>TP-Link</div><ul><li>luz vermelha</li><li>sem Wi-Fi</li></ul>";
        assert_eq!(
            html_to_plain(html),
            "Modelo:\nTP-Link\nluz vermelha\nsem Wi-Fi"
        );
    }

    #[test]
    fn double_breaks_and_table_rows() {
        let html = "Linha 1<br><br>Linha 2<table><tr><td>Plano</td><td>100 MB</td></tr><tr><td>Valor</td><td>R$ 99</td></tr></table>";
        assert_eq!(
            html_to_plain(html),
            "Linha 1\n\nLinha 2\nPlano 100 MB\nValor R$ 99"
        );
    }

    #[test]
    fn entities_are_decoded_and_scripts_dropped() {
        let html = "<p>Conex&atilde;o &amp; sinal &#8212; &lt;ok&gt;</p><script>alert(1)</script>";
        assert_eq!(html_to_plain(html), "Conexão & sinal — <ok>");
    }
}
