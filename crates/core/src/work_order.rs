//! "Ordem de Serviço" and the "Agenda Técnica": technicians, the work-order catalog, visits
//! on the agenda, and the rules of placing one (no end before its start, clashes with the
//! same technician's visits).
use chrono::{DateTime, FixedOffset, Offset, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;
use uuid::Uuid;

use crate::form::{FieldError, FieldErrors};
use crate::work_order_life::WorkOrderStage;

/// The grid every start, end and duration snaps to, in minutes.
pub const SNAP_MINUTES: i64 = 15;
/// A minute, in Unix ms.
pub const MINUTE: i64 = 60_000;

/// A field technician, in a team, possibly also an operator of the app.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Technician {
    pub id: Uuid,
    pub name: String,
    pub team_id: Uuid,
    /// "Equipe".
    pub team_name: String,
    /// The operator account of the technician, if they have one ("Meu Usuário").
    pub user_id: Option<Uuid>,
}

/// What a visit is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
pub enum VisitKind {
    /// "O.S.": work at the customer's.
    WorkOrder,
    /// "Site Survey": a technical survey before an installation.
    SiteSurvey,
}

impl VisitKind {
    /// The pt-BR label.
    pub fn label(self) -> &'static str {
        match self {
            VisitKind::WorkOrder => "O.S.",
            VisitKind::SiteSurvey => "Site Survey",
        }
    }
}

/// "Tipo de OS".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct WorkOrderType {
    pub id: Uuid,
    pub name: String,
    pub kind: VisitKind,
    /// The usual length of such a visit.
    pub default_minutes: u32,
    /// `#rrggbb`, the visit's colour on the agenda.
    pub color: String,
}

/// "Status" of a work order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct WorkOrderStatus {
    pub id: Uuid,
    pub name: String,
    /// `#rrggbb`.
    pub color: String,
    /// Done or cancelled: the visit no longer holds its technician's time.
    pub is_final: bool,
    /// What the status means for the visit's life.
    pub stage: WorkOrderStage,
}

/// The types and statuses a work order is given, in the order the catalog lists them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct WorkOrderCatalog {
    pub types: Vec<WorkOrderType>,
    pub statuses: Vec<WorkOrderStatus>,
    pub technicians: Vec<Technician>,
}

/// When and by whom a visit is done: `[starts_at, ends_at)`, Unix ms UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Slot {
    pub technician_id: Uuid,
    #[specta(type = f64)]
    pub starts_at: i64,
    #[specta(type = f64)]
    pub ends_at: i64,
}

impl Slot {
    /// Whether the two slots hold the same technician at the same time (touching ends do
    /// not clash).
    pub fn clashes_with(&self, other: &Slot) -> bool {
        self.technician_id == other.technician_id
            && self.starts_at < other.ends_at
            && other.starts_at < self.ends_at
    }

    /// Minutes from start to end.
    pub fn minutes(&self) -> i64 {
        (self.ends_at - self.starts_at) / MINUTE
    }
}

/// A visit on the agenda: a work order saved with its ticket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Visit {
    pub id: Uuid,
    pub ticket_id: Uuid,
    /// The ticket's protocol, as the operator reads it.
    pub protocol: String,
    pub customer_id: Uuid,
    pub customer_name: String,
    /// Where the technician goes.
    pub address: String,
    pub slot: Slot,
    pub type_id: Uuid,
    pub type_name: String,
    pub kind: VisitKind,
    pub type_color: String,
    pub status_id: Uuid,
    pub status_name: String,
    pub status_color: String,
    /// The status is final: the visit no longer holds the technician's time.
    pub is_final: bool,
    /// What the status means: a cancelled visit is marked apart from a done one.
    pub stage: WorkOrderStage,
    pub description: String,
    /// Its change stamp: a reschedule names it, so a visit changed by someone else since it
    /// was shown is not overwritten unseen. Decimal text over IPC (see [`stamp_text`]).
    #[serde(with = "crate::clock::stamp_text")]
    #[specta(type = String)]
    pub changed_at: i64,
}

/// Which visits the agenda shows: those overlapping `[from, to)`, of the technicians listed
/// (every technician when empty), of one kind or both.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct AgendaQuery {
    #[specta(type = f64)]
    pub from: i64,
    #[specta(type = f64)]
    pub to: i64,
    pub technician_ids: Vec<Uuid>,
    pub kind: Option<VisitKind>,
}

/// A saved visit moved (another time or technician) or resized.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Reschedule {
    pub visit_id: Uuid,
    pub slot: Slot,
    /// The visit's `changed_at` as the operator saw it. Decimal text over IPC.
    #[serde(with = "crate::clock::stamp_text")]
    #[specta(type = String)]
    pub changed_at: i64,
    /// The operator saw the clash and accepted it.
    pub allow_clash: bool,
}

/// The visits of `visits` that `slot` clashes with, leaving out `except` (the visit being
/// moved) and visits whose status is final.
pub fn clashes<'a>(visits: &'a [Visit], slot: &Slot, except: Option<Uuid>) -> Vec<&'a Visit> {
    visits
        .iter()
        .filter(|visit| Some(visit.id) != except && !visit.is_final)
        .filter(|visit| visit.slot.clashes_with(slot))
        .collect()
}

