//! "Dados Atend.": which of the customer's plans the ticket is about (and the routing point
//! that serves it), or a new plan chosen from the active ones ("escolher um novo plano"),
//! and the problem as the customer described it.
use std::rc::Rc;

use helpdesk_api::{CommandError, CustomerRecord, PlanChoices, PlanOption, Uuid};
use helpdesk_core::customer_record::{ContractedPlan, RoutingPoint};
use helpdesk_core::wizard::{fields, MAX_PROBLEM_CHARS};
use yew::prelude::*;

use crate::components::{
    message_at, unplaced_message, FieldError, FormError, SelectField, TextField,
};
use crate::wizard::customer_view::{contract_badge, fact, or_dash, routing_badge, speed};
use crate::wizard::state::TicketDataAction;

/// Props of [`TicketDataStep`].
#[derive(Properties, PartialEq)]
pub struct TicketDataStepProps {
    pub record: Option<Rc<CustomerRecord>>,
    /// Why the record could not be loaded.
    pub error: Option<AttrValue>,
    /// The contracted plan chosen (its contract's id).
    pub plan: Option<Uuid>,
    /// The new plan chosen instead (an active plan's id).
    pub new_plan: Option<Uuid>,
    /// The active plans, once loaded.
    pub plan_choices: Option<Rc<PlanChoices>>,
    /// Why the active plans could not be loaded.
    pub plan_choices_error: Option<AttrValue>,
    /// "Problema descrito pelo cliente", as typed.
    pub problem: AttrValue,
    /// Why "Avançar" refused: at fields helpdesk_core::wizard::fields::PLAN ("plano") and PROBLEM ("problema").
    pub errors: Vec<CommandError>,
    pub onaction: Callback<TicketDataAction>,
}

/// The plans (radio buttons), the chosen plan's routing point, and the problem.
#[function_component]
pub fn TicketDataStep(props: &TicketDataStepProps) -> Html {
    let problem_error = message_at(&props.errors, fields::PROBLEM);
    let oninput = props.onaction.reform(TicketDataAction::EditProblem);
    let count = problem_count(&props.problem);
    let footer = html! {
        <div class="problem-footer">
            <FieldError field={fields::PROBLEM} message={problem_error.clone()} />
            <span
                id="problema-contagem"
                class={classes!("counter", (count > MAX_PROBLEM_CHARS).then_some("over"))}
                title="Caracteres usados / máximo"
            >
                { counter_text(count) }
            </span>
        </div>
    };
    let record = props.record.as_deref();

    html! {
        <div class="ticket-data">
            <FormError message={unplaced_message(&props.errors, &[fields::PLAN, fields::PROBLEM])} />
            if let Some(record) = record {
                <p class="ticket-customer">
                    <span class="customer-code">{ record.code.clone() }</span>
                    { record.name.clone() }
                </p>
            }
            <div class="plan-layout">
                { plans(props, record) }
                { match new_plan_of(props.plan_choices.as_deref(), props.new_plan) {
                    Some(plan) => new_plan_details(plan),
                    None => routing_point(chosen_plan(record, props.plan)),
                } }
            </div>
            // The error sits in the footer, beside the counter.
            <TextField id="problema" label="Problema descrito pelo cliente" required=true
                asterisk_hidden=true required_attribute=true class="problem" rows={6}
                describedby="problema-contagem" value={props.problem.clone()}
                error={problem_error} hide_error=true after={footer} {oninput} />
        </div>
    }
}

