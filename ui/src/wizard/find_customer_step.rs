//! "Localizar Cliente": search the customers and choose the one the ticket is about.
use std::fmt::Debug;

use helpdesk_api::{CommandError, CustomerSummary};
use helpdesk_core::customer::{SearchCondition, SearchField, SearchForm};
use helpdesk_core::plural;
use helpdesk_core::wizard::fields;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::components::{
    message_at, unplaced_message, FieldError, FormError, SelectField, TextField,
};
use crate::dom::{variant_name, variant_named};
use crate::fetched::Direction;
use crate::wizard::loaders::run_search;
use crate::wizard::state::search_fields::{LIMIT, TEXT};
use crate::wizard::state::{FindCustomerAction, FindCustomerState, SearchEdit};

/// Props of [`FindCustomerStep`].
#[derive(Properties, PartialEq)]
pub struct FindCustomerStepProps {
    /// The search form as typed.
    pub form: SearchForm,
    /// The customer chosen.
    pub chosen: Option<CustomerSummary>,
    /// The rows found and what was said about the form.
    pub state: FindCustomerState,
    /// Why "Avançar" refused: no customer chosen.
    pub error: Option<AttrValue>,
    pub onaction: Callback<FindCustomerAction>,
}

/// The search form, the results table and the chosen customer.
#[function_component]
pub fn FindCustomerStep(props: &FindCustomerStepProps) -> Html {
    let state = &props.state;
    let onsearch = {
        let (onaction, searching) = (props.onaction.clone(), state.customers.loading);
        let search = props.form.to_search();
        Callback::from(move |()| {
            if searching {
                return;
            }
            match search.clone() {
                Ok(search) => spawn_local(run_search(onaction.clone(), search)),
                Err(errors) => onaction.emit(FindCustomerAction::Rejected(
                    errors.into_iter().map(CommandError::from).collect(),
                )),
            }
        })
    };
    let onedit = props.onaction.reform(FindCustomerAction::Edit);

    let onsubmit = onsearch.reform(|event: SubmitEvent| event.prevent_default());
    let onchange_field = select_handler(&onedit, |name| {
        variant_named(&SearchField::ALL, name).map(SearchEdit::Field)
    });
    let onchange_condition = select_handler(&onedit, |name| {
        variant_named(&SearchCondition::ALL, name).map(SearchEdit::Condition)
    });

    let form = &props.form;
    let errors = &state.errors;
    let searching = state.customers.loading;

    html! {
        <div class="find-customer">
            <form class="search-form" {onsubmit}>
                <TextField
                    id="procurar"
                    label="Procurar"
                    field={TEXT}
                    class="grow"
                    autofocus=true
                    autocomplete="off"
                    value={form.text.clone()}
                    error={message_at(errors, TEXT)}
                    oninput={onedit.reform(SearchEdit::Text)}
                />
                <TextField
                    id="quantidade"
                    label="Quantidade"
                    field={LIMIT}
                    class="narrow"
                    inputmode="numeric"
                    autocomplete="off"
                    value={form.limit.clone()}
                    error={message_at(errors, LIMIT)}
                    oninput={onedit.reform(SearchEdit::Limit)}
                />
                <SelectField id="campo" label="Campo" onchange={onchange_field}>
                    { variant_options(&SearchField::ALL, form.field, SearchField::label) }
                </SelectField>
                <SelectField id="condicao" label="Condição" onchange={onchange_condition}>
                    { variant_options(&SearchCondition::ALL, form.condition, SearchCondition::label) }
                </SelectField>
                <div class="field action">
                    <button id="pesquisar" type="submit" class="primary" disabled={searching}>
                        { if searching { "Pesquisando…" } else { "Pesquisar" } }
                    </button>
                </div>
            </form>
            <FormError message={unplaced_message(
                errors.iter().chain(&state.customers.error).cloned().collect::<Vec<_>>().as_slice(),
                &[TEXT, LIMIT],
            )} />
            { results(props) }
            <p id="cliente-selecionado" class="selection">
                { match &props.chosen {
                    Some(customer) => format!("Cliente selecionado: {}", customer.name),
                    None => "Nenhum cliente selecionado.".to_owned(),
                } }
            </p>
            <FieldError field={fields::CUSTOMER} message={props.error.clone()} />
        </div>
    }
}

