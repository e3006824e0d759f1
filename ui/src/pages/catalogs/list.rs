//! One catalog's entries: a search box, "Novo", and per entry "Editar" and "Desativar" /
//! "Reativar" (after a confirmation); inactive entries are shown greyed, marked "Inativo".
use helpdesk_api::{
    CatalogActiveChange, CatalogEntry, CatalogForm, CatalogKind, ListCatalog, SetCatalogEntryActive,
};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::editor::EntryEditor;
use super::entries::{blank, details};
use crate::api;
use crate::components::{Confirm, FormError, TextField};
use crate::hooks::use_command;
use crate::search::matches_search;

/// Props of [`CatalogList`].
#[derive(Properties, PartialEq)]
pub struct CatalogListProps {
    pub kind: CatalogKind,
    /// The catalog's title ("Planos").
    pub title: AttrValue,
}

/// `div#cadastro-lista`, or the form of the entry being edited.
#[function_component]
pub fn CatalogList(props: &CatalogListProps) -> Html {
    let entries = use_command::<ListCatalog>(props.kind);
    let search = use_state(String::new);
    let editing = use_state(|| None::<CatalogForm>);
    let confirming = use_state(|| None::<CatalogEntry>);
    let notice = use_state(|| None::<AttrValue>);
    let error = use_state(|| None::<AttrValue>);

    let edit = |form: CatalogForm| {
        let (editing, notice, error) = (editing.clone(), notice.clone(), error.clone());
        Callback::from(move |_: MouseEvent| {
            notice.set(None);
            error.set(None);
            editing.set(Some(form.clone()));
        })
    };
    if let Some(form) = &*editing {
        let onsaved = {
            let (editing, notice, reload) = (editing.clone(), notice.clone(), entries.reload());
            Callback::from(move |saved: CatalogEntry| {
                notice.set(Some(format!("\"{}\" salvo.", saved.fields.name()).into()));
                editing.set(None);
                reload.emit(());
            })
        };
        let oncancel = {
            let editing = editing.clone();
            Callback::from(move |()| editing.set(None))
        };
        return html! { <EntryEditor initial={form.clone()} {onsaved} {oncancel} /> };
    }
    let onactive = {
        let (confirming, notice, error, reload) = (
            confirming.clone(),
            notice.clone(),
            error.clone(),
            entries.reload(),
        );
        let kind = props.kind;
        Callback::from(move |()| {
            let Some(entry) = (*confirming).clone() else {
                return;
            };
            confirming.set(None);
            let change = CatalogActiveChange {
                kind,
                id: entry.id,
                active: !entry.active,
            };
            let (notice, error, reload) = (notice.clone(), error.clone(), reload.clone());
            spawn_local(async move {
                match api::invoke::<SetCatalogEntryActive>(&change).await {
                    Ok(changed) => {
                        let what = if changed.active {
                            "reativado"
                        } else {
                            "desativado"
                        };
                        notice.set(Some(
                            format!("\"{}\" {what}.", changed.fields.name()).into(),
                        ));
                        error.set(None);
                        reload.emit(());
                    }
                    Err(failure) => error.set(Some(failure.message.into())),
                }
            });
        })
    };
    let ask = |entry: &CatalogEntry| {
        let (confirming, entry) = (confirming.clone(), entry.clone());
        Callback::from(move |_: MouseEvent| confirming.set(Some(entry.clone())))
    };
    let oncancel_active = {
        let confirming = confirming.clone();
        Callback::from(move |()| confirming.set(None))
    };
    let row = |entry: &CatalogEntry| {
        let name = entry.fields.name().to_owned();
        let onedit = edit(CatalogForm {
            id: Some(entry.id),
            fields: entry.fields.clone(),
        });
        let asking = confirming
            .as_ref()
            .is_some_and(|asked| asked.id == entry.id);
        let (toggle_class, toggle) = if entry.active {
            ("cadastro-desativar danger", "Desativar")
        } else {
            ("cadastro-reativar", "Reativar")
        };
        html! {
            <tr key={entry.id.to_string()} data-name={name.clone()}
                class={classes!((!entry.active).then_some("inactive"))}>
                <td>{ name.clone() }</td>
                <td>{ details(&entry.fields) }</td>
                <td>{ if entry.active { "Ativo" } else { "Inativo" } }</td>
                <td class="admin-actions">
                    <button type="button" class="cadastro-editar" onclick={onedit}>{ "Editar" }</button>
                    if asking {
                        <Confirm class="inline-confirm" inline=true label={format!("Confirmar: {toggle}")}
                            yes_id="cadastro-ativo-sim" yes={toggle} onyes={onactive.clone()}
                            no_id="cadastro-ativo-nao" no="Não" onno={oncancel_active.clone()}>
                            { format!("{toggle} \"{name}\"? ") }
                        </Confirm>
                    } else {
                        <button type="button" class={toggle_class} onclick={ask(entry)}>{ toggle }</button>
                    }
                </td>
            </tr>
        }
    };
    let onsearch = {
        let search = search.clone();
        Callback::from(move |typed: String| search.set(typed))
    };
    let shown: Vec<&CatalogEntry> = entries
        .value()
        .into_iter()
        .flatten()
        .filter(|entry| matches_search(&search, &[entry.fields.name(), &details(&entry.fields)]))
        .collect();
    html! {
        <div id="cadastro-lista" data-catalog={props.title.clone()}>
            <div class="admin-toolbar">
                <TextField id="cadastro-busca" label="Buscar" kind="search" value={(*search).clone()}
                    oninput={onsearch} autocomplete="off" />
                <button id="cadastro-novo" type="button" class="primary"
                    onclick={edit(CatalogForm { id: None, fields: blank(props.kind) })}>{ "Novo" }</button>
            </div>
            if let Some(notice) = &*notice {
                <p class="saved-note" role="status">{ notice.clone() }</p>
            }
            <FormError message={(*error).clone().or_else(|| entries.error_message())} />
            if entries.value().is_none() {
                if entries.loading() {
                    <p aria-busy="true">{ "Carregando…" }</p>
                }
            } else if shown.is_empty() {
                <p class="muted">{ format!("Nada em {}.", props.title) }</p>
            } else {
                <table class="grid static admin-table">
                    <thead><tr><th>{ "Nome" }</th><th>{ "Detalhes" }</th><th>{ "Situação" }</th><th></th></tr></thead>
                    <tbody>{ for shown.into_iter().map(row) }</tbody>
                </table>
            }
        </div>
    }
}
