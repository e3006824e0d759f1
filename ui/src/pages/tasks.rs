//! "Minhas Tarefas": the logged-in operator's tasks and their role's, open ones first by due
//! date, each with "Concluir"; and the table of tasks the ticket page shows too.
use helpdesk_api::{
    CommandError, CompleteTask, FindTicket, MyTasks, TaskSummary, TicketSummary, Uuid,
};
use helpdesk_core::date::format_instant;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::api;
use crate::components::FormError;
use crate::dom::local_offset_minutes;
use crate::hooks::use_command;

/// Props of [`TaskTable`].
#[derive(Properties, PartialEq)]
pub struct TaskTableProps {
    /// The table's `id`.
    pub id: AttrValue,
    pub tasks: Vec<TaskSummary>,
    /// "Concluir" on an open task; without it, no button.
    #[prop_or_default]
    pub oncomplete: Option<Callback<Uuid>>,
    /// Opens the ticket of a task (by its protocol); without it, no button.
    #[prop_or_default]
    pub onopen: Option<Callback<String>>,
    #[prop_or_default]
    pub busy: bool,
}

/// `table` with a `tr[data-task-id][data-done]` per task.
#[function_component]
pub fn TaskTable(props: &TaskTableProps) -> Html {
    if props.tasks.is_empty() {
        return html! {
            <p id={format!("{}-vazio", props.id)} class="empty">{ "Nenhuma tarefa." }</p>
        };
    }
    let offset = local_offset_minutes();
    let now = js_sys::Date::now() as i64;
    let dash = || "—".to_owned();
    html! {
        <div class="table-scroll">
            <table id={props.id.clone()} class="grid tasks">
                <thead>
                    <tr>
                        <th>{ "Tarefa" }</th>
                        <th>{ "Atendimento" }</th>
                        <th>{ "Para" }</th>
                        <th>{ "Prazo" }</th>
                        <th>{ "Situação" }</th>
                        <th></th>
                    </tr>
                </thead>
                <tbody>
                    { for props.tasks.iter().map(|task| {
                        let done = task.done_at.is_some();
                        let class = classes!(task.is_overdue(now).then_some("overdue"), done.then_some("done"));
                        let protocol = task.protocol.map(|p| p.to_string());
                        html! {
                            <tr key={task.id.to_string()} {class} data-task-id={task.id.to_string()} data-done={done.to_string()}>
                                <td>
                                    <strong class="task-title">{ task.title.clone() }</strong>
                                    if !task.description.is_empty() {
                                        <div class="muted">{ task.description.clone() }</div>
                                    }
                                </td>
                                <td>
                                    { match (&protocol, &task.customer_name) {
                                        (Some(p), Some(name)) => format!("{p} · {name}"),
                                        (Some(p), None) => p.clone(),
                                        _ => dash(),
                                    } }
                                    if let (Some(onopen), Some(protocol)) = (&props.onopen, protocol.clone()) {
                                        { " " }
                                        <button
                                            type="button"
                                            class="link abrir-tarefa-atendimento"
                                            data-protocol={protocol.clone()}
                                            onclick={onopen.reform(move |_: MouseEvent| protocol.clone())}
                                        >
                                            { "Abrir" }
                                        </button>
                                    }
                                </td>
                                <td>{ task.assignee.as_ref().map_or_else(dash, |a| a.describe()) }</td>
                                <td>{ task.due_at.map_or_else(|| "Sem prazo".to_owned(), |at| format_instant(at, offset)) }</td>
                                <td>
                                    { match task.done_at {
                                        Some(at) => format!("Concluída em {}", format_instant(at, offset)),
                                        None if task.is_overdue(now) => "Atrasada".to_owned(),
                                        None => "Aberta".to_owned(),
                                    } }
                                </td>
                                <td>
                                    if let (Some(oncomplete), false) = (&props.oncomplete, done) {
                                        <button
                                            type="button"
                                            class="concluir"
                                            data-task-id={task.id.to_string()}
                                            disabled={props.busy}
                                            onclick={
                                                let id = task.id;
                                                oncomplete.reform(move |_: MouseEvent| id)
                                            }
                                        >
                                            { "Concluir" }
                                        </button>
                                    }
                                </td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    }
}

/// Props of [`TasksPage`].
#[derive(Properties, PartialEq)]
pub struct TasksPageProps {
    /// Opens a task's ticket.
    pub onopen: Callback<TicketSummary>,
    /// "Voltar".
    pub onclose: Callback<()>,
}

/// `main#minhas-tarefas-pagina` with `table#tarefas`.
#[function_component]
pub fn TasksPage(props: &TasksPageProps) -> Html {
    let tasks = use_command::<MyTasks>(());
    // Why "Concluir" or "Abrir" failed.
    let error = use_state(|| None::<CommandError>);
    let busy = use_state(|| false);
    let oncomplete = {
        let (error, busy, reload) = (error.clone(), busy.clone(), tasks.reload());
        Callback::from(move |id: Uuid| {
            let (error, busy, reload) = (error.clone(), busy.clone(), reload.clone());
            busy.set(true);
            spawn_local(async move {
                match api::invoke::<CompleteTask>(&id).await {
                    Ok(_) => {
                        error.set(None);
                        reload.emit(());
                    }
                    Err(failure) => error.set(Some(failure)),
                }
                busy.set(false);
            });
        })
    };
    let onopen = {
        let (error, onopen) = (error.clone(), props.onopen.clone());
        Callback::from(move |protocol: String| {
            let (error, onopen) = (error.clone(), onopen.clone());
            spawn_local(async move {
                match api::invoke::<FindTicket>(&protocol).await {
                    Ok(Some(ticket)) => onopen.emit(ticket),
                    Ok(None) => error.set(Some(CommandError::new(
                        helpdesk_api::ErrorCode::NotFound,
                        "Este atendimento não existe mais.",
                    ))),
                    Err(failure) => error.set(Some(failure)),
                }
            });
        })
    };
    html! {
        <main id="minhas-tarefas-pagina" class="tasks-page">
            <div class="page-header">
                <h1>{ "Minhas Tarefas" }</h1>
                <button id="voltar-inicio" type="button" onclick={props.onclose.reform(|_: MouseEvent| ())}>
                    { "Voltar" }
                </button>
            </div>
            <p class="muted">{ "As tarefas para você e para o seu cargo: as abertas primeiro, pelo prazo." }</p>
            <FormError message={error.as_ref().map(|e| AttrValue::from(e.message.clone())).or_else(|| tasks.error_message())} />
            { match tasks.value() {
                None => html! { <p aria-busy="true">{ "Carregando…" }</p> },
                Some(list) => html! {
                    <TaskTable id="tarefas" tasks={list.clone()} oncomplete={Some(oncomplete)} onopen={Some(onopen)} busy={*busy} />
                },
            } }
        </main>
    }
}
