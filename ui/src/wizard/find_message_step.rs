//! "Localizar Reg.": the period's messages (of the chosen sender, or all; for origin "E-mail"
//! only those that came by mail), each with where it stands, new ones first; the customer's
//! own report of the problem beside the list (`MessageReport`); and,
//! for a message already handled, a warning that offers its ticket.
use helpdesk_api::{FindTicket, ListedMessage, TicketSummary};
use helpdesk_core::date::format_instant;
use helpdesk_core::plural;
use helpdesk_core::protocol::Protocol;
use helpdesk_core::support::{MessagePeriod, MessageQuery, MessageState};
use helpdesk_core::wizard::fields;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::api;
use crate::components::{Dialog, FieldError, FormError};
use crate::dom::local_offset_minutes;
use crate::fetched::{Direction, Fetched};
use crate::pages::TicketPage;
use crate::wizard::message_report::MessageReport;
use crate::wizard::state::FindMessageAction;

/// Props of [`FindMessageStep`].
#[derive(Properties, PartialEq)]
pub struct FindMessageStepProps {
    /// The period's messages.
    pub messages: Fetched<MessageQuery, Vec<ListedMessage>>,
    /// The message selected whose warning is shown.
    pub warned: Option<ListedMessage>,
    /// The message chosen.
    pub chosen: Option<helpdesk_api::SupportMessage>,
    /// Why "Avançar" refused: no message chosen.
    pub error: Option<AttrValue>,
    /// The logged-in operator, for the ticket opened from the warning.
    pub operator_id: helpdesk_api::Uuid,
    pub onaction: Callback<FindMessageAction>,
}

