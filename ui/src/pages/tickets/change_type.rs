//! "Alterar tipo": the ticket given another active type. Its routing and SLA follow: the
//! store sends it to the type's destination (a type destined to nobody leaves it where it
//! is) and counts its due time again from its opening. The new due time is shown here, and
//! the page's summary follows through `onchange`.
use helpdesk_api::{ListTicketTypes, TicketAction, TicketState, TicketUpdate, UpdateTicket, Uuid};
use helpdesk_core::date::format_instant;
use helpdesk_core::form::FieldError;
use helpdesk_core::ticket_update::fields;
use yew::prelude::*;

use crate::components::{FormError, SelectField};
use crate::dom::local_offset_minutes;
use crate::hooks::{use_command, use_submit};

/// Props of [`ChangeType`].
#[derive(Properties, PartialEq)]
pub struct ChangeTypeProps {
    pub ticket_id: Uuid,
    /// The ticket's type now, left out of the choices.
    #[prop_or_default]
    pub ticket_type_id: Option<Uuid>,
    /// The type was changed: the ticket's state afterwards.
    pub onchange: Callback<TicketState>,
}

/// `form.change-type`: `select#alterar-tipo` of the active types and `button#salvar-tipo`;
/// after a change, `p#novo-prazo` tells the new type and due time.
#[function_component]
pub fn ChangeType(props: &ChangeTypeProps) -> Html {
    let types = use_command::<ListTicketTypes>(());
    let chosen = use_state(String::new);
    let changed = use_state(|| None::<TicketState>);
    let submit = use_submit::<UpdateTicket>();
    // After a change, the type it has now.
    let current = changed
        .as_ref()
        .and_then(|state| state.ticket_type_id)
        .or(props.ticket_type_id);

    let on_choice = {
        let (chosen, submit) = (chosen.clone(), submit.clone());
        Callback::from(move |value: String| {
            submit.edited(fields::TICKET_TYPE);
            chosen.set(value);
        })
    };
    let onsubmit = {
        let (chosen, changed, submit) = (chosen.clone(), changed.clone(), submit.clone());
        let (ticket_id, onchange) = (props.ticket_id, props.onchange.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let picked = chosen.parse::<Uuid>().ok();
            let found = match picked {
                Some(_) => Vec::new(),
                None => vec![FieldError::new(
                    fields::TICKET_TYPE,
                    "Escolha o novo tipo do atendimento.",
                )],
            };
            let request = TicketUpdate {
                ticket_id,
                action: TicketAction::ChangeType {
                    ticket_type_id: picked.unwrap_or_default(),
                },
            };
            let onsent = {
                let (chosen, changed, onchange) =
                    (chosen.clone(), changed.clone(), onchange.clone());
                Callback::from(move |state: TicketState| {
                    chosen.set(String::new());
                    changed.set(Some(state.clone()));
                    onchange.emit(state);
                })
            };
            submit.send(request, found, onsent);
        })
    };

    let choices: Vec<_> = types
        .value()
        .into_iter()
        .flatten()
        .filter(|kind| kind.is_assignable() && Some(kind.id) != current)
        .collect();
    html! {
        <form class="action change-type" {onsubmit}>
            <SelectField
                bare=true
                id="alterar-tipo"
                label="Alterar tipo"
                field={fields::TICKET_TYPE}
                error={submit.error(fields::TICKET_TYPE)}
                onchange={on_choice}
                after={html! {
                    <button id="salvar-tipo" type="submit" disabled={submit.sending()}>{ "Salvar" }</button>
                }}
            >
                <option value="" selected={chosen.is_empty()}>{ "Escolha…" }</option>
                { for choices.iter().map(|kind| {
                    let value = kind.id.to_string();
                    html! {
                        <option key={value.clone()} value={value.clone()} selected={value == *chosen}>
                            { format!("{} ({} h)", kind.name, kind.sla_hours) }
                        </option>
                    }
                }) }
            </SelectField>
            if let Some(state) = changed.as_ref() {
                <p id="novo-prazo" class="note">
                    { format!(
                        "Tipo alterado para {}. Novo prazo: {}.",
                        state.ticket_type_name.clone().unwrap_or_default(),
                        state.due_at.map_or_else(|| "sem prazo".to_owned(), |due| format_instant(due, local_offset_minutes())),
                    ) }
                </p>
            }
            <FormError message={submit.unplaced(&[fields::TICKET_TYPE]).or_else(|| types.error_message())} />
        </form>
    }
}
