//! The small views the customer's screens share ("Dados Cliente", "Cadastro do Cliente",
//! "Dados Atend."): facts, status badges, address lines, the contacts table.
use helpdesk_api::{Contact, ContractStatus, CustomerRecord};
use helpdesk_core::customer_record::ContractedPlan;
use yew::prelude::*;

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

/// A contract's situation as a coloured badge.
pub fn contract_badge(status: &ContractStatus) -> Html {
    badge(status.label(), contract_status_class(*status))
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

/// The badge class of a contract's situation: "Ativo" ok, "Suspenso" warning, "Cancelado"
/// danger.
pub fn contract_status_class(status: ContractStatus) -> &'static str {
    match status {
        ContractStatus::Active => "badge-ok",
        ContractStatus::Suspended => "badge-warning",
        ContractStatus::Cancelled => "badge-danger",
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

/// The street line, or a dash.
pub fn street_line(record: &CustomerRecord) -> String {
    or_dash(&record.street_line())
}

/// "Campinas/SP", or a dash.
pub fn city_line(record: &CustomerRecord) -> String {
    or_dash(&record.city_line())
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
    use helpdesk_core::customer_form::PersonKind;
    use helpdesk_core::customer_record::RoutingPoint;

    use super::*;

    /// A customer with one contact and two plans, for the tests of this module's siblings.
    pub fn record() -> CustomerRecord {
        let plan =
            |n: u128, name: &str, status: ContractStatus, point_status: &str| ContractedPlan {
                id: Uuid::from_u128(n),
                plan_id: Uuid::from_u128(n + 200),
                plan: name.into(),
                technology: "Fibra".into(),
                download_mbps: 300,
                upload_mbps: 150,
                login: format!("login{n}"),
                status,
                status_changed_on: "2024-03-05".into(),
                installed_on: "2024-03-05".into(),
                installation_address: String::new(),
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
            kind: PersonKind::Person,
            code: "000123".into(),
            name: "João <b>Silva</b>".into(),
            trade_name: String::new(),
            document: "123.456.789-09".into(),
            street: "Rua das Flores".into(),
            number: "120".into(),
            complement: String::new(),
            district: "Centro".into(),
            city: "Campinas".into(),
            state: "SP".into(),
            postal_code: "13010-000".into(),
            created_at: 1_700_000_000_000,
            emails: vec!["joao@example.com".into(), "j@example.com".into()],
            phones: vec![],
            notes: String::new(),
            contacts: vec![Contact {
                id: Uuid::from_u128(50),
                name: "Maria".into(),
                phone: "(19) 98765-4321".into(),
                email: String::new(),
                relation: "Cônjuge".into(),
            }],
            plans: vec![
                plan(10, "FIBRA 300M", ContractStatus::Active, "Operacional"),
                plan(11, "RÁDIO 20M", ContractStatus::Suspended, "Em manutenção"),
            ],
        }
    }

    #[test]
    fn contract_statuses_have_their_colour() {
        assert_eq!(contract_status_class(ContractStatus::Active), "badge-ok");
        assert_eq!(
            contract_status_class(ContractStatus::Suspended),
            "badge-warning"
        );
        assert_eq!(
            contract_status_class(ContractStatus::Cancelled),
            "badge-danger"
        );
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