/// The message list and the chosen message's text.
#[function_component]
pub fn FindMessageStep(props: &FindMessageStepProps) -> Html {
    let messages = &props.messages;
    let offset = local_offset_minutes();
    let chosen = props.chosen.as_ref();
    let warned = props.warned.as_ref().map(|listed| listed.message.id);
    // The ticket opened from the warning, over the wizard; or why it could not be.
    let opened = use_state(|| None::<TicketSummary>);
    let open_error = use_state(|| None::<AttrValue>);

    let heading = messages.request.as_ref().map(|query| {
        let period = match query.period {
            MessagePeriod::LastDays(1) => "no último dia".to_owned(),
            MessagePeriod::LastDays(days) => {
                format!("nos últimos {}", plural::count(days, "dia", "dias"))
            }
            MessagePeriod::Between { start, end } => format!(
                "de {} a {}",
                helpdesk_core::date::format_date(start),
                helpdesk_core::date::format_date(end)
            ),
        };
        let by_mail = if query.mail_only {
            " recebidas por e-mail"
        } else {
            ""
        };
        match &query.email {
            Some(email) => format!("Mensagens de {email}{by_mail} {period}"),
            None => format!("Todas as mensagens{by_mail} {period}, as novas primeiro"),
        }
    });
    let onkeydown = {
        let onaction = props.onaction.clone();
        Callback::from(move |event: KeyboardEvent| {
            let direction = match event.key().as_str() {
                "ArrowDown" => Direction::Down,
                "ArrowUp" => Direction::Up,
                _ => return,
            };
            event.prevent_default();
            onaction.emit(FindMessageAction::Move(direction));
        })
    };
    let row = |(index, listed): (usize, &ListedMessage)| {
        let message = &listed.message;
        let onclick = props
            .onaction
            .reform(move |_: MouseEvent| FindMessageAction::Select(index));
        let classes = classes!(
            (chosen.map(|m| m.id) == Some(message.id)).then_some("selected"),
            (messages.highlighted == Some(index)).then_some("highlighted"),
            (warned == Some(message.id)).then_some("warned"),
        );
        html! {
            <tr
                key={message.id.to_string()}
                data-message-id={message.id.to_string()}
                data-state={state_code(&listed.state)}
                class={classes}
                {onclick}
            >
                <td>{ state_badge(&listed.state) }</td>
                <td class="nowrap">{ format_instant(message.received_at, offset) }</td>
                <td>{ message.subject.clone() }</td>
                <td>{ message.login.clone() }</td>
            </tr>
        }
    };

    let list = match &messages.value {
        _ if messages.loading => html! { <p class="count" aria-busy="true">{ "Carregando…" }</p> },
        None => html! {},
        Some(rows) if rows.is_empty() => html! {
            <p id="mensagens-contagem" class="count">
                { "Nenhuma mensagem encontrada. Volte aos Filtros para mudar o período ou o e-mail." }
            </p>
        },
        Some(rows) => html! {
            <>
                <p id="mensagens-contagem" class="count">{ plural::count(rows.len(), "mensagem", "mensagens") }</p>
                <div class="table-scroll">
                    <table id="mensagens" class="grid" tabindex="0" {onkeydown}>
                        <thead>
                            <tr>
                                <th>{ "Situação" }</th><th>{ "Data" }</th>
                                <th>{ "Assunto" }</th><th>{ "Login" }</th>
                            </tr>
                        </thead>
                        <tbody>{ for rows.iter().enumerate().map(row) }</tbody>
                    </table>
                </div>
            </>
        },
    };
    let open = |protocol: Protocol| {
        let (opened, open_error) = (opened.clone(), open_error.clone());
        Callback::from(move |_: MouseEvent| {
            let (opened, open_error) = (opened.clone(), open_error.clone());
            spawn_local(async move {
                match api::invoke::<FindTicket>(&protocol.to_string()).await {
                    Ok(Some(ticket)) => opened.set(Some(ticket)),
                    Ok(None) => open_error.set(Some(
                        format!("O atendimento {protocol} não foi encontrado.").into(),
                    )),
                    Err(error) => open_error.set(Some(error.message.into())),
                }
            });
        })
    };
    let warning = props.warned.as_ref().and_then(|listed| {
        let text = listed.state.warning()?;
        let protocols = match &listed.state {
            MessageState::Handled(protocols) => protocols.clone(),
            _ => Vec::new(),
        };
        Some(html! {
            <div id="mensagem-aviso" class="message-warning" role="alert">
                <p>{ text }</p>
                <div class="message-warning-actions">
                    { for protocols.into_iter().map(|protocol| html! {
                        <button
                            type="button"
                            class="abrir-atendimento-mensagem"
                            data-protocol={protocol.to_string()}
                            onclick={open(protocol)}
                        >
                            { format!("Abrir atendimento {protocol}") }
                        </button>
                    }) }
                    <button
                        id="atender-mesmo-assim"
                        type="button"
                        onclick={props.onaction.reform(|_: MouseEvent| FindMessageAction::Confirm)}
                    >
                        { "Atender mesmo assim" }
                    </button>
                </div>
                <FormError message={(*open_error).clone()} />
            </div>
        })
    });
    // The report shown: the message warned about, else the one chosen.
    let shown = props
        .warned
        .as_ref()
        .map(|listed| &listed.message)
        .or(chosen);

    html! {
        <div class="find-message">
            if let Some(heading) = heading {
                <p class="query-heading">{ heading }</p>
            }
            <FormError message={messages.error.as_ref().map(|e| AttrValue::from(e.message.clone()))} />
            { warning.unwrap_or_default() }
            <div class="split">
                <div class="split-main">{ list }</div>
                <aside id="relato" class="report" aria-live="polite">
                    <h3>{ "Relato do cliente" }</h3>
                    { match shown {
                        Some(message) => html! { <MessageReport message={message.clone()} /> },
                        None => html! { <p class="muted">{ "Selecione uma mensagem para ver o relato." }</p> },
                    } }
                </aside>
            </div>
            <FieldError field={fields::MESSAGE} message={props.error.clone()} />
            if let Some(ticket) = (*opened).clone() {
                <Dialog
                    id="atendimento-da-mensagem"
                    title="Atendimento da mensagem"
                    onclose={let opened = opened.clone(); Callback::from(move |()| opened.set(None))}
                >
                    <div class="dialog-body">
                        <TicketPage
                            ticket={ticket.clone()}
                            operator_id={props.operator_id}
                            onclose={let opened = opened.clone(); Callback::from(move |()| opened.set(None))}
                        />
                    </div>
                </Dialog>
            }
        </div>
    }
}

/// `data-state` of a row: "novo", "em-atendimento" or "atendido".
fn state_code(state: &MessageState) -> &'static str {
    match state {
        MessageState::New => "novo",
        MessageState::Taken { .. } => "em-atendimento",
        MessageState::Handled(_) => "atendido",
    }
}

/// "Novo", "Em atendimento (…)" or "Atendido (…)" as a badge.
fn state_badge(state: &MessageState) -> Html {
    let class = match state {
        MessageState::New => "badge badge-ok",
        MessageState::Taken { .. } => "badge badge-warning",
        MessageState::Handled(_) => "badge",
    };
    html! { <span class="message-state"><span {class}>{ state.label() }</span></span> }
}
