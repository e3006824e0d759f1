//! A customer's page: its data ("Editar" for operators who edit customers), contacts,
//! contracts, tickets and "Alterações". The customer's and the contract's forms open in
//! place of the page and go back to it.
use helpdesk_api::{
    ContractForm, CustomerForm, CustomerRecord, ListCustomerChanges, LoadCustomer, TicketSummary,
    Uuid,
};
use helpdesk_core::customer_record::ContractedPlan;
use yew::prelude::*;

use super::changes::ChangesSection;
use super::contacts::ContactsSection;
use super::contract_form::{form_of, ContractEditor};
use super::contracts::ContractsSection;
use super::details::CustomerDetails;
use super::form::CustomerEditor;
use super::tickets::CustomerTickets;
use crate::components::FormError;
use crate::hooks::use_command;

/// Props of [`CustomerPage`].
#[derive(Properties, PartialEq)]
pub struct CustomerPageProps {
    pub id: Uuid,
    /// "Editar", "Novo contrato", the contacts' buttons are offered.
    pub may_edit: bool,
    /// Opens a ticket's page.
    pub onopen_ticket: Callback<TicketSummary>,
    /// "Voltar" (to "Clientes").
    pub onclose: Callback<()>,
}

/// What the page shows in place of itself.
#[derive(Clone, PartialEq)]
enum Editing {
    Customer(Box<CustomerForm>),
    Contract(ContractForm),
}

/// `main#cliente-pagina`.
#[function_component]
pub fn CustomerPage(props: &CustomerPageProps) -> Html {
    let record = use_command::<LoadCustomer>(props.id);
    let changes = use_command::<ListCustomerChanges>(props.id);
    let editing = use_state(|| None::<Editing>);
    let notice = use_state(|| None::<AttrValue>);

    let open = |to: Option<Editing>| {
        let (editing, notice) = (editing.clone(), notice.clone());
        Callback::from(move |()| {
            notice.set(None);
            editing.set(to.clone());
        })
    };
    // A save answered with the record: shown at once, with what changed.
    let onsaved = |message: &'static str| {
        let (record, changes, editing, notice) = (
            record.clone(),
            changes.reload(),
            editing.clone(),
            notice.clone(),
        );
        Callback::from(move |saved: CustomerRecord| {
            record.set(saved);
            changes.emit(());
            editing.set(None);
            notice.set(Some(message.into()));
        })
    };
    let oncontacts = {
        let (reload, changes, notice) = (record.reload(), changes.reload(), notice.clone());
        Callback::from(move |message: String| {
            reload.emit(());
            changes.emit(());
            notice.set(Some(message.into()));
        })
    };

    let Some(customer) = record.value() else {
        return html! {
            <main id="cliente-pagina" class="customers-page">
                <div class="page-header">
                    <h1>{ "Cliente" }</h1>
                    <button id="cliente-voltar" type="button"
                        onclick={props.onclose.reform(|_: MouseEvent| ())}>{ "Voltar" }</button>
                </div>
                <FormError message={record.error_message()} />
                if record.error().is_none() {
                    <p aria-busy="true">{ "Carregando…" }</p>
                }
            </main>
        };
    };
    match &*editing {
        Some(Editing::Customer(form)) => {
            return html! {
                <main id="cliente-pagina" class="customers-page">
                    <CustomerEditor initial={(**form).clone()} onsaved={onsaved("Cliente salvo.")}
                        oncancel={open(None)} />
                </main>
            };
        }
        Some(Editing::Contract(form)) => {
            return html! {
                <main id="cliente-pagina" class="customers-page">
                    <ContractEditor initial={form.clone()} onsaved={onsaved("Contrato salvo.")}
                        oncancel={open(None)} />
                </main>
            };
        }
        None => {}
    }
    let new_contract = ContractForm {
        customer_id: customer.id,
        ..ContractForm::default()
    };
    let onedit_contract = {
        let (editing, notice, id) = (editing.clone(), notice.clone(), customer.id);
        Callback::from(move |plan: ContractedPlan| {
            notice.set(None);
            editing.set(Some(Editing::Contract(form_of(id, &plan))));
        })
    };
    let title = if customer.trade_name.is_empty() {
        format!("{} · {}", customer.code, customer.name)
    } else {
        format!(
            "{} · {} ({})",
            customer.code, customer.name, customer.trade_name
        )
    };
    html! {
        <main id="cliente-pagina" class="customers-page" data-customer-id={customer.id.to_string()}>
            <div class="page-header">
                <h1 id="cliente-titulo">{ title }</h1>
                if props.may_edit {
                    <button id="cliente-editar" type="button"
                        onclick={open(Some(Editing::Customer(Box::new(customer.form())))).reform(|_: MouseEvent| ())}>
                        { "Editar" }
                    </button>
                }
                <button id="cliente-voltar" type="button"
                    onclick={props.onclose.reform(|_: MouseEvent| ())}>{ "Voltar" }</button>
            </div>
            if let Some(notice) = &*notice {
                <p class="saved-note" role="status">{ notice.clone() }</p>
            }
            <FormError message={record.error_message()} />
            <div class="customer-data">
                <CustomerDetails record={customer.clone()} />
                <ContactsSection customer_id={customer.id} contacts={customer.contacts.clone()}
                    may_edit={props.may_edit} onchanged={oncontacts} />
                <ContractsSection plans={customer.plans.clone()} may_edit={props.may_edit}
                    onnew={open(Some(Editing::Contract(new_contract)))} onedit={onedit_contract} />
                <CustomerTickets customer_id={customer.id} onopen={props.onopen_ticket.clone()} />
                <ChangesSection changes={changes.value().cloned()} error={changes.error_message()} />
            </div>
        </main>
    }
}
