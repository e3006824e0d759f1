//! "Provedor" (administrators): the provider's name and the idle time after which the
//! windows lock.
use helpdesk_api::{LoadSetupState, ProviderSettings, SaveProviderSettings, SetupState};
use helpdesk_core::form::FieldError;
use helpdesk_core::setup::fields;
use yew::prelude::*;

use crate::components::{FormError, TextField};
use crate::hooks::{use_command, use_submit};

/// What is wrong with the settings before they are sent; the shell checks them again.
fn check(settings: &ProviderSettings) -> Vec<FieldError> {
    settings.validate().err().unwrap_or_default()
}

/// The settings as the form starts from them.
fn settings_of(setup: &SetupState) -> ProviderSettings {
    ProviderSettings {
        name: setup.provider_name.clone().unwrap_or_default(),
        idle_lock_minutes: setup.idle_lock_minutes.to_string(),
    }
}

/// Props of [`ProviderPage`].
#[derive(Properties, PartialEq)]
pub struct ProviderPageProps {
    /// Called with the setup once the settings are saved.
    pub onsaved: Callback<SetupState>,
    /// "Voltar".
    pub onclose: Callback<()>,
}

/// `section#provedor`: the form once the settings are known.
#[function_component]
pub fn ProviderPage(props: &ProviderPageProps) -> Html {
    let setup = use_command::<LoadSetupState>(());
    html! {
        <section id="provedor" class="admin-page" aria-labelledby="provedor-titulo">
            <header class="admin-page-header">
                <h1 id="provedor-titulo">{ "Provedor" }</h1>
                <span class="spacer"></span>
                <button id="provedor-voltar" type="button"
                    onclick={props.onclose.reform(|_: MouseEvent| ())}>{ "Voltar" }</button>
            </header>
            { match (setup.value(), setup.error_message()) {
                (_, Some(message)) => html! { <FormError {message} /> },
                (None, None) => html! { <p aria-busy="true">{ "Carregando…" }</p> },
                (Some(now), None) => html! {
                    <ProviderForm initial={settings_of(now)} onsaved={props.onsaved.clone()} />
                },
            } }
        </section>
    }
}

/// Props of [`ProviderForm`].
#[derive(Properties, PartialEq)]
struct ProviderFormProps {
    initial: ProviderSettings,
    onsaved: Callback<SetupState>,
}

/// `form#provedor-form`: "Nome do provedor", "Bloquear após (minutos)".
#[function_component]
fn ProviderForm(props: &ProviderFormProps) -> Html {
    let settings = use_state(|| props.initial.clone());
    let submit = use_submit::<SaveProviderSettings>();
    let saved = use_state(|| false);
    let edit = |apply: fn(&mut ProviderSettings, String), field: &'static str| {
        let (settings, submit, saved) = (settings.clone(), submit.clone(), saved.clone());
        Callback::from(move |value: String| {
            let mut next = (*settings).clone();
            apply(&mut next, value);
            settings.set(next);
            saved.set(false);
            submit.edited(field);
        })
    };
    let onsubmit = {
        let (settings, submit, saved) = (settings.clone(), submit.clone(), saved.clone());
        let onsaved = props.onsaved.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let (saved, onsaved) = (saved.clone(), onsaved.clone());
            let done = Callback::from(move |now: SetupState| {
                saved.set(true);
                onsaved.emit(now);
            });
            submit.send((*settings).clone(), check(&settings), done);
        })
    };
    html! {
        <form id="provedor-form" class="admin-form" novalidate=true {onsubmit}>
            <FormError message={submit.unplaced(&[fields::PROVIDER_NAME, fields::IDLE_LOCK_MINUTES])} />
            <TextField id={fields::PROVIDER_NAME} label="Nome do provedor" required=true
                value={settings.name.clone()} error={submit.error(fields::PROVIDER_NAME)}
                oninput={edit(|s, v| s.name = v, fields::PROVIDER_NAME)} />
            <TextField id={fields::IDLE_LOCK_MINUTES} label="Bloquear após (minutos)" required=true
                inputmode="numeric" value={settings.idle_lock_minutes.clone()}
                error={submit.error(fields::IDLE_LOCK_MINUTES)}
                oninput={edit(|s, v| s.idle_lock_minutes = v, fields::IDLE_LOCK_MINUTES)} />
            <p class="hint">{ "Sem uso por esse tempo, a janela se bloqueia e pede a senha de novo." }</p>
            if *saved {
                <p id="provedor-salvo" class="saved-note" role="status">{ "Configurações salvas." }</p>
            }
            <div class="form-actions">
                <button id="provedor-salvar" type="submit" class="primary" disabled={submit.sending()}>
                    { if submit.sending() { "Salvando…" } else { "Salvar" } }
                </button>
            </div>
        </form>
    }
}
