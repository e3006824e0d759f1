//! "Usuários" (administrators): the users with a search box, "Novo usuário", and per user
//! "Editar", "Desativar" / "Reativar" (after a confirmation) and "Redefinir senha". Users
//! are never deleted: tickets keep who did what.
mod form;
mod reset;

use helpdesk_api::{ActiveChange, ListUsers, SetUserActive, UserAccount, UserForm};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::api;
use crate::components::{Confirm, FormError, TextField};
use crate::hooks::use_command;
use crate::search::matches_search;
use form::UserEditor;
use reset::ResetPasswordDialog;

/// Props of [`UsersPage`].
#[derive(Properties, PartialEq)]
pub struct UsersPageProps {
    /// "Voltar".
    pub onclose: Callback<()>,
}

/// The form of a user as the list shows it.
fn form_of(user: &UserAccount) -> UserForm {
    UserForm {
        id: Some(user.id),
        name: user.name.clone(),
        login: user.login.clone(),
        email: user.email.clone(),
        role_id: Some(user.role_id),
        team_id: user.team_id,
        password: String::new(),
    }
}

/// `section#usuarios`: the list, or the form of the user being edited.
#[function_component]
pub fn UsersPage(props: &UsersPageProps) -> Html {
    let users = use_command::<ListUsers>(());
    let search = use_state(String::new);
    let editing = use_state(|| None::<UserForm>);
    let confirming = use_state(|| None::<UserAccount>);
    let resetting = use_state(|| None::<UserAccount>);
    let notice = use_state(|| None::<AttrValue>);
    let error = use_state(|| None::<AttrValue>);

    let done = |message: fn(&UserAccount) -> String| {
        let (editing, resetting, notice, error, reload) = (
            editing.clone(),
            resetting.clone(),
            notice.clone(),
            error.clone(),
            users.reload(),
        );
        Callback::from(move |user: UserAccount| {
            editing.set(None);
            resetting.set(None);
            error.set(None);
            notice.set(Some(message(&user).into()));
            reload.emit(());
        })
    };
    let edit = |form: UserForm| {
        let (editing, notice) = (editing.clone(), notice.clone());
        Callback::from(move |_: MouseEvent| {
            notice.set(None);
            editing.set(Some(form.clone()));
        })
    };
    let close = |state: &UseStateHandle<Option<UserAccount>>| {
        let state = state.clone();
        Callback::from(move |()| state.set(None))
    };
    let onactive = {
        let (confirming, error) = (confirming.clone(), error.clone());
        let changed = done(|user| {
            let what = if user.active {
                "reativado"
            } else {
                "desativado"
            };
            format!("Usuário \"{}\" {what}.", user.name)
        });
        Callback::from(move |()| {
            let Some(user) = (*confirming).clone() else {
                return;
            };
            confirming.set(None);
            let change = ActiveChange {
                id: user.id,
                active: !user.active,
            };
            let (changed, error) = (changed.clone(), error.clone());
            spawn_local(async move {
                match api::invoke::<SetUserActive>(&change).await {
                    Ok(user) => changed.emit(user),
                    Err(failure) => error.set(Some(failure.message.into())),
                }
            });
        })
    };

    if let Some(form) = &*editing {
        let onsaved = done(|user| format!("Usuário \"{}\" salvo.", user.name));
        let oncancel = {
            let editing = editing.clone();
            Callback::from(move |()| editing.set(None))
        };
        return html! {
            <section id="usuarios" class="admin-page" aria-label="Usuários">
                <UserEditor initial={form.clone()} {onsaved} {oncancel} />
            </section>
        };
    }
    let pick = |state: &UseStateHandle<Option<UserAccount>>, user: &UserAccount| {
        let (state, user) = (state.clone(), user.clone());
        Callback::from(move |_: MouseEvent| state.set(Some(user.clone())))
    };
    let row = |user: &UserAccount| {
        let asking = confirming.as_ref().is_some_and(|asked| asked.id == user.id);
        let (toggle_class, toggle) = if user.active {
            ("usuario-desativar danger", "Desativar")
        } else {
            ("usuario-reativar", "Reativar")
        };
        html! {
            <tr key={user.id.to_string()} data-login={user.login.clone()}
                class={classes!((!user.active).then_some("inactive"))}>
                <td>{ user.name.clone() }</td>
                <td>{ user.login.clone() }</td>
                <td>{ user.role_name.clone() }</td>
                <td>{ user.team_name.clone().unwrap_or_default() }</td>
                <td>{ if user.active { "Ativo" } else { "Inativo" } }</td>
                <td class="admin-actions">
                    <button type="button" class="usuario-editar" onclick={edit(form_of(user))}>{ "Editar" }</button>
                    <button type="button" class="usuario-redefinir" onclick={pick(&resetting, user)}>
                        { "Redefinir senha" }
                    </button>
                    if asking {
                        <Confirm class="inline-confirm" inline=true label={format!("Confirmar: {toggle}")}
                            yes_id="usuario-ativo-sim" yes={toggle} onyes={onactive.clone()}
                            no_id="usuario-ativo-nao" no="Não" onno={close(&confirming)}>
                            { format!("{toggle} \"{}\"? ", user.name) }
                        </Confirm>
                    } else {
                        <button type="button" class={toggle_class} onclick={pick(&confirming, user)}>{ toggle }</button>
                    }
                </td>
            </tr>
        }
    };
    let onsearch = {
        let search = search.clone();
        Callback::from(move |typed: String| search.set(typed))
    };
    let shown: Vec<&UserAccount> = users
        .value()
        .into_iter()
        .flatten()
        .filter(|user| matches_search(&search, &[&user.name, &user.login]))
        .collect();
    let new_user = UserForm {
        id: None,
        name: String::new(),
        login: String::new(),
        email: String::new(),
        role_id: None,
        team_id: None,
        password: String::new(),
    };
    html! {
        <section id="usuarios" class="admin-page" aria-labelledby="usuarios-titulo">
            <header class="admin-page-header">
                <h1 id="usuarios-titulo">{ "Usuários" }</h1>
                <span class="spacer"></span>
                <button id="usuarios-voltar" type="button"
                    onclick={props.onclose.reform(|_: MouseEvent| ())}>{ "Voltar" }</button>
            </header>
            <div class="admin-toolbar">
                <TextField id="usuarios-busca" label="Buscar (nome ou login)" kind="search"
                    value={(*search).clone()} oninput={onsearch} autocomplete="off" />
                <button id="novo-usuario" type="button" class="primary" onclick={edit(new_user)}>
                    { "Novo usuário" }
                </button>
            </div>
            if let Some(notice) = &*notice {
                <p class="saved-note" role="status">{ notice.clone() }</p>
            }
            <FormError message={(*error).clone().or_else(|| users.error_message())} />
            <table id="usuarios-lista" class="grid static admin-table">
                <thead><tr>
                    <th>{ "Nome" }</th><th>{ "Login" }</th><th>{ "Cargo" }</th>
                    <th>{ "Equipe" }</th><th>{ "Situação" }</th><th></th>
                </tr></thead>
                <tbody>{ for shown.into_iter().map(row) }</tbody>
            </table>
            if let Some(user) = &*resetting {
                <ResetPasswordDialog user={user.clone()}
                    onreset={done(|user| format!("Senha de \"{}\" redefinida: será trocada na próxima entrada.", user.name))}
                    onclose={close(&resetting)} />
            }
        </section>
    }
}
