//! The step on screen. Each step's component is given its part of the wizard's state (its
//! slice of the draft, its own state, the messages at its fields) and a callback for its own
//! actions, never the whole reducer.
use helpdesk_api::Uuid;
use helpdesk_core::wizard::{fields, Step};
use yew::prelude::*;

use crate::components::message_at;
use crate::dom::local_offset_minutes;
use crate::wizard::attachment_step::AttachmentStep;
use crate::wizard::customer_data_step::CustomerDataStep;
use crate::wizard::email_step::EmailStep;
use crate::wizard::filters_step::FiltersStep;
use crate::wizard::find_customer_step::FindCustomerStep;
use crate::wizard::find_message_step::FindMessageStep;
use crate::wizard::first_contact_step::{Extras, FirstContactStep};
use crate::wizard::origin_step::OriginStep;
use crate::wizard::pending_step::PendingStep;
use crate::wizard::script_report_step::ScriptReportStep;
use crate::wizard::script_step::ScriptStep;
use crate::wizard::state::{
    listed_addresses, topic, CustomerDataAction, WizardAction, WizardState, WorkOrderAction,
};
use crate::wizard::task_step::TaskStep;
use crate::wizard::ticket_data_step::TicketDataStep;
use crate::wizard::work_order_step::WorkOrderStep;

/// The current step's component; `onsave` saves the ticket, `operator_id` is the logged-in
/// operator.
pub fn current_step(
    state: &UseReducerHandle<WizardState>,
    operator_id: Uuid,
    onsave: &Callback<bool>,
) -> Html {
    let draft = &state.draft;
    let errors = &state.advance_errors;
    let record_error = || {
        state
            .customer_data
            .record
            .error
            .as_ref()
            .map(|e| AttrValue::from(e.message.clone()))
    };
    match state.current() {
        Step::Origin => html! {
            <OriginStep
                chosen={draft.origin}
                error={message_at(errors, fields::ORIGIN)}
                onchoose={on(state, WizardAction::ChooseOrigin)}
            />
        },
        Step::Filters => html! {
            <FiltersStep form={draft.filters.clone()} state={state.filters.clone()} onaction={actions(state.dispatcher())} />
        },
        Step::FindMessage => html! {
            <FindMessageStep
                messages={state.find_message.messages.clone()}
                warned={state.find_message.warned_row().cloned()}
                chosen={draft.message.clone()}
                error={message_at(errors, fields::MESSAGE)}
                {operator_id}
                onaction={actions(state.dispatcher())}
            />
        },
        Step::FindCustomer => html! {
            <FindCustomerStep
                form={draft.search.clone()}
                chosen={draft.customer.clone()}
                state={state.find_customer.clone()}
                error={message_at(errors, fields::CUSTOMER)}
                onaction={actions(state.dispatcher())}
            />
        },
        Step::CustomerData => html! {
            <CustomerDataStep
                record={state.record()}
                error={record_error()}
                oncontactadded={on(state, |contact| CustomerDataAction::ContactAdded(contact).into())}
            />
        },
        Step::TicketData => html! {
            <TicketDataStep
                record={state.record()}
                error={record_error()}
                plan={draft.plan}
                new_plan={draft.new_plan}
                plan_choices={state.ticket_data.plan_choices.value.clone()}
                plan_choices_error={state.ticket_data.plan_choices.error.as_ref().map(|e| AttrValue::from(e.message.clone()))}
                problem={AttrValue::from(draft.problem.clone())}
                errors={errors.clone()}
                onaction={actions(state.dispatcher())}
            />
        },
        Step::Script => html! {
            <ScriptStep
                progress={draft.script.clone()}
                state={state.script.clone()}
                definition={state.script_definition()}
                topic={AttrValue::from(topic(draft))}
                error={message_at(errors, fields::SCRIPT)}
                onaction={actions(state.dispatcher())}
                onend={on(state, |()| WizardAction::EndScript)}
            />
        },
        Step::ScriptReport => html! {
            <ScriptReportStep progress={draft.script.clone()} definition={state.script_definition()} />
        },
        Step::FirstContact => html! {
            <FirstContactStep
                description={AttrValue::from(draft.first_contact.clone())}
                ticket_type={draft.ticket_type.clone()}
                ticket_types={state.first_contact.ticket_types.clone()}
                errors={errors.clone()}
                extras={Extras::of(draft)}
                saving={state.ticket_save_pending()}
                onaction={actions(state.dispatcher())}
                onopen={on(state, WizardAction::OpenStep)}
                onworkorder={on(state, |today| WorkOrderAction::Open(today).into())}
                onsave={onsave.clone()}
            />
        },
        Step::Attachment => html! {
            <AttachmentStep
                files={draft.attachments.clone()}
                attaching={state.attaching}
                error={state.attachment.error.clone()}
                errors={errors.clone()}
                onaction={actions(state.dispatcher())}
            />
        },
        Step::Task => html! {
            <TaskStep
                task={draft.task.clone().unwrap_or_default()}
                assignees={state.task.assignees.clone()}
                errors={errors.clone()}
                onaction={actions(state.dispatcher())}
            />
        },
        Step::SendEmail => html! {
            <EmailStep
                email={draft.email.clone()}
                listed={state.record().map(|record| listed_addresses(&record)).unwrap_or_default()}
                record_loading={state.customer_data.record.loading}
                state={state.email.clone()}
                errors={errors.clone()}
                ticket_files={draft.attachments.clone()}
                attaching={state.attaching}
                context={state.email_context(js_sys::Date::now() as i64, local_offset_minutes())}
                onaction={actions(state.dispatcher())}
            />
        },
        Step::WorkOrder => html! {
            <WorkOrderStep
                form={draft.work_order.clone().unwrap_or_default()}
                catalog={state.work_order.catalog.clone()}
                errors={errors.clone()}
                customer={draft.customer.as_ref().map(|customer| AttrValue::from(customer.name.clone()))}
                {operator_id}
                onaction={actions(state.dispatcher())}
            />
        },
        _ => html! { <PendingStep /> },
    }
}

/// A callback that dispatches the action `action` makes of its value.
pub fn on<T: 'static>(
    state: &UseReducerHandle<WizardState>,
    action: impl Fn(T) -> WizardAction + 'static,
) -> Callback<T> {
    let dispatcher = state.dispatcher();
    Callback::from(move |value| dispatcher.dispatch(action(value)))
}

/// A step's callback dispatching its actions as the wizard's.
pub fn actions<A: Into<WizardAction> + 'static>(
    dispatcher: UseReducerDispatcher<WizardState>,
) -> Callback<A> {
    Callback::from(move |action: A| dispatcher.dispatch(action.into()))
}
