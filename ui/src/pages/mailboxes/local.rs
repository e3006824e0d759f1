//! "Caixa de correio deste computador": the support mailbox this desktop reads while no
//! sync server does (servidor, porta, segurança, usuário, senha — write only —, pasta, pasta
//! das mensagens lidas) and what its reader last said, with when.
use gloo_timers::callback::Interval;
use helpdesk_api::{LoadLocalMailbox, LocalMailboxView, MailboxStatusView, SaveLocalMailbox};
use helpdesk_core::date::format_instant;
use helpdesk_core::email::SecretPlace;
use helpdesk_core::local_mailbox::LocalMailboxForm;
use helpdesk_core::mailbox::MailboxSettings;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::draft::SettingsDraft;
use super::fields::{MailboxFields, ALL_FIELDS};
use crate::api;
use crate::components::FormError;
use crate::dom::local_offset_minutes;
use crate::hooks::{use_command, use_submit};

/// How often the reader's status is read again, in ms.
const STATUS_EVERY_MS: u32 = 3_000;

/// What is sent: the settings as typed.
fn request(draft: &SettingsDraft) -> LocalMailboxForm {
    LocalMailboxForm {
        settings: draft.settings(),
        password: draft.password.clone(),
    }
}

/// The form as the settings read start it.
fn draft_of(settings: Option<&MailboxSettings>) -> SettingsDraft {
    settings.map_or_else(SettingsDraft::new, SettingsDraft::of)
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
                    <MailboxForm initial={draft_of(view.settings.as_ref())}
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
    /// The settings as read.
    initial: SettingsDraft,
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
    let onchange = {
        let (form, submit, saved) = (form.clone(), submit.clone(), saved.clone());
        Callback::from(move |(next, field): (SettingsDraft, &'static str)| {
            form.set(next);
            saved.set(false);
            submit.edited(field);
        })
    };
    let onsubmit = {
        let (form, submit, saved, stored) =
            (form.clone(), submit.clone(), saved.clone(), stored.clone());
        let onsaved = props.onsaved.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let sent = request(&form);
            // The shell checks again; checking here shows every reason at once.
            let found = sent.validate(*stored).err().unwrap_or_default();
            let (form, saved, stored, onsaved) =
                (form.clone(), saved.clone(), stored.clone(), onsaved.clone());
            let done = Callback::from(move |view: LocalMailboxView| {
                form.set(draft_of(view.settings.as_ref()));
                stored.set(view.password.is_some());
                saved.set(true);
                onsaved.emit(view);
            });
            submit.send(sent, found, done);
        })
    };
    html! {
        <form id="caixa-form" novalidate=true {onsubmit}>
            <FormError message={submit.unplaced(&ALL_FIELDS)} />
            <div class="smtp-grid">
                <MailboxFields draft={(*form).clone()} password_stored={*stored}
                    errors={submit.errors().to_vec()} {onchange} />
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
    use helpdesk_core::mailbox::fields;

    use super::super::draft::stored;
    use super::*;

    #[test]
    fn a_password_is_needed_until_one_is_stored() {
        let mut draft = draft_of(None);
        draft.host = "imap.provedor.com.br".into();
        draft.login = "suporte".into();
        let errors = request(&draft).validate(false).expect_err("refused");
        assert!(errors.iter().all(|error| error.field == fields::PASSWORD));
        assert!(request(&draft).validate(true).is_ok());
    }

    #[test]
    fn saved_settings_are_sent_as_read() {
        let settings = stored();
        let sent = request(&draft_of(Some(&settings)));
        assert_eq!(
            (sent.password.as_str(), sent.validate(true)),
            ("", Ok(settings))
        );
    }
}
