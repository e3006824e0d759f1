//! "Tarefa": an internal task created with the ticket: title, description, who does it (a
//! user or a role) and by when.
use helpdesk_api::{Assignee, CommandError};
use helpdesk_core::task::{fields, TaskForm, MAX_DESCRIPTION_CHARS};
use yew::prelude::*;

use crate::components::{message_at, FormError, SelectField, TextField};
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
    let on_assignee = {
        let onaction = props.onaction.clone();
        Callback::from(move |value: String| {
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
    // The assignee chosen before, if the list no longer offers it.
    let gone_assignee = html! {
        if let Some(gone) = task.assignee.as_ref().filter(|a| !assignees.contains(a)).filter(|_| !assignees.is_empty()) {
            <p class="muted">{ format!("Escolhido antes: {} (não está mais na lista)", gone.describe()) }</p>
        }
    };

    html! {
        <div class="task-step">
            <TextField
                id={fields::TITLE}
                label="Título"
                required=true
                autofocus=true
                value={task.title.clone()}
                error={error(fields::TITLE)}
                oninput={edit(TaskEdit::Title)}
            />
            <TextField
                id={fields::DESCRIPTION}
                label="Descrição"
                rows={4}
                placeholder={format!("Até {MAX_DESCRIPTION_CHARS} caracteres")}
                value={task.description.clone()}
                error={error(fields::DESCRIPTION)}
                oninput={edit(TaskEdit::Description)}
            />
            <div class="field">
                <SelectField
                    id={fields::ASSIGNEE}
                    label="Destinada a"
                    required=true
                    bare=true
                    error={error(fields::ASSIGNEE)}
                    disabled={assignees.is_empty()}
                    onchange={on_assignee}
                    after={gone_assignee}
                >
                    <option value="" selected={!assignees.iter().any(|a| task.assignee.as_ref() == Some(a))} disabled=true>
                        { if props.assignees.loading { "Carregando…" } else { "Escolha um usuário ou cargo" } }
                    </option>
                    { for assignees.iter().enumerate().map(option) }
                </SelectField>
                <FormError message={props.assignees.error.as_ref().map(|e| AttrValue::from(e.message.clone()))} />
            </div>
            <TextField
                id={fields::DUE}
                label="Prazo"
                required=true
                inputmode="numeric"
                placeholder="dd/mm/aaaa"
                calendar=true
                value={task.due.clone()}
                error={error(fields::DUE)}
                oninput={edit(TaskEdit::Due)}
            />
            <button id="remover-tarefa" type="button" class="link" onclick={onremove}>
                { "Remover tarefa" }
            </button>
        </div>
    }
}
