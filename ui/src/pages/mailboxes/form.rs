//! "Nova caixa" and a mailbox changed: the server, port, protection, login, password (empty
//! keeps the stored one), the folder read and where handled mail goes. A refusal is shown
//! at its field and keeps what was typed.
use helpdesk_api::{MailboxSummary, SaveMailbox, ServerToken};
use helpdesk_core::mailbox::{fields, Tls};
use yew::prelude::*;

use super::draft::MailboxDraft;
use crate::components::{FormError, SelectField, TextField};
use crate::dom::{variant_name, variant_named};
use crate::hooks::use_submit;

/// Every field's name, as the errors give it.
const ALL_FIELDS: [&str; 7] = [
    fields::HOST,
    fields::PORT,
    fields::TLS,
    fields::LOGIN,
    fields::PASSWORD,
    fields::FOLDER,
    fields::MOVE_HANDLED_TO,
];

/// Props of [`MailboxEditor`].
#[derive(Properties, PartialEq)]
pub struct MailboxEditorProps {
    pub token: ServerToken,
    /// The form as it starts ([`MailboxDraft::new`] for a new one).
    pub initial: MailboxDraft,
    pub onsaved: Callback<MailboxSummary>,
    pub oncancel: Callback<()>,
}

/// `form#caixa-form`.
#[function_component]
pub fn MailboxEditor(props: &MailboxEditorProps) -> Html {
    let form = use_state(|| props.initial.clone());
    let submit = use_submit::<SaveMailbox>();
    let edit = |apply: fn(&mut MailboxDraft, String), field: &'static str| {
        let (form, submit) = (form.clone(), submit.clone());
        Callback::from(move |value: String| {
            let mut next = (*form).clone();
            apply(&mut next, value);
            form.set(next);
            submit.edited(field);
        })
    };
    let onsubmit = {
        let (form, submit, token, onsaved) = (
            form.clone(),
            submit.clone(),
            props.token.clone(),
            props.onsaved.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            // The shell and the server check again; checking here shows every reason at once.
            let (request, found) = form.request(&token);
            submit.send(request, found, onsaved.clone());
        })
    };
    let text = |field: &'static str,
                label: &'static str,
                required: bool,
                value: &str,
                apply: fn(&mut MailboxDraft, String)| {
        html! {
            <TextField id={field} {label} {required} value={value.to_owned()} autocomplete="off"
                no_spellcheck=true error={submit.error(field)} oninput={edit(apply, field)} />
        }
    };
    let creating = form.id.is_none();
    let on_tls = edit(
        |form, value| {
            if let Some(tls) = variant_named(&Tls::ALL, &value) {
                form.choose_tls(tls);
            }
        },
        fields::TLS,
    );
    html! {
        <form id="caixa-form" class="admin-form" novalidate=true {onsubmit}>
            <h2>{ if creating { "Nova caixa de correio" } else { "Editar caixa de correio" } }</h2>
            <FormError message={submit.unplaced(&ALL_FIELDS)} />
            { text(fields::HOST, "Servidor IMAP", true, &form.host, |f, v| f.host = v) }
            <TextField id={fields::PORT} label="Porta" required=true kind="number" inputmode="numeric"
                value={form.port.clone()} error={submit.error(fields::PORT)}
                oninput={edit(|f, v| f.port = v, fields::PORT)} />
            <SelectField id={fields::TLS} label="Segurança" error={submit.error(fields::TLS)} onchange={on_tls}>
                { for Tls::ALL.iter().map(|tls| html! {
                    <option value={variant_name(tls)} selected={form.tls == *tls}>{ tls.label() }</option>
                }) }
            </SelectField>
            { text(fields::LOGIN, "Usuário", true, &form.login, |f, v| f.login = v) }
            <TextField id={fields::PASSWORD} label="Senha" required={creating} kind="password"
                autocomplete="new-password" value={form.password.clone()}
                placeholder={(!creating).then_some("Deixe vazio para manter a senha guardada")}
                error={submit.error(fields::PASSWORD)}
                oninput={edit(|f, v| f.password = v, fields::PASSWORD)} />
            if !creating {
                <p id="caixa-senha-mantida" class="hint">
                    { "Com a senha vazia, o servidor mantém a senha guardada. O servidor nunca a mostra." }
                </p>
            }
            { text(fields::FOLDER, "Pasta lida (vazio: INBOX)", false, &form.folder, |f, v| f.folder = v) }
            { text(fields::MOVE_HANDLED_TO, "Mover as lidas para a pasta (vazio: só marcar como lidas)",
                false, &form.move_handled_to, |f, v| f.move_handled_to = v) }
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
