//! What the views draw, built from the state: a visit as shown ([`Item`]) and the time
//! grid's columns ([`Column`]). No DOM, so it is tested natively.
use helpdesk_api::{Uuid, Visit};
use helpdesk_core::agenda::{days_of, View};
use helpdesk_core::date::start_of_day;
use helpdesk_core::work_order::Slot;
use helpdesk_core::work_order_life::WorkOrderStage;
use yew::AttrValue;

use super::state::{AgendaState, ColorBy, Target};

/// A visit as the agenda draws it.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub target: Target,
    /// Where it is shown (a change being asked about or saved, or edited with the keys).
    pub slot: Slot,
    /// Where it is saved.
    pub own: Slot,
    pub customer: AttrValue,
    /// "Instalação · O.S.".
    pub kind: AttrValue,
    pub status: AttrValue,
    pub technician: AttrValue,
    /// `#rrggbb`.
    pub color: AttrValue,
    /// The wizard's work order, not saved yet: drawn dashed.
    pub tentative: bool,
    /// Done or cancelled: drawn faded, and it holds no time.
    pub is_final: bool,
    /// Cancelled (not done): also struck through.
    pub cancelled: bool,
}

impl Item {
    /// The `data-visit-id` of its element: the visit's id, or `nova-os`.
    pub fn dom_id(&self) -> AttrValue {
        self.target.dom_id()
    }
}

/// The visits of the state as drawn, by start, then the wizard's work order (`tentative`,
/// with its label) when it is on one of the technicians shown.
pub fn items(state: &AgendaState, tentative: Option<&(Slot, AttrValue)>) -> Vec<Item> {
    let shown = state.shown_technicians();
    let name_of = |id: Uuid| -> AttrValue {
        shown
            .iter()
            .find(|technician| technician.id == id)
            .map_or_else(AttrValue::default, |technician| {
                technician.name.clone().into()
            })
    };
    let mut items: Vec<Item> = state
        .loaded
        .visits
        .iter()
        .map(|visit| item_of(state, visit, &name_of))
        .collect();
    if let Some((own, label)) = tentative {
        let slot = state.shown_slot(Target::Tentative, *own);
        items.push(Item {
            target: Target::Tentative,
            slot,
            own: *own,
            customer: label.clone(),
            kind: "O.S. não salva".into(),
            status: "Nova".into(),
            technician: name_of(slot.technician_id),
            color: "#1f5fbf".into(),
            tentative: true,
            is_final: false,
            cancelled: false,
        });
    }
    items
}

fn item_of(state: &AgendaState, visit: &Visit, name_of: &impl Fn(Uuid) -> AttrValue) -> Item {
    let target = Target::Visit(visit.id);
    let slot = state.shown_slot(target, visit.slot);
    Item {
        target,
        slot,
        own: visit.slot,
        customer: visit.customer_name.clone().into(),
        kind: format!("{} · {}", visit.type_name, visit.kind.label()).into(),
        status: visit.status_name.clone().into(),
        technician: name_of(slot.technician_id),
        color: match state.filters.color_by {
            ColorBy::Type => visit.type_color.clone(),
            ColorBy::Status => visit.status_color.clone(),
        }
        .into(),
        tentative: false,
        is_final: visit.is_final,
        cancelled: visit.stage == WorkOrderStage::Cancelled,
    }
}

/// A column of the time grid: a technician on the date ("Dia") or a day ("Semana").
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub title: AttrValue,
    /// The first instant of its day, Unix ms.
    pub day_start: i64,
    /// The technician of "Dia"; `None` in "Semana", where visits keep theirs.
    pub technician_id: Option<Uuid>,
}

impl Column {
    /// Whether `item` is drawn in this column (on its day, and its technician's in "Dia").
    pub fn holds(&self, item: &Item) -> bool {
        self.technician_id
            .is_none_or(|technician| technician == item.slot.technician_id)
    }
}

/// The columns of the time grid in the state's view ("Mês" has none).
pub fn columns(state: &AgendaState) -> Vec<Column> {
    let offset = state.offset_minutes;
    match state.filters.view {
        View::Day => {
            let day_start = start_of_day(state.filters.date, offset);
            state
                .shown_technicians()
                .into_iter()
                .map(|technician| Column {
                    title: technician.name.clone().into(),
                    day_start,
                    technician_id: Some(technician.id),
                })
                .collect()
        }
        View::Week => days_of(View::Week, state.filters.date)
            .into_iter()
            .map(|day| Column {
                title: format!("{} {}", weekday(day), day.format("%d/%m")).into(),
                day_start: start_of_day(day, offset),
                technician_id: None,
            })
            .collect(),
        View::Month => Vec::new(),
    }
}

/// The pt-BR short name of a day of the week.
pub fn weekday(day: chrono::NaiveDate) -> &'static str {
    use chrono::Datelike;
    ["Seg", "Ter", "Qua", "Qui", "Sex", "Sáb", "Dom"][day.weekday().num_days_from_monday() as usize]
}

/// "09:00–10:30" at the UTC offset `offset_minutes`.
pub fn hours(slot: &Slot, offset_minutes: i32) -> String {
    let time = |millis: i64| {
        let at = helpdesk_core::date::format_instant(millis, offset_minutes);
        at.get(11..).unwrap_or_default().to_owned()
    };
    format!("{}–{}", time(slot.starts_at), time(slot.ends_at))
}
