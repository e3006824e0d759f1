//! The customer's "Contratos": plan, login, routing point, installation address, situation
//! and the date it changed; "Novo contrato" and "Editar" for operators who edit customers.
use chrono::NaiveDate;
use helpdesk_core::customer_record::ContractedPlan;
use helpdesk_core::date::format_date;
use yew::prelude::*;

/// Props of [`ContractsSection`].
#[derive(Properties, PartialEq)]
pub struct ContractsSectionProps {
    pub plans: Vec<ContractedPlan>,
    /// "Novo contrato" and "Editar" are offered.
    pub may_edit: bool,
    pub onnew: Callback<()>,
    pub onedit: Callback<ContractedPlan>,
}

/// "aaaa-mm-dd" as "dd/mm/aaaa"; anything else as it is, "—" when empty.
fn day(stored: &str) -> String {
    match NaiveDate::parse_from_str(stored.trim(), "%Y-%m-%d") {
        Ok(date) => format_date(date),
        Err(_) if stored.trim().is_empty() => "—".to_owned(),
        Err(_) => stored.to_owned(),
    }
}

/// `section#cliente-contratos`: `table#contratos-cliente` with a `tr[data-login]` each.
#[function_component]
pub fn ContractsSection(props: &ContractsSectionProps) -> Html {
    let row = |plan: &ContractedPlan| {
        let onclick = {
            let (onedit, plan) = (props.onedit.clone(), plan.clone());
            Callback::from(move |_: MouseEvent| onedit.emit(plan.clone()))
        };
        let address = if plan.installation_address.is_empty() {
            "O mesmo do cliente".to_owned()
        } else {
            plan.installation_address.clone()
        };
        html! {
            <tr key={plan.id.to_string()} data-login={plan.login.clone()}>
                <td>{ plan.plan.clone() }</td>
                <td>{ plan.login.clone() }</td>
                <td>{ plan.routing_point.name.clone() }</td>
                <td>{ address }</td>
                <td>{ day(&plan.installed_on) }</td>
                <td class="contrato-situacao">
                    { format!("{} desde {}", plan.status.label(), day(&plan.status_changed_on)) }
                </td>
                if props.may_edit {
                    <td><button type="button" class="contrato-editar" {onclick}>{ "Editar" }</button></td>
                }
            </tr>
        }
    };
    html! {
        <section id="cliente-contratos" class="customer-section card" aria-labelledby="cliente-contratos-titulo">
            <div class="section-heading">
                <h3 id="cliente-contratos-titulo">{ "Contratos" }</h3>
                if props.may_edit {
                    <button id="cliente-novo-contrato" type="button"
                        onclick={props.onnew.reform(|_: MouseEvent| ())}>{ "Novo contrato" }</button>
                }
            </div>
            if props.plans.is_empty() {
                <p class="empty">{ "Nenhum contrato." }</p>
            } else {
                <div class="table-scroll compact">
                    <table id="contratos-cliente" class="grid static">
                        <thead><tr>
                            <th>{ "Plano" }</th><th>{ "Login" }</th><th>{ "Ponto de roteamento" }</th>
                            <th>{ "Endereço de instalação" }</th><th>{ "Instalado em" }</th>
                            <th>{ "Situação" }</th>
                            if props.may_edit { <th></th> }
                        </tr></thead>
                        <tbody>{ for props.plans.iter().map(row) }</tbody>
                    </table>
                </div>
            }
        </section>
    }
}
