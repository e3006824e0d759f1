//! "Localizar Cliente": search the customers and choose the one the ticket is about.
use std::rc::Rc;

use helpdesk_api::{CommandError, CustomerSummary};
use helpdesk_core::customer::{CustomerSearch, SearchCondition, SearchField};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::components::{message_at, unplaced_message, FieldError, FormError};
use crate::dom::{focus, variant_name, variant_named};
use crate::wizard::state::{Direction, SearchEdit, SearchForm, CUSTOMER_FIELD};

const TEXT: &str = "text";
const LIMIT: &str = "limit";

/// Props of [`FindCustomerStep`].
#[derive(Properties, PartialEq)]
pub struct FindCustomerStepProps {
    /// The form as typed.
    pub form: SearchForm,
    /// A search is on its way.
    pub searching: bool,
    /// Why the last search could not run.
    pub errors: Vec<CommandError>,
    /// The last search's rows, once one has answered.
    pub customers: Option<Rc<Vec<CustomerSummary>>>,
    /// The search the rows answer, once it has answered.
    pub answered: Option<CustomerSearch>,
    /// The row the arrow keys are on.
    pub highlighted: Option<usize>,
    /// The customer chosen.
    pub selected: Option<CustomerSummary>,
    /// The message shown when "Avançar" was pressed with no customer chosen.
    pub advance_error: Option<AttrValue>,
    /// Called with every change to the form.
    pub onedit: Callback<SearchEdit>,
    /// Called on "Pesquisar" (or Enter in the form).
    pub onsearch: Callback<()>,
    /// Called with the index of a clicked row.
    pub onselect: Callback<usize>,
    /// Called with the arrow key pressed on the results.
    pub onmove: Callback<Direction>,
    /// Called on Enter in the results.
    pub onconfirm: Callback<()>,
}

/// The search form, the results table and the chosen customer.
#[function_component]
pub fn FindCustomerStep(props: &FindCustomerStepProps) -> Html {
    let text_ref = use_node_ref();
    {
        let text_ref = text_ref.clone();
        use_effect_with((), move |_| focus(&text_ref));
    }

    let onsubmit = props
        .onsearch
        .reform(|event: SubmitEvent| event.prevent_default());
    let oninput_text = props.onedit.reform(|event: InputEvent| {
        SearchEdit::Text(event.target_unchecked_into::<HtmlInputElement>().value())
    });
    let oninput_limit = props.onedit.reform(|event: InputEvent| {
        SearchEdit::Limit(event.target_unchecked_into::<HtmlInputElement>().value())
    });
    let onchange_field = select_handler(&props.onedit, |name| {
        variant_named(&SearchField::ALL, name).map(SearchEdit::Field)
    });
    let onchange_condition = select_handler(&props.onedit, |name| {
        variant_named(&SearchCondition::ALL, name).map(SearchEdit::Condition)
    });

    let form = &props.form;
    let text_error = message_at(&props.errors, TEXT);
    let limit_error = message_at(&props.errors, LIMIT);

    html! {
        <div class="find-customer">
            <form class="search-form" {onsubmit}>
                <div class="field grow">
                    <label for="procurar">{ "Procurar" }</label>
                    <input
                        id="procurar"
                        type="text"
                        autofocus=true
                        autocomplete="off"
                        ref={text_ref}
                        value={form.text.clone()}
                        aria-invalid={text_error.is_some().then_some("true")}
                        oninput={oninput_text}
                    />
                    <FieldError field={TEXT} message={text_error} />
                </div>
                <div class="field narrow">
                    <label for="quantidade">{ "Quantidade" }</label>
                    <input
                        id="quantidade"
                        type="text"
                        inputmode="numeric"
                        autocomplete="off"
                        value={form.limit.clone()}
                        aria-invalid={limit_error.is_some().then_some("true")}
                        oninput={oninput_limit}
                    />
                    <FieldError field={LIMIT} message={limit_error} />
                </div>
                <div class="field">
                    <label for="campo">{ "Campo" }</label>
                    <select id="campo" onchange={onchange_field}>
                        { for SearchField::ALL.into_iter().map(|field| html! {
                            <option
                                key={field.label()}
                                value={variant_name(&field)}
                                selected={field == form.field}
                            >
                                { field.label() }
                            </option>
                        }) }
                    </select>
                </div>
                <div class="field">
                    <label for="condicao">{ "Condição" }</label>
                    <select id="condicao" onchange={onchange_condition}>
                        { for SearchCondition::ALL.into_iter().map(|condition| html! {
                            <option
                                key={condition.label()}
                                value={variant_name(&condition)}
                                selected={condition == form.condition}
                            >
                                { condition.label() }
                            </option>
                        }) }
                    </select>
                </div>
                <div class="field action">
                    <button id="pesquisar" type="submit" class="primary" disabled={props.searching}>
                        { if props.searching { "Pesquisando…" } else { "Pesquisar" } }
                    </button>
                </div>
            </form>
            <FormError message={unplaced_message(&props.errors, &[TEXT, LIMIT])} />
            { results(props) }
            <p id="cliente-selecionado" class="selection">
                { match &props.selected {
                    Some(customer) => format!("Cliente selecionado: {}", customer.name),
                    None => "Nenhum cliente selecionado.".to_owned(),
                } }
            </p>
            <FieldError field={CUSTOMER_FIELD} message={props.advance_error.clone()} />
        </div>
    }
}

/// Emits the edit `edit` makes of the chosen option's value, if it names one.
fn select_handler(
    onedit: &Callback<SearchEdit>,
    edit: impl Fn(&str) -> Option<SearchEdit> + 'static,
) -> Callback<Event> {
    let onedit = onedit.clone();
    Callback::from(move |event: Event| {
        let name = event.target_unchecked_into::<HtmlSelectElement>().value();
        if let Some(edit) = edit(&name) {
            onedit.emit(edit);
        }
    })
}

/// The count and the table of the last search, once one has answered.
fn results(props: &FindCustomerStepProps) -> Html {
    let Some(customers) = &props.customers else {
        return Html::default();
    };
    let count = if customers.is_empty() {
        "Nenhum cliente encontrado.".to_owned()
    } else {
        format!("{} cliente(s) encontrado(s)", customers.len())
    };
    let onkeydown = {
        let (onmove, onconfirm) = (props.onmove.clone(), props.onconfirm.clone());
        Callback::from(move |event: KeyboardEvent| match event.key().as_str() {
            "ArrowDown" => {
                event.prevent_default();
                onmove.emit(Direction::Down);
            }
            "ArrowUp" => {
                event.prevent_default();
                onmove.emit(Direction::Up);
            }
            "Enter" => {
                event.prevent_default();
                onconfirm.emit(());
            }
            _ => {}
        })
    };
    let selected_id = props.selected.as_ref().map(|customer| customer.id);
    let row = |(index, customer): (usize, &CustomerSummary)| {
        let classes = classes!(
            (selected_id == Some(customer.id)).then_some("selected"),
            (props.highlighted == Some(index)).then_some("highlighted"),
        );
        let onclick = props.onselect.reform(move |_: MouseEvent| index);
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
    let query = props.answered.as_ref().map(|search| {
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
