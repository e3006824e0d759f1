//! The ticket page's sections read from its details: where it came from (origin, the
//! originating message, routing point, problem), its work orders ("Alterar status" opening
//! the visit's status dialog) and its e-mails with their state ("Reenviar" and "Cancelar" on
//! a failed one).
use helpdesk_api::{
    CancelEmail, CommandError, ErrorCode, LoadWorkOrder, OutboxState, ResendEmail, TicketEmailLine,
    TicketOrigin, TicketWorkOrder, Uuid, WorkOrderLine,
};
use helpdesk_core::date::format_instant;
use helpdesk_core::work_order_life::VISIT_GONE;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::api;
use crate::components::FormError;
use crate::dom::local_offset_minutes;
use crate::pages::work_orders::StatusDialog;

/// Props of [`OriginSection`].
#[derive(Properties, PartialEq)]
pub struct OriginSectionProps {
    pub origin: TicketOrigin,
}

/// `section#atendimento-origem`: origin, routing point, problem, the originating message.
#[function_component]
pub fn OriginSection(props: &OriginSectionProps) -> Html {
    let offset = local_offset_minutes();
    let origin = &props.origin;
    html! {
        <section id="atendimento-origem" aria-label="Origem">
            <h2>{ "Origem" }</h2>
            <dl class="facts">
                <dt>{ "Origem" }</dt>
                <dd id="atendimento-origem-tipo">{ origin.origin.map_or("—", |origin| origin.label()) }</dd>
                if let Some(point) = &origin.routing_point {
                    <dt>{ "Ponto de roteamento" }</dt><dd id="atendimento-ponto">{ point.clone() }</dd>
                }
                <dt>{ "Problema" }</dt><dd id="atendimento-problema">{ origin.problem.clone() }</dd>
            </dl>
            if let Some(message) = &origin.message {
                <div id="mensagem-origem" class="origin-message">
                    <p>
                        <strong>{ message.subject.clone() }</strong>
                        <span class="muted">
                            { format!(" · {} · {}", message.sender, format_instant(message.received_at, offset)) }
                        </span>
                    </p>
                    <p class="message-body">{ message.body.clone() }</p>
                </div>
            }
        </section>
    }
}

/// Props of [`WorkOrderList`].
#[derive(Properties, PartialEq)]
pub struct WorkOrderListProps {
    pub orders: Vec<TicketWorkOrder>,
    /// The ticket is closed: its visits are shown, not changed.
    pub closed: bool,
    /// A visit's status changed.
    pub onchange: Callback<()>,
}

