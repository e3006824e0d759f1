//! The agenda's state and its reducer: the view, date and filters the operator chose, the
//! visits loaded for them, and the change being asked about or saved, with the undo stack.
//! No DOM and no IPC here, so it is tested natively.
use std::rc::Rc;

use chrono::NaiveDate;
use helpdesk_api::{AgendaQuery, Technician, Uuid, Visit, VisitKind};
use helpdesk_core::agenda::{
    keyboard_move, range_of, shift_date, Arrow, ShownAxis, TechnicianFilter, View,
};
use helpdesk_core::date::format_instant;
use helpdesk_core::work_order::{clash_message, clashes, Slot, MINUTE, SNAP_MINUTES};
use yew::{AttrValue, Reducible};

/// What a visit's colour comes from ("Cor por").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColorBy {
    Type,
    Status,
}

/// What a change moves: a saved visit, or the wizard's work order not saved yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Visit(Uuid),
    Tentative,
}

impl Target {
    /// The `data-visit-id` of its element: the visit's id, or `nova-os`.
    pub fn dom_id(self) -> AttrValue {
        match self {
            Target::Visit(id) => id.to_string().into(),
            Target::Tentative => "nova-os".into(),
        }
    }
}

/// A visit moved or resized by a drag or the keyboard, or taken back by "Desfazer".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Change {
    pub target: Target,
    pub from: Slot,
    pub to: Slot,
    /// "Desfazer": once saved, it leaves the undo stack instead of joining it.
    pub undo: bool,
}

/// A change that clashes, waiting for "Agendar mesmo assim" or "Cancelar".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    pub change: Change,
    pub message: String,
}

/// A saved change, which "Desfazer" takes back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Undo {
    /// The visit as saved (its `changed_at` is needed to save it back).
    pub after: Visit,
    pub before: Slot,
}

/// What the agenda does with a change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Review {
    /// It changes nothing.
    Nothing,
    /// It clashes with the same technician's visits: ask first.
    Ask(Question),
    /// Save it.
    Save(Change),
}

/// Everything the agenda shows.
#[derive(Debug, Clone, PartialEq)]
pub struct AgendaState {
    /// The operator, for "Meu Usuário".
    pub operator_id: Uuid,
    /// The desktop's UTC offset, in minutes east.
    pub offset_minutes: i32,
    pub view: View,
    pub date: NaiveDate,
    pub filter: TechnicianFilter,
    /// "Tipo": both kinds, or only one.
    pub kind: Option<VisitKind>,
    pub color_by: ColorBy,
    /// The active technicians; `None` until the catalog is loaded.
    pub technicians: Option<Vec<Technician>>,
    /// The visits of `loaded`, by start.
    pub visits: Vec<Visit>,
    /// The query the visits answer; not the current one while loading.
    pub loaded: Option<AgendaQuery>,
    /// Raised by "Atualizar" and after a refused change, to load the same query again.
    pub reload: u32,
    pub error: Option<AttrValue>,
    /// What just happened ("Visita reagendada …", "Solte a visita dentro da agenda.").
    pub notice: Option<AttrValue>,
    pub question: Option<Question>,
    /// The change being asked about or saved, drawn in its new place meanwhile.
    pub pending: Option<Change>,
    pub undo: Vec<Undo>,
    /// The slot chosen for "Agendar Ordem de Serviço".
    pub selection: Option<Slot>,
    /// The keyboard's slot on the grid.
    pub cursor: Option<Slot>,
    /// A visit moved with the arrow keys, not saved yet (Enter saves, Esc cancels).
    pub editing: Option<(Target, Slot)>,
}

/// One thing that happened to the agenda.
#[derive(Debug, Clone, PartialEq)]
pub enum AgendaAction {
    CatalogLoaded(Vec<Technician>),
    Failed(AttrValue),
    View(View),
    Date(NaiveDate),
    /// ‹ (-1) or › (+1).
    Step(i32),
    Kind(Option<VisitKind>),
    ColorBy(ColorBy),
    Check(Uuid, bool),
    Team(Option<Uuid>),
    Mine(bool),
    /// "Todos".
    AllTechnicians,
    /// "Atualizar".
    Reload,
    Loaded(AgendaQuery, Vec<Visit>),
    Notice(Option<AttrValue>),
    Ask(Question),
    /// "Cancelar" on a clash, or a change dropped.
    Dismiss,
    /// A change on its way to the shell (or to the wizard).
    Saving(Change),
    /// The shell saved it.
    Saved(Change, Box<Visit>),
    /// The shell refused it; `reload` when the agenda on screen is out of date.
    Refused {
        change: Change,
        message: AttrValue,
        reload: bool,
    },
    Select(Option<Slot>),
    Cursor(Option<Slot>),
    /// The grid took the focus: the keyboard's slot starts at [`AgendaState::first_cursor`].
    FirstCursor,
    /// An arrow key on the keyboard's slot (Shift: longer or shorter).
    CursorKey(Arrow, bool),
    /// An arrow key on a visit (Shift: resize); starts editing it from `slot`.
    EditKey(Target, Slot, Arrow, bool),
    /// Esc, or the edit handed on.
    StopEditing,
}

