//! The changes the operator makes to visits: reviewed for clashes, asked about, saved, and
//! undone ("Desfazer"). No DOM and no IPC.
use helpdesk_api::{Uuid, Visit};
use helpdesk_core::date::format_instant;
use helpdesk_core::work_order::{clash_message, clashes, Slot};
use yew::AttrValue;

use super::AgendaState;

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

/// A step of a change.
#[derive(Debug, Clone, PartialEq)]
pub enum ChangeAction {
    /// What just happened, or the notice closed.
    Notice(Option<AttrValue>),
    /// A clash to ask about.
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
}

/// The change asked about or being saved, the saved ones, and what just happened.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Changes {
    /// What just happened ("Visita reagendada …", "Solte a visita dentro da agenda.").
    pub notice: Option<AttrValue>,
    pub question: Option<Question>,
    /// The change being asked about or saved, drawn in its new place meanwhile.
    pub pending: Option<Change>,
    pub undo: Vec<Undo>,
}

impl Changes {
    /// Applies `action` (`offset_minutes`: the desktop's, for the notice's hours).
    pub(super) fn apply(&mut self, action: ChangeAction, offset_minutes: i32) {
        match action {
            ChangeAction::Notice(notice) => self.notice = notice,
            ChangeAction::Ask(question) => {
                self.pending = Some(question.change);
                self.question = Some(question);
            }
            ChangeAction::Dismiss => {
                self.question = None;
                self.pending = None;
            }
            ChangeAction::Saving(change) => {
                self.question = None;
                self.pending = Some(change);
            }
            ChangeAction::Saved(change, visit) => self.saved(change, *visit, offset_minutes),
            ChangeAction::Refused {
                change, message, ..
            } => {
                self.settle(change);
                self.notice = Some(message);
            }
        }
    }

    /// `change` is no longer pending, if it was.
    fn settle(&mut self, change: Change) {
        if self.pending == Some(change) {
            self.pending = None;
        }
    }

    fn saved(&mut self, change: Change, visit: Visit, offset_minutes: i32) {
        self.settle(change);
        self.notice = Some(
            format!(
                "{} de {}: {} até {}.",
                if change.undo {
                    "Alteração desfeita"
                } else {
                    "Visita reagendada"
                },
                visit.customer_name,
                format_instant(visit.slot.starts_at, offset_minutes),
                format_instant(visit.slot.ends_at, offset_minutes),
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
}

impl AgendaState {
    /// What to do with `change`: nothing, ask about its clash, or save it.
    pub fn review(&self, change: Change) -> Review {
        if change.to == change.from {
            return Review::Nothing;
        }
        let except = match change.target {
            Target::Visit(id) => Some(id),
            Target::Tentative => None,
        };
        match self.clash(&change.to, except) {
            None => Review::Save(change),
            Some(message) => Review::Ask(Question { change, message }),
        }
    }

    /// The clash warning for a new work order at `slot`, when it clashes with the
    /// technician's visits.
    pub fn clash_at(&self, slot: &Slot) -> Option<String> {
        self.clash(slot, None)
    }

    /// The clash warning for `slot` against the loaded visits but `except`.
    fn clash(&self, slot: &Slot, except: Option<Uuid>) -> Option<String> {
        let clashing: Vec<Visit> = clashes(&self.loaded.visits, slot, except)
            .into_iter()
            .cloned()
            .collect();
        (!clashing.is_empty()).then(|| clash_message(&clashing, self.offset_minutes))
    }

    /// "Desfazer": the last saved change, taken back.
    pub fn undo_change(&self) -> Option<Change> {
        let last = self.changes.undo.last()?;
        let id = last.after.id;
        Some(Change {
            target: Target::Visit(id),
            from: self
                .loaded
                .visit(id)
                .map_or(last.after.slot, |visit| visit.slot),
            to: last.before,
            undo: true,
        })
    }

    /// The stamp to save visit `id` with: the freshest known.
    pub fn changed_at(&self, id: Uuid) -> Option<i64> {
        self.loaded
            .visit(id)
            .map(|visit| visit.changed_at)
            .or_else(|| {
                self.changes
                    .undo
                    .iter()
                    .rev()
                    .find(|entry| entry.after.id == id)
                    .map(|entry| entry.after.changed_at)
            })
    }
}

#[cfg(test)]
mod tests {
    use helpdesk_api::Uuid;

    use super::super::test_support::*;

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
        let asking = run(
            state.clone(),
            [AgendaAction::Change(ChangeAction::Ask(question))],
        );
        assert_eq!(
            asking.shown_slot(Target::Visit(Uuid::from_u128(51)), bruno),
            slot(1, 570, 630),
            "drawn where it was dropped while asking"
        );
        let cancelled = run(asking, [AgendaAction::Change(ChangeAction::Dismiss)]);
        assert_eq!(cancelled.changes.question, None);
        assert_eq!(
            cancelled.shown_slot(Target::Visit(Uuid::from_u128(51)), bruno),
            bruno
        );
        assert_eq!(state.review(moved(51, bruno, bruno)), Review::Nothing);
        let elsewhere = moved(51, bruno, slot(2, 570, 630));
        assert_eq!(state.review(elsewhere), Review::Save(elsewhere));
    }

    #[test]
    fn a_slot_on_a_visit_warns_of_the_clash() {
        let state = loaded();
        let warning = state.clash_at(&slot(1, 570, 630));
        assert!(
            warning.as_deref().is_some_and(|w| w.contains("Ana Paula")),
            "{warning:?}"
        );
        assert_eq!(
            state.clash_at(&slot(2, 570, 630)),
            None,
            "another technician"
        );
        assert_eq!(
            state.clash_at(&slot(1, 600, 660)),
            None,
            "between the visits"
        );
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
                AgendaAction::Change(ChangeAction::Saving(change)),
                AgendaAction::Change(ChangeAction::Saved(change, Box::new(saved))),
            ],
        );
        assert_eq!(state.changes.pending, None);
        assert_eq!(
            state.loaded.visit(Uuid::from_u128(50)).map(|v| v.slot),
            Some(after)
        );
        assert_eq!(state.changed_at(Uuid::from_u128(50)), Some(8 << 16));
        assert!(state
            .changes
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
                AgendaAction::Change(ChangeAction::Saving(undo)),
                AgendaAction::Change(ChangeAction::Saved(undo, Box::new(back))),
            ],
        );
        assert!(state.changes.undo.is_empty());
        assert_eq!(state.undo_change(), None);
    }

    #[test]
    fn a_refusal_puts_the_visit_back_and_reloads_when_out_of_date() {
        let state = loaded();
        let change = moved(50, slot(1, 540, 600), slot(3, 540, 600));
        let refused = run(
            state,
            [
                AgendaAction::Change(ChangeAction::Saving(change)),
                AgendaAction::Change(ChangeAction::Refused {
                    change,
                    message: "A visita foi alterada por outra pessoa.".into(),
                    reload: true,
                }),
            ],
        );
        assert_eq!(refused.changes.pending, None);
        assert_eq!(refused.loaded.reload, 1);
        assert!(refused.changes.undo.is_empty());
        assert_eq!(
            refused.changes.notice.as_deref(),
            Some("A visita foi alterada por outra pessoa.")
        );
    }
}
