//! "Configurações de E-mail": the SMTP server, its security, the user and password (write
//! only: the screen only says whether one is stored), the sender and the copy address.
use helpdesk_api::{CommandError, LoadSmtpSettings, SaveSmtpSettings};
use helpdesk_core::email::{
    smtp_fields as fields, SecretPlace, SmtpSecurity, SmtpSettings, SmtpSettingsForm,
};
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::api;
use crate::components::{
    errors_besides, message_at, unplaced_message, FormError, SelectField, TextField,
};
use crate::dom::{variant_name, variant_named};
use crate::hooks::use_command;

/// The security choices, as listed.
const SECURITIES: [(SmtpSecurity, &str); 3] = [
    (SmtpSecurity::None, "Nenhuma"),
    (SmtpSecurity::StartTls, "STARTTLS"),
    (SmtpSecurity::Tls, "TLS"),
];

/// The form as typed.
#[derive(Debug, Clone, PartialEq)]
struct Form {
    host: String,
    port: String,
    security: SmtpSecurity,
    username: String,
    /// A new password; empty keeps the stored one.
    password: String,
    /// "Remover a senha".
    clear_password: bool,
    from: String,
    copy: String,
    /// Where the stored password is kept, if one is.
    stored_password: Option<SecretPlace>,
}

impl Form {
    fn of(settings: Option<SmtpSettings>, stored_password: Option<SecretPlace>) -> Self {
        let settings = settings.unwrap_or(SmtpSettings {
            host: String::new(),
            port: 587,
            security: SmtpSecurity::StartTls,
            username: String::new(),
            from_address: String::new(),
            copy_address: String::new(),
        });
        Self {
            host: settings.host,
            port: settings.port.to_string(),
            security: settings.security,
            username: settings.username,
            password: String::new(),
            clear_password: false,
            from: settings.from_address,
            copy: settings.copy_address,
            stored_password,
        }
    }

    /// What is sent, or why the port cannot be read.
    fn request(&self) -> Result<SmtpSettingsForm, CommandError> {
        let port = self.port.trim().parse::<u16>().map_err(|_| {
            CommandError::at_field(fields::PORT, "A porta deve ser um número de 1 a 65535.")
        })?;
        let password = match (self.clear_password, self.password.is_empty()) {
            (true, _) => Some(String::new()),
            (false, true) => None,
            (false, false) => Some(self.password.clone()),
        };
        Ok(SmtpSettingsForm {
            settings: SmtpSettings {
                host: self.host.clone(),
                port,
                security: self.security,
                username: self.username.clone(),
                from_address: self.from.clone(),
                copy_address: self.copy.clone(),
            },
            password,
        })
    }
}

/// `form#smtp-form`, once the settings are read.
#[function_component]
pub fn SmtpSettingsPage() -> Html {
    let loaded = use_command::<LoadSmtpSettings>(());
    match loaded.value() {
        Some(view) => html! {
            <SmtpForm initial={Form::of(view.settings.clone(), view.password)} />
        },
        None => html! {
            <>
                <FormError message={loaded.error_message()} />
                <p aria-busy="true">{ "Carregando…" }</p>
            </>
        },
    }
}

/// Props of [`SmtpForm`].
#[derive(Properties, PartialEq)]
struct SmtpFormProps {
    /// The form as read.
    initial: Form,
}

