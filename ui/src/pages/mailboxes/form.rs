//! "Nova caixa" and a mailbox changed on the sync server: its settings
//! ([`MailboxFields`]), sent with the server administrator's token. A refusal is shown at
//! its field and keeps what was typed.
use helpdesk_api::{MailboxSave, MailboxSummary, SaveMailbox, ServerToken, Uuid};
use helpdesk_core::form::FieldError;
use yew::prelude::*;

use super::draft::SettingsDraft;
use super::fields::{MailboxFields, ALL_FIELDS};
use crate::components::FormError;
use crate::hooks::use_submit;

/// What is sent with `token` for mailbox `id` (`None`: a new one), and every reason the
/// core refuses it at its field.
fn save_request(
    token: &ServerToken,
    id: Option<Uuid>,
    draft: &SettingsDraft,
) -> (MailboxSave, Vec<FieldError>) {
    let save = MailboxSave {
        token: token.clone(),
        id,
        settings: draft.settings(),
        password: draft.password.clone(),
    };
    let found = save.validate().err().unwrap_or_default();
    (save, found)
}

/// Props of [`MailboxEditor`].
#[derive(Properties, PartialEq)]
pub struct MailboxEditorProps {
    pub token: ServerToken,
    /// The mailbox changed; `None` for "Nova caixa".
    pub id: Option<Uuid>,
    /// The settings as they start ([`SettingsDraft::new`] for a new one).
    pub initial: SettingsDraft,
    pub onsaved: Callback<MailboxSummary>,
    pub oncancel: Callback<()>,
}

/// `form#caixa-form`.
#[function_component]
pub fn MailboxEditor(props: &MailboxEditorProps) -> Html {
    let form = use_state(|| props.initial.clone());
    let submit = use_submit::<SaveMailbox>();
    let onchange = {
        let (form, submit) = (form.clone(), submit.clone());
        Callback::from(move |(next, field): (SettingsDraft, &'static str)| {
            form.set(next);
            submit.edited(field);
        })
    };
    let onsubmit = {
        let (form, submit, token, id, onsaved) = (
            form.clone(),
            submit.clone(),
            props.token.clone(),
            props.id,
            props.onsaved.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            // The shell and the server check again; checking here shows every reason at once.
            let (request, found) = save_request(&token, id, &form);
            submit.send(request, found, onsaved.clone());
        })
    };
    let creating = props.id.is_none();
    html! {
        <form id="caixa-form" class="admin-form" novalidate=true {onsubmit}>
            <h2>{ if creating { "Nova caixa de correio" } else { "Editar caixa de correio" } }</h2>
            <FormError message={submit.unplaced(&ALL_FIELDS)} />
            <MailboxFields draft={(*form).clone()} password_stored={!creating}
                errors={submit.errors().to_vec()} {onchange}>
                if !creating {
                    <p id="caixa-senha-mantida" class="hint">
                        { "Com a senha vazia, o servidor mantém a senha guardada. O servidor nunca a mostra." }
                    </p>
                }
            </MailboxFields>
            <div class="form-actions">
                <button id="caixa-cancelar" type="button"
                    onclick={props.oncancel.reform(|_: MouseEvent| ())}>{ "Cancelar" }</button>
                <button id="caixa-salvar" type="submit" class="primary" disabled={submit.sending()}>
                    { if submit.sending() { "Salvando…" } else { "Salvar" } }
                </button>
            </div>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use helpdesk_api::WatcherStatus;
    use helpdesk_core::mailbox::fields;

    use super::super::draft::stored;
    use super::*;

    fn token() -> ServerToken {
        ServerToken::new("token-do-administrador")
    }

    fn fields_of(found: &[FieldError]) -> Vec<&str> {
        found.iter().map(|error| error.field.as_str()).collect()
    }

    #[test]
    fn a_new_mailbox_needs_its_server_login_and_password() {
        let mut draft = SettingsDraft::new();
        draft.port = "noventa".into();
        let (_, found) = save_request(&token(), None, &draft);
        assert_eq!(
            fields_of(&found),
            [fields::HOST, fields::PORT, fields::LOGIN, fields::PASSWORD]
        );
    }

    #[test]
    fn a_change_keeps_the_password_when_it_is_left_empty() {
        let listed = MailboxSummary {
            id: Uuid::from_u128(7),
            settings: stored(),
            enabled: true,
            status: WatcherStatus::Connected,
            status_detail: String::new(),
            status_at: None,
        };
        let draft = SettingsDraft::of(&listed.settings);
        let (save, found) = save_request(&token(), Some(listed.id), &draft);
        assert!(found.is_empty(), "{found:?}");
        assert_eq!((save.id, save.password.as_str()), (Some(listed.id), ""));
    }
}
