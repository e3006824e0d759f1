//! The start panel's offer to continue the ticket left half-way (after closing the app, or
//! a crash).
use helpdesk_api::SavedDraft;
use helpdesk_core::date::format_instant;
use yew::prelude::*;

use crate::components::Confirm;
use crate::dom::{focus, local_offset_minutes};

/// Props of [`DraftPanel`].
#[derive(Properties, PartialEq)]
pub struct DraftPanelProps {
    pub saved: SavedDraft,
    /// "Continuar".
    pub oncontinue: Callback<()>,
    /// "Descartar".
    pub ondiscard: Callback<()>,
}

/// `#rascunho-pendente`: what the draft holds, "Continuar" (focused) and "Descartar".
#[function_component]
pub fn DraftPanel(props: &DraftPanelProps) -> Html {
    let continue_ref = use_node_ref();
    // "Descartar" asks once more: what was typed would be lost.
    let confirming = use_state(|| false);
    {
        let continue_ref = continue_ref.clone();
        use_effect_with((), move |_| focus(&continue_ref));
    }
    let draft = &props.saved.draft;
    let detail = |label: &'static str, value: Option<String>| {
        value.map(|value| html! { <><dt>{ label }</dt><dd>{ value }</dd></> })
    };
    html! {
        <section id="rascunho-pendente" class="draft-panel" aria-labelledby="rascunho-titulo">
            <h2 id="rascunho-titulo">{ "Atendimento em andamento" }</h2>
            <p>{ "Há um atendimento que não foi concluído. Continue de onde parou ou descarte-o." }</p>
            <dl class="draft-details">
                { detail("Protocolo", draft.protocol.map(|protocol| protocol.to_string())) }
                { detail("Etapa", Some(draft.current().label().to_owned())) }
                { detail("Origem", draft.origin.map(|origin| origin.label().to_owned())) }
                { detail("Cliente", draft.customer.as_ref().map(|customer| customer.name.clone())) }
                { detail("Salvo em", Some(format_instant(props.saved.saved_at, local_offset_minutes()))) }
            </dl>
            if *confirming {
                <Confirm
                    class="draft-actions"
                    label="Confirmar descarte"
                    yes_id="confirmar-descarte"
                    yes="Sim, descartar"
                    onyes={props.ondiscard.clone()}
                    no_id="manter-rascunho"
                    no="Não"
                    onno={let confirming = confirming.clone(); move |()| confirming.set(false)}
                >
                    <span>{ "Descartar o atendimento em andamento? O que foi digitado será perdido." }</span>
                </Confirm>
            } else {
                <div class="draft-actions">
                    <button
                        id="continuar-rascunho"
                        type="button"
                        class="primary"
                        ref={continue_ref}
                        onclick={props.oncontinue.reform(|_: MouseEvent| ())}
                    >
                        { "Continuar" }
                    </button>
                    <button
                        id="descartar-rascunho"
                        type="button"
                        onclick={let confirming = confirming.clone(); move |_: MouseEvent| confirming.set(true)}
                    >
                        { "Descartar" }
                    </button>
                </div>
            }
        </section>
    }
}