/// "Plano": one radio button per contracted plan, or why there is none to show.
fn plans(props: &TicketDataStepProps, record: Option<&CustomerRecord>) -> Html {
    let plan_error = message_at(&props.errors, fields::PLAN);
    let body = match (record, &props.error) {
        (_, Some(error)) => html! { <FormError message={error.clone()} /> },
        (None, None) => html! { <p class="loading" aria-live="polite">{ "Carregando…" }</p> },
        (Some(record), None) if record.plans.is_empty() => {
            html! { <p id="sem-contrato" class="empty">{ "Nenhum plano contratado: escolha um novo plano." }</p> }
        }
        (Some(record), None) => {
            let option = |plan: &ContractedPlan| {
                let id = plan.id;
                let onchange = props
                    .onaction
                    .reform(move |_: Event| TicketDataAction::ChoosePlan(id));
                html! {
                    <label class="plan-choice" key={id.to_string()}>
                        <input
                            type="radio"
                            name="plano"
                            value={id.to_string()}
                            checked={props.plan == Some(id)}
                            {onchange}
                        />
                        <span class="plan-text">
                            <span class="plan-name">{ plan.plan.clone() }</span>
                            <span class="plan-speed">{ speed(plan) }</span>
                            <span class="plan-login">{ format!("Login: {}", or_dash(&plan.login)) }</span>
                        </span>
                        { contract_badge(&plan.status) }
                    </label>
                }
            };
            html! { <>{ for record.plans.iter().map(option) }</> }
        }
    };
    html! {
        <fieldset class={classes!("plan-choices", plan_error.is_some().then_some("invalid"))}>
            <legend>
                { "Plano" }
                <span class="required" aria-hidden="true">{ " *" }</span>
            </legend>
            { body }
            { new_plan_select(props) }
            <FieldError field={fields::PLAN} message={plan_error} />
        </fieldset>
    }
}

/// "Novo plano": every active plan, for a customer with no contract or who asks for another.
fn new_plan_select(props: &TicketDataStepProps) -> Html {
    let plans = props
        .plan_choices
        .as_ref()
        .map(|choices| choices.plans.clone())
        .unwrap_or_default();
    let onchange = {
        let onaction = props.onaction.clone();
        Callback::from(move |value: String| {
            if let Ok(plan) = Uuid::parse_str(&value) {
                onaction.emit(TicketDataAction::ChooseNewPlan(plan));
            }
        })
    };
    let placeholder = match (&props.plan_choices, &props.plan_choices_error) {
        (None, None) => "Carregando…",
        _ if plans.is_empty() => "Nenhum plano ativo",
        _ => "Escolher um novo plano",
    };
    let option = |plan: &PlanOption| {
        html! {
            <option
                key={plan.id.to_string()}
                value={plan.id.to_string()}
                selected={props.new_plan == Some(plan.id)}
            >
                { format!("{} · {}", plan.name, plan_speed(plan)) }
            </option>
        }
    };
    html! {
        <>
            <SelectField
                id="novo-plano"
                label="Escolher um novo plano"
                class={classes!("new-plan")}
                disabled={plans.is_empty()}
                {onchange}
            >
                <option value="" selected={props.new_plan.is_none()} disabled=true>{ placeholder }</option>
                <optgroup label="Novo plano">
                    { for plans.iter().map(option) }
                </optgroup>
            </SelectField>
            <FormError message={props.plan_choices_error.clone()} />
        </>
    }
}

/// The new plan chosen, if it is on offer.
fn new_plan_of(choices: Option<&PlanChoices>, chosen: Option<Uuid>) -> Option<&PlanOption> {
    let chosen = chosen?;
    choices?.plans.iter().find(|plan| plan.id == chosen)
}

/// "10/5 Mb/s", as the contracts show it.
fn plan_speed(plan: &PlanOption) -> String {
    format!("{}/{} Mb/s", plan.download_mbps, plan.upload_mbps)
}

/// The new plan's details: its routing point is decided when it is installed.
fn new_plan_details(plan: &PlanOption) -> Html {
    html! {
        <section
            id="novo-plano-detalhes"
            class="routing-point"
            aria-labelledby="novo-plano-titulo"
            aria-live="polite"
            data-plan-id={plan.id.to_string()}
        >
            <h3 id="novo-plano-titulo">{ "Novo plano" }</h3>
            <p id="novo-plano-nome" class="routing-point-name">{ plan.name.clone() }</p>
            <dl class="facts">
                { fact("Tecnologia", or_dash(&plan.technology)) }
                { fact("Velocidade", plan_speed(plan)) }
            </dl>
            <p id="ponto-a-definir" class="muted">{ "Ponto de Roteamento: a definir na instalação" }</p>
        </section>
    }
}

