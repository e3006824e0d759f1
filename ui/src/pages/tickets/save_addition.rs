//! The "Salvar" of a dialog that adds to a saved ticket ("Nova tarefa", "Pedir OS").
use helpdesk_api::{AddToTicket, CommandError, TicketAdd, TicketAddition, Uuid};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::api;

/// Sends what `addition` makes of the dialog's form to the ticket with `AddToTicket`, `busy`
/// meanwhile: the dialog closes saying it saved (`onclose(true)`), or stays open with the
/// refusal in `errors`, at its fields, and the form as typed.
pub fn save_addition(
    ticket_id: Uuid,
    addition: impl Fn() -> TicketAddition + 'static,
    errors: UseStateHandle<Vec<CommandError>>,
    busy: UseStateHandle<bool>,
    onclose: Callback<bool>,
) -> Callback<SubmitEvent> {
    Callback::from(move |event: SubmitEvent| {
        event.prevent_default();
        let (errors, busy, onclose) = (errors.clone(), busy.clone(), onclose.clone());
        let request = TicketAdd {
            ticket_id,
            addition: addition(),
        };
        busy.set(true);
        spawn_local(async move {
            match api::invoke::<AddToTicket>(&request).await {
                Ok(()) => onclose.emit(true),
                Err(error) => errors.set(vec![error]),
            }
            busy.set(false);
        });
    })
}
