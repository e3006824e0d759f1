//! Saving a change: reviewed for clashes first, then sent to the shell (or, for the
//! wizard's work order not saved yet, handed to the wizard).
use helpdesk_api::{ErrorCode, Reschedule, RescheduleVisit};
use helpdesk_core::work_order::{fields, Slot};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::state::{AgendaAction, AgendaState, Change, ChangeAction, Review, Target};
use crate::api;

/// A change proposed by a drop, the keys or "Desfazer": nothing when it changes nothing,
/// the clash warning when it clashes, else saved at once.
pub fn propose(
    state: &UseReducerHandle<AgendaState>,
    change: Change,
    ontentative: &Option<Callback<Slot>>,
) {
    match state.review(change) {
        Review::Nothing => {}
        Review::Ask(question) => state.dispatch(AgendaAction::Change(ChangeAction::Ask(question))),
        Review::Save(change) => commit(state, change, false, ontentative),
    }
}

/// Saves `change` (`allow_clash`: the operator accepted the clash). A refusal is shown; when
/// the agenda on screen was out of date (someone else's change, a clash not loaded, a
/// technician removed) it is loaded again.
pub fn commit(
    state: &UseReducerHandle<AgendaState>,
    change: Change,
    allow_clash: bool,
    ontentative: &Option<Callback<Slot>>,
) {
    let dispatcher = state.dispatcher();
    let id = match change.target {
        Target::Tentative => {
            dispatcher.dispatch(AgendaAction::Change(ChangeAction::Dismiss));
            if let Some(ontentative) = ontentative {
                ontentative.emit(change.to);
            }
            return;
        }
        Target::Visit(id) => id,
    };
    let Some(changed_at) = state.changed_at(id) else {
        dispatcher.dispatch(AgendaAction::Change(ChangeAction::Dismiss));
        return;
    };
    dispatcher.dispatch(AgendaAction::Change(ChangeAction::Saving(change)));
    let request = Reschedule {
        visit_id: id,
        slot: change.to,
        changed_at,
        allow_clash,
    };
    spawn_local(async move {
        match api::invoke::<RescheduleVisit>(&request).await {
            Ok(visit) => dispatcher.dispatch(AgendaAction::Change(ChangeAction::Saved(
                change,
                Box::new(visit),
            ))),
            Err(error) => {
                let reload = matches!(error.code, ErrorCode::Conflict | ErrorCode::NotFound)
                    || error.field.as_deref() == Some(fields::TECHNICIAN);
                dispatcher.dispatch(AgendaAction::Change(ChangeAction::Refused {
                    change,
                    message: error.message.into(),
                    reload,
                }));
            }
        }
    });
}
