//! "Dados Cliente": the chosen customer's main data, contacts and plans; "Cliente" opens the
//! full record, "Adicionar" a new contact.
use std::rc::Rc;

use helpdesk_api::{Contact, CustomerRecord};
use helpdesk_core::customer_record::ContractedPlan;
use yew::prelude::*;

use crate::components::FormError;
use crate::wizard::contact_dialog::ContactDialog;
use crate::wizard::customer_record_dialog::CustomerRecordDialog;
use crate::wizard::customer_view::{
    city_line, contacts_table, contract_badge, fact, list_or_dash, or_dash, street_line,
};

/// Props of [`CustomerDataStep`].
#[derive(Properties, PartialEq)]
pub struct CustomerDataStepProps {
    /// The customer's record, once loaded.
    pub record: Option<Rc<CustomerRecord>>,
    /// Why it could not be loaded.
    pub error: Option<AttrValue>,
    /// Called with a contact saved through "Novo Contato" (already stored by the shell).
    pub oncontactadded: Callback<Contact>,
}

/// The dialog open over the step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Open {
    Record,
    NewContact,
}

/// The customer's data, or why it is not there yet.
#[function_component]
pub fn CustomerDataStep(props: &CustomerDataStepProps) -> Html {
    let open = use_state_eq(|| None::<Open>);

    if let Some(error) = &props.error {
        return html! { <FormError message={error.clone()} /> };
    }
    let Some(record) = &props.record else {
        return html! { <p class="loading" aria-live="polite">{ "Carregando…" }</p> };
    };

    let open_with = |dialog: Open| {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(Some(dialog)))
    };
    let onclose = {
        let open = open.clone();
        Callback::from(move |()| open.set(None))
    };
    let onsaved = {
        let (open, oncontactadded) = (open.clone(), props.oncontactadded.clone());
        Callback::from(move |contact: Contact| {
            open.set(None);
            oncontactadded.emit(contact);
        })
    };
    let dialog = match *open {
        Some(Open::Record) => html! {
            <CustomerRecordDialog record={record.clone()} onclose={onclose} />
        },
        Some(Open::NewContact) => html! {
            <ContactDialog customer_id={record.id} {onsaved} {onclose} />
        },
        None => Html::default(),
    };

    html! {
        <div id="dados-cliente" class="customer-data" data-customer-id={record.id.to_string()}>
            <section class="customer-card" aria-labelledby="cliente-nome">
                <div class="customer-heading">
                    <span class="customer-code" title="Código do cliente">{ record.code.clone() }</span>
                    <h3 id="cliente-nome">{ record.name.clone() }</h3>
                    <button
                        id="abrir-cadastro"
                        type="button"
                        aria-haspopup="dialog"
                        title="Abrir o cadastro do cliente"
                        onclick={open_with(Open::Record)}
                    >
                        { "Cliente" }
                    </button>
                </div>
                <dl class="facts">
                    { fact("CPF/CNPJ", record.document.clone()) }
                    { fact("Endereço", street_line(record)) }
                    { fact("Cidade/UF", city_line(record)) }
                    { fact("CEP", or_dash(&record.postal_code)) }
                    { fact("E-mails", list_or_dash(&record.emails)) }
                    { fact("Telefones", list_or_dash(&record.phones)) }
                </dl>
            </section>
            <section class="customer-section" aria-labelledby="contatos-titulo">
                <div class="section-heading">
                    <h3 id="contatos-titulo">{ "Contatos" }</h3>
                    <button
                        id="adicionar-contato"
                        type="button"
                        aria-haspopup="dialog"
                        title="Adicionar um contato a este cliente"
                        onclick={open_with(Open::NewContact)}
                    >
                        { "Adicionar" }
                    </button>
                </div>
                { contacts_table(&record.contacts, Some("contatos")) }
            </section>
            <section class="customer-section" aria-labelledby="planos-titulo">
                <div class="section-heading">
                    <h3 id="planos-titulo">{ "Planos contratados" }</h3>
                </div>
                { plans_summary(&record.plans) }
            </section>
            { dialog }
        </div>
    }
}

/// The plans in brief: name, login and status.
fn plans_summary(plans: &[ContractedPlan]) -> Html {
    if plans.is_empty() {
        return html! { <p class="empty">{ "Nenhum plano contratado." }</p> };
    }
    let item = |plan: &ContractedPlan| {
        html! {
            <li key={plan.id.to_string()} data-plan-id={plan.id.to_string()}>
                <span class="plan-name">{ plan.plan.clone() }</span>
                <span class="plan-login" title="Login">{ plan.login.clone() }</span>
                { contract_badge(&plan.status) }
            </li>
        }
    };
    html! { <ul class="plans-brief">{ for plans.iter().map(item) }</ul> }
}
