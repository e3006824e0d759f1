//! The warning shown before a clash is accepted.
use yew::prelude::*;

use crate::components::Dialog;

/// Props of [`ClashDialog`].
#[derive(Properties, PartialEq)]
pub struct ClashDialogProps {
    /// Which visits clash ([`helpdesk_core::work_order::clash_message`]).
    pub message: AttrValue,
    /// "Agendar mesmo assim".
    pub onaccept: Callback<()>,
    /// "Cancelar" (or Esc): the visit goes back.
    pub oncancel: Callback<()>,
}

/// `div#agenda-conflito` with `#agenda-conflito-aceitar` and `#agenda-conflito-cancelar`.
#[function_component]
pub fn ClashDialog(props: &ClashDialogProps) -> Html {
    html! {
        <Dialog id="agenda-conflito" title="Conflito de horário" onclose={props.oncancel.clone()}>
            <div class="dialog-body">
                <p id="agenda-conflito-mensagem" role="alert">{ props.message.clone() }</p>
                <p>{ "Deseja agendar mesmo assim?" }</p>
            </div>
            <div class="dialog-footer">
                <button id="agenda-conflito-cancelar" type="button" onclick={props.oncancel.reform(|_: MouseEvent| ())}>
                    { "Cancelar" }
                </button>
                <button id="agenda-conflito-aceitar" type="button" class="primary" onclick={props.onaccept.reform(|_: MouseEvent| ())}>
                    { "Agendar mesmo assim" }
                </button>
            </div>
        </Dialog>
    }
}
