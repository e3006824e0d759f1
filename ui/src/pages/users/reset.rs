//! "Redefinir senha": an administrator gives a user a new password, which the user must
//! change at the next sign-in.
use helpdesk_api::{PasswordReset, ResetPassword, UserAccount};
use helpdesk_core::form::FieldError;
use helpdesk_core::users::fields;
use yew::prelude::*;

use crate::components::{Dialog, FormError, TextField};
use crate::hooks::use_submit;
use crate::pages::password::POLICY;

/// What is wrong with the new password of `login` before it is sent; the shell checks it
/// again.
fn check(reset: &PasswordReset, login: &str) -> Vec<FieldError> {
    reset
        .validate(login, fields::PASSWORD)
        .err()
        .unwrap_or_default()
}

/// Props of [`ResetPasswordDialog`].
#[derive(Properties, PartialEq)]
pub struct ResetPasswordDialogProps {
    pub user: UserAccount,
    /// Called with the user once the password is reset.
    pub onreset: Callback<UserAccount>,
    /// "Cancelar" or Esc.
    pub onclose: Callback<()>,
}

/// The dialog `#redefinir-senha`.
#[function_component]
pub fn ResetPasswordDialog(props: &ResetPasswordDialogProps) -> Html {
    let password = use_state(String::new);
    let submit = use_submit::<ResetPassword>();
    let oninput = {
        let (password, submit) = (password.clone(), submit.clone());
        Callback::from(move |typed: String| {
            password.set(typed);
            submit.edited(fields::PASSWORD);
        })
    };
    let onsubmit = {
        let (password, submit, onreset) = (password.clone(), submit.clone(), props.onreset.clone());
        let (user_id, login) = (props.user.id, props.user.login.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let reset = PasswordReset {
                user_id,
                password: (*password).clone(),
            };
            let found = check(&reset, &login);
            submit.send(reset, found, onreset.clone());
        })
    };
    html! {
        <Dialog id="redefinir-senha" title="Redefinir senha" onclose={props.onclose.clone()}>
            <form class="dialog-form" novalidate=true {onsubmit}>
                <div class="dialog-body">
                    <p>{ format!("Nova senha de {} ({}). Ela terá de trocá-la na próxima entrada.",
                        props.user.name, props.user.login) }</p>
                    <FormError message={submit.unplaced(&[fields::PASSWORD])} />
                    <TextField id="redefinir-senha-nova" field={fields::PASSWORD} label="Nova senha"
                        kind="password" autocomplete="new-password" value={(*password).clone()}
                        error={submit.error(fields::PASSWORD)} {oninput} />
                    <p class="hint">{ POLICY }</p>
                </div>
                <div class="dialog-footer">
                    <button id="redefinir-senha-cancelar" type="button"
                        onclick={props.onclose.reform(|_: MouseEvent| ())}>{ "Cancelar" }</button>
                    <button id="redefinir-senha-salvar" type="submit" class="danger" disabled={submit.sending()}>
                        { "Redefinir" }
                    </button>
                </div>
            </form>
        </Dialog>
    }
}
