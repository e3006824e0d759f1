//! "Tarefa": an internal task created with the ticket: title, description, who does it (a
//! user or a role) and by when.
use helpdesk_api::Assignee;
use helpdesk_core::task::{fields, MAX_DESCRIPTION_CHARS};
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::components::{message_at, FieldError, FormError};
use crate::wizard::state::{TaskEdit, WizardAction, WizardState};

/// Props of [`TaskStep`].
#[derive(Properties, PartialEq)]
pub struct TaskStepProps {
    pub state: UseReducerHandle<WizardState>,
}

/// The task's form, kept in the draft as typed.
#[function_component]
pub fn TaskStep(props: &TaskStepProps) -> Html {
    let state = &props.state;
    let task = state.draft.task.clone().unwrap_or_default();
    let errors = &state.advance_errors;
    let edit = |make: fn(String) -> TaskEdit| {
        let dispatcher = state.dispatcher();
        Callback::from(move |value: String| {
            dispatcher.dispatch(WizardAction::EditTask(make(value)))
        })
    };
    let on_text = |make: fn(String) -> TaskEdit| {
        edit(make)
            .reform(|event: InputEvent| event.target_unchecked_into::<HtmlInputElement>().value())
    };
    let on_description = edit(TaskEdit::Description)
        .reform(|event: InputEvent| event.target_unchecked_into::<HtmlTextAreaElement>().value());
    let on_assignee = {
        let dispatcher = state.dispatcher();
        Callback::from(move |event: Event| {
            let value = event.target_unchecked_into::<HtmlSelectElement>().value();
            if let Ok(index) = value.parse() {
                dispatcher.dispatch(WizardAction::EditTask(TaskEdit::Assignee(index)));
            }
        })
    };
    let onremove = {
        let dispatcher = state.dispatcher();
        Callback::from(move |_: MouseEvent| dispatcher.dispatch(WizardAction::RemoveTask))
    };
    let assignees = state.assignees.value.clone().unwrap_or_default();
    let option = |(index, assignee): (usize, &Assignee)| {
        html! {
            <option
                key={index}
                value={index.to_string()}
                selected={task.assignee.as_ref() == Some(assignee)}
            >
                { assignee.describe() }
            </option>
        }
    };
    let error = |field: &str| message_at(errors, field);

    html! {
        <div class="task-step">
            <div class="field">
                <label for={fields::TITLE}>{ "Título" }<span class="required">{ " *" }</span></label>
                <input
                    id={fields::TITLE}
                    type="text"
                    data-autofocus="true"
                    value={task.title.clone()}
                    aria-invalid={error(fields::TITLE).is_some().then_some("true")}
                    oninput={on_text(TaskEdit::Title)}
                />
                <FieldError field={fields::TITLE} message={error(fields::TITLE)} />
            </div>
            <div class="field">
                <label for={fields::DESCRIPTION}>{ "Descrição" }</label>
                <textarea
                    id={fields::DESCRIPTION}
                    rows="4"
                    placeholder={format!("Até {MAX_DESCRIPTION_CHARS} caracteres")}
                    value={task.description.clone()}
                    aria-invalid={error(fields::DESCRIPTION).is_some().then_some("true")}
                    oninput={on_description}
                />
                <FieldError field={fields::DESCRIPTION} message={error(fields::DESCRIPTION)} />
            </div>
            <div class="field">
                <label for={fields::ASSIGNEE}>{ "Destinada a" }<span class="required">{ " *" }</span></label>
                <select
                    id={fields::ASSIGNEE}
                    aria-invalid={error(fields::ASSIGNEE).is_some().then_some("true")}
                    disabled={assignees.is_empty()}
                    onchange={on_assignee}
                >
                    <option value="" selected={!assignees.iter().any(|a| task.assignee.as_ref() == Some(a))} disabled=true>
                        { if state.assignees.loading { "Carregando…" } else { "Escolha um usuário ou cargo" } }
                    </option>
                    { for assignees.iter().enumerate().map(option) }
                </select>
                if let Some(gone) = task.assignee.as_ref().filter(|a| !assignees.contains(a)).filter(|_| !assignees.is_empty()) {
                    <p class="muted">{ format!("Escolhido antes: {} (não está mais na lista)", gone.describe()) }</p>
                }
                <FieldError field={fields::ASSIGNEE} message={error(fields::ASSIGNEE)} />
                <FormError message={state.assignees.error.as_ref().map(|e| AttrValue::from(e.message.clone()))} />
            </div>
            <div class="field">
                <label for={fields::DUE}>{ "Prazo" }<span class="required">{ " *" }</span></label>
                <input
                    id={fields::DUE}
                    type="text"
                    inputmode="numeric"
                    placeholder="dd/mm/aaaa"
                    value={task.due.clone()}
                    aria-invalid={error(fields::DUE).is_some().then_some("true")}
                    oninput={on_text(TaskEdit::Due)}
                />
                <FieldError field={fields::DUE} message={error(fields::DUE)} />
            </div>
            <button id="remover-tarefa" type="button" class="link" onclick={onremove}>
                { "Remover tarefa" }
            </button>
        </div>
    }
}