/// "Ponto de Roteamento" of the chosen plan, or a placeholder until one is chosen.
fn routing_point(plan: Option<&ContractedPlan>) -> Html {
    let Some(plan) = plan else {
        return html! {
            <section class="routing-point placeholder" aria-label="Ponto de Roteamento">
                <h3>{ "Ponto de Roteamento" }</h3>
                <p class="muted">{ "Escolha um plano para ver o ponto de roteamento que o atende." }</p>
            </section>
        };
    };
    let point: &RoutingPoint = &plan.routing_point;
    html! {
        <section
            id="ponto-roteamento"
            class="routing-point"
            aria-labelledby="ponto-roteamento-titulo"
            aria-live="polite"
            data-routing-point-id={point.id.to_string()}
        >
            <h3 id="ponto-roteamento-titulo">{ "Ponto de Roteamento" }</h3>
            <p id="ponto-nome" class="routing-point-name">{ or_dash(&point.name) }</p>
            <dl class="facts">
                { fact("Tipo", or_dash(&point.kind)) }
                { fact("Endereço", or_dash(&point.address)) }
                <dt>{ "IP" }</dt>
                <dd class="mono">{ or_dash(&point.ip) }</dd>
                <dt>{ "Situação" }</dt>
                <dd id="ponto-status">{ routing_badge(&point.status) }</dd>
                { fact("Plano", format!("{} – {}", plan.plan, plan.login)) }
            </dl>
        </section>
    }
}

/// The plan chosen, if the customer has it.
fn chosen_plan(record: Option<&CustomerRecord>, chosen: Option<Uuid>) -> Option<&ContractedPlan> {
    let chosen = chosen?;
    record?.plans.iter().find(|plan| plan.id == chosen)
}

/// How many characters of the problem count towards its limit: as the core counts them,
/// without the blanks around the text.
fn problem_count(problem: &str) -> usize {
    problem.trim().chars().count()
}

/// "N/4000".
fn counter_text(count: usize) -> String {
    format!("{count}/{MAX_PROBLEM_CHARS}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wizard::customer_view::tests::record;
    use crate::wizard::state::fixtures::fibra_500;

    #[test]
    fn the_counter_counts_characters_not_bytes() {
        assert_eq!(counter_text(problem_count("")), "0/4000");
        assert_eq!(counter_text(problem_count("Sem conexão")), "11/4000");
        assert_eq!(problem_count("ç\nã"), 3);
        assert_eq!(problem_count("  sem sinal \n"), 9);
    }

    #[test]
    fn the_new_plan_is_found_among_the_active_ones() {
        let fibra = fibra_500();
        let choices = PlanChoices {
            plans: vec![fibra.clone()],
            routing_points: Vec::new(),
        };
        assert_eq!(new_plan_of(Some(&choices), Some(fibra.id)), Some(&fibra));
        assert_eq!(new_plan_of(Some(&choices), Some(Uuid::from_u128(1))), None);
        assert_eq!(new_plan_of(None, Some(fibra.id)), None);
        assert_eq!(plan_speed(&fibra), "500/250 Mb/s");
    }

    #[test]
    fn the_routing_point_is_the_chosen_plans() {
        let record = record();
        let second = record.plans[1].id;
        assert_eq!(
            chosen_plan(Some(&record), Some(second)).map(|plan| plan.routing_point.name.as_str()),
            Some("OLT 11")
        );
        assert_eq!(chosen_plan(Some(&record), None), None);
        assert_eq!(chosen_plan(Some(&record), Some(Uuid::from_u128(999))), None);
        assert_eq!(chosen_plan(None, Some(second)), None);
    }
}
