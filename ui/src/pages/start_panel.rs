//! The start panel: the draft left from before ("Continuar", "Descartar") or "Novo
//! Atendimento", "Consultar protocolo", and the operator's queue.
use helpdesk_api::{SavedDraft, SupportMessage, TicketSummary, WizardDraft};
use yew::prelude::*;

use crate::components::FormError;
use crate::pages::draft_panel::DraftPanel;
use crate::pages::protocol_lookup::ProtocolLookup;
use crate::pages::queue::QueuePanel;
use crate::pages::screen::{Navigate, Screen};

/// Props of [`StartPanel`].
#[derive(Properties, PartialEq)]
pub struct StartPanelProps {
    /// The shell is being asked for the draft.
    pub checking: bool,
    /// The draft left from before, if there is one.
    pub saved: Option<SavedDraft>,
    /// Why the draft could not be read or discarded.
    pub error: Option<AttrValue>,
    /// "Novo Atendimento", "Continuar" and a ticket opened from the lookup.
    pub onnavigate: Callback<Navigate>,
    /// "Descartar", confirmed.
    pub ondiscard: Callback<()>,
}

/// `main.start-panel`.
#[function_component]
pub fn StartPanel(props: &StartPanelProps) -> Html {
    let draft = match (&props.saved, props.checking) {
        (_, true) => html! { <p aria-busy="true">{ "Carregando…" }</p> },
        (Some(saved), false) => {
            let oncontinue = {
                let saved = Box::new(saved.clone());
                props
                    .onnavigate
                    .reform(move |()| Navigate::To(Screen::Wizard(Some(saved.clone()))))
            };
            html! {
                <DraftPanel saved={saved.clone()} {oncontinue} ondiscard={props.ondiscard.clone()} />
            }
        }
        (None, false) => html! {
            <>
                <p>{ "Registre o contato de um cliente passo a passo." }</p>
                <button
                    id="novo-atendimento"
                    type="button"
                    class="primary"
                    onclick={props.onnavigate.reform(|_: MouseEvent| Navigate::To(Screen::Wizard(None)))}
                >
                    { "Novo Atendimento" }
                </button>
            </>
        },
    };
    let onopen = props
        .onnavigate
        .reform(|ticket: TicketSummary| Navigate::OpenTicket(Box::new(ticket)));
    // A new message starts a new ticket at "Localizar Cliente", answering it. Not while a
    // draft is left from before: the new ticket's draft would take its place.
    let onopen_message = props.onnavigate.reform(|message: SupportMessage| {
        let saved = SavedDraft {
            draft: WizardDraft::for_message(message),
            saved_at: js_sys::Date::now() as i64,
        };
        Navigate::To(Screen::Wizard(Some(Box::new(saved))))
    });
    html! {
        <main class="start-panel">
            <h1>{ "Atendimentos" }</h1>
            <FormError message={props.error.clone()} />
            { draft }
            <ProtocolLookup onopen={onopen.clone()} />
            <QueuePanel onopen_ticket={onopen} {onopen_message}
                draft_pending={props.saved.is_some()} />
        </main>
    }
}
