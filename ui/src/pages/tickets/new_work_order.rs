//! "Pedir OS" from the ticket's page: the wizard's work-order form and agenda
//! ([`WorkOrderStep`]) in a dialog, sent as an addition to the ticket; a refusal keeps what
//! was typed, at its field.
use helpdesk_api::{CommandError, LoadCustomer, LoadWorkOrderCatalog, TicketAddition, Uuid};
use helpdesk_core::date::day_of;
use helpdesk_core::work_order_form::{fields, WorkOrderForm};
use yew::prelude::*;

use super::save_addition::save_addition;
use crate::components::{unplaced_message, Dialog, FormError};
use crate::dom::local_offset_minutes;
use crate::fetched::Fetched;
use crate::hooks::use_command;
use crate::wizard::state::{first_open_status, WorkOrderAction, SCHEDULED_FIELDS};
use crate::wizard::work_order_step::WorkOrderStep;

/// Props of [`NewWorkOrder`].
#[derive(Properties, PartialEq)]
pub struct NewWorkOrderProps {
    pub ticket_id: Uuid,
    /// The ticket's customer: their address starts the form, their name labels the agenda.
    pub customer_id: Uuid,
    pub customer_name: AttrValue,
    /// The logged-in operator ("Meu Usuário" on the agenda).
    pub operator_id: Uuid,
    /// Created, or closed without one.
    pub onclose: Callback<bool>,
}

/// `#nova-os-dialogo`.
#[function_component]
pub fn NewWorkOrder(props: &NewWorkOrderProps) -> Html {
    let form = use_state(|| {
        let today = day_of(js_sys::Date::now() as i64, local_offset_minutes());
        WorkOrderForm::new(today, String::new())
    });
    let errors = use_state(Vec::<CommandError>::new);
    let busy = use_state(|| false);
    let loaded = use_command::<LoadWorkOrderCatalog>(());
    let catalog = Fetched {
        request: Some(()),
        loading: loaded.loading(),
        value: loaded.shared_value(),
        error: loaded.error().cloned(),
        highlighted: None,
    };
    let record = use_command::<LoadCustomer>(props.customer_id);
    // Once in, the catalog's first open status and the customer's address fill what is
    // still empty.
    {
        let (form, status) = (form.clone(), first_open_status(&catalog));
        let address = record.value().map(|record| record.address());
        use_effect_with((status, address), move |(status, address)| {
            let mut next = (*form).clone();
            if next.status_id.is_none() {
                next.status_id = *status;
            }
            if let (true, Some(address)) = (next.address.is_empty(), address) {
                next.address = address.clone();
            }
            if next != *form {
                form.set(next);
            }
        });
    }
    let onaction = {
        let (form, errors, onclose) = (form.clone(), errors.clone(), props.onclose.clone());
        let catalog = catalog.clone();
        Callback::from(move |action: WorkOrderAction| {
            let mut next = (*form).clone();
            let touched: &[&str] = match action {
                WorkOrderAction::Edit(edit) => {
                    let touched = edit.touched();
                    edit.apply(&mut next, &catalog);
                    touched
                }
                WorkOrderAction::Schedule(slot, offset) => {
                    next.schedule(&slot, offset);
                    &SCHEDULED_FIELDS
                }
                WorkOrderAction::Remove => return onclose.emit(false),
                WorkOrderAction::Open(_)
                | WorkOrderAction::CatalogStarted
                | WorkOrderAction::CatalogFinished(_) => return,
            };
            form.set(next);
            let mut kept = (*errors).clone();
            kept.retain(|error| !error.field.as_deref().is_some_and(|f| touched.contains(&f)));
            errors.set(kept);
        })
    };
    let onsave = {
        let form = form.clone();
        save_addition(
            props.ticket_id,
            move || TicketAddition::WorkOrder((*form).clone()),
            errors.clone(),
            busy.clone(),
            props.onclose.clone(),
        )
    };
    let onclose = props.onclose.reform(|()| false);
    let form_fields = [
        fields::TECHNICIAN,
        fields::STATUS,
        fields::TYPE,
        fields::DATE,
        fields::START,
        fields::END,
        fields::DURATION,
        fields::ADDRESS,
        fields::DESCRIPTION,
    ];
    html! {
        <Dialog id="nova-os-dialogo" title="Pedir OS" onclose={onclose.clone()}>
            <form class="dialog-form" onsubmit={onsave}>
                <div class="dialog-body">
                    <WorkOrderStep
                        form={(*form).clone()}
                        {catalog}
                        errors={(*errors).clone()}
                        customer={Some(props.customer_name.clone())}
                        operator_id={props.operator_id}
                        {onaction}
                    />
                    <FormError message={unplaced_message(&errors, &form_fields)} />
                </div>
                <div class="dialog-footer">
                    <button id="nova-os-cancelar" type="button" onclick={onclose.reform(|_: MouseEvent| ())}>
                        { "Cancelar" }
                    </button>
                    <button id="nova-os-salvar" type="submit" class="primary" disabled={*busy}>
                        { "Pedir OS" }
                    </button>
                </div>
            </form>
        </Dialog>
    }
}
