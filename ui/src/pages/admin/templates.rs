//! "Modelos de E-mail": the templates with the roles that may use them; "Novo modelo",
//! "Editar" and "Excluir" (after a confirmation).
use std::rc::Rc;

use helpdesk_api::{AdminListEmailTemplates, Assignee, DeleteEmailTemplate, ListAssignees, Uuid};
use helpdesk_core::email::{EmailTemplate, EmailTemplateDraft};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::api;
use crate::components::{Dialog, FormError};
use crate::hooks::use_command;
use crate::pages::admin::template_form::{Role, TemplateForm};

/// `section#modelos-email`: the list, or the form of the template being written.
#[function_component]
pub fn EmailTemplates() -> Html {
    let templates = use_command::<AdminListEmailTemplates>(());
    let assignees = use_command::<ListAssignees>(());
    let editing = use_state(|| None::<EmailTemplateDraft>);
    let deleting = use_state(|| None::<EmailTemplate>);
    // Why "Excluir" failed.
    let error = use_state(|| None::<AttrValue>);
    let notice = use_state(|| None::<AttrValue>);
    let roles: Rc<Vec<Role>> = Rc::new(
        assignees
            .value()
            .into_iter()
            .flatten()
            .filter_map(|assignee| match assignee {
                Assignee::Role { id, name } => Some(Role {
                    id: *id,
                    name: name.clone(),
                }),
                Assignee::User { .. } => None,
            })
            .collect(),
    );

    let edit = |draft: EmailTemplateDraft| {
        let (editing, notice) = (editing.clone(), notice.clone());
        move || {
            notice.set(None);
            editing.set(Some(draft.clone()));
        }
    };
    let onnew = {
        let start = edit(EmailTemplateDraft::default());
        Callback::from(move |_: MouseEvent| start())
    };
    let onsaved = {
        let (editing, reload, notice) = (editing.clone(), templates.reload(), notice.clone());
        Callback::from(move |saved: EmailTemplate| {
            editing.set(None);
            notice.set(Some(format!("Modelo \"{}\" salvo.", saved.name).into()));
            reload.emit(());
        })
    };
    let oncancel = {
        let editing = editing.clone();
        Callback::from(move |()| editing.set(None))
    };
    let close_delete = {
        let deleting = deleting.clone();
        Callback::from(move |()| deleting.set(None))
    };
    let ondelete = {
        let (deleting, reload, error, notice) = (
            deleting.clone(),
            templates.reload(),
            error.clone(),
            notice.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let Some(template) = (*deleting).clone() else {
                return;
            };
            deleting.set(None);
            let (reload, error, notice) = (reload.clone(), error.clone(), notice.clone());
            spawn_local(async move {
                match api::invoke::<DeleteEmailTemplate>(&template.id).await {
                    Ok(()) => {
                        error.set(None);
                        notice.set(Some(
                            format!("Modelo \"{}\" excluído.", template.name).into(),
                        ));
                        reload.emit(());
                    }
                    Err(failure) => error.set(Some(failure.message.into())),
                }
            });
        })
    };
    let role_names = |ids: &[Uuid]| -> String {
        if ids.is_empty() {
            return "Todos".to_owned();
        }
        ids.iter()
            .map(|id| {
                roles
                    .iter()
                    .find(|role| role.id == *id)
                    .map_or_else(|| "(cargo removido)".to_owned(), |role| role.name.clone())
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let row = |template: &EmailTemplate| {
        let onedit = {
            let start = edit(EmailTemplateDraft {
                id: Some(template.id),
                name: template.name.clone(),
                subject: template.subject.clone(),
                body: template.body.clone(),
                role_ids: template.role_ids.clone(),
            });
            Callback::from(move |_: MouseEvent| start())
        };
        let onask = {
            let (deleting, template) = (deleting.clone(), template.clone());
            Callback::from(move |_: MouseEvent| deleting.set(Some(template.clone())))
        };
        html! {
            <tr key={template.id.to_string()} data-template={template.name.clone()}>
                <td>{ template.name.clone() }</td>
                <td>{ template.subject.clone() }</td>
                <td>{ role_names(&template.role_ids) }</td>
                <td class="email-admin-actions">
                    <button type="button" class="modelo-editar" onclick={onedit}>{ "Editar" }</button>
                    <button type="button" class="modelo-excluir danger" onclick={onask}>{ "Excluir" }</button>
                </td>
            </tr>
        }
    };

    if let Some(draft) = &*editing {
        return html! {
            <TemplateForm initial={draft.clone()} {roles} {onsaved} {oncancel} />
        };
    }
    html! {
        <section id="modelos-email" aria-label="Modelos de E-mail">
            <div class="email-admin-actions">
                <button id="novo-modelo" type="button" class="primary" onclick={onnew}>{ "Novo modelo" }</button>
            </div>
            if let Some(notice) = &*notice {
                <p class="saved-note" role="status">{ notice.clone() }</p>
            }
            <FormError message={(*error).clone().or_else(|| assignees.error_message())} />
            { match (templates.value(), templates.error_message()) {
                (_, Some(message)) => html! { <FormError {message} /> },
                (None, None) => html! { <p aria-busy="true">{ "Carregando…" }</p> },
                (Some(list), None) if list.is_empty() => html! {
                    <p class="muted">{ "Nenhum modelo cadastrado." }</p>
                },
                (Some(list), None) => html! {
                    <table id="modelos">
                        <thead><tr><th>{ "Nome" }</th><th>{ "Assunto" }</th><th>{ "Cargos" }</th><th></th></tr></thead>
                        <tbody>{ for list.iter().map(row) }</tbody>
                    </table>
                },
            } }
            if let Some(template) = &*deleting {
                <Dialog id="excluir-modelo" title="Excluir modelo" onclose={close_delete.clone()}>
                    <div class="dialog-body">
                        <p>{ format!("Excluir o modelo \"{}\"? Os atendentes não poderão mais usá-lo.", template.name) }</p>
                    </div>
                    <div class="dialog-footer">
                        <button id="excluir-modelo-nao" type="button" onclick={close_delete.reform(|_: MouseEvent| ())}>{ "Não" }</button>
                        <button id="excluir-modelo-sim" type="button" class="danger" onclick={ondelete}>{ "Sim, excluir" }</button>
                    </div>
                </Dialog>
            }
        </section>
    }
}
