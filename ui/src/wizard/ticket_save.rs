//! Saving the ticket: "Salvar atendimento" and "Resolvido". The ticket's save discards the
//! draft, which a draft save answered later would bring back; so a save asked for while
//! draft saves are on their way waits for them and then goes by itself. The operator's
//! click is never dropped.
use helpdesk_api::{CommandError, SaveTicket, TicketSubmission};
use helpdesk_core::date::day_of;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::api;
use crate::dom::local_offset_minutes;
use crate::wizard::state::{WizardAction, WizardState};

/// The callback saving the ticket, resolved (`true`) or left open (`false`).
#[hook]
pub fn use_ticket_save(state: &UseReducerHandle<WizardState>) -> Callback<bool> {
    {
        let state = state.clone();
        let ready = state
            .ticket_save_requested
            .filter(|_| state.saves_in_flight == 0);
        use_effect_with(ready, move |ready| {
            if let Some(resolved) = *ready {
                submit(&state, resolved);
            }
        });
    }
    let state = state.clone();
    Callback::from(move |resolved: bool| {
        if state.ticket_save_pending() {
            return;
        }
        if state.saves_in_flight > 0 {
            state.dispatch(WizardAction::TicketSaveRequested(resolved));
        } else {
            submit(&state, resolved);
        }
    })
}

/// Checks the ticket (to show every reason at once; the shell checks again) and sends it.
fn submit(state: &UseReducerHandle<WizardState>, resolved: bool) {
    let offset = local_offset_minutes();
    let now = js_sys::Date::now() as i64;
    let request = TicketSubmission {
        draft: state.draft.clone(),
        resolved,
        email_context: state
            .draft
            .email
            .is_some()
            .then(|| state.email_context(now, offset)),
    };
    let dispatcher = state.dispatcher();
    if let Err(errors) = request.to_ticket(day_of(now, offset), offset) {
        let errors = errors.into_iter().map(CommandError::from).collect();
        dispatcher.dispatch(WizardAction::SaveRejected(errors));
        return;
    }
    dispatcher.dispatch(WizardAction::TicketSaveStarted);
    spawn_local(async move {
        let result = api::invoke::<SaveTicket>(&request).await;
        dispatcher.dispatch(WizardAction::TicketSaveFinished(result));
    });
}
