//! "Nova tarefa" from the ticket's page: the wizard's task form ([`TaskStep`]) in a dialog,
//! sent as an addition to the ticket; a refusal keeps what was typed, at its field.
use helpdesk_api::{CommandError, ListAssignees, TicketAddition, Uuid};
use helpdesk_core::task::TaskForm;
use yew::prelude::*;

use super::save_addition::save_addition;
use crate::components::{unplaced_message, Dialog, FormError};
use crate::fetched::Fetched;
use crate::hooks::use_command;
use crate::wizard::state::{TaskAction, TaskEdit};
use crate::wizard::task_step::TaskStep;

/// Props of [`NewTask`].
#[derive(Properties, PartialEq)]
pub struct NewTaskProps {
    pub ticket_id: Uuid,
    /// Created, or closed without one.
    pub onclose: Callback<bool>,
}

/// `#nova-tarefa-dialogo`.
#[function_component]
pub fn NewTask(props: &NewTaskProps) -> Html {
    let form = use_state(TaskForm::default);
    let errors = use_state(Vec::<CommandError>::new);
    let busy = use_state(|| false);
    let assignees = use_command::<ListAssignees>(());
    let listed = assignees.shared_value();
    let fetched = Fetched {
        request: Some(()),
        loading: assignees.loading(),
        value: listed.clone(),
        error: assignees.error().cloned(),
        highlighted: None,
    };
    let onaction = {
        let (form, errors, onclose) = (form.clone(), errors.clone(), props.onclose.clone());
        Callback::from(move |action: TaskAction| {
            let mut next = (*form).clone();
            let field = match action {
                TaskAction::Edit(TaskEdit::Title(text)) => {
                    next.title = text;
                    helpdesk_core::task::fields::TITLE
                }
                TaskAction::Edit(TaskEdit::Description(text)) => {
                    next.description = text;
                    helpdesk_core::task::fields::DESCRIPTION
                }
                TaskAction::Edit(TaskEdit::Due(text)) => {
                    next.due = text;
                    helpdesk_core::task::fields::DUE
                }
                TaskAction::Edit(TaskEdit::Assignee(index)) => {
                    next.assignee = listed.as_ref().and_then(|all| all.get(index)).cloned();
                    helpdesk_core::task::fields::ASSIGNEE
                }
                TaskAction::Remove => return onclose.emit(false),
                TaskAction::AssigneesStarted | TaskAction::AssigneesFinished(_) => return,
            };
            form.set(next);
            let mut kept = (*errors).clone();
            kept.retain(|error| error.field.as_deref() != Some(field));
            errors.set(kept);
        })
    };
    let onsave = {
        let form = form.clone();
        save_addition(
            props.ticket_id,
            move || TicketAddition::Task((*form).clone()),
            errors.clone(),
            busy.clone(),
            props.onclose.clone(),
        )
    };
    let onclose = props.onclose.reform(|()| false);
    let task_fields = [
        helpdesk_core::task::fields::TITLE,
        helpdesk_core::task::fields::DESCRIPTION,
        helpdesk_core::task::fields::ASSIGNEE,
        helpdesk_core::task::fields::DUE,
    ];
    html! {
        <Dialog id="nova-tarefa-dialogo" title="Nova tarefa" onclose={onclose.clone()}>
            <form class="dialog-form" onsubmit={onsave}>
                <div class="dialog-body">
                    <TaskStep task={(*form).clone()} assignees={fetched} errors={(*errors).clone()} {onaction} />
                    <FormError message={unplaced_message(&errors, &task_fields)} />
                </div>
                <div class="dialog-footer">
                    <button id="nova-tarefa-cancelar" type="button" onclick={onclose.reform(|_: MouseEvent| ())}>
                        { "Cancelar" }
                    </button>
                    <button id="nova-tarefa-salvar" type="submit" class="primary" disabled={*busy}>
                        { "Criar tarefa" }
                    </button>
                </div>
            </form>
        </Dialog>
    }
}
