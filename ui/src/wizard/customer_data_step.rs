//! "Dados Cliente": the chosen customer's main data, contacts and plans; "Cliente" opens the
//! full record, "Adicionar" a new contact.
//!
//! Also the small views the customer's other screens share ("Cadastro do Cliente",
//! "Dados Atend."): status badges, address lines, the contacts table.
use std::rc::Rc;

use helpdesk_api::{Contact, CustomerRecord};
use helpdesk_core::customer_record::ContractedPlan;
use yew::prelude::*;

use crate::components::FormError;
use crate::wizard::contact_dialog::ContactDialog;
use crate::wizard::customer_record_dialog::CustomerRecordDialog;

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

/// One `dt`/`dd` pair of a `dl.facts`.
pub fn fact(term: &'static str, value: impl Into<AttrValue>) -> Html {
    html! {
        <>
            <dt>{ term }</dt>
            <dd>{ value.into() }</dd>
        </>
    }
}

/// The contacts as a table (Nome, Telefone, E-mail, Função), one `tr[data-contact-id]`
/// each, or the line saying there is none.
pub fn contacts_table(contacts: &[Contact], id: Option<&'static str>) -> Html {
    if contacts.is_empty() {
        return html! { <p class="empty">{ "Nenhum contato cadastrado." }</p> };
    }
    let row = |contact: &Contact| {
        html! {
            <tr key={contact.id.to_string()} data-contact-id={contact.id.to_string()}>
                <td>{ contact.name.clone() }</td>
                <td>{ or_dash(&contact.phone) }</td>
                <td>{ or_dash(&contact.email) }</td>
                <td>{ contact.relation.clone() }</td>
            </tr>
        }
    };
    html! {
        <div class="table-scroll compact">
            <table {id} class="grid static">
                <thead>
                    <tr>
                        <th>{ "Nome" }</th>
                        <th>{ "Telefone" }</th>
                        <th>{ "E-mail" }</th>
                        <th>{ "Função" }</th>
                    </tr>
                </thead>
                <tbody>{ for contacts.iter().map(row) }</tbody>
            </table>
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

/// A contract's status as a coloured badge.
pub fn contract_badge(status: &str) -> Html {
    badge(status, contract_status_class(status))
}

/// A routing point's status as a coloured badge.
pub fn routing_badge(status: &str) -> Html {
    badge(status, routing_status_class(status))
}

fn badge(status: &str, class: &'static str) -> Html {
    html! {
        <span class={classes!("badge", class)} data-status={status.to_owned()}>
            { or_dash(status) }
        </span>
    }
}

/// The badge class of a contract's status: "Ativo" ok, "Suspenso"/"Bloqueado" warning,
/// "Cancelado" danger, anything else neutral.
pub fn contract_status_class(status: &str) -> &'static str {
    let status = status.trim().to_lowercase();
    if status == "ativo" {
        "badge-ok"
    } else if status.starts_with("suspens") || status.starts_with("bloque") {
        "badge-warning"
    } else if status.starts_with("cancelad") {
        "badge-danger"
    } else {
        "badge-neutral"
    }
}

/// The badge class of a routing point's status: "Operacional" ok, maintenance ("Manutenção",
/// "Em manutenção") warning, anything else ("Falha", "Instável", "Degradado") danger.
pub fn routing_status_class(status: &str) -> &'static str {
    let status = status.trim().to_lowercase();
    if status == "operacional" {
        "badge-ok"
    } else if status.contains("manuten") {
        "badge-warning"
    } else if status.is_empty() {
        "badge-neutral"
    } else {
        "badge-danger"
    }
}

/// "Rua das Flores, 120 – Centro" ("s/n" without a number).
pub fn street_line(record: &CustomerRecord) -> String {
    let number = match record.number.trim() {
        "" => "s/n",
        number => number,
    };
    let street = match record.street.trim() {
        "" => return or_dash(record.district.trim()),
        street => format!("{street}, {number}"),
    };
    match record.district.trim() {
        "" => street,
        district => format!("{street} – {district}"),
    }
}

/// "Campinas/SP".
pub fn city_line(record: &CustomerRecord) -> String {
    let parts: Vec<&str> = [record.city.trim(), record.state.trim()]
        .into_iter()
        .filter(|part| !part.is_empty())
        .collect();
    or_dash(&parts.join("/"))
}

