//! The agenda's state and its reducer: the view, date and filters the operator chose, the
//! visits loaded for them, the change being asked about or saved with the undo stack, and
//! the keyboard. Each concern keeps its state and actions in its own file; [`AgendaState`]'s
//! reducer delegates to them and carries what a step of one means for another. No DOM and
//! no IPC here, so it is tested natively.
mod changes;
mod filters;
mod keyboard;
mod loading;
#[cfg(test)]
mod test_support;

use std::rc::Rc;

use chrono::NaiveDate;
use helpdesk_api::{AgendaQuery, Technician, Uuid};
use helpdesk_core::agenda::{range_of, ShownAxis, View};
use helpdesk_core::work_order::{Slot, MINUTE, SNAP_MINUTES};
use yew::Reducible;

pub use changes::{Change, ChangeAction, Changes, Review, Target};
pub use filters::{ColorBy, FilterAction, Filters};
use keyboard::Grid;
pub use keyboard::{KeyAction, Keyboard};
pub use loading::{LoadAction, Loaded};

/// Everything the agenda shows.
#[derive(Debug, Clone, PartialEq)]
pub struct AgendaState {
    /// The operator, for "Meu Usuário".
    pub operator_id: Uuid,
    /// The desktop's UTC offset, in minutes east.
    pub offset_minutes: i32,
    /// What the operator chose to see.
    pub filters: Filters,
    /// The catalog and the visits loaded for it.
    pub loaded: Loaded,
    /// The change asked about or being saved, and the saved ones.
    pub changes: Changes,
    /// The selection, the keyboard's slot and the visit moved with the keys.
    pub keys: Keyboard,
}

/// One thing that happened to the agenda, by concern.
#[derive(Debug, Clone, PartialEq)]
pub enum AgendaAction {
    Filter(FilterAction),
    Load(LoadAction),
    Change(ChangeAction),
    Key(KeyAction),
}

impl AgendaState {
    /// Today, "Dia", every technician, both kinds, coloured by type.
    pub fn new(operator_id: Uuid, offset_minutes: i32, date: NaiveDate) -> Self {
        Self {
            operator_id,
            offset_minutes,
            filters: Filters::new(date),
            loaded: Loaded::default(),
            changes: Changes::default(),
            keys: Keyboard::default(),
        }
    }

    /// The technicians shown, as the filters select them.
    pub fn shown_technicians(&self) -> Vec<&Technician> {
        self.loaded
            .technicians
            .as_deref()
            .map(|all| self.filters.filter.selected(all, self.operator_id))
            .unwrap_or_default()
    }

    /// What to ask the shell for; `None` before the catalog or with no technician selected.
    pub fn query(&self) -> Option<AgendaQuery> {
        let shown = self.shown_technicians();
        if shown.is_empty() {
            return None;
        }
        let filters = &self.filters;
        let range = range_of(filters.view, filters.date, self.offset_minutes);
        Some(AgendaQuery {
            from: range.from,
            to: range.to,
            // Every technician is the empty list: one condition less for the store.
            technician_ids: if filters.filter.is_all() {
                Vec::new()
            } else {
                shown.iter().map(|technician| technician.id).collect()
            },
            kind: filters.kind,
        })
    }

    /// Whether the visits shown answer what the filters ask.
    pub fn is_loading(&self) -> bool {
        self.query().is_some() && self.loaded.query != self.query()
    }

    /// The slot `target` is shown at: where the keys or a pending change put it, else `own`.
    pub fn shown_slot(&self, target: Target, own: Slot) -> Slot {
        self.keys.shown_slot(target, own, self.changes.pending)
    }

    /// The technicians' columns of "Dia", in order.
    pub fn column_ids(&self) -> Vec<Uuid> {
        self.shown_technicians()
            .iter()
            .map(|technician| technician.id)
            .collect()
    }

