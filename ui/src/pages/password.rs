//! "Trocar senha": the operator's own password, from the header's dialog or, when it must
//! be changed, as a screen of its own before the home page.
use helpdesk_api::{ChangePassword, Operator, PasswordChange};
use helpdesk_core::form::FieldError;
use helpdesk_core::password::fields;
use yew::prelude::*;

use crate::components::{Dialog, FormError, TextField};
use crate::hooks::use_submit;
use crate::pages::sign_out::use_sign_out;

/// What the policy asks, under the new password.
pub const POLICY: &str =
    "Pelo menos 10 caracteres, diferente do login e fora da lista de senhas mais comuns.";

/// What is wrong with the change of `login`'s password before it is sent; the shell checks
/// it again.
fn check(change: &PasswordChange, login: &str) -> Vec<FieldError> {
    change.validate(login).err().unwrap_or_default()
}

/// Props of [`PasswordForm`].
#[derive(Properties, PartialEq)]
pub struct PasswordFormProps {
    /// The operator's login, which the new password may not contain.
    pub login: AttrValue,
    /// Called with the operator once the shell took the new password.
    pub onchanged: Callback<Operator>,
    /// "Cancelar", when the change may wait.
    #[prop_or_default]
    pub oncancel: Option<Callback<()>>,
}

/// `form#trocar-senha-form`: "Senha atual", "Nova senha", "Confirmar nova senha".
#[function_component]
pub fn PasswordForm(props: &PasswordFormProps) -> Html {
    let change = use_state(|| PasswordChange {
        current: String::new(),
        new_password: String::new(),
        confirmation: String::new(),
    });
    let submit = use_submit::<ChangePassword>();
    let edit = |apply: fn(&mut PasswordChange, String), field: &'static str| {
        let (change, submit) = (change.clone(), submit.clone());
        Callback::from(move |value: String| {
            let mut next = (*change).clone();
            apply(&mut next, value);
            change.set(next);
            submit.edited(field);
        })
    };
    let onsubmit = {
        let (change, submit, onchanged) = (change.clone(), submit.clone(), props.onchanged.clone());
        let login = props.login.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            submit.send((*change).clone(), check(&change, &login), onchanged.clone());
        })
    };
    let field = |id: &'static str, label: &'static str, value: &str, oninput, autocomplete| {
        html! {
            <TextField {id} {label} kind="password" value={value.to_owned()} {autocomplete}
                error={submit.error(id)} {oninput} />
        }
    };
    html! {
        <form id="trocar-senha-form" class="admin-form" novalidate=true {onsubmit}>
            <FormError message={submit.unplaced(&[fields::CURRENT, fields::NEW, fields::CONFIRMATION])} />
            { field(fields::CURRENT, "Senha atual", &change.current,
                edit(|c, v| c.current = v, fields::CURRENT), "current-password") }
            { field(fields::NEW, "Nova senha", &change.new_password,
                edit(|c, v| c.new_password = v, fields::NEW), "new-password") }
            <p class="hint">{ POLICY }</p>
            { field(fields::CONFIRMATION, "Confirmar nova senha", &change.confirmation,
                edit(|c, v| c.confirmation = v, fields::CONFIRMATION), "new-password") }
            <div class="form-actions">
                if let Some(oncancel) = &props.oncancel {
                    <button id="trocar-senha-cancelar" type="button"
                        onclick={oncancel.reform(|_: MouseEvent| ())}>{ "Cancelar" }</button>
                }
                <button id="trocar-senha-salvar" type="submit" class="primary" disabled={submit.sending()}>
                    { if submit.sending() { "Salvando…" } else { "Trocar senha" } }
                </button>
            </div>
        </form>
    }
}

/// Props of [`ForcedPasswordPage`].
#[derive(Properties, PartialEq)]
pub struct ForcedPasswordPageProps {
    pub operator: Operator,
    /// Called with the operator once the new password is taken.
    pub onchanged: Callback<Operator>,
    /// Called once the session has ended ("Sair").
    pub onlogout: Callback<()>,
}

/// `main#trocar-senha-obrigatoria`: the password to change before the home page, or "Sair".
#[function_component]
pub fn ForcedPasswordPage(props: &ForcedPasswordPageProps) -> Html {
    let leave = use_sign_out(props.onlogout.clone());
    html! {
        <main id="trocar-senha-obrigatoria" class="login-page">
            <div class="login-card">
                <h1>{ "Trocar senha" }</h1>
                <p class="subtitle">
                    { format!("{}, escolha uma nova senha antes de continuar.", props.operator.name) }
                </p>
                <PasswordForm login={props.operator.login.clone()} onchanged={props.onchanged.clone()} />
                <FormError message={leave.error} />
                <button id="trocar-senha-sair" type="button" onclick={leave.onclick}
                    disabled={leave.leaving}>{ "Sair" }</button>
            </div>
        </main>
    }
}

/// Props of [`PasswordDialog`].
#[derive(Properties, PartialEq)]
pub struct PasswordDialogProps {
    /// The signed-in operator's login.
    pub login: AttrValue,
    /// Closes the dialog (after a change too).
    pub onclose: Callback<()>,
}

/// The header's "Trocar senha", in the dialog `#trocar-senha`.
#[function_component]
pub fn PasswordDialog(props: &PasswordDialogProps) -> Html {
    let onchanged = props.onclose.reform(|_: Operator| ());
    html! {
        <Dialog id="trocar-senha" title="Trocar senha" onclose={props.onclose.clone()}>
            <div class="dialog-body">
                <PasswordForm login={props.login.clone()} {onchanged} oncancel={props.onclose.clone()} />
            </div>
        </Dialog>
    }
}