impl AgendaState {
    /// Today, "Dia", every technician, both kinds, coloured by type.
    pub fn new(operator_id: Uuid, offset_minutes: i32, date: NaiveDate) -> Self {
        Self {
            operator_id,
            offset_minutes,
            view: View::Day,
            date,
            filter: TechnicianFilter::default(),
            kind: None,
            color_by: ColorBy::Type,
            technicians: None,
            visits: Vec::new(),
            loaded: None,
            reload: 0,
            error: None,
            notice: None,
            question: None,
            pending: None,
            undo: Vec::new(),
            selection: None,
            cursor: None,
            editing: None,
        }
    }

    /// The technicians shown, as the filters select them.
    pub fn shown_technicians(&self) -> Vec<&Technician> {
        self.technicians
            .as_deref()
            .map(|all| self.filter.selected(all, self.operator_id))
            .unwrap_or_default()
    }

    /// What to ask the shell for; `None` before the catalog or with no technician selected.
    pub fn query(&self) -> Option<AgendaQuery> {
        let shown = self.shown_technicians();
        if shown.is_empty() {
            return None;
        }
        let range = range_of(self.view, self.date, self.offset_minutes);
        Some(AgendaQuery {
            from: range.from,
            to: range.to,
            // Every technician is the empty list: one condition less for the store.
            technician_ids: if self.filter.is_all() {
                Vec::new()
            } else {
                shown.iter().map(|technician| technician.id).collect()
            },
            kind: self.kind,
        })
    }

    /// Whether the visits shown answer what the filters ask.
    pub fn is_loading(&self) -> bool {
        self.query().is_some() && self.loaded != self.query()
    }

    /// The slot the visit `id` is shown at: where a pending change puts it, else its own.
    pub fn shown_slot(&self, target: Target, own: Slot) -> Slot {
        match (&self.editing, &self.pending) {
            (Some((editing, slot)), _) if *editing == target => *slot,
            (_, Some(change)) if change.target == target => change.to,
            _ => own,
        }
    }

    /// What to do with `change`: nothing, ask about its clash, or save it.
    pub fn review(&self, change: Change) -> Review {
        if change.to == change.from {
            return Review::Nothing;
        }
        let except = match change.target {
            Target::Visit(id) => Some(id),
            Target::Tentative => None,
        };
        let clashing: Vec<Visit> = clashes(&self.visits, &change.to, except)
            .into_iter()
            .cloned()
            .collect();
        if clashing.is_empty() {
            Review::Save(change)
        } else {
            Review::Ask(Question {
                change,
                message: clash_message(&clashing, self.offset_minutes),
            })
        }
    }

    /// "Desfazer": the last saved change, taken back.
    pub fn undo_change(&self) -> Option<Change> {
        let last = self.undo.last()?;
        let id = last.after.id;
        Some(Change {
            target: Target::Visit(id),
            from: self.visit(id).map_or(last.after.slot, |visit| visit.slot),
            to: last.before,
            undo: true,
        })
    }

    /// The stamp to save visit `id` with: the freshest known.
    pub fn changed_at(&self, id: Uuid) -> Option<i64> {
        self.visit(id).map(|visit| visit.changed_at).or_else(|| {
            self.undo
                .iter()
                .rev()
                .find(|entry| entry.after.id == id)
                .map(|entry| entry.after.changed_at)
        })
    }

    /// A loaded visit.
    pub fn visit(&self, id: Uuid) -> Option<&Visit> {
        self.visits.iter().find(|visit| visit.id == id)
    }

