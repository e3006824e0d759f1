//! "Localizar Reg.": the chosen sender's messages, newest first, and the customer's own
//! report of the problem beside the list.
use helpdesk_api::SupportMessage;
use helpdesk_core::date::format_instant;
use helpdesk_core::support::{MessagePeriod, MessageQuery};
use helpdesk_core::wizard::fields;
use yew::prelude::*;

use crate::components::{FieldError, FormError};
use crate::dom::local_offset_minutes;
use crate::fetched::{Direction, Fetched};
use crate::wizard::state::FindMessageAction;

/// Props of [`FindMessageStep`].
#[derive(Properties, PartialEq)]
pub struct FindMessageStepProps {
    /// The sender's messages.
    pub messages: Fetched<MessageQuery, Vec<SupportMessage>>,
    /// The message chosen.
    pub chosen: Option<SupportMessage>,
    /// Why "Avançar" refused: no message chosen.
    pub error: Option<AttrValue>,
    pub onaction: Callback<FindMessageAction>,
}

/// The message list and the chosen message's text.
#[function_component]
pub fn FindMessageStep(props: &FindMessageStepProps) -> Html {
    let messages = &props.messages;
    let offset = local_offset_minutes();
    let chosen = props.chosen.as_ref();

    let heading = messages.request.as_ref().map(|query| {
        let period = match query.period {
            MessagePeriod::LastDays(days) => format!("nos últimos {days} dia(s)"),
            MessagePeriod::Between { start, end } => format!(
                "de {} a {}",
                helpdesk_core::date::format_date(start),
                helpdesk_core::date::format_date(end)
            ),
        };
        format!("Mensagens de {} {period}", query.email)
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
    let row = |(index, message): (usize, &SupportMessage)| {
        let onclick = props
            .onaction
            .reform(move |_: MouseEvent| FindMessageAction::Select(index));
        let classes = classes!(
            (chosen.map(|m| m.id) == Some(message.id)).then_some("selected"),
            (messages.highlighted == Some(index)).then_some("highlighted"),
        );
        html! {
            <tr key={message.id.to_string()} data-message-id={message.id.to_string()} class={classes} {onclick}>
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
                <p id="mensagens-contagem" class="count">{ format!("{} mensagem(ns)", rows.len()) }</p>
                <div class="table-scroll">
                    <table id="mensagens" class="grid" tabindex="0" {onkeydown}>
                        <thead>
                            <tr><th>{ "Data" }</th><th>{ "Assunto" }</th><th>{ "Login" }</th></tr>
                        </thead>
                        <tbody>{ for rows.iter().enumerate().map(row) }</tbody>
                    </table>
                </div>
            </>
        },
    };

    html! {
        <div class="find-message">
            if let Some(heading) = heading {
                <p class="query-heading">{ heading }</p>
            }
            <FormError message={messages.error.as_ref().map(|e| AttrValue::from(e.message.clone()))} />
            <div class="split">
                <div class="split-main">{ list }</div>
                <aside id="relato" class="report" aria-live="polite">
                    <h3>{ "Relato do cliente" }</h3>
                    { match chosen {
                        Some(message) => html! {
                            <>
                                <p class="report-meta">
                                    <span class="report-subject">{ message.subject.clone() }</span>
                                    <span>{ format!("{} · {}", message.email, format_instant(message.received_at, offset)) }</span>
                                </p>
                                <p id="relato-texto" class="report-body">{ message.body.clone() }</p>
                            </>
                        },
                        None => html! { <p class="muted">{ "Selecione uma mensagem para ver o relato." }</p> },
                    } }
                </aside>
            </div>
            <FieldError field={fields::MESSAGE} message={props.error.clone()} />
        </div>
    }
}
