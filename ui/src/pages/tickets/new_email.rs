//! "Enviar E-mail" from the ticket's page: the wizard's e-mail form ([`EmailStep`], with its
//! reducer [`EmailState`]) in a dialog over a draft of its own, sent as an addition to the
//! ticket into the same outbox. A ticket answering a support message writes to its sender
//! (as the wizard's e-mail does), and the shell threads it.
use std::rc::Rc;

use chrono::DateTime;
use helpdesk_api::{
    AddToTicket, CommandError, CustomerRecord, EmailContext, ListEmailTemplates, LoadCustomer,
    TicketAdd, TicketAddition, TicketDetails, TicketSummary,
};
use helpdesk_core::email::{fields, EmailDraft, VisitInfo};
use helpdesk_core::wizard::WizardDraft;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::api;
use crate::components::{unplaced_message, Dialog, FormError};
use crate::dom::local_offset_minutes;
use crate::hooks::use_command;
use crate::wizard::email_step::EmailStep;
use crate::wizard::state::{listed_addresses, EmailAction, EmailState, StepContext};

/// The e-mail being composed: a draft holding only it, the messages at its fields.
#[derive(Debug, Clone, PartialEq, Default)]
struct Compose {
    draft: WizardDraft,
    errors: Vec<CommandError>,
    attaching: bool,
    email: EmailState,
}

/// An action on the e-mail, with the customer's record its addresses come from.
struct Step(EmailAction, Option<Rc<CustomerRecord>>);

impl Reducible for Compose {
    type Action = Step;

    fn reduce(self: Rc<Self>, Step(action, record): Step) -> Rc<Self> {
        let mut next = (*self).clone();
        let Compose {
            draft,
            errors,
            attaching,
            email,
        } = &mut next;
        let mut context = StepContext::new(draft, errors, attaching);
        email.apply(action, &mut context, record.as_deref());
        Rc::new(next)
    }
}

/// Props of [`NewEmail`].
#[derive(Properties, PartialEq)]
pub struct NewEmailProps {
    pub ticket: TicketSummary,
    pub details: Rc<TicketDetails>,
    /// Queued, or closed without one.
    pub onclose: Callback<bool>,
}

/// `#novo-email-dialogo`.
#[function_component]
pub fn NewEmail(props: &NewEmailProps) -> Html {
    let sender = props
        .details
        .origin
        .as_ref()
        .and_then(|origin| origin.message.as_ref())
        .map(|message| message.sender.trim().to_owned())
        .filter(|sender| !sender.is_empty());
    let compose = use_reducer(move || {
        let mut draft = WizardDraft::default();
        draft.email = Some(EmailDraft {
            recipients: sender.into_iter().collect(),
            ..EmailDraft::default()
        });
        Compose {
            draft,
            ..Compose::default()
        }
    });
    let record = use_command::<LoadCustomer>(props.ticket.customer_id);
    let record_value = record.shared_value();
    let busy = use_state(|| false);
    let dispatch = {
        let (compose, record_value) = (compose.dispatcher(), record_value.clone());
        Callback::from(move |action: EmailAction| {
            compose.dispatch(Step(action, record_value.clone()))
        })
    };
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |()| {
            dispatch.emit(EmailAction::TemplatesStarted);
            spawn_local(async move {
                let result = api::invoke::<ListEmailTemplates>(&()).await;
                dispatch.emit(EmailAction::TemplatesFinished(result));
            });
        });
    }
    let onclose = props.onclose.reform(|()| false);
    let onaction = {
        let (dispatch, onclose) = (dispatch.clone(), onclose.clone());
        Callback::from(move |action: EmailAction| match action {
            EmailAction::Remove => onclose.emit(()),
            other => dispatch.emit(other),
        })
    };
    let context = email_context(&props.ticket, &props.details);
    let onsend = {
        let (compose, busy, onclose, dispatch) = (
            compose.clone(),
            busy.clone(),
            props.onclose.clone(),
            dispatch.clone(),
        );
        let (ticket_id, context) = (props.ticket.id, context.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(draft) = compose.draft.email.clone() else {
                return;
            };
            let (busy, onclose, dispatch) = (busy.clone(), onclose.clone(), dispatch.clone());
            let request = TicketAdd {
                ticket_id,
                addition: TicketAddition::Email {
                    draft: Box::new(draft),
                    context: Box::new(context.clone()),
                },
            };
            busy.set(true);
            spawn_local(async move {
                match api::invoke::<AddToTicket>(&request).await {
                    Ok(()) => onclose.emit(true),
                    Err(error) => dispatch.emit(EmailAction::Checked(vec![error])),
                }
                busy.set(false);
            });
        })
    };
    let listed = record.value().map(listed_addresses).unwrap_or_default();
    let files: Vec<_> = Vec::new();
    html! {
        <Dialog id="novo-email-dialogo" title="Enviar E-mail" onclose={onclose.clone()}>
            <div class="dialog-body">
                <EmailStep
                    email={compose.draft.email.clone()}
                    {listed}
                    record_loading={record.loading()}
                    state={compose.email.clone()}
                    errors={compose.errors.clone()}
                    ticket_files={files}
                    attaching={compose.attaching}
                    {context}
                    {onaction}
                />
                <FormError message={unplaced_message(&compose.errors, &EMAIL_FIELDS)} />
            </div>
            <div class="dialog-footer">
                <button id="novo-email-cancelar" type="button" onclick={onclose.reform(|_: MouseEvent| ())}>
                    { "Cancelar" }
                </button>
                <button id="novo-email-enviar" type="button" class="primary" disabled={*busy} onclick={onsend}>
                    { "Enviar" }
                </button>
            </div>
        </Dialog>
    }
}

/// The e-mail's fields, whose messages the form shows itself.
const EMAIL_FIELDS: [&str; 5] = [
    fields::RECIPIENTS,
    fields::TEMPLATE,
    fields::SUBJECT,
    fields::BODY,
    fields::ATTACHMENTS,
];

/// What the placeholders are filled with: the ticket as its page shows it (the shell puts
/// in the protocol, customer, problem and operator as stored).
fn email_context(ticket: &TicketSummary, details: &TicketDetails) -> EmailContext {
    let offset = local_offset_minutes();
    let local = |millis: i64| {
        DateTime::from_timestamp_millis(millis + i64::from(offset) * 60_000)
            .unwrap_or_default()
            .naive_utc()
    };
    let now = js_sys::Date::now() as i64;
    EmailContext {
        customer: ticket.customer_name.clone(),
        protocol: ticket.protocol.to_string(),
        contacted_at: local(now),
        plan: details
            .plan
            .as_ref()
            .map(|plan| plan.name.clone())
            .unwrap_or_default(),
        problem: details
            .origin
            .as_ref()
            .map(|origin| origin.problem.clone())
            .unwrap_or_default(),
        visit: details.work_orders.last().map(|order| VisitInfo {
            starts_at: local(order.starts_at),
            ends_at: local(order.ends_at),
            technician: order.technician_name.clone(),
        }),
        operator: String::new(),
        ticket_type: ticket.ticket_type_name.clone().unwrap_or_default(),
    }
}