    fn apply(&mut self, action: AgendaAction) {
        match action {
            AgendaAction::CatalogLoaded(technicians) => self.technicians = Some(technicians),
            AgendaAction::Failed(message) => self.error = Some(message),
            AgendaAction::View(view) => self.view = view,
            AgendaAction::Date(date) => self.date = date,
            AgendaAction::Step(steps) => self.date = shift_date(self.view, self.date, steps),
            AgendaAction::Kind(kind) => self.kind = kind,
            AgendaAction::ColorBy(color_by) => self.color_by = color_by,
            AgendaAction::Check(id, checked) => self.filter.check(id, checked),
            AgendaAction::Team(team) => self.filter.team_id = team,
            AgendaAction::Mine(mine) => self.filter.mine = mine,
            AgendaAction::AllTechnicians => self.filter = TechnicianFilter::default(),
            AgendaAction::Reload => {
                self.reload += 1;
                self.error = None;
            }
            AgendaAction::Loaded(query, visits) => {
                if Some(&query) == self.query().as_ref() {
                    self.visits = visits;
                    self.loaded = Some(query);
                    self.error = None;
                }
            }
            AgendaAction::Notice(notice) => self.notice = notice,
            AgendaAction::Ask(question) => {
                self.pending = Some(question.change);
                self.question = Some(question);
                self.editing = None;
            }
            AgendaAction::Dismiss => {
                self.question = None;
                self.pending = None;
            }
            AgendaAction::Saving(change) => {
                self.question = None;
                self.pending = Some(change);
                self.editing = None;
                self.selection = None;
            }
            AgendaAction::Saved(change, visit) => self.saved(change, *visit),
            AgendaAction::Refused {
                change,
                message,
                reload,
            } => {
                if self.pending == Some(change) {
                    self.pending = None;
                }
                self.notice = Some(message);
                if reload {
                    self.reload += 1;
                }
            }
            AgendaAction::Select(selection) => self.selection = selection,
            AgendaAction::Cursor(cursor) => self.cursor = cursor,
            AgendaAction::FirstCursor => self.cursor = self.first_cursor(),
            AgendaAction::CursorKey(arrow, resize) => {
                if let Some(cursor) = self.cursor {
                    let columns = self.column_ids();
                    self.cursor = Some(keyboard_move(&cursor, arrow, resize, self.axis(&columns)));
                }
            }
            AgendaAction::EditKey(target, own, arrow, resize) => {
                let from = self.shown_slot(target, own);
                let columns = self.column_ids();
                let moved = keyboard_move(&from, arrow, resize, self.axis(&columns));
                self.editing = Some((target, moved));
            }
            AgendaAction::StopEditing => self.editing = None,
        }
        if self.view == View::Month {
            self.cursor = None;
        }
    }

    fn saved(&mut self, change: Change, visit: Visit) {
        if self.pending == Some(change) {
            self.pending = None;
        }
        if let Some(shown) = self.visits.iter_mut().find(|shown| shown.id == visit.id) {
            *shown = visit.clone();
        }
        self.notice = Some(
            format!(
                "{} de {}: {} até {}.",
                if change.undo {
                    "Alteração desfeita"
                } else {
                    "Visita reagendada"
                },
                visit.customer_name,
                format_instant(visit.slot.starts_at, self.offset_minutes),
                format_instant(visit.slot.ends_at, self.offset_minutes),
            )
            .into(),
        );
        if change.undo {
            self.undo.pop();
        } else {
            self.undo.push(Undo {
                after: visit,
                before: change.from,
            });
        }
    }

    /// The technicians' columns of "Dia", in order.
    pub fn column_ids(&self) -> Vec<Uuid> {
        self.shown_technicians()
            .iter()
            .map(|technician| technician.id)
            .collect()
    }

