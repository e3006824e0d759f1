//! "Pendências" in "Sincronização" (administrators): the rows sync set aside (pulled ones
//! this desktop could not apply, local changes the server refused), with the reason and
//! "Tentar novamente".
use helpdesk_api::{LoadSetAside, RetrySetAside, SetAsideKey, Uuid};
use helpdesk_core::date::format_instant;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::api;
use crate::components::FormError;
use crate::dom::local_offset_minutes;
use crate::hooks::use_command;

/// `section#sync-pendencias` with `table#pendencias`, one `tr[data-id]` per row set aside.
#[function_component]
pub fn SyncPending() -> Html {
    let list = use_command::<LoadSetAside>(());
    let failure = use_state(|| None::<AttrValue>);
    let onretry = {
        let (list, failure) = (list.clone(), failure.clone());
        Callback::from(move |key: SetAsideKey| {
            let (list, failure) = (list.clone(), failure.clone());
            spawn_local(async move {
                match api::invoke::<RetrySetAside>(&key).await {
                    Ok(now) => {
                        failure.set(None);
                        list.set(now);
                    }
                    Err(error) => failure.set(Some(error.message.into())),
                }
            });
        })
    };
    let offset = local_offset_minutes();
    let entries = list.value().cloned().unwrap_or_default();
    html! {
        <section id="sync-pendencias" aria-labelledby="sync-pendencias-titulo">
            <h2 id="sync-pendencias-titulo">{ "Pendências" }</h2>
            <p class="muted">
                { "Registros que a sincronização deixou de lado, sem parar o resto: recebidos \
                   que este computador não aceitou, ou alterações daqui que o servidor recusou. \
                   São tentados de novo quando chega uma versão nova, ou quando mudam aqui." }
            </p>
            <FormError message={(*failure).clone().or_else(|| list.error_message())} />
            if entries.is_empty() {
                <p id="sem-pendencias" class="muted">{ "Nenhuma pendência." }</p>
            } else {
                <div class="table-scroll">
                    <table id="pendencias" class="grid static">
                        <thead>
                            <tr>
                                <th>{ "Direção" }</th>
                                <th>{ "Tabela" }</th>
                                <th>{ "Registro" }</th>
                                <th>{ "Motivo" }</th>
                                <th>{ "Quando" }</th>
                                <th></th>
                            </tr>
                        </thead>
                        <tbody>
                            { for entries.iter().map(|entry| {
                                let key = entry.key.clone();
                                let onclick = onretry.reform(move |_: MouseEvent| key.clone());
                                html! {
                                    <tr data-id={entry.key.id.to_string()}
                                        data-table={entry.key.table.clone()}>
                                        <td class="curto">{ entry.key.direction.label() }</td>
                                        <td>{ &entry.table_label }</td>
                                        // The id's first groups; the whole id on hover.
                                        <td class="mono curto" title={entry.key.id.to_string()}>
                                            { short_id(entry.key.id) }
                                        </td>
                                        <td class="motivo" title={entry.error.clone()}>
                                            { &entry.reason }
                                        </td>
                                        <td class="curto">{ format_instant(entry.at, offset) }</td>
                                        <td class="curto">
                                            <button type="button" class="tentar" {onclick}>
                                                { "Tentar novamente" }
                                            </button>
                                        </td>
                                    </tr>
                                }
                            }) }
                        </tbody>
                    </table>
                </div>
            }
        </section>
    }
}

/// The first 13 characters of `id` ("01a245ed-012c…"): enough to tell rows apart here.
fn short_id(id: Uuid) -> String {
    let whole = id.to_string();
    format!("{}…", &whole[..13])
}
