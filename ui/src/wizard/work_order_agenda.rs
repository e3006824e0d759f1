//! The "Agenda Técnica" opened from "Ord. Serviço": choosing a slot schedules the ticket's
//! work order there; the work order not saved yet is drawn on it and can be dragged too.
use helpdesk_api::Uuid;
use helpdesk_core::date::parse_date;
use helpdesk_core::work_order::Slot;
use helpdesk_core::work_order_form::WorkOrderForm;
use yew::prelude::*;

use crate::agenda::Agenda;
use crate::components::Dialog;
use crate::dom::local_offset_minutes;
use crate::wizard::state::WorkOrderAction;

/// Props of [`WorkOrderAgenda`].
#[derive(Properties, PartialEq)]
pub struct WorkOrderAgendaProps {
    /// The work order as typed (its date and slot).
    pub form: WorkOrderForm,
    /// The usual length of the work order's type, when one is chosen: what a click on an
    /// empty slot proposes.
    pub usual_minutes: Option<u32>,
    /// The chosen customer's name.
    pub customer: Option<AttrValue>,
    /// The logged-in operator ("Meu Usuário").
    pub operator_id: Uuid,
    /// Takes the slot chosen or dragged to.
    pub onaction: Callback<WorkOrderAction>,
    /// Closed without choosing.
    pub onclose: Callback<()>,
    /// A slot was chosen and the work order scheduled there.
    pub onscheduled: Callback<()>,
}

/// The agenda in a dialog, on the work order's date (or today). Esc inside the agenda is
/// the agenda's (cancelling a drag or a choice); "Fechar" closes it.
#[function_component]
pub fn WorkOrderAgenda(props: &WorkOrderAgendaProps) -> Html {
    let offset = local_offset_minutes();
    let form = &props.form;
    let label = props
        .customer
        .as_ref()
        .map(|customer| format!("Esta O.S. · {customer}"))
        .unwrap_or_else(|| "Esta O.S.".to_owned());
    let tentative = form.slot(offset).map(|slot| (slot, AttrValue::from(label)));
    let schedule = |close: bool| {
        let onaction = props.onaction.clone();
        let onscheduled = props.onscheduled.clone();
        Callback::from(move |slot: Slot| {
            onaction.emit(WorkOrderAction::Schedule(slot, offset));
            if close {
                onscheduled.emit(());
            }
        })
    };

    html! {
        <Dialog id="agenda-os" title="Agenda Técnica" onclose={props.onclose.clone()}>
            <div class="dialog-body agenda-dialog">
                <Agenda
                    operator_id={props.operator_id}
                    date={parse_date(&form.date).ok()}
                    onschedule={Some(schedule(true))}
                    usual_minutes={props.usual_minutes}
                    {tentative}
                    ontentative={Some(schedule(false))}
                />
            </div>
            <div class="dialog-footer">
                <button id="fechar-agenda" type="button" onclick={props.onclose.reform(|_: MouseEvent| ())}>
                    { "Fechar" }
                </button>
            </div>
        </Dialog>
    }
}
