//! The keyboard on the agenda, and the slot chosen for "Agendar Ordem de Serviço": the
//! keyboard's slot on the grid, the selection, and a visit moved with the arrows but not
//! saved yet. No DOM.
use helpdesk_core::agenda::{keyboard_move, Arrow, ShownAxis};
use helpdesk_core::work_order::{Slot, MINUTE, SNAP_MINUTES};

use super::changes::{Change, Target};

/// A key, a click or a drag on the grid.
#[derive(Debug, Clone, PartialEq)]
pub enum KeyAction {
    /// The slot chosen for "Agendar Ordem de Serviço", or none.
    Select(Option<Slot>),
    /// The keyboard's slot placed, or hidden.
    Cursor(Option<Slot>),
    /// The grid took the focus: the keyboard's slot starts at
    /// [`super::AgendaState::first_cursor`].
    FirstCursor,
    /// An arrow key on the keyboard's slot (Shift: longer or shorter).
    CursorKey(Arrow, bool),
    /// An arrow key on a visit (Shift: resize); starts editing it from `slot`.
    EditKey(Target, Slot, Arrow, bool),
    /// Esc, or the edit handed on.
    StopEditing,
}

impl KeyAction {
    /// The action with a slot of one cell (a click on the grid, or Enter on the keyboard's
    /// slot as it starts) chosen for `usual_minutes`, the work order's type's usual length;
    /// a longer slot was drawn on purpose and stays. Without a type, one cell (15 minutes).
    pub fn proposing(self, usual_minutes: Option<u32>) -> Self {
        match (self, usual_minutes) {
            (KeyAction::Select(Some(slot)), Some(minutes)) if slot.minutes() == SNAP_MINUTES => {
                KeyAction::Select(Some(Slot {
                    ends_at: slot.starts_at + i64::from(minutes) * MINUTE,
                    ..slot
                }))
            }
            (action, _) => action,
        }
    }
}

/// The selection, the keyboard's slot and the visit moved with the keys.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Keyboard {
    /// The slot chosen for "Agendar Ordem de Serviço".
    pub selection: Option<Slot>,
    /// The keyboard's slot on the grid.
    pub cursor: Option<Slot>,
    /// A visit moved with the arrow keys, not saved yet (Enter saves, Esc cancels).
    pub editing: Option<(Target, Slot)>,
}

/// What the keys need to know of the rest of the agenda.
pub(super) struct Grid<'a> {
    /// How the arrows move across the view.
    pub axis: ShownAxis<'a>,
    /// Where the keyboard's slot starts.
    pub first_cursor: Option<Slot>,
    /// The change being asked about or saved.
    pub pending: Option<Change>,
}

impl Keyboard {
    /// Applies `action` on `grid`.
    pub(super) fn apply(&mut self, action: KeyAction, grid: Grid) {
        match action {
            KeyAction::Select(selection) => self.selection = selection,
            KeyAction::Cursor(cursor) => self.cursor = cursor,
            KeyAction::FirstCursor => self.cursor = grid.first_cursor,
            KeyAction::CursorKey(arrow, resize) => {
                if let Some(cursor) = self.cursor {
                    self.cursor = Some(keyboard_move(&cursor, arrow, resize, grid.axis));
                }
            }
            KeyAction::EditKey(target, own, arrow, resize) => {
                let from = self.shown_slot(target, own, grid.pending);
                let moved = keyboard_move(&from, arrow, resize, grid.axis);
                self.editing = Some((target, moved));
            }
            KeyAction::StopEditing => self.editing = None,
        }
    }

    /// The slot `target` is shown at: where the keys or a pending change put it, else `own`.
    pub(super) fn shown_slot(&self, target: Target, own: Slot, pending: Option<Change>) -> Slot {
        match (&self.editing, pending) {
            (Some((editing, slot)), _) if *editing == target => *slot,
            (_, Some(change)) if change.target == target => change.to,
            _ => own,
        }
    }
}

#[cfg(test)]
mod tests {
    use helpdesk_api::Uuid;
    use helpdesk_core::agenda::{Arrow, View};

    use super::super::test_support::*;

    #[test]
    fn a_click_proposes_the_types_usual_length_and_a_drawn_range_stays() {
        let click = KeyAction::Select(Some(slot(1, 540, 555)));
        assert_eq!(
            click.clone().proposing(Some(90)),
            KeyAction::Select(Some(slot(1, 540, 630)))
        );
        assert_eq!(click.clone().proposing(None), click, "no type: one cell");
        let drawn = KeyAction::Select(Some(slot(1, 540, 600)));
        assert_eq!(drawn.clone().proposing(Some(90)), drawn);
        assert_eq!(
            KeyAction::Select(None).proposing(Some(90)),
            KeyAction::Select(None)
        );
        let cursor = KeyAction::Cursor(Some(slot(1, 540, 555)));
        assert_eq!(cursor.clone().proposing(Some(90)), cursor);
    }

    #[test]
    fn arrows_edit_a_visit_until_enter_or_esc() {
        let state = loaded();
        let target = Target::Visit(Uuid::from_u128(50));
        let own = slot(1, 540, 600);
        let state = run(
            state,
            [
                AgendaAction::Key(KeyAction::EditKey(target, own, Arrow::Down, false)),
                AgendaAction::Key(KeyAction::EditKey(target, own, Arrow::Right, false)),
                AgendaAction::Key(KeyAction::EditKey(target, own, Arrow::Down, true)),
            ],
        );
        assert_eq!(state.keys.editing, Some((target, slot(2, 555, 630))));
        assert_eq!(state.shown_slot(target, own), slot(2, 555, 630));
        let stopped = run(state, [AgendaAction::Key(KeyAction::StopEditing)]);
        assert_eq!(stopped.shown_slot(target, own), own);
    }

    #[test]
    fn the_keyboard_slot_starts_at_eight_and_moves_and_grows() {
        let state = run(loaded(), [AgendaAction::Key(KeyAction::FirstCursor)]);
        assert_eq!(state.keys.cursor, Some(slot(1, 480, 495)));
        let state = run(
            state,
            [
                AgendaAction::Key(KeyAction::CursorKey(Arrow::Right, false)),
                AgendaAction::Key(KeyAction::CursorKey(Arrow::Down, false)),
                AgendaAction::Key(KeyAction::CursorKey(Arrow::Down, true)),
            ],
        );
        assert_eq!(state.keys.cursor, Some(slot(2, 495, 525)));
        let month = run(
            state,
            [AgendaAction::Filter(FilterAction::View(View::Month))],
        );
        assert_eq!(month.keys.cursor, None);
    }
}
