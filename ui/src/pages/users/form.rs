//! The form of one user: name, login, e-mail, role, team, and the first password when
//! creating (the user changes it at the first sign-in).
use helpdesk_api::{CatalogKind, ListCatalog, SaveUser, UserAccount, UserForm};
use helpdesk_core::form::FieldError;
use helpdesk_core::users::fields;
use yew::prelude::*;

use crate::components::{FormError, SelectField, TextField};
use crate::hooks::{use_command, use_submit};
use crate::pages::catalogs::{choice_options, choices, parse_choice};
use crate::pages::password::POLICY;

/// Every field's name, as the errors give it.
const ALL_FIELDS: [&str; 6] = [
    fields::NAME,
    fields::LOGIN,
    fields::EMAIL,
    fields::ROLE,
    fields::TEAM,
    fields::PASSWORD,
];

/// What is wrong with the form before it is sent; the shell checks it again.
fn check(form: &UserForm) -> Vec<FieldError> {
    form.validate().err().unwrap_or_default()
}

/// Props of [`UserEditor`].
#[derive(Properties, PartialEq)]
pub struct UserEditorProps {
    /// The user as it starts (empty for a new one).
    pub initial: UserForm,
    pub onsaved: Callback<UserAccount>,
    pub oncancel: Callback<()>,
}

/// `form#usuario-form`.
#[function_component]
pub fn UserEditor(props: &UserEditorProps) -> Html {
    let form = use_state(|| props.initial.clone());
    let submit = use_submit::<SaveUser>();
    let roles = use_command::<ListCatalog>(CatalogKind::Roles);
    let teams = use_command::<ListCatalog>(CatalogKind::Teams);
    let edit = |apply: fn(&mut UserForm, String), field: &'static str| {
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
    let text =
        |field: &'static str, label: &'static str, kind: &'static str, value: &str, apply| {
            html! {
                <TextField id={field} {label} {kind} required={field != fields::EMAIL}
                    value={value.to_owned()} error={submit.error(field)} autocomplete="off"
                    oninput={edit(apply, field)} />
            }
        };
    let creating = form.id.is_none();
    let role_choices = choices(roles.value().map_or(&[], Vec::as_slice), form.role_id);
    let team_choices = choices(teams.value().map_or(&[], Vec::as_slice), form.team_id);
    html! {
        <form id="usuario-form" class="admin-form" novalidate=true {onsubmit}>
            <h2>{ if creating { "Novo usuário" } else { "Editar usuário" } }</h2>
            <FormError message={submit.unplaced(&ALL_FIELDS)
                .or_else(|| roles.error_message()).or_else(|| teams.error_message())} />
            { text(fields::NAME, "Nome", "text", &form.name, |f, v| f.name = v) }
            { text(fields::LOGIN, "Login", "text", &form.login, |f, v| f.login = v) }
            { text(fields::EMAIL, "E-mail", "email", &form.email, |f, v| f.email = v) }
            <SelectField id={fields::ROLE} label="Cargo" required=true error={submit.error(fields::ROLE)}
                onchange={edit(|f, v| f.role_id = parse_choice(&v), fields::ROLE)}>
                { choice_options("Selecione…", &role_choices, form.role_id) }
            </SelectField>
            <SelectField id={fields::TEAM} label="Equipe" error={submit.error(fields::TEAM)}
                onchange={edit(|f, v| f.team_id = parse_choice(&v), fields::TEAM)}>
                { choice_options("Nenhuma", &team_choices, form.team_id) }
            </SelectField>
            if creating {
                { text(fields::PASSWORD, "Senha inicial", "password", &form.password, |f, v| f.password = v) }
                <p class="hint">{ format!("{POLICY} O usuário troca a senha na primeira entrada.") }</p>
            }
            <div class="form-actions">
                <button id="usuario-cancelar" type="button"
                    onclick={props.oncancel.reform(|_: MouseEvent| ())}>{ "Cancelar" }</button>
                <button id="usuario-salvar" type="submit" class="primary" disabled={submit.sending()}>
                    { if submit.sending() { "Salvando…" } else { "Salvar" } }
                </button>
            </div>
        </form>
    }
}
