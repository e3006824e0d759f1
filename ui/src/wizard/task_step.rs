//! "Tarefa": an internal task created with the ticket: title, description, who does it (a
//! user or a role) and by when.
use helpdesk_api::{Assignee, CommandError};
use helpdesk_core::task::{fields, TaskForm, MAX_DESCRIPTION_CHARS};
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::components::{message_at, FieldError, FormError};
use crate::fetched::Fetched;
use crate::wizard::state::{TaskAction, TaskEdit};

/// Props of [`TaskStep`].
#[derive(Properties, PartialEq)]
pub struct TaskStepProps {
    /// The task as typed.
    pub task: TaskForm,
    /// Who it can be given to.
    pub assignees: Fetched<(), Vec<Assignee>>,
    /// Why the save refused, at the fields.
    pub errors: Vec<CommandError>,
    pub onaction: Callback<TaskAction>,
}

/// The task's form, kept in the draft as typed.
#[function_component]
pub fn TaskStep(props: &TaskStepProps) -> Html {
    let task = &props.task;
    let errors = &props.errors;
    let edit = |make: fn(String) -> TaskEdit| {
        props
            .onaction
            .reform(move |value: String| TaskAction::Edit(make(value)))
    };
    let on_text = |make: fn(String) -> TaskEdit| {
        edit(make)
            .reform(|event: InputEvent| event.target_unchecked_into::<HtmlInputElement>().value())
    };
    let on_description = edit(TaskEdit::Description)
        .reform(|event: InputEvent| event.target_unchecked_into::<HtmlTextAreaElement>().value());
    let on_assignee = {
        let onaction = props.onaction.clone();
        Callback::from(move |event: Event| {
            let value = event.target_unchecked_into::<HtmlSelectElement>().value();
            if let Ok(index) = value.parse() {
                onaction.emit(TaskAction::Edit(TaskEdit::Assignee(index)));
            }
        })
    };
    let onremove = props.onaction.reform(|_: MouseEvent| TaskAction::Remove);
    let assignees = props.assignees.value.clone().unwrap_or_default();
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
                        { if props.assignees.loading { "Carregando…" } else { "Escolha um usuário ou cargo" } }
                    </option>
                    { for assignees.iter().enumerate().map(option) }
                </select>
                if let Some(gone) = task.assignee.as_ref().filter(|a| !assignees.contains(a)).filter(|_| !assignees.is_empty()) {
                    <p class="muted">{ format!("Escolhido antes: {} (não está mais na lista)", gone.describe()) }</p>
                }
                <FieldError field={fields::ASSIGNEE} message={error(fields::ASSIGNEE)} />
                <FormError message={props.assignees.error.as_ref().map(|e| AttrValue::from(e.message.clone()))} />
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
