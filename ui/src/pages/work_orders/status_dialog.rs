//! The status dialog of a visit: the new status, the actual start and end (dd/mm/aaaa
//! hh:mm, now by default), the outcome, the technician's report and "Resolver o
//! atendimento". The whole form is checked by the core first (every error at its field),
//! then by the shell against the visit as stored; what was typed stays on a refusal.
//! Reused wherever a visit is shown (the list, the ticket's page).
use helpdesk_api::{
    ChangeWorkOrderStatus, CommandError, LoadWorkOrderCatalog, StatusForm, VisitOutcome,
    WorkOrderLine, WorkOrderStage, WorkOrderStatus,
};
use helpdesk_core::work_order_life::{
    fields, format_typed, StatusTarget, VisitLife, MAX_REPORT_CHARS,
};
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::api;
use crate::components::{
    message_at, unplaced_message, Dialog, FieldError, FormError, SelectField, TextField,
};
use crate::dom::local_offset_minutes;
use crate::hooks::use_command;

/// Props of [`StatusDialog`].
#[derive(Properties, PartialEq)]
pub struct StatusDialogProps {
    /// The visit, as last loaded.
    pub line: WorkOrderLine,
    /// "Cancelar" or Esc.
    pub onclose: Callback<()>,
    /// Saved: the work order as it is now.
    pub ondone: Callback<WorkOrderLine>,
}

/// `div#os-status-dialogo`.
#[function_component]
pub fn StatusDialog(props: &StatusDialogProps) -> Html {
    let catalog = use_command::<LoadWorkOrderCatalog>(());
    let line = &props.line;
    let form = {
        let line = line.clone();
        use_state(move || initial_form(&line))
    };
    let errors = use_state(Vec::<CommandError>::new);
    let busy = use_state(|| false);
    let statuses: Vec<WorkOrderStatus> = catalog
        .value()
        .map(|catalog| catalog.statuses.clone())
        .unwrap_or_default();
    // Once the catalog is in, the status the visit goes to next is proposed.
    {
        let (form, statuses) = (form.clone(), statuses.clone());
        let stage = line.visit.stage;
        use_effect_with(statuses.len(), move |_| {
            if form.status_id.is_none() {
                if let Some(next) = next_status(&statuses, stage) {
                    let mut changed = (*form).clone();
                    changed.status_id = Some(next);
                    form.set(changed);
                }
            }
        });
    }
    let target = form
        .status_id
        .and_then(|id| statuses.iter().find(|status| status.id == id));
    let stage = target.map(|status| status.stage);

    let update = |apply: fn(&mut StatusForm, String), field: &'static str| {
        let (form, errors) = (form.clone(), errors.clone());
        Callback::from(move |value: String| {
            let mut next = (*form).clone();
            apply(&mut next, value);
            form.set(next);
            errors.set(crate::components::errors_besides(&errors, field));
        })
    };
    let on_status = update(
        |form, value| form.status_id = value.parse().ok(),
        fields::STATUS,
    );
    let on_started = update(|form, value| form.started_at = value, fields::STARTED);
    let on_finished = update(|form, value| form.finished_at = value, fields::FINISHED);
    let on_outcome = update(
        |form, value| {
            form.outcome = VisitOutcome::ALL
                .into_iter()
                .find(|outcome| outcome.code() == value)
        },
        fields::OUTCOME,
    );
    let on_report = update(|form, value| form.report = value, fields::REPORT);
    let on_resolve = {
        let (form, errors) = (form.clone(), errors.clone());
        Callback::from(move |event: Event| {
            let mut next = (*form).clone();
            next.resolve_ticket = event.target_unchecked_into::<HtmlInputElement>().checked();
            form.set(next);
            errors.set(crate::components::errors_besides(&errors, fields::RESOLVE));
        })
    };
    let onsubmit = {
        let (form, errors, busy, ondone) = (
            form.clone(),
            errors.clone(),
            busy.clone(),
            props.ondone.clone(),
        );
        let (line, statuses) = (line.clone(), statuses.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let request = (*form).clone();
            let now = js_sys::Date::now() as i64;
            let checked = request.check(
                &life_of(&line),
                target_of(&statuses, request.status_id).as_ref(),
                now,
                local_offset_minutes(),
            );
            if let Err(refused) = checked {
                errors.set(refused.into_iter().map(CommandError::from).collect());
                return;
            }
            let (errors, busy, ondone) = (errors.clone(), busy.clone(), ondone.clone());
            busy.set(true);
            spawn_local(async move {
                match api::invoke::<ChangeWorkOrderStatus>(&request).await {
                    Ok(saved) => {
                        errors.set(Vec::new());
                        ondone.emit(saved);
                    }
                    Err(failure) => errors.set(vec![failure]),
                }
                busy.set(false);
            });
        })
    };

    let mut shown_errors = (*errors).clone();
    shown_errors.extend(catalog.error().cloned());
    let at = |field: &str| message_at(&shown_errors, field);
    let closed = line.visit.stage.is_final();
    let title = format!(
        "Ordem de serviço · {} · {}",
        line.visit.protocol, line.visit.customer_name
    );
    let report_label = if stage == Some(WorkOrderStage::Cancelled) {
        "Motivo do cancelamento"
    } else {
        "Relatório do técnico"
    };
    let needs_times = matches!(
        stage,
        Some(WorkOrderStage::InProgress | WorkOrderStage::Done)
    );
    let done = stage == Some(WorkOrderStage::Done);
    let outcome_value = form.outcome.map(VisitOutcome::code).unwrap_or_default();
    html! {
        <Dialog id="os-status-dialogo" title={title} onclose={props.onclose.clone()}>
            <form class="dialog-form" onsubmit={onsubmit}>
                <div class="dialog-body">
                    <p class="visit-summary">
                        { format!("{} · {} · {}", line.visit.type_name, line.technician_name, line.visit.status_name) }
                    </p>
                    if closed {
                        <p id="os-encerrada" class="notice">
                            { format!("Esta visita está {}: ela não muda mais.", line.visit.stage.label().to_lowercase()) }
                        </p>
                        if !line.report.is_empty() {
                            <p class="visit-report">{ line.report.clone() }</p>
                        }
                    } else {
                        <SelectField id={fields::STATUS} label="Novo status" required=true
                            field={fields::STATUS} error={at(fields::STATUS)} onchange={on_status}>
                            <option value="" selected={form.status_id.is_none()}>{ "Escolha…" }</option>
                            { for statuses.iter().map(|status| {
                                let value = status.id.to_string();
                                html! {
                                    <option value={value} selected={form.status_id == Some(status.id)}>
                                        { format!("{} ({})", status.name, status.stage.label()) }
                                    </option>
                                }
                            }) }
                        </SelectField>
                        if needs_times || stage == Some(WorkOrderStage::Cancelled) {
                            <TextField id={fields::STARTED} label="Início real" field={fields::STARTED}
                                required={needs_times} placeholder="dd/mm/aaaa hh:mm" autocomplete="off"
                                value={form.started_at.clone()} error={at(fields::STARTED)} oninput={on_started} />
                        }
                        if done {
                            <TextField id={fields::FINISHED} label="Fim real" field={fields::FINISHED}
                                required=true placeholder="dd/mm/aaaa hh:mm" autocomplete="off"
                                value={form.finished_at.clone()} error={at(fields::FINISHED)} oninput={on_finished} />
                            <SelectField id={fields::OUTCOME} label="Resultado da visita" required=true
                                field={fields::OUTCOME} error={at(fields::OUTCOME)} onchange={on_outcome}>
                                <option value="" selected={outcome_value.is_empty()}>{ "Escolha…" }</option>
                                { for VisitOutcome::ALL.iter().map(|outcome| html! {
                                    <option value={outcome.code()} selected={outcome.code() == outcome_value}>
                                        { outcome.label() }
                                    </option>
                                }) }
                            </SelectField>
                        }
                        <TextField id={fields::REPORT} label={report_label} field={fields::REPORT}
                            required={done || stage == Some(WorkOrderStage::Cancelled)} rows={4}
                            maxlength={(MAX_REPORT_CHARS + 100).to_string()}
                            value={form.report.clone()} error={at(fields::REPORT)} oninput={on_report} />
                        if done {
                            <div class="field check">
                                <label>
                                    <input id={fields::RESOLVE} type="checkbox" checked={form.resolve_ticket}
                                        onchange={on_resolve} />
                                    { " Resolver o atendimento" }
                                </label>
                                <FieldError field={fields::RESOLVE} message={at(fields::RESOLVE)} />
                            </div>
                        }
                    }
                    <FormError message={unplaced_message(&shown_errors, &[
                        fields::STATUS, fields::STARTED, fields::FINISHED, fields::OUTCOME,
                        fields::REPORT, fields::RESOLVE,
                    ])} />
                </div>
                <div class="dialog-footer">
                    <button id="os-status-cancelar" type="button" onclick={props.onclose.reform(|_: MouseEvent| ())}>
                        { if closed { "Fechar" } else { "Cancelar" } }
                    </button>
                    if !closed {
                        <button id="os-status-salvar" type="submit" class="primary" disabled={*busy}>
                            { "Salvar" }
                        </button>
                    }
                </div>
            </form>
        </Dialog>
    }
}