/// `millis` rounded to the nearest [`SNAP_MINUTES`] step.
pub fn snap(millis: i64) -> i64 {
    let step = SNAP_MINUTES * MINUTE;
    (millis + step / 2).div_euclid(step) * step
}

/// The longest visit, in minutes. A longer one is a typing mistake; and the agenda's query
/// relies on it: a visit overlapping a range starts at most this long before the range.
pub const MAX_VISIT_MINUTES: i64 = 24 * 60;
/// The longest range the agenda loads at once, in days: a month view with the weeks around
/// it fits.
pub const MAX_AGENDA_DAYS: i64 = 62;

/// The form fields a visit's messages belong to ("Técnico", "Início", "até", the agenda's
/// date picker).
pub mod fields {
    pub const TECHNICIAN: &str = "tecnico";
    pub const START: &str = "inicio";
    pub const END: &str = "fim";
    pub const DATE: &str = "data";
}

impl Slot {
    /// Whether the slot can be a visit: a technician, an end after the start, both on the
    /// [`SNAP_MINUTES`] grid, at most [`MAX_VISIT_MINUTES`] long. Every reason at its field.
    pub fn check(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = FieldErrors::default();
        let step = SNAP_MINUTES * MINUTE;
        if self.technician_id.is_nil() {
            errors.add(fields::TECHNICIAN, "Escolha o técnico.");
        }
        if self.starts_at.rem_euclid(step) != 0 {
            errors.add(
                fields::START,
                "O início deve ser um horário de 15 em 15 minutos.",
            );
        }
        if self.ends_at <= self.starts_at {
            errors.add(fields::END, "O fim deve ser depois do início.");
        } else if self.ends_at.rem_euclid(step) != 0 {
            errors.add(
                fields::END,
                "O fim deve ser um horário de 15 em 15 minutos.",
            );
        } else if self.minutes() > MAX_VISIT_MINUTES {
            errors.add(fields::END, "Uma visita dura no máximo 24 horas.");
        }
        errors.into_result(|| ())
    }
}

impl AgendaQuery {
    /// Whether the range can be loaded: its end after its start, at most
    /// [`MAX_AGENDA_DAYS`] long.
    pub fn check(&self) -> Result<(), FieldError> {
        if self.to <= self.from {
            Err(FieldError::new(
                fields::DATE,
                "O fim do período deve ser depois do início.",
            ))
        } else if self.to - self.from > MAX_AGENDA_DAYS * 24 * 60 * MINUTE {
            Err(FieldError::new(
                fields::DATE,
                format!("A agenda mostra no máximo {MAX_AGENDA_DAYS} dias de uma vez."),
            ))
        } else {
            Ok(())
        }
    }
}

/// How many clashing visits [`clash_message`] names; the rest are counted.
const CLASHES_NAMED: usize = 3;

/// The pt-BR message of a slot that clashes with `clashing` (not empty): each visit's
/// customer, day and time at the UTC offset `offset_minutes` (minutes east).
pub fn clash_message(clashing: &[Visit], offset_minutes: i32) -> String {
    let named: Vec<String> = clashing
        .iter()
        .take(CLASHES_NAMED)
        .map(|visit| {
            format!(
                "{} em {} das {} às {}",
                visit.customer_name,
                local(visit.slot.starts_at, offset_minutes, "%d/%m/%Y"),
                local(visit.slot.starts_at, offset_minutes, "%H:%M"),
                local(visit.slot.ends_at, offset_minutes, "%H:%M"),
            )
        })
        .collect();
    let more = clashing.len().saturating_sub(CLASHES_NAMED);
    match (clashing.len(), more) {
        (1, _) => format!(
            "O técnico já tem uma visita neste horário: {}.",
            named.join("")
        ),
        (count, 0) => format!(
            "O técnico já tem {count} visitas neste horário: {}.",
            named.join("; ")
        ),
        (count, more) => format!(
            "O técnico já tem {count} visitas neste horário: {}; e mais {more}.",
            named.join("; ")
        ),
    }
}