/// `form#smtp-form`: the settings as typed, "Salvar configurações".
#[function_component]
fn SmtpForm(props: &SmtpFormProps) -> Html {
    let form = use_state(|| props.initial.clone());
    let errors = use_state(Vec::<CommandError>::new);
    let saving = use_state(|| false);
    let saved = use_state(|| false);
    let change = |apply: fn(&mut Form, String), field: &'static str| {
        let (form, errors, saved) = (form.clone(), errors.clone(), saved.clone());
        Callback::from(move |value: String| {
            let mut next = (*form).clone();
            apply(&mut next, value);
            form.set(next);
            saved.set(false);
            errors.set(errors_besides(&errors, field));
        })
    };
    let on_security = change(
        |form, value| {
            let all: Vec<SmtpSecurity> = SECURITIES.iter().map(|(s, _)| *s).collect();
            if let Some(security) = variant_named(&all, &value) {
                form.security = security;
            }
        },
        fields::SECURITY,
    );
    let on_clear = change(
        |form, value| form.clear_password = value == "true",
        fields::PASSWORD,
    )
    .reform(|event: Event| {
        event
            .target_unchecked_into::<HtmlInputElement>()
            .checked()
            .to_string()
    });
    let onsubmit = {
        let (form, errors, saving, saved) =
            (form.clone(), errors.clone(), saving.clone(), saved.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if *saving {
                return;
            }
            let request = match form.request() {
                Ok(request) => request,
                Err(error) => return errors.set(vec![error]),
            };
            // The shell checks again; checking here shows every reason at once.
            if let Err(found) = request.settings.validate() {
                errors.set(found.into_iter().map(CommandError::from).collect());
                return;
            }
            saving.set(true);
            let (form, errors, saving, saved) =
                (form.clone(), errors.clone(), saving.clone(), saved.clone());
            spawn_local(async move {
                match api::invoke::<SaveSmtpSettings>(&request).await {
                    Ok(view) => {
                        form.set(Form::of(view.settings, view.password));
                        errors.set(Vec::new());
                        saved.set(true);
                    }
                    Err(error) => errors.set(vec![error]),
                }
                saving.set(false);
            });
        })
    };
    let error = |field: &str| message_at(&errors, field);
    let all_fields = [
        fields::HOST,
        fields::PORT,
        fields::SECURITY,
        fields::USERNAME,
        fields::PASSWORD,
        fields::FROM,
        fields::COPY,
    ];
    let input = |field: &'static str,
                 label: &'static str,
                 kind: &'static str,
                 value: &str,
                 apply: fn(&mut Form, String)| {
        html! {
            <TextField id={field} {label} {kind} value={value.to_owned()} error={error(field)}
                oninput={change(apply, field)} />
        }
    };
    let current = &*form;
    let password_state = html! {
        <>
            <p id="smtp-senha-estado" class="muted">
                { match current.stored_password {
                    Some(SecretPlace::Keyring) => "Senha: guardada no chaveiro do sistema",
                    Some(SecretPlace::Encrypted) => "Senha: guardada cifrada neste computador",
                    None => "Senha: não definida",
                } }
            </p>
            if current.stored_password.is_some() {
                <label class="check-label">
                    <input id="smtp-remover-senha" type="checkbox" checked={current.clear_password} onchange={on_clear} />
                    { "Remover a senha" }
                </label>
            }
        </>
    };

    html! {
        <form id="smtp-form" novalidate=true onsubmit={onsubmit}>
            <FormError message={unplaced_message(&errors, &all_fields)} />
            <div class="smtp-grid">
                { input(fields::HOST, "Servidor SMTP", "text", &current.host, |f, v| f.host = v) }
                { input(fields::PORT, "Porta", "number", &current.port, |f, v| f.port = v) }
                <SelectField id={fields::SECURITY} label="Segurança" error={error(fields::SECURITY)} onchange={on_security}>
                    { for SECURITIES.iter().map(|(security, label)| html! {
                        <option value={variant_name(security)} selected={current.security == *security}>{ *label }</option>
                    }) }
                </SelectField>
                { input(fields::USERNAME, "Usuário (vazio: sem autenticação)", "text", &current.username, |f, v| f.username = v) }
                <TextField id={fields::PASSWORD} label="Senha" kind="password" autocomplete="new-password"
                    value={current.password.clone()} disabled={current.clear_password}
                    placeholder={if current.stored_password.is_some() { "Deixe vazio para manter a senha atual" } else { "" }}
                    error={error(fields::PASSWORD)} oninput={change(|f, v| f.password = v, fields::PASSWORD)}
                    after={password_state} />
                { input(fields::FROM, "Remetente (e-mail)", "email", &current.from, |f, v| f.from = v) }
                { input(fields::COPY, "E-mail cópia (vazio: nenhum)", "email", &current.copy, |f, v| f.copy = v) }
            </div>
            <div class="email-admin-actions">
                <button id="smtp-salvar" type="submit" class="primary" disabled={*saving}>
                    { if *saving { "Salvando…" } else { "Salvar configurações" } }
                </button>
                if *saved {
                    <p id="smtp-salvo" class="saved-note" role="status">{ "Configurações salvas." }</p>
                }
            </div>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_password_is_kept_replaced_or_removed() {
        let mut form = Form::of(None, Some(SecretPlace::Keyring));
        assert_eq!(
            (form.port.as_str(), form.security),
            ("587", SmtpSecurity::StartTls)
        );
        assert_eq!(form.request().map(|r| r.password), Ok(None), "kept");
        form.password = "nova".into();
        assert_eq!(form.request().map(|r| r.password), Ok(Some("nova".into())));
        form.clear_password = true;
        assert_eq!(form.request().map(|r| r.password), Ok(Some(String::new())));
    }

    #[test]
    fn a_port_that_is_not_a_number_is_said_at_its_field() {
        let mut form = Form::of(None, None);
        form.port = "70000".into();
        let error = form.request().map(drop).expect_err("refused");
        assert_eq!(error.field.as_deref(), Some(fields::PORT));
    }
}
