//! "Caixa de correio deste computador": the support mailbox this desktop reads while no
//! sync server does (servidor, porta, segurança, usuário, senha — write only —, pasta, pasta
//! das mensagens lidas) and what its reader last said, with when.
use gloo_timers::callback::Interval;
use helpdesk_api::{LoadLocalMailbox, LocalMailboxView, MailboxStatusView, SaveLocalMailbox};
use helpdesk_core::date::format_instant;
use helpdesk_core::email::SecretPlace;
use helpdesk_core::local_mailbox::LocalMailboxForm;
use helpdesk_core::mailbox::{fields, MailboxSettings, Tls, DEFAULT_FOLDER};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::api;
use crate::components::{FormError, SelectField, TextField};
use crate::dom::{local_offset_minutes, variant_name, variant_named};
use crate::hooks::{use_command, use_submit};

/// How often the reader's status is read again, in ms.
const STATUS_EVERY_MS: u32 = 3_000;

/// The form as typed.
#[derive(Debug, Clone, PartialEq)]
struct Form {
    host: String,
    port: String,
    tls: Tls,
    login: String,
    /// A new password; empty keeps the stored one.
    password: String,
    folder: String,
    move_handled_to: String,
}

impl Form {
    fn of(settings: Option<&MailboxSettings>) -> Self {
        match settings {
            Some(settings) => Self {
                host: settings.host.clone(),
                port: settings.port.to_string(),
                tls: settings.tls,
                login: settings.login.clone(),
                password: String::new(),
                folder: settings.folder.clone(),
                move_handled_to: settings.move_handled_to.clone().unwrap_or_default(),
            },
            None => Self {
                host: String::new(),
                port: "993".into(),
                tls: Tls::Implicit,
                login: String::new(),
                password: String::new(),
                folder: DEFAULT_FOLDER.into(),
                move_handled_to: String::new(),
            },
        }
    }

    /// What is sent; a port that is not a number is sent as 0, which the core refuses at
    /// its field.
    fn request(&self) -> LocalMailboxForm {
        LocalMailboxForm {
            settings: MailboxSettings {
                host: self.host.clone(),
                port: self.port.trim().parse().unwrap_or(0),
                tls: self.tls,
                login: self.login.clone(),
                folder: self.folder.clone(),
                move_handled_to: Some(self.move_handled_to.clone()),
            },
            password: self.password.clone(),
        }
    }
}

/// `section#caixa-local`: the form once the settings are read, and the reader's status.
#[function_component]
pub fn LocalMailboxPanel() -> Html {
    let loaded = use_command::<LoadLocalMailbox>(());
    let status = use_state(|| None::<LocalMailboxView>);
    {
        let status = status.clone();
        use_effect_with((), move |_| {
            let timer = Interval::new(STATUS_EVERY_MS, move || {
                let status = status.clone();
                spawn_local(async move {
                    if let Ok(view) = api::invoke::<LoadLocalMailbox>(&()).await {
                        status.set(Some(view));
                    }
                });
            });
            move || drop(timer)
        });
    }
    let latest = (*status).clone().or_else(|| loaded.value().cloned());
    let onsaved = {
        let status = status.clone();
        Callback::from(move |view: LocalMailboxView| status.set(Some(view)))
    };
    html! {
        <section id="caixa-local" class="admin-form" aria-labelledby="caixa-local-titulo">
            <h2 id="caixa-local-titulo">{ "Caixa de correio deste computador" }</h2>
            { match (loaded.value(), loaded.error_message()) {
                (_, Some(message)) => html! { <FormError {message} /> },
                (None, None) => html! { <p aria-busy="true">{ "Carregando…" }</p> },
                (Some(view), None) => html! {
                    <MailboxForm initial={Form::of(view.settings.as_ref())}
                        password_stored={view.password.is_some()} {onsaved} />
                },
            } }
            if let Some(view) = latest {
                <ReaderStatus {view} />
            }
        </section>
    }
}

/// Props of [`ReaderStatus`].
#[derive(Properties, PartialEq)]
struct ReaderStatusProps {
    view: LocalMailboxView,
}

/// `p#caixa-senha-estado` and `p#caixa-estado`: where the password is, what the reader said.
#[function_component]
fn ReaderStatus(props: &ReaderStatusProps) -> Html {
    let view = &props.view;
    let password = match view.password {
        Some(SecretPlace::Keyring) => "Senha: guardada no chaveiro do sistema",
        Some(SecretPlace::Encrypted) => "Senha: guardada cifrada neste computador",
        None => "Senha: não definida",
    };
    let reader = match (&view.status, view.server_reads, &view.settings) {
        (_, true, _) => "Este computador está registrado em um servidor de sincronização: \
                         o servidor lê as caixas de correio."
            .to_owned(),
        (Some(MailboxStatusView { detail, at, .. }), false, _) => format!(
            "{detail} (às {})",
            format_instant(*at, local_offset_minutes())
        ),
        (None, false, None) => "Nenhuma caixa configurada: as mensagens não são lidas.".into(),
        (None, false, Some(_)) => "Aguardando o leitor de e-mails deste computador.".into(),
    };
    let code = view.status.as_ref().map(|status| status.code.clone());
    html! {
        <div class="mailbox-status">
            <p id="caixa-senha-estado" class="muted">{ password }</p>
            <p id="caixa-estado" role="status" data-code={code}>{ reader }</p>
        </div>
    }
}

