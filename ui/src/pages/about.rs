//! "Sobre" (any operator): the app's version, the database's path and size, the folder of
//! the log files, how sync stands, and "Exportar diagnóstico" (a zip of the logs and a
//! summary, saved where the operator chooses, to send to support).
use helpdesk_api::{ExportDiagnostics, LoadAbout};
use helpdesk_core::diagnostics::size_label;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::api;
use crate::components::FormError;
use crate::dom::local_offset_minutes;
use crate::hooks::use_command;

/// Props of [`AboutPage`].
#[derive(Properties, PartialEq)]
pub struct AboutPageProps {
    /// "Voltar".
    pub onclose: Callback<()>,
}

/// What "Exportar diagnóstico" has come to.
#[derive(Clone, PartialEq)]
enum Export {
    Idle,
    Saving,
    Saved(AttrValue),
    Failed(AttrValue),
}

/// `main#sobre-pagina`.
#[function_component]
pub fn AboutPage(props: &AboutPageProps) -> Html {
    let about = use_command::<LoadAbout>(());
    let export = use_state(|| Export::Idle);
    let onexport = {
        let export = export.clone();
        Callback::from(move |_: MouseEvent| {
            let export = export.clone();
            export.set(Export::Saving);
            spawn_local(async move {
                export.set(match api::invoke::<ExportDiagnostics>(&()).await {
                    Ok(Some(path)) => Export::Saved(format!("Diagnóstico salvo em {path}").into()),
                    Ok(None) => Export::Idle,
                    Err(error) => Export::Failed(error.message.into()),
                });
            });
        })
    };
    let failed = match &*export {
        Export::Failed(message) => Some(message.clone()),
        _ => about.error_message(),
    };
    html! {
        <main id="sobre-pagina" class="about-page">
            <div class="page-header">
                <h1>{ "Sobre" }</h1>
                <button id="sobre-voltar" type="button" onclick={props.onclose.reform(|_: MouseEvent| ())}>
                    { "Voltar" }
                </button>
            </div>
            if let Some(now) = about.value() {
                <dl id="sobre-fatos" class="about-facts">
                    <dt>{ "Versão" }</dt>
                    <dd id="sobre-versao">{ now.version.clone() }</dd>
                    <dt>{ "Banco de dados" }</dt>
                    <dd id="sobre-banco">{ now.database_path.clone() }</dd>
                    <dt>{ "Tamanho do banco" }</dt>
                    <dd id="sobre-tamanho">{ size_label(now.database_bytes) }</dd>
                    <dt>{ "Pasta dos registros" }</dt>
                    <dd id="sobre-registros">{ now.log_folder.clone() }</dd>
                    <dt>{ "Sincronização" }</dt>
                    <dd id="sobre-sincronizacao">{ now.sync.headline(local_offset_minutes()) }</dd>
                </dl>
            }
            <p class="muted">
                { "O diagnóstico reúne os registros do aplicativo e um resumo deste computador \
                   para enviar ao suporte; não leva senhas nem o texto das mensagens." }
            </p>
            <div class="about-actions">
                <button id="exportar-diagnostico" type="button" class="primary" onclick={onexport}
                    disabled={*export == Export::Saving}>
                    { if *export == Export::Saving { "Exportando…" } else { "Exportar diagnóstico" } }
                </button>
                if let Export::Saved(message) = &*export {
                    <span id="diagnostico-salvo" role="status">{ message.clone() }</span>
                }
            </div>
            <FormError message={failed} />
        </main>
    }
}
