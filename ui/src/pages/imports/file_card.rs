//! One kind's file: "Escolher arquivo", how it was read, its columns' fields and its first
//! rows.
use helpdesk_api::{FileInspection, ImportKind, PickImportFile};
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::api;
use crate::components::FormError;

/// The id stem of `kind`'s card: "clientes", "contratos", "planos", "pontos".
pub fn stem(kind: ImportKind) -> &'static str {
    match kind {
        ImportKind::Customers => "clientes",
        ImportKind::Contracts => "contratos",
        ImportKind::Plans => "planos",
        ImportKind::RoutingPoints => "pontos",
    }
}

/// Props of [`FileCard`].
#[derive(Properties, PartialEq)]
pub struct FileCardProps {
    pub kind: ImportKind,
    /// The file picked, as read, with its mapping as chosen so far.
    pub file: Option<FileInspection>,
    pub disabled: bool,
    /// A file picked, or its mapping changed.
    pub onpicked: Callback<FileInspection>,
}

/// `fieldset#importar-{stem}`.
#[function_component]
pub fn FileCard(props: &FileCardProps) -> Html {
    let error = use_state(|| None::<AttrValue>);
    let picking = use_state(|| false);
    let kind = props.kind;
    let stem = stem(kind);
    let onpick = {
        let (error, picking, onpicked) = (error.clone(), picking.clone(), props.onpicked.clone());
        Callback::from(move |_: MouseEvent| {
            let (error, picking, onpicked) = (error.clone(), picking.clone(), onpicked.clone());
            picking.set(true);
            spawn_local(async move {
                let answer = api::invoke::<PickImportFile>(&kind).await;
                picking.set(false);
                match answer {
                    Ok(Some(file)) => {
                        error.set(None);
                        onpicked.emit(file);
                    }
                    Ok(None) => {}
                    Err(failure) => error.set(Some(failure.message.into())),
                }
            });
        })
    };
    html! {
        <fieldset id={format!("importar-{stem}")} class="admin-form">
            <legend>{ kind.label() }</legend>
            <div class="form-actions">
                <button id={format!("importar-escolher-{stem}")} type="button"
                    disabled={props.disabled || *picking} onclick={onpick}>
                    { "Escolher arquivo…" }
                </button>
                if let Some(file) = &props.file {
                    <span class="muted" id={format!("importar-arquivo-{stem}")}>
                        { format!("{} — {}, separado por {}", file.file_name, file.encoding, file.delimiter) }
                    </span>
                }
            </div>
            <FormError message={(*error).clone()} />
            if let Some(file) = &props.file {
                <Mapping file={file.clone()} disabled={props.disabled} onchange={props.onpicked.clone()} />
            }
        </fieldset>
    }
}

/// Props of [`Mapping`].
#[derive(Properties, PartialEq)]
struct MappingProps {
    file: FileInspection,
    disabled: bool,
    onchange: Callback<FileInspection>,
}

/// The notes on the header, then a table: each column's header, the field it fills (a
/// select) and the first rows.
#[function_component]
fn Mapping(props: &MappingProps) -> Html {
    let file = &props.file;
    let stem = stem(file.kind);
    let select = |column: usize| {
        let (file, onchange) = (props.file.clone(), props.onchange.clone());
        let chosen = file
            .mapping
            .columns
            .get(column)
            .cloned()
            .unwrap_or_default();
        let changed = Callback::from(move |event: Event| {
            let value = event.target_unchecked_into::<HtmlSelectElement>().value();
            let mut next = file.clone();
            if let Some(field) = next.mapping.columns.get_mut(column) {
                *field = value;
            }
            onchange.emit(next);
        });
        html! {
            <select id={format!("importar-{stem}-coluna-{column}")} onchange={changed}
                disabled={props.disabled} aria-label={format!("Campo da coluna {}", column + 1)}>
                <option value="" selected={chosen.is_empty()}>{ "(ignorar)" }</option>
                { for props.file.targets.iter().map(|target| html! {
                    <option value={target.name.clone()} selected={chosen == target.name}>
                        { if target.required { format!("{} *", target.label) } else { target.label.clone() } }
                    </option>
                }) }
            </select>
        }
    };
    html! {
        <>
            if !file.notes.is_empty() {
                <ul class="hint" id={format!("importar-{stem}-notas")}>
                    { for file.notes.iter().map(|note| html! { <li>{ note.clone() }</li> }) }
                </ul>
            }
            <div class="table-scroll compact">
                <table class="admin-table" id={format!("importar-{stem}-colunas")}>
                    <thead>
                        <tr>{ for file.headers.iter().map(|header| html! { <th>{ header.clone() }</th> }) }</tr>
                        <tr>{ for (0..file.headers.len()).map(|column| html! { <th>{ select(column) }</th> }) }</tr>
                    </thead>
                    <tbody>
                        { for file.preview.iter().map(|row| html! {
                            <tr>{ for row.iter().map(|value| html! { <td>{ value.clone() }</td> }) }</tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </>
    }
}
