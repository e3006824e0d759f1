//! "Agenda Técnica": the technicians' calendar on a page of its own, with "Exportar .ics"
//! for each technician shown.
use helpdesk_api::{ExportAgendaIcs, Technician, Uuid};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::agenda::Agenda;
use crate::api;
use crate::components::FormError;
use crate::pages::work_orders::AgendaFocus;

/// Props of [`AgendaPage`].
#[derive(Properties, PartialEq)]
pub struct AgendaPageProps {
    /// The logged-in operator ("Meu Usuário").
    pub operator_id: Uuid,
    /// The visit the agenda was opened for ("Ver na agenda"): its day and team.
    #[prop_or_default]
    pub focus: Option<AgendaFocus>,
    /// "Voltar".
    pub onclose: Callback<()>,
}

/// `main#agenda-pagina`.
#[function_component]
pub fn AgendaPage(props: &AgendaPageProps) -> Html {
    let technicians = use_state(Vec::<Technician>::new);
    let exported = use_state(|| None::<AttrValue>);
    let error = use_state(|| None::<AttrValue>);
    let exporting = use_state(|| None::<Uuid>);

    let ontechnicians = {
        let technicians = technicians.clone();
        Callback::from(move |shown: Vec<Technician>| technicians.set(shown))
    };
    let export = |technician: &Technician| {
        let (exported, error, exporting) = (exported.clone(), error.clone(), exporting.clone());
        let (id, name) = (technician.id, technician.name.clone());
        Callback::from(move |_: MouseEvent| {
            let (exported, error, exporting, name) = (
                exported.clone(),
                error.clone(),
                exporting.clone(),
                name.clone(),
            );
            exporting.set(Some(id));
            error.set(None);
            exported.set(None);
            spawn_local(async move {
                match api::invoke::<ExportAgendaIcs>(&id).await {
                    Ok(Some(path)) => exported.set(Some(
                        format!("Agenda de {name} exportada para {path}").into(),
                    )),
                    Ok(None) => {}
                    Err(failure) => error.set(Some(failure.message.into())),
                }
                exporting.set(None);
            });
        })
    };

    html! {
        <main id="agenda-pagina" class="agenda-page">
            <div class="page-header">
                <h1>{ "Agenda Técnica" }</h1>
                <button id="voltar-inicio" type="button" onclick={props.onclose.reform(|_: MouseEvent| ())}>
                    { "Voltar" }
                </button>
            </div>
            if !technicians.is_empty() {
                <details id="agenda-exportar" class="agenda-exports">
                    <summary>{ "Exportar .ics" }</summary>
                    { for technicians.iter().map(|technician| html! {
                        <button
                            key={technician.id.to_string()}
                            type="button"
                            class="agenda-exportar"
                            data-technician-id={technician.id.to_string()}
                            disabled={exporting.is_some()}
                            onclick={export(technician)}
                        >
                            { technician.name.clone() }
                        </button>
                    }) }
                </details>
            }
            if let Some(path) = &*exported {
                <p id="agenda-exportada" class="agenda-notice" role="status">{ path.clone() }</p>
            }
            <FormError message={(*error).clone()} />
            <Agenda operator_id={props.operator_id} {ontechnicians}
                date={props.focus.map(|focus| focus.date)}
                team_id={props.focus.map(|focus| focus.team_id)} />
        </main>
    }
}
