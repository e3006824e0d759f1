//! A ticket's page: its summary, its history in order, its files and tasks, and what an
//! operator can do to it.
use helpdesk_api::{FindTicket, LoadTicketDetails, TicketState, TicketStatus, TicketSummary, Uuid};
use helpdesk_core::date::format_instant;
use helpdesk_core::support::joined;
use helpdesk_core::ticket::TicketPlanInfo;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::actions::TicketActions;
use super::attachments::TicketAttachments;
use super::history::History;
use super::new_email::NewEmail;
use super::new_task::NewTask;
use super::new_work_order::NewWorkOrder;
use super::sections::{EmailList, OriginSection, WorkOrderList};
use crate::api;
use crate::components::{FormError, SlaMark};
use crate::dom::local_offset_minutes;
use crate::hooks::use_command;
use crate::pages::tasks::TaskTable;

/// Props of [`TicketPage`].
#[derive(Properties, PartialEq)]
pub struct TicketPageProps {
    /// The ticket as the list or the lookup found it.
    pub ticket: TicketSummary,
    /// The logged-in operator ("Meu Usuário" on the agenda of "Pedir OS").
    pub operator_id: Uuid,
    /// "Voltar".
    pub onclose: Callback<()>,
}

/// `main#atendimento[data-ticket-id][data-status]`.
#[function_component]
pub fn TicketPage(props: &TicketPageProps) -> Html {
    let ticket = use_state(|| props.ticket.clone());
    // Read again after each action, for the history.
    let details = use_command::<LoadTicketDetails>(props.ticket.id);
    let onchange = {
        let (ticket, reload) = (ticket.clone(), details.reload());
        Callback::from(move |state: TicketState| {
            let mut next = (*ticket).clone();
            next.status = state.status;
            next.assignee = state.assignee;
            next.resolved_at = state.resolved_at;
            (next.ticket_type_id, next.ticket_type_name) =
                (state.ticket_type_id, state.ticket_type_name);
            next.due_at = state.due_at;
            ticket.set(next);
            reload.emit(());
        })
    };

    let offset = local_offset_minutes();
    let dash = || "—".to_owned();
    let t = &*ticket;
    let closed = t.status == TicketStatus::Closed;
    let reload = details.reload();
    // A visit's status changed, which may have resolved the ticket: read both again.
    let refresh = {
        let (ticket, reload) = (ticket.clone(), reload.clone());
        let protocol = t.protocol.to_string();
        Callback::from(move |()| {
            let (ticket, reload, protocol) = (ticket.clone(), reload.clone(), protocol.clone());
            spawn_local(async move {
                if let Ok(Some(found)) = api::invoke::<FindTicket>(&protocol).await {
                    ticket.set(found);
                }
                reload.emit(());
            });
        })
    };
    let details_shared = details.shared_value();
    // The addition whose dialog is open.
    let adding = use_state(|| None::<Addition>);
    let open = |what: Addition| {
        let adding = adding.clone();
        Callback::from(move |_: MouseEvent| adding.set(Some(what)))
    };
    let done = {
        let (adding, reload) = (adding.clone(), reload.clone());
        Callback::from(move |added: bool| {
            adding.set(None);
            if added {
                reload.emit(());
            }
        })
    };
    html! {
        <main
            id="atendimento"
            class="ticket-page"
            data-ticket-id={t.id.to_string()}
            data-status={t.status.label()}
        >
            <div class="page-header">
                <h1>{ format!("Atendimento {}", t.protocol) }</h1>
                <button id="voltar-lista" type="button" onclick={props.onclose.reform(|_: MouseEvent| ())}>
                    { "Voltar" }
                </button>
            </div>
            <dl class="facts">
                <dt>{ "Situação" }</dt><dd id="atendimento-situacao">{ t.status.label() }</dd>
                <dt>{ "Cliente" }</dt><dd>{ format!("{} · {}", t.customer_code, t.customer_name) }</dd>
                if let Some(plan) = details.value().and_then(|details| details.plan.as_ref()) {
                    <dt>{ "Plano" }</dt><dd id="atendimento-plano">{ plan_text(plan) }</dd>
                }
                <dt>{ "Tipo" }</dt><dd>{ t.ticket_type_name.clone().unwrap_or_else(dash) }</dd>
                <dt>{ "Destinado a" }</dt>
                <dd id="atendimento-destino">{ t.assignee.as_ref().map_or_else(dash, |a| a.describe()) }</dd>
                <dt>{ "Aberto em" }</dt><dd>{ format_instant(t.opened_at, offset) }</dd>
                <dt>{ "Prazo" }</dt>
                <dd id="atendimento-prazo"><SlaMark due_at={t.due_at} resolved_at={t.resolved_at} {offset} /></dd>
                if let Some(resolved) = t.resolved_at {
                    <dt>{ "Resolvido em" }</dt><dd>{ format_instant(resolved, offset) }</dd>
                }
            </dl>
            if let Some(others) = details.value().map(|details| &details.same_message).filter(|others| !others.is_empty()) {
                <p id="mensagem-tambem-atendida" class="note">
                    { format!("Mensagem também atendida no protocolo {}.", joined(others)) }
                </p>
            }
            if t.status == TicketStatus::Closed {
                <p id="atendimento-fechado" class="note">
                    { "Atendimento fechado: ele não pode mais ser alterado." }
                </p>
            } else {
                <TicketActions
                    ticket_id={t.id}
                    status={t.status}
                    assignee={t.assignee.clone()}
                    ticket_type_id={t.ticket_type_id}
                    {onchange}
                />
            }
            <FormError message={details.error_message()} />
            { match details.value() {
                None => html! { <p aria-busy="true">{ "Carregando…" }</p> },
                Some(details) => html! {
                    <>
                        if let Some(origin) = &details.origin {
                            <OriginSection origin={origin.clone()} />
                        }
                        <h2>{ "Histórico" }</h2>
                        <History events={details.history.clone()} />
                        <TicketAttachments
                            ticket_id={t.id}
                            files={details.attachments.clone()}
                            {closed}
                            onchange={reload.clone()}
                        />
                        <h2>{ "Tarefas" }</h2>
                        <TaskTable id="tarefas-atendimento" tasks={details.tasks.clone()} />
                        <h2>{ "Ordens de serviço" }</h2>
                        <WorkOrderList orders={details.work_orders.clone()} {closed} onchange={refresh} />
                        <h2>{ "E-mails" }</h2>
                        <EmailList emails={details.emails.clone()} onchange={reload.clone()} />
                        if !closed {
                            <div id="adicionar-atendimento" class="ticket-additions">
                                <button id="nova-tarefa" type="button" onclick={open(Addition::Task)}>{ "Nova tarefa" }</button>
                                <button id="enviar-email" type="button" onclick={open(Addition::Email)}>{ "Enviar E-mail" }</button>
                                <button id="pedir-os" type="button" onclick={open(Addition::WorkOrder)}>{ "Pedir OS" }</button>
                            </div>
                        }
                        if *adding == Some(Addition::Task) {
                            <NewTask ticket_id={t.id} onclose={done.clone()} />
                        }
                        if *adding == Some(Addition::WorkOrder) {
                            <NewWorkOrder
                                ticket_id={t.id}
                                customer_id={t.customer_id}
                                customer_name={t.customer_name.clone()}
                                operator_id={props.operator_id}
                                onclose={done.clone()}
                            />
                        }
                        if *adding == Some(Addition::Email) {
                            if let Some(shared) = details_shared.clone() {
                                <NewEmail ticket={t.clone()} details={shared} onclose={done.clone()} />
                            }
                        }
                    </>
                },
            } }
        </main>
    }
}

/// The addition from the page whose dialog is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Addition {
    Task,
    Email,
    WorkOrder,
}

/// "FIBRA 500M – joao.silva" for a contract, "FIBRA 500M (novo plano)" for a plan chosen in
/// the wizard.
fn plan_text(plan: &TicketPlanInfo) -> String {
    match &plan.login {
        Some(login) => format!("{} – {login}", plan.name),
        None => format!("{} (novo plano)", plan.name),
    }
}