    fn axis<'a>(&self, columns: &'a [Uuid]) -> ShownAxis<'a> {
        match self.filters.view {
            View::Day => ShownAxis::Technicians(columns),
            View::Week => ShownAxis::Days,
            View::Month => ShownAxis::Weeks,
        }
    }

    /// Where the keyboard's slot starts when the grid takes the focus: the first shown
    /// technician at 08:00 of the date, 15 minutes long.
    pub fn first_cursor(&self) -> Option<Slot> {
        let technician = self.shown_technicians().first()?.id;
        let start = helpdesk_core::date::start_of_day(self.filters.date, self.offset_minutes)
            + 8 * 60 * MINUTE;
        Some(Slot {
            technician_id: technician,
            starts_at: start,
            ends_at: start + SNAP_MINUTES * MINUTE,
        })
    }

    fn apply(&mut self, action: AgendaAction) {
        match action {
            AgendaAction::Filter(action) => self.filters.apply(action),
            AgendaAction::Load(action) => {
                let current = self.query();
                self.loaded.apply(action, current.as_ref());
            }
            AgendaAction::Change(action) => {
                match &action {
                    ChangeAction::Ask(_) => self.keys.editing = None,
                    ChangeAction::Saving(_) => {
                        self.keys.editing = None;
                        self.keys.selection = None;
                    }
                    ChangeAction::Saved(_, visit) => self.loaded.replace(visit),
                    ChangeAction::Refused { reload: true, .. } => self.loaded.reload += 1,
                    _ => {}
                }
                self.changes.apply(action, self.offset_minutes);
            }
            AgendaAction::Key(action) => {
                let columns = self.column_ids();
                let grid = Grid {
                    axis: self.axis(&columns),
                    first_cursor: self.first_cursor(),
                    pending: self.changes.pending,
                };
                self.keys.apply(action, grid);
            }
        }
        if self.filters.view == View::Month {
            self.keys.cursor = None;
        }
    }
}

impl Reducible for AgendaState {
    type Action = AgendaAction;

    fn reduce(self: Rc<Self>, action: Self::Action) -> Rc<Self> {
        let mut state = Rc::unwrap_or_clone(self);
        state.apply(action);
        Rc::new(state)
    }
}

#[cfg(test)]
mod tests {
    use helpdesk_core::agenda::DAY;
    use helpdesk_core::date::start_of_day;

    use super::test_support::*;
    use super::*;

    #[test]
    fn it_opens_on_the_day_with_every_technician_and_asks_for_that_day() {
        let state = AgendaState::new(Uuid::from_u128(ME), SAO_PAULO, date());
        assert_eq!(state.filters.view, View::Day);
        assert_eq!(state.query(), None, "no catalog yet");
        let state = run(
            state,
            [AgendaAction::Load(LoadAction::CatalogLoaded(vec![
                technician(1, 10, None),
            ]))],
        );
        let query = state.query().expect("a query");
        assert_eq!(query.from, start_of_day(date(), SAO_PAULO));
        assert_eq!(query.to - query.from, DAY);
        assert!(query.technician_ids.is_empty(), "every technician");
        assert!(state.is_loading());
    }

    #[test]
    fn views_and_arrows_change_the_range_and_stale_answers_are_dropped() {
        let state = loaded();
        let day_query = state.query().expect("a query");
        let week = run(
            state,
            [AgendaAction::Filter(FilterAction::View(View::Week))],
        );
        let query = week.query().expect("a query");
        assert_eq!(query.to - query.from, 7 * DAY);
        assert!(week.is_loading());
        let week = run(
            week,
            [AgendaAction::Load(LoadAction::Loaded(
                day_query,
                Vec::new(),
            ))],
        );
        assert_eq!(
            week.loaded.visits.len(),
            2,
            "the day's late answer is ignored"
        );
        let next = run(week, [AgendaAction::Filter(FilterAction::Step(1))]);
        assert_eq!(
            next.filters.date,
            NaiveDate::from_ymd_opt(2026, 12, 5).expect("a date")
        );
    }
}
