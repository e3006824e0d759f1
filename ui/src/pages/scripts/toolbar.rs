//! The editor's toolbar: "Adicionar pergunta", "Importar", "Exportar", "Pré-visualizar",
//! what became of the script, and "Publicar".
use yew::prelude::*;

use super::editor_state::PublishStatus;

/// Props of [`EditorToolbar`].
#[derive(Properties, PartialEq)]
pub struct EditorToolbarProps {
    pub status: PublishStatus,
    /// The script has no problem, so it can be previewed.
    pub can_preview: bool,
    pub publish_ref: NodeRef,
    pub onadd: Callback<()>,
    pub onimport: Callback<()>,
    pub onexport: Callback<()>,
    pub onpreview: Callback<()>,
    pub onpublish: Callback<()>,
}

/// `div.script-toolbar` with `#adicionar-pergunta`, `#importar`, `#exportar`,
/// `#pre-visualizar` and `#publicar`.
#[function_component]
pub fn EditorToolbar(props: &EditorToolbarProps) -> Html {
    let click = |callback: &Callback<()>| callback.reform(|_: MouseEvent| ());
    let publishing = props.status == PublishStatus::Publishing;
    let status = match props.status {
        PublishStatus::Quiet => Html::default(),
        PublishStatus::Publishing => {
            html! { <span class="publish-status" aria-live="polite">{ "Publicando…" }</span> }
        }
        PublishStatus::Published(version) => html! {
            <span id="publicado" class="publish-status ok" role="status">
                { format!("Versão {version} publicada.") }
            </span>
        },
        PublishStatus::Unpublished { imported } => html! {
            <span id="alteracoes-pendentes" class="publish-status">
                { if imported {
                    "Script importado: ainda não publicado."
                } else {
                    "Alterações não publicadas."
                } }
            </span>
        },
    };
    html! {
        <div class="script-toolbar" role="toolbar" aria-label="Ações do script">
            <button id="adicionar-pergunta" type="button" onclick={click(&props.onadd)}>
                { "Adicionar pergunta" }
            </button>
            <button id="importar" type="button" onclick={click(&props.onimport)}>
                { "Importar" }
            </button>
            <button id="exportar" type="button" onclick={click(&props.onexport)}>
                { "Exportar" }
            </button>
            <button
                id="pre-visualizar"
                type="button"
                disabled={!props.can_preview}
                title={(!props.can_preview).then_some("Corrija os problemas do script para pré-visualizá-lo.")}
                onclick={click(&props.onpreview)}
            >
                { "Pré-visualizar" }
            </button>
            <span class="spacer"></span>
            { status }
            <button
                id="publicar"
                type="button"
                class="primary"
                ref={props.publish_ref.clone()}
                disabled={publishing}
                onclick={click(&props.onpublish)}
            >
                { if publishing { "Publicando…" } else { "Publicar" } }
            </button>
        </div>
    }
}
