//! The administrator's e-mail screens: "Modelos de E-mail" (the templates operators compose
//! from, and the roles that may use each) and "Configurações de E-mail" (the SMTP server).
mod placeholder;
mod smtp_settings;
mod template_form;
mod templates;

use yew::prelude::*;

use smtp_settings::SmtpSettingsPage;
use templates::EmailTemplates;

/// Props of [`EmailAdminPage`].
#[derive(Properties, PartialEq)]
pub struct EmailAdminPageProps {
    /// "Voltar": back to the start panel.
    pub onclose: Callback<()>,
}

/// Which screen is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tab {
    Templates,
    Smtp,
}

/// `section.email-admin`, with a button per screen.
#[function_component]
pub fn EmailAdminPage(props: &EmailAdminPageProps) -> Html {
    let tab = use_state(|| Tab::Templates);
    let show = |to: Tab| {
        let tab = tab.clone();
        Callback::from(move |_: MouseEvent| tab.set(to))
    };
    let pressed = |which: Tab| if *tab == which { "true" } else { "false" };
    html! {
        <section class="email-admin" aria-labelledby="email-admin-titulo">
            <header class="email-admin-tabs">
                <h1 id="email-admin-titulo">{ "E-mail" }</h1>
                <button id="aba-modelos-email" type="button" aria-pressed={pressed(Tab::Templates)}
                    onclick={show(Tab::Templates)}>
                    { "Modelos de E-mail" }
                </button>
                <button id="aba-configuracoes-email" type="button" aria-pressed={pressed(Tab::Smtp)}
                    onclick={show(Tab::Smtp)}>
                    { "Configurações de E-mail" }
                </button>
                <span class="spacer"></span>
                <button id="email-admin-voltar" type="button" onclick={props.onclose.reform(|_: MouseEvent| ())}>
                    { "Voltar" }
                </button>
            </header>
            { match *tab {
                Tab::Templates => html! { <EmailTemplates /> },
                Tab::Smtp => html! { <SmtpSettingsPage /> },
            } }
        </section>
    }
}
