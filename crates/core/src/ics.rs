//! A technician's visits as an iCalendar document (RFC 5545), for the calendar of their
//! phone: one event per visit, at São Paulo's local time.
//!
//! Text values are escaped (`\`, `;`, `,`, line breaks), lines are folded at 75 octets
//! without splitting a UTF-8 character, and every line ends with CRLF.
use chrono::{DateTime, FixedOffset};
use uuid::Uuid;

use crate::agenda::DAY;
use crate::text::fold;
use crate::work_order::{AgendaQuery, Visit};

/// The time zone the events are written in.
pub const TIME_ZONE: &str = "America/Sao_Paulo";
/// São Paulo's offset from UTC, in minutes east: UTC−03:00 all year, with no daylight
/// saving time since 2019.
pub const SAO_PAULO_OFFSET_MINUTES: i32 = -180;

const PRODUCT: &str = "-//Help Desk ISP//Agenda Tecnica//PT-BR";
/// The longest line, in octets, CRLF not counted (RFC 5545 §3.1).
const MAX_LINE_OCTETS: usize = 75;

/// How far back an exported agenda reaches, in days.
const EXPORT_DAYS_BEFORE: i64 = 30;
/// How far ahead an exported agenda reaches, in days.
const EXPORT_DAYS_AFTER: i64 = 180;

/// The visits an exported agenda holds: the technician's (every kind), from 30 days before
/// `now` (Unix ms) to 180 days after.
pub fn export_query(technician_id: Uuid, now: i64) -> AgendaQuery {
    AgendaQuery {
        from: now - EXPORT_DAYS_BEFORE * DAY,
        to: now + EXPORT_DAYS_AFTER * DAY,
        technician_ids: vec![technician_id],
        kind: None,
    }
}

/// The calendar of `visits` (of the technician `technician_name`), stamped `now` (Unix ms).
pub fn calendar(technician_name: &str, visits: &[Visit], now: i64) -> String {
    let mut document = Document::default();
    document.line("BEGIN:VCALENDAR");
    document.line("VERSION:2.0");
    document.line(&format!("PRODID:{PRODUCT}"));
    document.line("CALSCALE:GREGORIAN");
    document.line("METHOD:PUBLISH");
    document.text("X-WR-CALNAME", &format!("Agenda · {technician_name}"));
    document.line(&format!("X-WR-TIMEZONE:{TIME_ZONE}"));
    time_zone(&mut document);
    let stamp = utc(now);
    for visit in visits {
        event(&mut document, visit, &stamp);
    }
    document.line("END:VCALENDAR");
    document.0
}

/// A file name for the technician's calendar: `agenda-<name without accents>.ics`.
pub fn file_name(technician_name: &str) -> String {
    let mut slug = String::new();
    for c in fold(technician_name).chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        "agenda.ics".to_owned()
    } else {
        format!("agenda-{slug}.ics")
    }
}

/// São Paulo as a fixed offset since 1970: the events of this app are all after 2019.
fn time_zone(document: &mut Document) {
    document.line("BEGIN:VTIMEZONE");
    document.line(&format!("TZID:{TIME_ZONE}"));
    document.line("BEGIN:STANDARD");
    document.line("DTSTART:19700101T000000");
    document.line("TZOFFSETFROM:-0300");
    document.line("TZOFFSETTO:-0300");
    document.line("TZNAME:-03");
    document.line("END:STANDARD");
    document.line("END:VTIMEZONE");
}

fn event(document: &mut Document, visit: &Visit, stamp: &str) {
    document.line("BEGIN:VEVENT");
    document.line(&format!("UID:{}@helpdesk", visit.id));
    document.line(&format!("DTSTAMP:{stamp}"));
    document.line(&format!(
        "DTSTART;TZID={TIME_ZONE}:{}",
        local(visit.slot.starts_at)
    ));
    document.line(&format!(
        "DTEND;TZID={TIME_ZONE}:{}",
        local(visit.slot.ends_at)
    ));
    document.text(
        "SUMMARY",
        &format!("{} · {}", visit.kind.label(), visit.customer_name),
    );
    document.text("LOCATION", &visit.address);
    let mut description = format!(
        "Protocolo {} · {} · {}",
        visit.protocol, visit.type_name, visit.status_name
    );
    if !visit.description.trim().is_empty() {
        description.push('\n');
        description.push_str(&visit.description);
    }
    document.text("DESCRIPTION", &description);
    if visit.is_final {
        // Done or cancelled: it no longer holds the technician's time.
        document.line("TRANSP:TRANSPARENT");
    }
    document.line("END:VEVENT");
}

