//! Parsing the fixtures directly: what the caller's attachment limit does.
mod common;

use common::fixture;
use helpdesk_intake::parse_message;

#[test]
fn attachments_over_the_limit_are_dropped_and_noted_in_the_text() {
    let pdf = fixture("boleto.pdf").len();
    let png = fixture("roteador.png").len();
    assert!(png < 100 && pdf > 100, "the fixtures' sizes: {png}, {pdf}");

    let message = parse_message(&fixture("attachments.eml"), 100).expect("parsed");
    let names: Vec<_> = message
        .attachments
        .iter()
        .map(|file| &file.file_name)
        .collect();
    assert_eq!(names, ["foto do roteador.png"]);
    assert_eq!(
        message.text,
        "Segue o comprovante e a foto.\n\nAnexo boleto.pdf não incluído: maior que 0,1 MB"
    );

    let roomy = parse_message(&fixture("attachments.eml"), pdf).expect("parsed");
    assert_eq!(
        roomy.attachments.len(),
        2,
        "a file exactly at the limit is kept"
    );
}

#[test]
fn the_same_bytes_give_the_same_key_and_other_bytes_another() {
    let raw = fixture("no-message-id.eml");
    let first = parse_message(&raw, 1 << 20).expect("parsed");
    assert_eq!(
        first.dedupe_key,
        parse_message(&raw, 1 << 20).expect("parsed").dedupe_key
    );
    let mut changed = raw.clone();
    changed.extend_from_slice(b"\r\n");
    assert_ne!(
        first.dedupe_key,
        parse_message(&changed, 1 << 20).expect("parsed").dedupe_key
    );
}