/// An `<option>` per variant of `all`, its value the variant's name, `chosen` selected.
fn variant_options<T: Debug + Copy + PartialEq>(
    all: &[T],
    chosen: T,
    label: fn(T) -> &'static str,
) -> Html {
    html! {
        { for all.iter().map(|&value| html! {
            <option key={label(value)} value={variant_name(&value)} selected={value == chosen}>
                { label(value) }
            </option>
        }) }
    }
}

/// Emits the edit `edit` makes of the chosen option's value, if it names one.
fn select_handler(
    onedit: &Callback<SearchEdit>,
    edit: impl Fn(&str) -> Option<SearchEdit> + 'static,
) -> Callback<String> {
    let onedit = onedit.clone();
    Callback::from(move |name: String| {
        if let Some(edit) = edit(&name) {
            onedit.emit(edit);
        }
    })
}

/// The count and the table of the last search, once one has answered.
fn results(props: &FindCustomerStepProps) -> Html {
    let state = &props.state;
    let Some(customers) = &state.customers.value else {
        return Html::default();
    };
    let count = if customers.is_empty() {
        "Nenhum cliente encontrado.".to_owned()
    } else {
        format!(
            "{} {}",
            plural::count(customers.len(), "cliente", "clientes"),
            plural::word(customers.len(), "encontrado", "encontrados")
        )
    };
    let highlighted = state.customers.highlighted;
    let selected_id = props.chosen.as_ref().map(|customer| customer.id);
    let onkeydown = {
        let onaction = props.onaction.clone();
        let already_chosen =
            highlighted.is_some_and(|index| customers.get(index).map(|row| row.id) == selected_id);
        Callback::from(move |event: KeyboardEvent| {
            let action = match (event.key().as_str(), highlighted) {
                ("ArrowDown", _) => FindCustomerAction::Move(Direction::Down),
                ("ArrowUp", _) => FindCustomerAction::Move(Direction::Up),
                // Enter on the chosen row goes on to the next step.
                ("Enter", Some(index)) if !already_chosen => FindCustomerAction::Select(index),
                _ => return,
            };
            event.prevent_default();
            onaction.emit(action);
        })
    };
    let row = |(index, customer): (usize, &CustomerSummary)| {
        let classes = classes!(
            (selected_id == Some(customer.id)).then_some("selected"),
            (highlighted == Some(index)).then_some("highlighted"),
        );
        let onclick = props
            .onaction
            .reform(move |_: MouseEvent| FindCustomerAction::Select(index));
        html! {
            <tr
                key={customer.id.to_string()}
                data-customer-id={customer.id.to_string()}
                class={classes}
                {onclick}
            >
                <td>{ customer.code.clone() }</td>
                <td>{ customer.name.clone() }</td>
                <td>{ customer.document.clone() }</td>
                <td>{ customer.logins.join(", ") }</td>
                <td>{ customer.emails.join(", ") }</td>
                <td>{ customer.phones.join(", ") }</td>
                <td>{ customer.city.clone() }</td>
            </tr>
        }
    };

    // Names the search these rows answer, e.g. "Name|StartsWith|joao", so a reader (or a
    // test) can tell the answer to this search from the rows of the one before.
    let query = state.customers.answered().map(|search| {
        format!(
            "{}|{}|{}",
            variant_name(&search.field),
            variant_name(&search.condition),
            search.text
        )
    });
    html! {
        <div id="resultado" data-query={query}>
            <p id="resultado-contagem" class="count" aria-live="polite">{ count }</p>
            if !customers.is_empty() {
                <div class="table-scroll">
                    <table id="clientes" class="grid" tabindex="0" {onkeydown}>
                        <thead>
                            <tr>
                                <th>{ "Código" }</th>
                                <th>{ "Nome" }</th>
                                <th>{ "CPF/CNPJ" }</th>
                                <th>{ "Login" }</th>
                                <th>{ "E-mail" }</th>
                                <th>{ "Telefone" }</th>
                                <th>{ "Cidade" }</th>
                            </tr>
                        </thead>
                        <tbody>{ for customers.iter().enumerate().map(row) }</tbody>
                    </table>
                </div>
            }
        </div>
    }
}
