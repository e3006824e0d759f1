//! The form of one "Modelo de E-mail": name, subject, body (with the placeholders a click
//! inserts where the cursor is) and the roles that may use it.
use std::rc::Rc;

use helpdesk_api::{CommandError, SaveEmailTemplate, Uuid};
use helpdesk_core::email::{
    template_fields as fields, EmailTemplate, EmailTemplateDraft, PLACEHOLDERS,
};
use wasm_bindgen_futures::spawn_local;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::api;
use crate::components::{
    errors_besides, message_at, unplaced_message, FieldError, FormError, TextField,
};
use crate::pages::admin::placeholder::insert_placeholder;

/// A role ("Cargo") a template can be given to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Role {
    pub id: Uuid,
    pub name: String,
}

/// Props of [`TemplateForm`].
#[derive(Properties, PartialEq)]
pub struct TemplateFormProps {
    /// The template as it starts (empty for a new one).
    pub initial: EmailTemplateDraft,
    pub roles: Rc<Vec<Role>>,
    pub onsaved: Callback<EmailTemplate>,
    pub oncancel: Callback<()>,
}

/// Which text a placeholder goes into: the one last focused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    Subject,
    Body,
}

/// `form#modelo-form`.
#[function_component]
pub fn TemplateForm(props: &TemplateFormProps) -> Html {
    let draft = use_state(|| props.initial.clone());
    let errors = use_state(Vec::<CommandError>::new);
    let saving = use_state(|| false);
    let target = use_state(|| Target::Body);
    let (subject_ref, body_ref) = (use_node_ref(), use_node_ref());
    // Where the cursor goes once an inserted placeholder is on screen.
    let cursor = use_state(|| None::<(Target, u32)>);
    {
        let (subject_ref, body_ref) = (subject_ref.clone(), body_ref.clone());
        use_effect_with(*cursor, move |cursor| {
            // Setting the selection or the focus can only fail on a detached element.
            match cursor {
                Some((Target::Subject, at)) => {
                    if let Some(input) = subject_ref.cast::<HtmlInputElement>() {
                        let _ = input.focus();
                        let _ = input.set_selection_range(*at, *at);
                    }
                }
                Some((Target::Body, at)) => {
                    if let Some(area) = body_ref.cast::<HtmlTextAreaElement>() {
                        let _ = area.focus();
                        let _ = area.set_selection_range(*at, *at);
                    }
                }
                None => {}
            }
        });
    }

    let change = |apply: fn(&mut EmailTemplateDraft, String), field: &'static str| {
        let (draft, errors) = (draft.clone(), errors.clone());
        Callback::from(move |value: String| {
            let mut next = (*draft).clone();
            apply(&mut next, value);
            draft.set(next);
            errors.set(errors_besides(&errors, field));
        })
    };
    let on_name = change(|d, v| d.name = v, fields::NAME);
    let on_subject = change(|d, v| d.subject = v, fields::SUBJECT);
    let on_body = change(|d, v| d.body = v, fields::BODY);
    let focus_on = |to: Target| {
        let target = target.clone();
        Callback::from(move |_: FocusEvent| target.set(to))
    };
    let insert = |name: &'static str| {
        let (draft, target, cursor) = (draft.clone(), target.clone(), cursor.clone());
        let (subject_ref, body_ref) = (subject_ref.clone(), body_ref.clone());
        Callback::from(move |_: MouseEvent| {
            let mut next = (*draft).clone();
            let at = match *target {
                Target::Subject => {
                    let range = subject_ref
                        .cast::<HtmlInputElement>()
                        .map(|input| (input.selection_start(), input.selection_end()));
                    let (start, end) = selection(range, &next.subject);
                    let (text, at) = insert_placeholder(&next.subject, name, start, end);
                    next.subject = text;
                    at
                }
                Target::Body => {
                    let range = body_ref
                        .cast::<HtmlTextAreaElement>()
                        .map(|area| (area.selection_start(), area.selection_end()));
                    let (start, end) = selection(range, &next.body);
                    let (text, at) = insert_placeholder(&next.body, name, start, end);
                    next.body = text;
                    at
                }
            };
            draft.set(next);
            cursor.set(Some((*target, at)));
        })
    };
    let toggle_role = |id: Uuid| {
        let (draft, errors) = (draft.clone(), errors.clone());
        Callback::from(move |_: Event| {
            let mut next = (*draft).clone();
            if next.role_ids.contains(&id) {
                next.role_ids.retain(|role| *role != id);
            } else {
                next.role_ids.push(id);
            }
            draft.set(next);
            errors.set(errors_besides(&errors, fields::ROLES));
        })
    };
    let onsubmit = {
        let (draft, errors, saving, onsaved) = (
            draft.clone(),
            errors.clone(),
            saving.clone(),
            props.onsaved.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if *saving {
                return;
            }
            // The shell checks again; checking here shows every reason at once.
            if let Err(found) = draft.validate(Uuid::nil()) {
                errors.set(found.into_iter().map(CommandError::from).collect());
                return;
            }
            saving.set(true);
            let (request, errors, saving, onsaved) = (
                (*draft).clone(),
                errors.clone(),
                saving.clone(),
                onsaved.clone(),
            );
            spawn_local(async move {
                match api::invoke::<SaveEmailTemplate>(&request).await {
                    Ok(saved) => onsaved.emit(saved),
                    Err(error) => errors.set(vec![error]),
                }
                saving.set(false);
            });
        })
    };
    let error = |field: &str| message_at(&errors, field);
    let role = |role: &Role| {
        html! {
            <li key={role.id.to_string()}>
                <label>
                    <input type="checkbox" name={fields::ROLES} value={role.id.to_string()}
                        checked={draft.role_ids.contains(&role.id)} onchange={toggle_role(role.id)} />
                    { role.name.clone() }
                </label>
            </li>
        }
    };

    html! {
        <form id="modelo-form" class="template-form" onsubmit={onsubmit}>
            <h2>{ if draft.id.is_some() { "Editar modelo" } else { "Novo modelo" } }</h2>
            <FormError message={unplaced_message(&errors, &[fields::NAME, fields::SUBJECT, fields::BODY, fields::ROLES])} />
            <TextField id={fields::NAME} label="Nome" required=true value={draft.name.clone()} autofocus=true
                error={error(fields::NAME)} oninput={on_name} />
            <TextField id={fields::SUBJECT} label="Assunto" required=true value={draft.subject.clone()}
                node_ref={subject_ref.clone()} error={error(fields::SUBJECT)} oninput={on_subject}
                onfocus={focus_on(Target::Subject)} />
            <div class="field">
                <span class="label">{ "Campos do atendimento (clique para inserir onde está o cursor)" }</span>
                <ul id="modelo-campos" class="placeholder-list">
                    { for PLACEHOLDERS.iter().map(|name| html! {
                        <li key={*name}>
                            <button type="button" data-placeholder={*name} onclick={insert(name)}>
                                { format!("{{{name}}}") }
                            </button>
                        </li>
                    }) }
                </ul>
            </div>
            <TextField id={fields::BODY} label="Corpo" required=true rows={12} value={draft.body.clone()}
                node_ref={body_ref.clone()} error={error(fields::BODY)} oninput={on_body}
                onfocus={focus_on(Target::Body)} />
            <fieldset class="field">
                <legend>{ "Cargos que podem usar" }</legend>
                <ul class="role-choices">{ for props.roles.iter().map(role) }</ul>
                <p class="hint muted">{ "Nenhum marcado: todos os cargos podem usar o modelo." }</p>
                <FieldError field={fields::ROLES} message={error(fields::ROLES)} />
            </fieldset>
            <div class="email-admin-actions">
                <button id="modelo-salvar" type="submit" class="primary" disabled={*saving}>
                    { if *saving { "Salvando…" } else { "Salvar modelo" } }
                </button>
                <button id="modelo-cancelar" type="button" onclick={props.oncancel.reform(|_: MouseEvent| ())}>
                    { "Cancelar" }
                </button>
            </div>
        </form>
    }
}

/// A selection as the browser reports it (start, end).
type Range = (
    Result<Option<u32>, wasm_bindgen::JsValue>,
    Result<Option<u32>, wasm_bindgen::JsValue>,
);

/// The selection the browser reports, or the end of `text` when it reports none.
fn selection(range: Option<Range>, text: &str) -> (u32, u32) {
    let length = u32::try_from(text.encode_utf16().count()).unwrap_or(u32::MAX);
    let (start, end) = range.map_or((None, None), |(start, end)| {
        (start.ok().flatten(), end.ok().flatten())
    });
    let start = start.unwrap_or(length);
    (start, end.unwrap_or(start))
}
