//! "Clientes": the search of "Localizar Cliente" (the wizard's own form), the customers
//! found (Enter or a click opens one's page), "Novo cliente" for operators who edit
//! customers, and a customer's page ([`CustomerPage`]).
mod changes;
mod contact_edit;
mod contacts;
mod contract_form;
mod contracts;
mod details;
mod form;
mod list_field;
mod page;
mod search;
mod tickets;

use helpdesk_api::{CustomerForm, CustomerRecord, Uuid};
use yew::prelude::*;

use crate::wizard::{FindCustomerAction, FindCustomerStep};
use form::CustomerEditor;

pub use page::CustomerPage;
pub use search::KeptSearch;

/// Props of [`CustomersPage`].
#[derive(Properties, PartialEq)]
pub struct CustomersPageProps {
    /// The search as it was left, shown again.
    pub kept: KeptSearch,
    /// The search as it is now, to keep while a customer is open.
    pub onkeep: Callback<KeptSearch>,
    /// "Novo cliente" is offered.
    pub may_edit: bool,
    /// Opens a customer's page.
    pub onopen: Callback<Uuid>,
    /// "Voltar".
    pub onclose: Callback<()>,
}

/// `main#clientes-pagina`: the search and its rows, or the form of a new customer.
#[function_component]
pub fn CustomersPage(props: &CustomersPageProps) -> Html {
    let kept = props.kept.clone();
    let search = use_reducer(move || kept);
    let creating = use_state(|| false);
    {
        let onkeep = props.onkeep.clone();
        use_effect_with((*search).clone(), move |now| onkeep.emit(now.clone()));
    }
    // A row chosen (Enter or a click) opens the customer's page.
    let onaction = {
        let (search, onopen) = (search.clone(), props.onopen.clone());
        Callback::from(move |action: FindCustomerAction| {
            if let FindCustomerAction::Select(index) = &action {
                if let Some(customer) = search.found.customers.row(*index) {
                    onopen.emit(customer.id);
                }
            }
            search.dispatch(action);
        })
    };
    let set_creating = |on: bool| {
        let creating = creating.clone();
        Callback::from(move |()| creating.set(on))
    };

    if *creating {
        let onsaved = props.onopen.reform(|record: CustomerRecord| record.id);
        return html! {
            <main id="clientes-pagina" class="customers-page">
                <CustomerEditor initial={CustomerForm::default()} {onsaved}
                    oncancel={set_creating(false)} />
            </main>
        };
    }
    html! {
        <main id="clientes-pagina" class="customers-page">
            <div class="page-header">
                <h1>{ "Clientes" }</h1>
                if props.may_edit {
                    <button id="novo-cliente" type="button" class="primary"
                        onclick={set_creating(true).reform(|_: MouseEvent| ())}>
                        { "Novo cliente" }
                    </button>
                }
                <button id="clientes-voltar" type="button"
                    onclick={props.onclose.reform(|_: MouseEvent| ())}>{ "Voltar" }</button>
            </div>
            <FindCustomerStep form={search.form.clone()} chosen={None}
                state={search.found.clone()} error={None::<AttrValue>} {onaction} />
        </main>
    }
}
