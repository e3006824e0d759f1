//! The seven fields of a mailbox's settings, in both forms: the server, port, protection
//! (the usual port follows it), login, password (empty keeps a stored one), the folder read
//! and where handled mail goes, each with its error.
use helpdesk_api::CommandError;
use helpdesk_core::mailbox::{fields, Tls};
use yew::prelude::*;

use super::draft::SettingsDraft;
use crate::components::{message_at, SelectField, TextField};
use crate::dom::{variant_name, variant_named};

/// Every field's name, as the errors give it.
pub const ALL_FIELDS: [&str; 7] = [
    fields::HOST,
    fields::PORT,
    fields::TLS,
    fields::LOGIN,
    fields::PASSWORD,
    fields::FOLDER,
    fields::MOVE_HANDLED_TO,
];

/// Props of [`MailboxFields`].
#[derive(Properties, PartialEq)]
pub struct MailboxFieldsProps {
    pub draft: SettingsDraft,
    /// A password is stored: an empty one keeps it.
    pub password_stored: bool,
    /// Why the last "Salvar" was refused, shown at each field.
    pub errors: Vec<CommandError>,
    /// The draft as changed, and the field changed.
    pub onchange: Callback<(SettingsDraft, &'static str)>,
    /// Shown under the password (a hint).
    #[prop_or_default]
    pub children: Html,
}

/// `input#caixa-servidor`, `input#caixa-porta`, `select#caixa-seguranca`,
/// `input#caixa-usuario`, `input#caixa-senha`, `input#caixa-pasta`, `input#caixa-pasta-lidas`.
#[function_component]
pub fn MailboxFields(props: &MailboxFieldsProps) -> Html {
    let draft = &props.draft;
    let error = |field: &str| message_at(&props.errors, field);
    let edit = |apply: fn(&mut SettingsDraft, String), field: &'static str| {
        let (draft, onchange) = (props.draft.clone(), props.onchange.clone());
        Callback::from(move |value: String| {
            let mut next = draft.clone();
            apply(&mut next, value);
            onchange.emit((next, field));
        })
    };
    let text = |field: &'static str,
                label: &'static str,
                required: bool,
                value: &str,
                apply: fn(&mut SettingsDraft, String)| {
        html! {
            <TextField id={field} {label} {required} value={value.to_owned()} autocomplete="off"
                no_spellcheck=true error={error(field)} oninput={edit(apply, field)} />
        }
    };
    let on_tls = edit(
        |draft, value| {
            if let Some(tls) = variant_named(&Tls::ALL, &value) {
                draft.choose_tls(tls);
            }
        },
        fields::TLS,
    );
    let stored = props.password_stored;
    html! {
        <>
            { text(fields::HOST, "Servidor IMAP", true, &draft.host, |d, v| d.host = v) }
            <TextField id={fields::PORT} label="Porta" required=true inputmode="numeric"
                autocomplete="off" value={draft.port.clone()} error={error(fields::PORT)}
                oninput={edit(|d, v| d.port = v, fields::PORT)} />
            <SelectField id={fields::TLS} label="Segurança" error={error(fields::TLS)} onchange={on_tls}>
                { for Tls::ALL.iter().map(|tls| html! {
                    <option value={variant_name(tls)} selected={draft.tls == *tls}>{ tls.label() }</option>
                }) }
            </SelectField>
            { text(fields::LOGIN, "Usuário", true, &draft.login, |d, v| d.login = v) }
            <TextField id={fields::PASSWORD} label="Senha" required={!stored} kind="password"
                autocomplete="new-password" value={draft.password.clone()}
                placeholder={stored.then_some("Deixe vazio para manter a senha atual")}
                error={error(fields::PASSWORD)}
                oninput={edit(|d, v| d.password = v, fields::PASSWORD)} />
            { props.children.clone() }
            { text(fields::FOLDER, "Pasta lida (vazio: INBOX)", false, &draft.folder, |d, v| d.folder = v) }
            { text(fields::MOVE_HANDLED_TO, "Mover as lidas para a pasta (vazio: só marcar como lidas)",
                false, &draft.move_handled_to, |d, v| d.move_handled_to = v) }
        </>
    }
}