/// `ul#ordens-servico` with an `li[data-work-order-id]` per work order: type, technician,
/// status, the scheduled time and the actual one, and in `span.work-order-actions` "Alterar
/// status", which loads the visit as stored and opens its status dialog.
#[function_component]
pub fn WorkOrderList(props: &WorkOrderListProps) -> Html {
    let offset = local_offset_minutes();
    let open = use_state(|| None::<WorkOrderLine>);
    let error = use_state(|| None::<CommandError>);
    if props.orders.is_empty() {
        return html! { <p id="ordens-servico-vazio" class="empty">{ "Nenhuma ordem de serviço." }</p> };
    }
    let opener = |id: Uuid| {
        let (open, error) = (open.clone(), error.clone());
        Callback::from(move |_: MouseEvent| {
            let (open, error) = (open.clone(), error.clone());
            spawn_local(async move {
                match api::invoke::<LoadWorkOrder>(&id).await {
                    Ok(Some(line)) => {
                        error.set(None);
                        open.set(Some(line));
                    }
                    Ok(None) => error.set(Some(CommandError::new(ErrorCode::NotFound, VISIT_GONE))),
                    Err(failure) => error.set(Some(failure)),
                }
            });
        })
    };
    let onclose_dialog = {
        let open = open.clone();
        Callback::from(move |()| open.set(None))
    };
    let ondone = {
        let (open, onchange) = (open.clone(), props.onchange.clone());
        Callback::from(move |_: WorkOrderLine| {
            open.set(None);
            onchange.emit(());
        })
    };
    html! {
        <>
            <ul id="ordens-servico" class="work-orders">
                { for props.orders.iter().map(|order| {
                    let actual = match (order.started_at, order.finished_at) {
                        (Some(start), Some(end)) => format!(" · realizada {}–{}", format_instant(start, offset), format_instant(end, offset)),
                        (Some(start), None) => format!(" · iniciada {}", format_instant(start, offset)),
                        _ => String::new(),
                    };
                    html! {
                        <li key={order.id.to_string()} data-work-order-id={order.id.to_string()}>
                            <strong>{ order.type_name.clone() }</strong>
                            { format!(" · {} · {} · {}–{}{actual}", order.technician_name, order.status_name,
                                format_instant(order.starts_at, offset), format_instant(order.ends_at, offset)) }
                            <span class="work-order-actions">
                                if !props.closed {
                                    <button type="button" class="alterar-status-os" onclick={opener(order.id)}>
                                        { "Alterar status" }
                                    </button>
                                }
                            </span>
                        </li>
                    }
                }) }
            </ul>
            <FormError message={error.as_ref().map(|e| AttrValue::from(e.message.clone()))} />
            if let Some(line) = &*open {
                <StatusDialog key={line.visit.id.to_string()} line={line.clone()}
                    onclose={onclose_dialog} {ondone} />
            }
        </>
    }
}

/// Props of [`EmailList`].
#[derive(Properties, PartialEq)]
pub struct EmailListProps {
    pub emails: Vec<TicketEmailLine>,
    /// A failed e-mail was resent or cancelled: read the details again.
    pub onchange: Callback<()>,
}

/// `ul#emails-atendimento` with an `li[data-email-id][data-state]` per e-mail; a failed one
/// has "Reenviar" and "Cancelar".
#[function_component]
pub fn EmailList(props: &EmailListProps) -> Html {
    let error = use_state(|| None::<CommandError>);
    let busy = use_state(|| false);
    let offset = local_offset_minutes();
    if props.emails.is_empty() {
        return html! { <p id="emails-vazio" class="empty">{ "Nenhum e-mail enviado." }</p> };
    }
    let act = |id: Uuid, resend: bool| {
        let (error, busy, onchange) = (error.clone(), busy.clone(), props.onchange.clone());
        Callback::from(move |_: MouseEvent| {
            let (error, busy, onchange) = (error.clone(), busy.clone(), onchange.clone());
            busy.set(true);
            spawn_local(async move {
                let result = if resend {
                    api::invoke::<ResendEmail>(&id).await
                } else {
                    api::invoke::<CancelEmail>(&id).await
                };
                busy.set(false);
                match result {
                    Ok(()) => error.set(None),
                    Err(failure) => error.set(Some(failure)),
                }
                onchange.emit(());
            });
        })
    };
    html! {
        <>
            <ul id="emails-atendimento" class="emails">
                { for props.emails.iter().map(|email| html! {
                    <li key={email.id.to_string()} data-email-id={email.id.to_string()} data-state={email.state.label()}>
                        <strong>{ email.subject.clone() }</strong>
                        { format!(" · {} · {}", email.to.join(", "), format_instant(email.queued_at, offset)) }
                        <span class="email-state">{ format!(" · {}", email.state_text()) }</span>
                        if email.state == OutboxState::Failed {
                            <button type="button" class="reenviar-email" disabled={*busy} onclick={act(email.id, true)}>
                                { "Reenviar" }
                            </button>
                            <button type="button" class="cancelar-email link" disabled={*busy} onclick={act(email.id, false)}>
                                { "Cancelar" }
                            </button>
                        }
                    </li>
                }) }
            </ul>
            <FormError message={error.as_ref().map(|e| AttrValue::from(e.message.clone()))} />
        </>
    }
}
