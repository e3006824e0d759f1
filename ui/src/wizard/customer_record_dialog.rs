//! "Cadastro do Cliente": the customer's whole record, read-only (it is edited in the Clients
//! module).
use std::rc::Rc;

use helpdesk_api::CustomerRecord;
use helpdesk_core::customer_record::ContractedPlan;
use helpdesk_core::date::format_instant;
use yew::prelude::*;

use crate::components::Dialog;
use crate::wizard::customer_view::{
    city_line, contacts_table, contract_badge, fact, list_or_dash, or_dash, routing_badge, speed,
};

/// Props of [`CustomerRecordDialog`].
#[derive(Properties, PartialEq)]
pub struct CustomerRecordDialogProps {
    pub record: Rc<CustomerRecord>,
    /// "Fechar" or Esc.
    pub onclose: Callback<()>,
}

/// The dialog `#cadastro-cliente`.
#[function_component]
pub fn CustomerRecordDialog(props: &CustomerRecordDialogProps) -> Html {
    let record = &props.record;
    let close = props.onclose.reform(|_: MouseEvent| ());
    html! {
        <Dialog id="cadastro-cliente" title="Cadastro do Cliente" onclose={props.onclose.clone()}>
            <div class="dialog-body" tabindex="0" aria-label="Dados do cadastro">
                <p class="read-only-note">
                    { "Somente leitura: a edição do cadastro é feita no módulo Clientes." }
                </p>
                <section class="record-section">
                    <h4>{ "Identificação" }</h4>
                    <dl class="facts">
                        { fact("Código", record.code.clone()) }
                        { fact("Nome", record.name.clone()) }
                        { fact("CPF/CNPJ", or_dash(&record.document)) }
                        { fact("Cliente desde", format_instant(record.created_at, local_offset_minutes())) }
                    </dl>
                </section>
                <section class="record-section">
                    <h4>{ "Endereço" }</h4>
                    <dl class="facts">
                        { fact("Logradouro", or_dash(&record.street)) }
                        { fact("Número", or_dash(&record.number)) }
                        { fact("Bairro", or_dash(&record.district)) }
                        { fact("Cidade/UF", city_line(record)) }
                        { fact("CEP", or_dash(&record.postal_code)) }
                    </dl>
                </section>
                <section class="record-section">
                    <h4>{ "Comunicação" }</h4>
                    <dl class="facts">
                        { fact("E-mails", list_or_dash(&record.emails)) }
                        { fact("Telefones", list_or_dash(&record.phones)) }
                    </dl>
                </section>
                <section class="record-section">
                    <h4>{ "Contatos" }</h4>
                    { contacts_table(&record.contacts, None) }
                </section>
                <section class="record-section">
                    <h4>{ "Planos contratados" }</h4>
                    if record.plans.is_empty() {
                        <p class="empty">{ "Nenhum plano contratado." }</p>
                    } else {
                        { for record.plans.iter().map(plan) }
                    }
                </section>
            </div>
            <div class="dialog-footer">
                <button id="fechar-cadastro" type="button" class="primary" onclick={close}>
                    { "Fechar" }
                </button>
            </div>
        </Dialog>
    }
}

/// One contracted plan and its routing point.
fn plan(plan: &ContractedPlan) -> Html {
    let point = &plan.routing_point;
    html! {
        <article class="record-plan" key={plan.id.to_string()} data-plan-id={plan.id.to_string()}>
            <h5>{ plan.plan.clone() }{ " " }{ contract_badge(&plan.status) }</h5>
            <dl class="facts">
                { fact("Tecnologia", or_dash(&plan.technology)) }
                { fact("Velocidade", speed(plan)) }
                { fact("Login", or_dash(&plan.login)) }
                { fact("Instalado em", iso_date_to_br(&plan.installed_on)) }
            </dl>
            <h6>{ "Ponto de Roteamento" }</h6>
            <dl class="facts">
                { fact("Nome", or_dash(&point.name)) }
                { fact("Tipo", or_dash(&point.kind)) }
                { fact("Endereço", or_dash(&point.address)) }
                { fact("IP", or_dash(&point.ip)) }
                <dt>{ "Situação" }</dt>
                <dd>{ routing_badge(&point.status) }</dd>
            </dl>
        </article>
    }
}

/// The UTC offset of the operator's computer, in minutes east (São Paulo: -180).
fn local_offset_minutes() -> i32 {
    -(js_sys::Date::new_0().get_timezone_offset() as i32)
}

/// "aaaa-mm-dd" as "dd/mm/aaaa"; anything else as it is (a dash when blank).
fn iso_date_to_br(date: &str) -> String {
    let parts: Vec<&str> = date.trim().split('-').collect();
    match parts.as_slice() {
        [year, month, day]
            if [(year, 4), (month, 2), (day, 2)].iter().all(|(part, len)| {
                part.len() == *len && part.bytes().all(|b| b.is_ascii_digit())
            }) =>
        {
            format!("{day}/{month}/{year}")
        }
        _ => or_dash(date),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn installation_dates_read_day_first() {
        assert_eq!(iso_date_to_br("2024-03-05"), "05/03/2024");
        assert_eq!(iso_date_to_br(" 2024-03-05 "), "05/03/2024");
        assert_eq!(iso_date_to_br("05/03/2024"), "05/03/2024");
        assert_eq!(iso_date_to_br("2024-3-5"), "2024-3-5");
        assert_eq!(iso_date_to_br(""), "—");
    }
}