/// `millis` (Unix ms UTC) formatted at the UTC offset `offset_minutes`.
fn local(millis: i64, offset_minutes: i32, format: &str) -> String {
    let offset = FixedOffset::east_opt(offset_minutes * 60).unwrap_or(Utc.fix());
    DateTime::from_timestamp_millis(millis).map_or_else(String::new, |instant| {
        instant.with_timezone(&offset).format(format).to_string()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slot(technician: u128, start_minute: i64, end_minute: i64) -> Slot {
        Slot {
            technician_id: Uuid::from_u128(technician),
            starts_at: start_minute * MINUTE,
            ends_at: end_minute * MINUTE,
        }
    }

    #[test]
    fn only_the_same_technicians_overlapping_time_clashes() {
        let nine_to_ten = slot(1, 540, 600);
        assert!(nine_to_ten.clashes_with(&slot(1, 570, 630)));
        assert!(nine_to_ten.clashes_with(&slot(1, 500, 700)));
        assert!(!nine_to_ten.clashes_with(&slot(1, 600, 660)), "touching");
        assert!(
            !nine_to_ten.clashes_with(&slot(2, 540, 600)),
            "another technician"
        );
        assert_eq!(nine_to_ten.minutes(), 60);
    }

    #[test]
    fn times_snap_to_the_nearest_quarter_hour() {
        assert_eq!(snap(7 * MINUTE), 0);
        assert_eq!(snap(8 * MINUTE), 15 * MINUTE);
        assert_eq!(snap(-8 * MINUTE), -15 * MINUTE);
        assert_eq!(snap(600 * MINUTE), 600 * MINUTE);
    }

    fn fields_of(slot: Slot) -> Vec<String> {
        slot.check()
            .err()
            .unwrap_or_default()
            .into_iter()
            .map(|error| error.field)
            .collect()
    }

    #[test]
    fn a_slot_needs_a_technician_an_end_after_its_start_and_the_grid() {
        assert_eq!(fields_of(slot(1, 540, 600)), Vec::<String>::new());
        assert_eq!(fields_of(slot(1, 540, 540)), ["fim"], "zero minutes");
        assert_eq!(fields_of(slot(1, 600, 540)), ["fim"], "end before start");
        assert_eq!(fields_of(slot(1, 541, 600)), ["inicio"]);
        assert_eq!(fields_of(slot(1, 540, 610)), ["fim"]);
        assert_eq!(fields_of(slot(0, 540, 600)), ["tecnico"]);
        assert_eq!(
            fields_of(slot(1, 0, MAX_VISIT_MINUTES)),
            Vec::<String>::new()
        );
        assert_eq!(fields_of(slot(1, 0, MAX_VISIT_MINUTES + 15)), ["fim"]);
        assert_eq!(
            fields_of(slot(1, -15, 0)),
            Vec::<String>::new(),
            "before 1970"
        );
    }

    #[test]
    fn the_agenda_loads_at_most_two_months() {
        let query = |days: i64| AgendaQuery {
            from: 0,
            to: days * 24 * 60 * MINUTE,
            technician_ids: Vec::new(),
            kind: None,
        };
        assert!(query(42).check().is_ok());
        assert!(query(MAX_AGENDA_DAYS).check().is_ok());
        assert_eq!(
            query(MAX_AGENDA_DAYS + 1).check().map_err(|e| e.field),
            Err("data".into())
        );
        assert!(query(0).check().is_err());
        assert!(query(-1).check().is_err());
    }

    fn visit(customer: &str, start_minute: i64, end_minute: i64) -> Visit {
        Visit {
            id: Uuid::from_u128(7),
            ticket_id: Uuid::from_u128(8),
            protocol: "261128-001-00001".into(),
            customer_id: Uuid::from_u128(9),
            customer_name: customer.into(),
            address: "Rua das Flores, 10".into(),
            slot: slot(1, start_minute, end_minute),
            type_id: Uuid::from_u128(10),
            type_name: "Instalação".into(),
            kind: VisitKind::WorkOrder,
            type_color: "#2E7D32".into(),
            status_id: Uuid::from_u128(11),
            status_name: "Agendada".into(),
            status_color: "#8E24AA".into(),
            is_final: false,
            stage: crate::work_order_life::WorkOrderStage::Open,
            description: String::new(),
            changed_at: 1_795_867_200_000 << 16,
        }
    }

    #[test]
    fn a_clash_names_the_visits_in_local_time() {
        // 2026-11-28 12:00 UTC is 09:00 in São Paulo.
        let noon = 1_795_867_200_000 / MINUTE;
        let one = [visit("Ana Paula", noon, noon + 90)];
        assert_eq!(
            clash_message(&one, -180),
            "O técnico já tem uma visita neste horário: Ana Paula em 28/11/2026 das 09:00 às 10:30."
        );
        let many: Vec<Visit> = (0..5)
            .map(|i| visit(&format!("Cliente {i}"), noon + i * 15, noon + 60))
            .collect();
        let message = clash_message(&many, -180);
        assert!(message.starts_with("O técnico já tem 5 visitas neste horário: Cliente 0 em"));
        assert!(message.contains("Cliente 2 em 28/11/2026 das 09:30 às 10:00"));
        assert!(!message.contains("Cliente 3"));
        assert!(message.ends_with("; e mais 2."));
    }

    #[test]
    fn change_stamps_cross_the_bridge_as_text() {
        let visit = visit("Ana", 0, 60);
        let json = serde_json::to_value(&visit).expect("serializes");
        assert_eq!(json["changed_at"], (visit.changed_at).to_string());
        let back: Visit = serde_json::from_value(json.clone()).expect("reads back");
        assert_eq!(back, visit);
        let mut as_number = json;
        as_number["changed_at"] = serde_json::json!(42);
        let read: Visit = serde_json::from_value(as_number).expect("a number is read too");
        assert_eq!(read.changed_at, 42);
    }
}
