//! The "Agenda Técnica" opened from "Ord. Serviço": choosing a slot schedules the ticket's
//! work order there; the work order not saved yet is drawn on it and can be dragged too.
use helpdesk_api::Uuid;
use helpdesk_core::date::parse_date;
use helpdesk_core::work_order::Slot;
use yew::prelude::*;

use crate::agenda::Agenda;
use crate::components::Dialog;
use crate::dom::local_offset_minutes;
use crate::wizard::state::{WizardAction, WizardState};

/// Props of [`WorkOrderAgenda`].
#[derive(Properties, PartialEq)]
pub struct WorkOrderAgendaProps {
    pub state: UseReducerHandle<WizardState>,
    /// The logged-in operator ("Meu Usuário").
    pub operator_id: Uuid,
    /// Closed without choosing.
    pub onclose: Callback<()>,
    /// A slot was chosen and the work order scheduled there.
    pub onscheduled: Callback<()>,
}

/// The agenda in a dialog, on the work order's date (or today). Esc inside the agenda is
/// the agenda's (cancelling a drag or a choice); "Fechar" closes it.
#[function_component]
pub fn WorkOrderAgenda(props: &WorkOrderAgendaProps) -> Html {
    let state = &props.state;
    let offset = local_offset_minutes();
    let form = state.draft.work_order.clone().unwrap_or_default();
    let label = state
        .draft
        .customer
        .as_ref()
        .map(|customer| format!("Esta O.S. · {}", customer.name))
        .unwrap_or_else(|| "Esta O.S.".to_owned());
    let tentative = form.slot(offset).map(|slot| (slot, AttrValue::from(label)));
    let schedule = |close: bool| {
        let dispatcher = state.dispatcher();
        let onscheduled = props.onscheduled.clone();
        Callback::from(move |slot: Slot| {
            dispatcher.dispatch(WizardAction::ScheduleWorkOrder(slot, offset));
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
