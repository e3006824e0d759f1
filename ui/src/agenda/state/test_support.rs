//! What the agenda's tests share: a reducer run, a day with three technicians and two
//! visits, and the slots and changes on it.
use std::rc::Rc;

use chrono::NaiveDate;
use helpdesk_api::{Technician, Uuid, Visit, VisitKind};
use helpdesk_core::date::start_of_day;
use helpdesk_core::work_order::{Slot, MINUTE};
use yew::Reducible;

pub use super::{
    AgendaAction, AgendaState, Change, ChangeAction, FilterAction, KeyAction, LoadAction, Review,
    Target,
};

pub const SAO_PAULO: i32 = -180;
pub const ME: u128 = 100;

pub fn date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 28).expect("a date")
}

pub fn run(state: AgendaState, actions: impl IntoIterator<Item = AgendaAction>) -> AgendaState {
    let state = actions
        .into_iter()
        .fold(Rc::new(state), |state, action| state.reduce(action));
    Rc::unwrap_or_clone(state)
}

pub fn technician(id: u128, team: u128, user: Option<u128>) -> Technician {
    Technician {
        id: Uuid::from_u128(id),
        name: format!("Técnico {id}"),
        team_id: Uuid::from_u128(team),
        team_name: format!("Equipe {team}"),
        user_id: user.map(Uuid::from_u128),
    }
}

/// A slot on 28/11/2026 from and to local minutes.
pub fn slot(technician: u128, from: i64, to: i64) -> Slot {
    let start = start_of_day(date(), SAO_PAULO);
    Slot {
        technician_id: Uuid::from_u128(technician),
        starts_at: start + from * MINUTE,
        ends_at: start + to * MINUTE,
    }
}

pub fn visit(id: u128, customer: &str, slot: Slot) -> Visit {
    Visit {
        id: Uuid::from_u128(id),
        ticket_id: Uuid::from_u128(id + 1000),
        protocol: "261128-001-00001".into(),
        customer_id: Uuid::from_u128(id + 2000),
        customer_name: customer.into(),
        address: "Rua das Flores, 10".into(),
        slot,
        type_id: Uuid::from_u128(9),
        type_name: "Instalação".into(),
        kind: VisitKind::WorkOrder,
        type_color: "#2E7D32".into(),
        status_id: Uuid::from_u128(10),
        status_name: "Agendada".into(),
        status_color: "#8E24AA".into(),
        is_final: false,
        stage: helpdesk_core::work_order_life::WorkOrderStage::Open,
        description: String::new(),
        changed_at: 7 << 16,
    }
}

/// "Dia" on 28/11 with three technicians, two visits of technician 1 loaded.
pub fn loaded() -> AgendaState {
    let state = run(
        AgendaState::new(Uuid::from_u128(ME), SAO_PAULO, date()),
        [AgendaAction::Load(LoadAction::CatalogLoaded(vec![
            technician(1, 10, Some(ME)),
            technician(2, 10, None),
            technician(3, 20, None),
        ]))],
    );
    let query = state.query().expect("a query");
    run(
        state,
        [AgendaAction::Load(LoadAction::Loaded(
            query,
            vec![
                visit(50, "Ana Paula", slot(1, 540, 600)),
                visit(51, "Bruno Lima", slot(1, 660, 720)),
            ],
        ))],
    )
}

pub fn moved(id: u128, from: Slot, to: Slot) -> Change {
    Change {
        target: Target::Visit(Uuid::from_u128(id)),
        from,
        to,
        undo: false,
    }
}
