//! A list's customer filter ("Atendimentos", "Ordens de Serviço"): search by name or code ("Buscar"), then choose among the
//! customers found.
use helpdesk_api::{CommandError, CustomerSearch, CustomerSummary, SearchCustomers, Uuid};
use helpdesk_core::customer::{SearchCondition, SearchField};
use wasm_bindgen_futures::spawn_local;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::{message_at, FieldError};
use crate::api;

/// How many customers a search offers.
const FOUND: u32 = 20;

/// Props of [`CustomerFilter`].
#[derive(Properties, PartialEq)]
pub struct CustomerFilterProps {
    /// The customer chosen, if any.
    pub chosen: Option<Uuid>,
    /// A customer chosen, or `None` for every customer.
    pub onchoose: Callback<Option<Uuid>>,
}

/// `input#filtro-cliente-texto`, `button#filtro-cliente-buscar` and `select#filtro-cliente`.
#[function_component]
pub fn CustomerFilter(props: &CustomerFilterProps) -> Html {
    let typed = use_state(String::new);
    let found = use_state(Vec::<CustomerSummary>::new);
    let error = use_state(|| None::<CommandError>);

    let oninput = {
        let typed = typed.clone();
        Callback::from(move |event: InputEvent| {
            typed.set(event.target_unchecked_into::<HtmlInputElement>().value());
        })
    };
    let search = {
        let (typed, found, error, onchoose) = (
            typed.clone(),
            found.clone(),
            error.clone(),
            props.onchoose.clone(),
        );
        Callback::from(move |()| {
            let text = typed.trim().to_owned();
            let (found, error, onchoose) = (found.clone(), error.clone(), onchoose.clone());
            // A code is digits; anything else is part of a name.
            let (field, condition) = if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())
            {
                (SearchField::Code, SearchCondition::StartsWith)
            } else {
                (SearchField::Name, SearchCondition::Contains)
            };
            let request = CustomerSearch {
                text,
                field,
                condition,
                limit: FOUND,
            };
            spawn_local(async move {
                match api::invoke::<SearchCustomers>(&request).await {
                    Ok(customers) => {
                        // One match is chosen at once.
                        onchoose.emit(match customers.as_slice() {
                            [only] => Some(only.id),
                            _ => None,
                        });
                        found.set(customers);
                        error.set(None);
                    }
                    Err(failure) => error.set(Some(failure)),
                }
            });
        })
    };
    let onkeydown = {
        let search = search.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Enter" {
                event.prevent_default();
                search.emit(());
            }
        })
    };
    let onchange = {
        let onchoose = props.onchoose.clone();
        Callback::from(move |event: Event| {
            let value = event.target_unchecked_into::<HtmlSelectElement>().value();
            onchoose.emit(value.parse::<Uuid>().ok());
        })
    };
    let errors: Vec<CommandError> = error.iter().cloned().collect();
    let message = message_at(&errors, "text")
        .or_else(|| error.as_ref().map(|e| AttrValue::from(e.message.clone())));
    let chosen = props.chosen.map(|id| id.to_string()).unwrap_or_default();

    html! {
        <div class="field customer-filter">
            <label for="filtro-cliente-texto">{ "Cliente (nome ou código)" }</label>
            <div class="inline">
                <input
                    id="filtro-cliente-texto"
                    type="text"
                    autocomplete="off"
                    value={(*typed).clone()}
                    aria-invalid={message.is_some().then_some("true")}
                    {oninput}
                    {onkeydown}
                />
                <button
                    id="filtro-cliente-buscar"
                    type="button"
                    onclick={search.reform(|_: MouseEvent| ())}
                >
                    { "Buscar" }
                </button>
            </div>
            <select id="filtro-cliente" aria-label="Cliente escolhido" {onchange}>
                <option value="" selected={chosen.is_empty()}>{ "Todos os clientes" }</option>
                { for found.iter().map(|customer| {
                    let id = customer.id.to_string();
                    html! {
                        <option key={id.clone()} value={id.clone()} selected={id == chosen}>
                            { format!("{} · {}", customer.code, customer.name) }
                        </option>
                    }
                }) }
            </select>
            <FieldError field="filtro-cliente" {message} />
        </div>
    }
}