/// The document being written, line by line.
#[derive(Default)]
struct Document(String);

impl Document {
    /// Appends a content line, folded, with its CRLF.
    fn line(&mut self, line: &str) {
        fold_line(&mut self.0, line);
        self.0.push_str("\r\n");
    }

    /// Appends the property `name` with the TEXT value `value`, escaped.
    fn text(&mut self, name: &str, value: &str) {
        self.line(&format!("{name}:{}", escape(value)));
    }
}

/// `text` as an iCalendar TEXT value: backslashes, semicolons and commas escaped, line
/// breaks (CRLF, CR or LF) as `\n`, other control characters but tabs as spaces.
fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => escaped.push_str("\\\\"),
            ';' => escaped.push_str("\\;"),
            ',' => escaped.push_str("\\,"),
            '\n' => escaped.push_str("\\n"),
            '\r' => {
                chars.next_if_eq(&'\n');
                escaped.push_str("\\n");
            }
            '\t' => escaped.push('\t'),
            c if c.is_control() => escaped.push(' '),
            c => escaped.push(c),
        }
    }
    escaped
}

/// Appends `line` to `out`, folded: a CRLF and a space before the octet that would make a
/// line longer than 75 octets, never inside a character.
fn fold_line(out: &mut String, line: &str) {
    let mut octets = 0;
    for c in line.chars() {
        if octets + c.len_utf8() > MAX_LINE_OCTETS {
            out.push_str("\r\n ");
            octets = 1;
        }
        out.push(c);
        octets += c.len_utf8();
    }
}

/// An instant (Unix ms) as iCalendar UTC time, `20261128T120000Z`.
fn utc(millis: i64) -> String {
    DateTime::from_timestamp_millis(millis).map_or_else(String::new, |instant| {
        instant.format("%Y%m%dT%H%M%SZ").to_string()
    })
}