/// Props of [`MailboxForm`].
#[derive(Properties, PartialEq)]
struct MailboxFormProps {
    /// The form as read.
    initial: Form,
    /// A password is stored: an empty one keeps it.
    password_stored: bool,
    /// Called with the view once saved.
    onsaved: Callback<LocalMailboxView>,
}

/// `form#caixa-form`.
#[function_component]
fn MailboxForm(props: &MailboxFormProps) -> Html {
    let form = use_state(|| props.initial.clone());
    let submit = use_submit::<SaveLocalMailbox>();
    let saved = use_state(|| false);
    let stored = use_state(|| props.password_stored);
    let edit = |apply: fn(&mut Form, String), field: &'static str| {
        let (form, submit, saved) = (form.clone(), submit.clone(), saved.clone());
        Callback::from(move |value: String| {
            let mut next = (*form).clone();
            apply(&mut next, value);
            form.set(next);
            saved.set(false);
            submit.edited(field);
        })
    };
    let on_tls = edit(
        |form, value| {
            if let Some(tls) = variant_named(&Tls::ALL, &value) {
                form.tls = tls;
            }
        },
        fields::TLS,
    );
    let onsubmit = {
        let (form, submit, saved, stored) =
            (form.clone(), submit.clone(), saved.clone(), stored.clone());
        let onsaved = props.onsaved.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let request = form.request();
            // The shell checks again; checking here shows every reason at once.
            let found = request.validate(*stored).err().unwrap_or_default();
            let (form, saved, stored, onsaved) =
                (form.clone(), saved.clone(), stored.clone(), onsaved.clone());
            let done = Callback::from(move |view: LocalMailboxView| {
                form.set(Form::of(view.settings.as_ref()));
                stored.set(view.password.is_some());
                saved.set(true);
                onsaved.emit(view);
            });
            submit.send(request, found, done);
        })
    };
    let all = [
        fields::HOST,
        fields::PORT,
        fields::TLS,
        fields::LOGIN,
        fields::PASSWORD,
        fields::FOLDER,
        fields::MOVE_HANDLED_TO,
    ];
    let current = &*form;
    html! {
        <form id="caixa-form" novalidate=true {onsubmit}>
            <FormError message={submit.unplaced(&all)} />
            <div class="smtp-grid">
                <TextField id={fields::HOST} label="Servidor IMAP" required=true
                    value={current.host.clone()} error={submit.error(fields::HOST)}
                    oninput={edit(|f, v| f.host = v, fields::HOST)} />
                <TextField id={fields::PORT} label="Porta" required=true inputmode="numeric"
                    value={current.port.clone()} error={submit.error(fields::PORT)}
                    oninput={edit(|f, v| f.port = v, fields::PORT)} />
                <SelectField id={fields::TLS} label="Segurança" onchange={on_tls}>
                    { for Tls::ALL.iter().map(|tls| html! {
                        <option value={variant_name(tls)} selected={current.tls == *tls}>{ tls.label() }</option>
                    }) }
                </SelectField>
                <TextField id={fields::LOGIN} label="Usuário" required=true
                    value={current.login.clone()} error={submit.error(fields::LOGIN)}
                    oninput={edit(|f, v| f.login = v, fields::LOGIN)} />
                <TextField id={fields::PASSWORD} label="Senha" kind="password" autocomplete="new-password"
                    value={current.password.clone()} error={submit.error(fields::PASSWORD)}
                    required={!*stored}
                    placeholder={if *stored { "Deixe vazio para manter a senha atual" } else { "" }}
                    oninput={edit(|f, v| f.password = v, fields::PASSWORD)} />
                <TextField id={fields::FOLDER} label="Pasta lida"
                    value={current.folder.clone()} error={submit.error(fields::FOLDER)}
                    oninput={edit(|f, v| f.folder = v, fields::FOLDER)} />
                <TextField id={fields::MOVE_HANDLED_TO} label="Pasta das mensagens lidas (vazio: só marcar como lidas)"
                    value={current.move_handled_to.clone()} error={submit.error(fields::MOVE_HANDLED_TO)}
                    oninput={edit(|f, v| f.move_handled_to = v, fields::MOVE_HANDLED_TO)} />
            </div>
            <div class="email-admin-actions">
                <button id="caixa-salvar" type="submit" class="primary" disabled={submit.sending()}>
                    { if submit.sending() { "Salvando…" } else { "Salvar caixa de correio" } }
                </button>
                if *saved {
                    <p id="caixa-salva" class="saved-note" role="status">{ "Caixa de correio salva." }</p>
                }
            </div>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_port_that_is_not_a_number_is_refused_at_its_field() {
        let mut form = Form::of(None);
        form.port = "porta".into();
        let errors = form.request().validate(true).expect_err("refused");
        assert!(errors.iter().any(|error| error.field == fields::PORT));
    }

    #[test]
    fn saved_settings_fill_the_form_without_the_password() {
        let settings = MailboxSettings {
            host: "imap.x.com".into(),
            port: 143,
            tls: Tls::StartTls,
            login: "suporte".into(),
            folder: "INBOX".into(),
            move_handled_to: None,
        };
        let form = Form::of(Some(&settings));
        assert_eq!((form.port.as_str(), form.password.as_str()), ("143", ""));
        assert_eq!(form.request().validate(true), Ok(settings));
    }
}