/// The dialog's first values: the times known (else now), the report so far.
fn initial_form(line: &WorkOrderLine) -> StatusForm {
    let now = js_sys::Date::now() as i64;
    let offset = local_offset_minutes();
    StatusForm {
        work_order_id: line.visit.id,
        changed_at: line.visit.changed_at,
        status_id: None,
        started_at: format_typed(Some(line.started_at.unwrap_or(now)), offset),
        finished_at: format_typed(Some(line.finished_at.unwrap_or(now)), offset),
        outcome: line.outcome,
        report: line.report.clone(),
        resolve_ticket: false,
    }
}

/// The status a visit at `stage` usually goes to next: the first of the next stage.
fn next_status(statuses: &[WorkOrderStatus], stage: WorkOrderStage) -> Option<helpdesk_api::Uuid> {
    let next = match stage {
        WorkOrderStage::Open => WorkOrderStage::InProgress,
        WorkOrderStage::InProgress => WorkOrderStage::Done,
        _ => return None,
    };
    statuses
        .iter()
        .find(|status| status.stage == next)
        .map(|status| status.id)
}

/// Where the visit stands, for the core's check.
fn life_of(line: &WorkOrderLine) -> VisitLife {
    VisitLife {
        status_id: line.visit.status_id,
        status_name: line.visit.status_name.clone(),
        stage: line.visit.stage,
        started_at: line.started_at,
    }
}

/// The status chosen, as the catalog offers it (active).
fn target_of(statuses: &[WorkOrderStatus], id: Option<helpdesk_api::Uuid>) -> Option<StatusTarget> {
    let id = id?;
    statuses
        .iter()
        .find(|status| status.id == id)
        .map(|status| StatusTarget {
            id,
            name: status.name.clone(),
            stage: status.stage,
            active: true,
        })
}