    fn axis<'a>(&self, columns: &'a [Uuid]) -> ShownAxis<'a> {
        match self.view {
            View::Day => ShownAxis::Technicians(columns),
            View::Week => ShownAxis::Days,
            View::Month => ShownAxis::Weeks,
        }
    }

    /// Where the keyboard's slot starts when the grid takes the focus: the first shown
    /// technician at 08:00 of the date, 15 minutes long.
    pub fn first_cursor(&self) -> Option<Slot> {
        let technician = self.shown_technicians().first()?.id;
        let start =
            helpdesk_core::date::start_of_day(self.date, self.offset_minutes) + 8 * 60 * MINUTE;
        Some(Slot {
            technician_id: technician,
            starts_at: start,
            ends_at: start + SNAP_MINUTES * MINUTE,
        })
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

    use super::*;

    const SAO_PAULO: i32 = -180;
    const ME: u128 = 100;

    fn date() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 28).expect("a date")
    }

    fn run(state: AgendaState, actions: impl IntoIterator<Item = AgendaAction>) -> AgendaState {
        let state = actions
            .into_iter()
            .fold(Rc::new(state), |state, action| state.reduce(action));
        Rc::unwrap_or_clone(state)
    }

    fn technician(id: u128, team: u128, user: Option<u128>) -> Technician {
        Technician {
            id: Uuid::from_u128(id),
            name: format!("Técnico {id}"),
            team_id: Uuid::from_u128(team),
            team_name: format!("Equipe {team}"),
            user_id: user.map(Uuid::from_u128),
        }
    }

    /// A slot on 28/11/2026 from and to local minutes.
    fn slot(technician: u128, from: i64, to: i64) -> Slot {
        let start = start_of_day(date(), SAO_PAULO);
        Slot {
            technician_id: Uuid::from_u128(technician),
            starts_at: start + from * MINUTE,
            ends_at: start + to * MINUTE,
        }
    }

    fn visit(id: u128, customer: &str, slot: Slot) -> Visit {
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
            description: String::new(),
            changed_at: 7 << 16,
        }
    }

    /// "Dia" on 28/11 with three technicians, two visits of technician 1 loaded.
    fn loaded() -> AgendaState {
        let state = run(
            AgendaState::new(Uuid::from_u128(ME), SAO_PAULO, date()),
            [AgendaAction::CatalogLoaded(vec![
                technician(1, 10, Some(ME)),
                technician(2, 10, None),
                technician(3, 20, None),
            ])],
        );
        let query = state.query().expect("a query");
        run(
            state,
            [AgendaAction::Loaded(
                query,
                vec![
                    visit(50, "Ana Paula", slot(1, 540, 600)),
                    visit(51, "Bruno Lima", slot(1, 660, 720)),
                ],
            )],
        )
    }

    fn moved(id: u128, from: Slot, to: Slot) -> Change {
        Change {
            target: Target::Visit(Uuid::from_u128(id)),
            from,
            to,
            undo: false,
        }
    }

    #[test]
    fn it_opens_on_the_day_with_every_technician_and_asks_for_that_day() {
        let state = AgendaState::new(Uuid::from_u128(ME), SAO_PAULO, date());
        assert_eq!(state.view, View::Day);
        assert_eq!(state.query(), None, "no catalog yet");
        let state = run(
            state,
            [AgendaAction::CatalogLoaded(vec![technician(1, 10, None)])],
        );
        let query = state.query().expect("a query");
        assert_eq!(query.from, start_of_day(date(), SAO_PAULO));
        assert_eq!(query.to - query.from, DAY);
        assert!(query.technician_ids.is_empty(), "every technician");
        assert!(state.is_loading());
    }

    #[test]
    fn filters_narrow_the_query_and_nothing_selected_asks_nothing() {
        let state = run(loaded(), [AgendaAction::Team(Some(Uuid::from_u128(10)))]);
        let ids = state.query().expect("a query").technician_ids;
        assert_eq!(ids, [Uuid::from_u128(1), Uuid::from_u128(2)]);
        let mine = run(state, [AgendaAction::Team(None), AgendaAction::Mine(true)]);
        assert_eq!(mine.column_ids(), [Uuid::from_u128(1)]);
        let none = run(mine, [AgendaAction::Check(Uuid::from_u128(1), false)]);
        assert_eq!(none.query(), None);
        let all = run(none, [AgendaAction::AllTechnicians]);
        assert!(all.filter.is_all());
        let surveys = run(all, [AgendaAction::Kind(Some(VisitKind::SiteSurvey))]);
        assert_eq!(
            surveys.query().and_then(|q| q.kind),
            Some(VisitKind::SiteSurvey)
        );
    }

    #[test]
    fn views_and_arrows_change_the_range_and_stale_answers_are_dropped() {
        let state = loaded();
        let day_query = state.query().expect("a query");
        let week = run(state, [AgendaAction::View(View::Week)]);
        let query = week.query().expect("a query");
        assert_eq!(query.to - query.from, 7 * DAY);
        assert!(week.is_loading());
        let week = run(week, [AgendaAction::Loaded(day_query, Vec::new())]);
        assert_eq!(week.visits.len(), 2, "the day's late answer is ignored");
        let next = run(week, [AgendaAction::Step(1)]);
        assert_eq!(
            next.date,
            NaiveDate::from_ymd_opt(2026, 12, 5).expect("a date")
        );
    }

    #[test]
    fn a_move_onto_a_visit_asks_and_cancel_puts_it_back() {
        let state = loaded();
        let bruno = slot(1, 660, 720);
        let change = moved(51, bruno, slot(1, 570, 630));
        let review = state.review(change);
        let Review::Ask(question) = review.clone() else {
            assert_eq!(review, Review::Nothing, "the clash is asked about");
            return;
        };
        assert!(
            question.message.contains("Ana Paula"),
            "{}",
            question.message
        );
        let asking = run(state.clone(), [AgendaAction::Ask(question)]);
        assert_eq!(
            asking.shown_slot(Target::Visit(Uuid::from_u128(51)), bruno),
            slot(1, 570, 630),
            "drawn where it was dropped while asking"
        );
        let cancelled = run(asking, [AgendaAction::Dismiss]);
        assert_eq!(cancelled.question, None);
        assert_eq!(
            cancelled.shown_slot(Target::Visit(Uuid::from_u128(51)), bruno),
            bruno
        );
        assert_eq!(state.review(moved(51, bruno, bruno)), Review::Nothing);
        let elsewhere = moved(51, bruno, slot(2, 570, 630));
        assert_eq!(state.review(elsewhere), Review::Save(elsewhere));
    }

    #[test]
    fn a_saved_change_can_be_undone_with_the_new_stamp() {
        let state = loaded();
        let (before, after) = (slot(1, 540, 600), slot(2, 600, 660));
        let change = moved(50, before, after);
        let mut saved = visit(50, "Ana Paula", after);
        saved.changed_at = 8 << 16;
        let state = run(
            state,
            [
                AgendaAction::Saving(change),
                AgendaAction::Saved(change, Box::new(saved)),
            ],
        );
        assert_eq!(state.pending, None);
        assert_eq!(
            state.visit(Uuid::from_u128(50)).map(|v| v.slot),
            Some(after)
        );
        assert_eq!(state.changed_at(Uuid::from_u128(50)), Some(8 << 16));
        assert!(state
            .notice
            .as_deref()
            .is_some_and(|n| n.starts_with("Visita reagendada de Ana Paula")));
        let undo = state.undo_change().expect("something to undo");
        assert_eq!((undo.from, undo.to, undo.undo), (after, before, true));
        let mut back = visit(50, "Ana Paula", before);
        back.changed_at = 9 << 16;
        let state = run(
            state,
            [
                AgendaAction::Saving(undo),
                AgendaAction::Saved(undo, Box::new(back)),
            ],
        );
        assert!(state.undo.is_empty());
        assert_eq!(state.undo_change(), None);
    }

    #[test]
    fn a_refusal_puts_the_visit_back_and_reloads_when_out_of_date() {
        let state = loaded();
        let change = moved(50, slot(1, 540, 600), slot(3, 540, 600));
        let refused = run(
            state,
            [
                AgendaAction::Saving(change),
                AgendaAction::Refused {
                    change,
                    message: "A visita foi alterada por outra pessoa.".into(),
                    reload: true,
                },
            ],
        );
        assert_eq!(refused.pending, None);
        assert_eq!(refused.reload, 1);
        assert!(refused.undo.is_empty());
        assert_eq!(
            refused.notice.as_deref(),
            Some("A visita foi alterada por outra pessoa.")
        );
    }

    #[test]
    fn arrows_edit_a_visit_until_enter_or_esc() {
        let state = loaded();
        let target = Target::Visit(Uuid::from_u128(50));
        let own = slot(1, 540, 600);
        let state = run(
            state,
            [
                AgendaAction::EditKey(target, own, Arrow::Down, false),
                AgendaAction::EditKey(target, own, Arrow::Right, false),
                AgendaAction::EditKey(target, own, Arrow::Down, true),
            ],
        );
        assert_eq!(state.editing, Some((target, slot(2, 555, 630))));
        assert_eq!(state.shown_slot(target, own), slot(2, 555, 630));
        let stopped = run(state, [AgendaAction::StopEditing]);
        assert_eq!(stopped.shown_slot(target, own), own);
    }

    #[test]
    fn the_keyboard_slot_starts_at_eight_and_moves_and_grows() {
        let state = run(loaded(), [AgendaAction::FirstCursor]);
        assert_eq!(state.cursor, Some(slot(1, 480, 495)));
        let state = run(
            state,
            [
                AgendaAction::CursorKey(Arrow::Right, false),
                AgendaAction::CursorKey(Arrow::Down, false),
                AgendaAction::CursorKey(Arrow::Down, true),
            ],
        );
        assert_eq!(state.cursor, Some(slot(2, 495, 525)));
        let month = run(state, [AgendaAction::View(View::Month)]);
        assert_eq!(month.cursor, None);
    }
}
