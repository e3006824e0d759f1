//! The published scripts, each at its latest version: click a row, or move with the arrows
//! and press Enter, to edit it.
use std::rc::Rc;

use helpdesk_api::{ScriptSummary, Uuid};
use helpdesk_core::date::format_instant;
use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

use crate::dom::local_offset_minutes;

/// Props of [`ScriptList`].
#[derive(Properties, PartialEq)]
pub struct ScriptListProps {
    pub scripts: Rc<Vec<ScriptSummary>>,
    /// The script to edit.
    pub onopen: Callback<Uuid>,
}

/// `table#scripts` with a `tr[data-script-id]` per script.
#[function_component]
pub fn ScriptList(props: &ScriptListProps) -> Html {
    let highlighted = use_state(|| None::<usize>);
    let table_ref = use_node_ref();
    {
        // Keeps the highlighted row in sight.
        let table_ref = table_ref.clone();
        use_effect_with(*highlighted, move |highlighted| {
            if highlighted.is_some() {
                let row = table_ref
                    .cast::<Element>()
                    .and_then(|table| table.query_selector("tr.highlighted").ok().flatten());
                if let Some(row) = row {
                    row.scroll_into_view_with_bool(false);
                }
            }
        });
    }
    let scripts = &props.scripts;
    if scripts.is_empty() {
        return html! {
            <p id="scripts-vazio" class="empty">
                { "Nenhum script publicado ainda. Crie o primeiro com “Novo script”." }
            </p>
        };
    }

    let onkeydown = {
        let (highlighted, scripts, onopen) =
            (highlighted.clone(), scripts.clone(), props.onopen.clone());
        Callback::from(move |event: KeyboardEvent| {
            let last = scripts.len().saturating_sub(1);
            let at = *highlighted;
            let moved = match event.key().as_str() {
                "ArrowDown" => Some(at.map_or(0, |at| (at + 1).min(last))),
                "ArrowUp" => Some(at.map_or(last, |at| at.saturating_sub(1))),
                "Home" => Some(0),
                "End" => Some(last),
                "Enter" => {
                    if let Some(script) = at.and_then(|at| scripts.get(at)) {
                        event.prevent_default();
                        onopen.emit(script.id);
                    }
                    return;
                }
                _ => return,
            };
            event.prevent_default();
            highlighted.set(moved);
        })
    };
    let offset = local_offset_minutes();
    let row = |(index, script): (usize, &ScriptSummary)| {
        let onclick = {
            let (highlighted, onopen, id) = (highlighted.clone(), props.onopen.clone(), script.id);
            Callback::from(move |_: MouseEvent| {
                highlighted.set(Some(index));
                onopen.emit(id);
            })
        };
        html! {
            <tr
                key={script.id.to_string()}
                data-script-id={script.id.to_string()}
                class={classes!((*highlighted == Some(index)).then_some("highlighted"))}
                {onclick}
            >
                <td class="script-name">{ script.name.clone() }</td>
                <td class="number">{ script.version }</td>
                <td class="number">{ script.nodes }</td>
                <td>{ format_instant(script.published_at, offset) }</td>
                <td class="keywords">{ script.keywords.clone() }</td>
            </tr>
        }
    };
    // Focusing the table with nothing highlighted highlights the first row.
    let onfocus = {
        let highlighted = highlighted.clone();
        Callback::from(move |event: FocusEvent| {
            let own = event
                .target()
                .and_then(|target| target.dyn_into::<Element>().ok())
                .is_some_and(|target| target.tag_name() == "TABLE");
            if own && highlighted.is_none() {
                highlighted.set(Some(0));
            }
        })
    };

    html! {
        <div class="table-scroll scripts-table">
            <table
                id="scripts"
                class="grid"
                tabindex="0"
                aria-label="Scripts publicados"
                ref={table_ref}
                {onkeydown}
                {onfocus}
            >
                <thead>
                    <tr>
                        <th>{ "Nome" }</th>
                        <th class="number">{ "Versão" }</th>
                        <th class="number">{ "Perguntas" }</th>
                        <th>{ "Publicado em" }</th>
                        <th>{ "Palavras-chave" }</th>
                    </tr>
                </thead>
                <tbody>{ for scripts.iter().enumerate().map(row) }</tbody>
            </table>
        </div>
    }
}
