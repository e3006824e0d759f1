//! The contract form, new or changed: plan and routing point (the active ones), PPPoE
//! login, installation address, installed on, situation. With no plan in the catalog it
//! says where to register one instead.
use helpdesk_api::{ContractForm, ContractStatus, CustomerRecord, ListPlanChoices, SaveContract};
use helpdesk_core::contract::fields;
use helpdesk_core::customer_record::ContractedPlan;
use helpdesk_core::form::FieldError;
use yew::prelude::*;

use crate::components::{FormError, SelectField, TextField};
use crate::hooks::{use_command, use_submit};
use crate::pages::catalogs::parse_choice;

/// What the form says when the catalog has no active plan.
pub const NO_PLAN: &str =
    "Nenhum plano ativo cadastrado. Cadastre um plano em Cadastros → Planos (administrador).";

/// What is wrong with the form before it is sent; the shell checks it again.
fn check(form: &ContractForm) -> Vec<FieldError> {
    form.validate().err().unwrap_or_default()
}

/// The form of the contract `plan` of the customer `customer_id`.
pub fn form_of(customer_id: helpdesk_api::Uuid, plan: &ContractedPlan) -> ContractForm {
    ContractForm {
        id: Some(plan.id),
        customer_id,
        plan_id: Some(plan.plan_id),
        routing_point_id: Some(plan.routing_point.id),
        login: plan.login.clone(),
        installation_address: plan.installation_address.clone(),
        installed_on: plan.installed_on.clone(),
        status: plan.status,
    }
}

/// Props of [`ContractEditor`].
#[derive(Properties, PartialEq)]
pub struct ContractEditorProps {
    /// The contract as it starts (empty for a new one).
    pub initial: ContractForm,
    pub onsaved: Callback<CustomerRecord>,
    pub oncancel: Callback<()>,
}

/// `form#contrato-form`.
#[function_component]
pub fn ContractEditor(props: &ContractEditorProps) -> Html {
    let form = use_state(|| props.initial.clone());
    let submit = use_submit::<SaveContract>();
    let choices = use_command::<ListPlanChoices>(());
    let edit = |apply: fn(&mut ContractForm, String), field: &'static str| {
        let (form, submit) = (form.clone(), submit.clone());
        Callback::from(move |value: String| {
            let mut next = (*form).clone();
            apply(&mut next, value);
            form.set(next);
            submit.edited(field);
        })
    };
    let onsubmit = {
        let (form, submit, onsaved) = (form.clone(), submit.clone(), props.onsaved.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            submit.send((*form).clone(), check(&form), onsaved.clone());
        })
    };
    let cancel = html! {
        <button id="contrato-cancelar" type="button"
            onclick={props.oncancel.reform(|_: MouseEvent| ())}>{ "Cancelar" }</button>
    };
    let title = if form.id.is_none() {
        "Novo contrato"
    } else {
        "Editar contrato"
    };
    let Some(choices_now) = choices.value() else {
        return html! {
            <div id="contrato-form" class="admin-form">
                <h2>{ title }</h2>
                <FormError message={choices.error_message()} />
                if choices.error().is_none() {
                    <p aria-busy="true">{ "Carregando…" }</p>
                }
                <div class="form-actions">{ cancel }</div>
            </div>
        };
    };
    if choices_now.plans.is_empty() {
        return html! {
            <div id="contrato-form" class="admin-form">
                <h2>{ title }</h2>
                <p id="contrato-sem-plano" class="empty" role="status">{ NO_PLAN }</p>
                <div class="form-actions">{ cancel }</div>
            </div>
        };
    }
    let plan_options = html! {
        <>
            <option value="" selected={form.plan_id.is_none()}>{ "Selecione…" }</option>
            { for choices_now.plans.iter().map(|plan| html! {
                <option key={plan.id.to_string()} value={plan.id.to_string()}
                    selected={form.plan_id == Some(plan.id)}>
                    { format!("{} ({} · {}/{} Mbps)", plan.name, plan.technology,
                        plan.download_mbps, plan.upload_mbps) }
                </option>
            }) }
        </>
    };
    let point_options = html! {
        <>
            <option value="" selected={form.routing_point_id.is_none()}>{ "Selecione…" }</option>
            { for choices_now.routing_points.iter().map(|point| html! {
                <option key={point.id.to_string()} value={point.id.to_string()}
                    selected={form.routing_point_id == Some(point.id)}>
                    { format!("{} ({})", point.name, point.kind) }
                </option>
            }) }
        </>
    };
    let text = |field: &'static str,
                id: &'static str,
                label: &'static str,
                kind: &'static str,
                value: &str,
                apply| {
        html! {
            <TextField {id} {field} {label} {kind} required={field == fields::LOGIN}
                value={value.to_owned()} error={submit.error(field)} autocomplete="off"
                oninput={edit(apply, field)} />
        }
    };
    html! {
        <form id="contrato-form" class="admin-form" novalidate=true {onsubmit}>
            <h2>{ title }</h2>
            <FormError message={submit.unplaced(&fields::ALL)} />
            <SelectField id="contrato-plano" field={fields::PLAN} label="Plano" required=true
                error={submit.error(fields::PLAN)}
                onchange={edit(|f, v| f.plan_id = parse_choice(&v), fields::PLAN)}>
                { plan_options }
            </SelectField>
            <SelectField id="contrato-ponto" field={fields::ROUTING_POINT} label="Ponto de roteamento"
                required=true error={submit.error(fields::ROUTING_POINT)}
                onchange={edit(|f, v| f.routing_point_id = parse_choice(&v), fields::ROUTING_POINT)}>
                { point_options }
            </SelectField>
            { text(fields::LOGIN, "contrato-login", "Login PPPoE", "text", &form.login, |f, v| f.login = v) }
            { text(fields::INSTALLATION_ADDRESS, "contrato-endereco", "Endereço de instalação", "text",
                &form.installation_address, |f, v| f.installation_address = v) }
            <p class="hint">{ "Em branco: o endereço do cliente." }</p>
            { text(fields::INSTALLED_ON, "contrato-instalado", "Instalado em", "date",
                &form.installed_on, |f, v| f.installed_on = v) }
            <SelectField id="contrato-situacao" field={fields::STATUS} label="Situação" required=true
                error={submit.error(fields::STATUS)}
                onchange={edit(|f, v| f.status = ContractStatus::from_label(&v).unwrap_or_default(), fields::STATUS)}>
                { for ContractStatus::ALL.into_iter().map(|status| html! {
                    <option key={status.label()} value={status.label()} selected={form.status == status}>
                        { status.label() }
                    </option>
                }) }
            </SelectField>
            <div class="form-actions">
                { cancel }
                <button id="contrato-salvar" type="submit" class="primary" disabled={submit.sending()}>
                    { if submit.sending() { "Salvando…" } else { "Salvar" } }
                </button>
            </div>
        </form>
    }
}
