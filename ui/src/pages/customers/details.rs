//! The customer's data on its page: kind, code, name (or razão social and nome fantasia),
//! CPF/CNPJ, address, e-mails, phones and notes.
use helpdesk_api::{CustomerRecord, PersonKind};
use yew::prelude::*;

/// One `dt`/`dd` pair; "—" for an empty value. `id` names the `dd` for the tests.
fn fact(term: &'static str, id: &'static str, value: String) -> Html {
    let value = if value.trim().is_empty() {
        "—".to_owned()
    } else {
        value
    };
    html! {
        <>
            <dt>{ term }</dt>
            <dd {id}>{ value }</dd>
        </>
    }
}

/// Props of [`CustomerDetails`].
#[derive(Properties, PartialEq)]
pub struct CustomerDetailsProps {
    pub record: CustomerRecord,
}

/// `section#cliente-dados`: a `dl.facts`.
#[function_component]
pub fn CustomerDetails(props: &CustomerDetailsProps) -> Html {
    let record = &props.record;
    let company = record.kind == PersonKind::Company;
    let address = [
        record.address(),
        record.complement.clone(),
        record.postal_code.clone(),
    ]
    .into_iter()
    .filter(|part| !part.trim().is_empty())
    .collect::<Vec<_>>()
    .join(" · ");
    html! {
        <section id="cliente-dados" class="customer-section card" aria-label="Dados do cliente">
            <dl class="facts">
                { fact("Tipo", "cliente-dado-tipo", record.kind.label().to_owned()) }
                { fact("Código", "cliente-dado-codigo", record.code.clone()) }
                { fact(if company { "Razão social" } else { "Nome" }, "cliente-dado-nome", record.name.clone()) }
                if company {
                    { fact("Nome fantasia", "cliente-dado-fantasia", record.trade_name.clone()) }
                }
                { fact(if company { "CNPJ" } else { "CPF" }, "cliente-dado-documento", record.document.clone()) }
                { fact("Endereço", "cliente-dado-endereco", address) }
                { fact("E-mails", "cliente-dado-emails", record.emails.join(", ")) }
                { fact("Telefones", "cliente-dado-telefones", record.phones.join(", ")) }
                { fact("Observações", "cliente-dado-observacoes", record.notes.clone()) }
            </dl>
        </section>
    }
}