/// An instant (Unix ms) as São Paulo's local time, `20261128T090000`.
fn local(millis: i64) -> String {
    let offset = FixedOffset::east_opt(SAO_PAULO_OFFSET_MINUTES * 60);
    match (DateTime::from_timestamp_millis(millis), offset) {
        (Some(instant), Some(offset)) => instant
            .with_timezone(&offset)
            .format("%Y%m%dT%H%M%S")
            .to_string(),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::work_order::{Slot, VisitKind, MINUTE};

    /// 2026-11-28 12:00 UTC, 09:00 in São Paulo.
    const NOON: i64 = 1_795_867_200_000;

    fn visit(customer: &str, description: &str) -> Visit {
        Visit {
            id: Uuid::from_u128(0x0192_0000_0000_7000_8000_0000_0000_0001),
            ticket_id: Uuid::from_u128(2),
            protocol: "261128-001-00017".into(),
            customer_id: Uuid::from_u128(3),
            customer_name: customer.into(),
            address: "Rua das Flores, 10 - Centro, Campinas/SP".into(),
            slot: Slot {
                technician_id: Uuid::from_u128(4),
                starts_at: NOON,
                ends_at: NOON + 90 * MINUTE,
            },
            type_id: Uuid::from_u128(5),
            type_name: "Instalação".into(),
            kind: VisitKind::WorkOrder,
            type_color: "#2E7D32".into(),
            status_id: Uuid::from_u128(6),
            status_name: "Agendada".into(),
            status_color: "#8E24AA".into(),
            is_final: false,
            stage: crate::work_order_life::WorkOrderStage::Open,
            description: description.into(),
            changed_at: 1,
        }
    }

    /// The logical lines: folds undone, CRLFs removed.
    fn unfolded(document: &str) -> Vec<String> {
        document
            .replace("\r\n ", "")
            .split("\r\n")
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            escape("a\\b;c,d\ne\r\nf\rg\th\u{7}i"),
            "a\\\\b\\;c\\,d\\ne\\nf\\ng\th i"
        );
        assert_eq!(escape("São Paulo: ok"), "São Paulo: ok");
    }

    #[test]
    fn long_lines_fold_at_75_octets_between_characters() {
        let line = format!("DESCRIPTION:{}", "ação ".repeat(60));
        let mut folded = String::new();
        fold_line(&mut folded, &line);
        for physical in folded.split("\r\n") {
            assert!(physical.len() <= MAX_LINE_OCTETS, "{physical:?}");
        }
        assert!(folded.split("\r\n").skip(1).all(|l| l.starts_with(' ')));
        assert_eq!(folded.replace("\r\n ", ""), line);
        let mut short = String::new();
        fold_line(&mut short, &"x".repeat(MAX_LINE_OCTETS));
        assert!(!short.contains('\n'), "75 octets fit");
    }

    #[test]
    fn an_event_per_visit_at_sao_paulo_time() {
        let mut survey = visit("José; Filho, Ltda", "");
        survey.kind = VisitKind::SiteSurvey;
        survey.id = Uuid::from_u128(9);
        survey.slot.starts_at = NOON + 24 * 60 * MINUTE;
        survey.slot.ends_at = survey.slot.starts_at + 60 * MINUTE;
        survey.is_final = true;
        let document = calendar(
            "João da Silva",
            &[visit("Ana Paula", "Trocar a ONU\nlevar cabo"), survey],
            NOON,
        );
        assert!(document.ends_with("END:VCALENDAR\r\n"));
        assert!(!document.replace("\r\n", "").contains('\n'), "CRLF only");
        let lines = unfolded(&document);
        let has = |line: &str| lines.iter().any(|l| l == line);
        assert!(has("BEGIN:VCALENDAR") && has("VERSION:2.0"));
        assert!(has("TZID:America/Sao_Paulo") && has("TZOFFSETTO:-0300"));
        assert_eq!(lines.iter().filter(|l| *l == "BEGIN:VEVENT").count(), 2);
        assert!(has("UID:01920000-0000-7000-8000-000000000001@helpdesk"));
        assert!(has("DTSTAMP:20261128T120000Z"));
        assert!(has("DTSTART;TZID=America/Sao_Paulo:20261128T090000"));
        assert!(has("DTEND;TZID=America/Sao_Paulo:20261128T103000"));
        assert!(has("DTSTART;TZID=America/Sao_Paulo:20261129T090000"));
        assert!(has("SUMMARY:O.S. · Ana Paula"));
        assert!(has("SUMMARY:Site Survey · José\\; Filho\\, Ltda"));
        assert!(has("LOCATION:Rua das Flores\\, 10 - Centro\\, Campinas/SP"));
        assert!(has(
            "DESCRIPTION:Protocolo 261128-001-00017 · Instalação · Agendada\\nTrocar a ONU\\nlevar cabo"
        ));
        assert!(has("TRANSP:TRANSPARENT"));
        assert!(has("X-WR-CALNAME:Agenda · João da Silva"));
    }

    #[test]
    fn file_names_are_plain() {
        assert_eq!(file_name("João da Silva"), "agenda-joao-da-silva.ics");
        assert_eq!(file_name("  Zé / Técnico  "), "agenda-ze-tecnico.ics");
        assert_eq!(file_name("../.."), "agenda.ics");
    }

    #[test]
    fn an_export_reaches_a_month_back_and_half_a_year_ahead() {
        let technician = Uuid::from_u128(7);
        let query = export_query(technician, 1_000 * DAY);
        assert_eq!((query.from, query.to), (970 * DAY, 1_180 * DAY));
        assert_eq!(query.technician_ids, [technician]);
        assert_eq!(query.kind, None);
    }
}
