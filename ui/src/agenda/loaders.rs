//! What the agenda loads from the shell: the technicians' catalog once, and the visits each
//! time the query changes or "Atualizar" (or a refused change) asks again.
use helpdesk_api::{LoadAgenda, LoadWorkOrderCatalog};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::state::{AgendaAction, AgendaState, LoadAction};
use crate::api;

/// Loads the catalog, then the visits of `state`'s query, into `state`.
#[hook]
pub fn use_agenda_loading(state: &UseReducerHandle<AgendaState>) {
    let load = {
        let dispatch = state.dispatcher();
        Callback::from(move |action: LoadAction| dispatch.dispatch(AgendaAction::Load(action)))
    };
    {
        let load = load.clone();
        use_effect_with((), move |_| {
            spawn_local(async move {
                load.emit(match api::invoke::<LoadWorkOrderCatalog>(&()).await {
                    Ok(catalog) => LoadAction::CatalogLoaded(catalog.technicians),
                    Err(error) => LoadAction::Failed(error.message.into()),
                });
            });
        });
    }
    use_effect_with((state.query(), state.loaded.reload), move |(query, _)| {
        if let Some(query) = query.clone() {
            spawn_local(async move {
                load.emit(match api::invoke::<LoadAgenda>(&query).await {
                    Ok(visits) => LoadAction::Loaded(query, visits),
                    Err(error) => LoadAction::Failed(error.message.into()),
                });
            });
        }
    });
}
