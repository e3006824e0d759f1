//! The ticket page's actions: "Novo contato", resolving or reopening, "Reatribuir" and
//! "Fechar" (after a confirmation). A refused action keeps what was typed and shows why at
//! its field.
use helpdesk_api::{
    Assignee, CommandError, ListAssignees, TicketAction, TicketState, TicketStatus, TicketUpdate,
    UpdateTicket, Uuid,
};
use helpdesk_core::ticket_update::{fields, MAX_FOLLOW_UP_CHARS};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::assignee_value::{assignee_of, value_of};
use super::change_type::ChangeType;
use crate::api;
use crate::components::{
    message_at, unplaced_message, Dialog, FieldError, FormError, SelectField, TextField,
};
use crate::hooks::use_command;

/// Props of [`TicketActions`].
#[derive(Properties, PartialEq)]
pub struct TicketActionsProps {
    pub ticket_id: Uuid,
    pub status: TicketStatus,
    /// Who the ticket is with now.
    pub assignee: Option<Assignee>,
    /// Its type now ("Alterar tipo" leaves it out).
    #[prop_or_default]
    pub ticket_type_id: Option<Uuid>,
    /// An action was applied: the ticket's state afterwards.
    pub onchange: Callback<TicketState>,
}

/// `section#acoes-atendimento`.
#[function_component]
pub fn TicketActions(props: &TicketActionsProps) -> Html {
    let follow_up = use_state(String::new);
    let reassign_to = use_state(String::new);
    let assignees = use_command::<ListAssignees>(());
    // Why the last action failed.
    let error = use_state(|| None::<CommandError>);
    let busy = use_state(|| false);
    let confirming = use_state(|| false);
    let load_error = assignees.error().cloned();
    let assignees = assignees.value().cloned().unwrap_or_default();

    // Sends `action`; on success `after` clears what it typed.
    let send = {
        let (error, busy, confirming, onchange) = (
            error.clone(),
            busy.clone(),
            confirming.clone(),
            props.onchange.clone(),
        );
        let ticket_id = props.ticket_id;
        Callback::from(move |(action, after): (TicketAction, Callback<()>)| {
            let (error, busy, confirming, onchange) = (
                error.clone(),
                busy.clone(),
                confirming.clone(),
                onchange.clone(),
            );
            busy.set(true);
            spawn_local(async move {
                let request = TicketUpdate { ticket_id, action };
                match api::invoke::<UpdateTicket>(&request).await {
                    Ok(state) => {
                        error.set(None);
                        after.emit(());
                        onchange.emit(state);
                    }
                    Err(failure) => error.set(Some(failure)),
                }
                confirming.set(false);
                busy.set(false);
            });
        })
    };

    let on_follow_up_input = {
        let follow_up = follow_up.clone();
        Callback::from(move |text: String| follow_up.set(text))
    };
    let on_follow_up = {
        let (send, follow_up) = (send.clone(), follow_up.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let clear = {
                let follow_up = follow_up.clone();
                Callback::from(move |()| follow_up.set(String::new()))
            };
            let action = TicketAction::FollowUp {
                description: (*follow_up).clone(),
            };
            send.emit((action, clear));
        })
    };
    let on_status = {
        let send = send.clone();
        let status = match props.status {
            TicketStatus::Open => TicketStatus::Resolved,
            _ => TicketStatus::Open,
        };
        Callback::from(move |_: MouseEvent| {
            send.emit((TicketAction::ChangeStatus { status }, Callback::noop()));
        })
    };
    let on_reassign_choice = {
        let reassign_to = reassign_to.clone();
        Callback::from(move |value: String| reassign_to.set(value))
    };
    let on_reassign = {
        let (send, reassign_to, assignees, error) = (
            send.clone(),
            reassign_to.clone(),
            assignees.clone(),
            error.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            match assignee_of(&assignees, &reassign_to) {
                Some(assignee) => {
                    let clear = {
                        let reassign_to = reassign_to.clone();
                        Callback::from(move |()| reassign_to.set(String::new()))
                    };
                    send.emit((TicketAction::Reassign { assignee }, clear));
                }
                None => error.set(Some(CommandError::at_field(
                    fields::ASSIGNEE,
                    "Escolha para quem reatribuir o atendimento.",
                ))),
            }
        })
    };
    let ask_close = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(true))
    };
    let cancel_close = {
        let confirming = confirming.clone();
        Callback::from(move |()| confirming.set(false))
    };
    let on_close = {
        let send = send.clone();
        Callback::from(move |_: MouseEvent| send.emit((TicketAction::Close, Callback::noop())))
    };

    // An action's failure is told over the assignees'.
    let errors: Vec<CommandError> = error.iter().chain(&load_error).take(1).cloned().collect();
    let at = |field: &str| message_at(&errors, field);
    let busy_now = *busy;
    html! {
        <section id="acoes-atendimento" class="ticket-actions" aria-label="Ações">
            <form class="action follow-up" onsubmit={on_follow_up}>
                <TextField
                    bare=true
                    id="novo-contato"
                    label="Novo contato"
                    field={fields::FOLLOW_UP}
                    rows={3}
                    maxlength={(MAX_FOLLOW_UP_CHARS + 100).to_string()}
                    placeholder="O que foi conversado com o cliente"
                    value={(*follow_up).clone()}
                    error={at(fields::FOLLOW_UP)}
                    oninput={on_follow_up_input}
                />
                <button id="registrar-contato" type="submit" disabled={busy_now}>
                    { "Registrar contato" }
                </button>
            </form>
            <div class="action status">
                <span class="label">{ "Situação" }</span>
                if props.status == TicketStatus::Open {
                    <button id="resolver" type="button" onclick={on_status} disabled={busy_now}>
                        { "Marcar como resolvido" }
                    </button>
                } else {
                    <button id="reabrir" type="button" onclick={on_status} disabled={busy_now}>
                        { "Reabrir" }
                    </button>
                }
                <FieldError field={fields::STATUS} message={at(fields::STATUS)} />
            </div>
            <form class="action reassign" onsubmit={on_reassign}>
                <SelectField
                    bare=true
                    id="reatribuir"
                    label="Reatribuir"
                    field={fields::ASSIGNEE}
                    error={at(fields::ASSIGNEE)}
                    onchange={on_reassign_choice}
                    after={html! {
                        <button id="confirmar-reatribuir" type="submit" disabled={busy_now}>{ "Reatribuir" }</button>
                    }}
                >
                    <option value="" selected={reassign_to.is_empty()}>{ "Escolha…" }</option>
                    { for assignees.iter().filter(|a| Some(*a) != props.assignee.as_ref()).map(|a| {
                        let value = value_of(a);
                        html! {
                            <option value={value.clone()} selected={value == *reassign_to}>{ a.describe() }</option>
                        }
                    }) }
                </SelectField>
            </form>
            <ChangeType ticket_id={props.ticket_id} ticket_type_id={props.ticket_type_id} onchange={props.onchange.clone()} />
            <div class="action close">
                <button id="fechar" type="button" class="danger" onclick={ask_close} disabled={busy_now}>
                    { "Fechar atendimento" }
                </button>
            </div>
            <FormError message={unplaced_message(&errors, &[fields::FOLLOW_UP, fields::STATUS, fields::ASSIGNEE])} />
            if *confirming {
                <Dialog id="confirmar-fechar" title="Fechar atendimento" onclose={cancel_close.clone()}>
                    <div class="dialog-body">
                        <p>{ "Um atendimento fechado não pode mais ser alterado: nenhum contato, reatribuição ou mudança de situação. Fechar?" }</p>
                    </div>
                    <div class="dialog-footer">
                        <button id="cancelar-fechamento" type="button" onclick={cancel_close.reform(|_: MouseEvent| ())}>
                            { "Cancelar" }
                        </button>
                        <button id="confirmar-fechamento" type="button" class="danger" onclick={on_close} disabled={busy_now}>
                            { "Fechar atendimento" }
                        </button>
                    </div>
                </Dialog>
            }
        </section>
    }
}