/// "300/150 Mb/s" (download/upload).
pub fn speed(plan: &ContractedPlan) -> String {
    format!("{}/{} Mb/s", plan.download_mbps, plan.upload_mbps)
}

/// The items separated by commas, or a dash when there is none.
pub fn list_or_dash(items: &[String]) -> String {
    or_dash(&items.join(", "))
}

/// The text, or a dash when it is blank.
pub fn or_dash(text: &str) -> String {
    if text.trim().is_empty() {
        "—".to_owned()
    } else {
        text.to_owned()
    }
}

#[cfg(test)]
pub(super) mod tests {
    use helpdesk_api::Uuid;
    use helpdesk_core::customer_record::RoutingPoint;

    use super::*;

    /// A customer with one contact and two plans, for the tests of this module's siblings.
    pub fn record() -> CustomerRecord {
        let plan = |n: u128, name: &str, status: &str, point_status: &str| ContractedPlan {
            id: Uuid::from_u128(n),
            plan: name.into(),
            technology: "Fibra".into(),
            download_mbps: 300,
            upload_mbps: 150,
            login: format!("login{n}"),
            status: status.into(),
            installed_on: "2024-03-05".into(),
            routing_point: RoutingPoint {
                id: Uuid::from_u128(n + 100),
                name: format!("OLT {n}"),
                kind: "OLT".into(),
                address: "Rua A, 1".into(),
                ip: "10.0.0.1".into(),
                status: point_status.into(),
            },
        };
        CustomerRecord {
            id: Uuid::from_u128(1),
            code: "000123".into(),
            name: "João <b>Silva</b>".into(),
            document: "123.456.789-09".into(),
            street: "Rua das Flores".into(),
            number: "120".into(),
            district: "Centro".into(),
            city: "Campinas".into(),
            state: "SP".into(),
            postal_code: "13010-000".into(),
            created_at: 1_700_000_000_000,
            emails: vec!["joao@example.com".into(), "j@example.com".into()],
            phones: vec![],
            contacts: vec![Contact {
                id: Uuid::from_u128(50),
                name: "Maria".into(),
                phone: "(19) 98765-4321".into(),
                email: String::new(),
                relation: "Cônjuge".into(),
            }],
            plans: vec![
                plan(10, "FIBRA 300M", "Ativo", "Operacional"),
                plan(11, "RÁDIO 20M", "Suspenso", "Em manutenção"),
            ],
        }
    }

    #[test]
    fn contract_statuses_have_their_colour() {
        assert_eq!(contract_status_class("Ativo"), "badge-ok");
        assert_eq!(contract_status_class(" suspenso "), "badge-warning");
        assert_eq!(contract_status_class("Bloqueado"), "badge-warning");
        assert_eq!(contract_status_class("Cancelado"), "badge-danger");
        assert_eq!(contract_status_class("Em análise"), "badge-neutral");
    }

    #[test]
    fn routing_statuses_have_their_colour() {
        assert_eq!(routing_status_class("Operacional"), "badge-ok");
        assert_eq!(routing_status_class("Manutenção"), "badge-warning");
        assert_eq!(routing_status_class("Em manutenção"), "badge-warning");
        for status in ["Falha", "Instável", "Degradado"] {
            assert_eq!(routing_status_class(status), "badge-danger", "{status}");
        }
        assert_eq!(routing_status_class(""), "badge-neutral");
    }

    #[test]
    fn address_lines_leave_out_what_is_missing() {
        let full = record();
        assert_eq!(street_line(&full), "Rua das Flores, 120 – Centro");
        assert_eq!(city_line(&full), "Campinas/SP");
        let partial = CustomerRecord {
            number: " ".into(),
            district: String::new(),
            state: String::new(),
            ..record()
        };
        assert_eq!(street_line(&partial), "Rua das Flores, s/n");
        assert_eq!(city_line(&partial), "Campinas");
        let empty = CustomerRecord {
            street: String::new(),
            district: String::new(),
            city: String::new(),
            state: String::new(),
            ..record()
        };
        assert_eq!(street_line(&empty), "—");
        assert_eq!(city_line(&empty), "—");
    }

    #[test]
    fn lists_and_speeds_read_naturally() {
        let record = record();
        assert_eq!(
            list_or_dash(&record.emails),
            "joao@example.com, j@example.com"
        );
        assert_eq!(list_or_dash(&record.phones), "—");
        assert_eq!(speed(&record.plans[0]), "300/150 Mb/s");
    }
}
