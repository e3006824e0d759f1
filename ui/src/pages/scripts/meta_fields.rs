//! The script's name and keywords, with their messages, and which version is edited.
use helpdesk_core::date::format_instant;
use helpdesk_core::script::fields;
use yew::prelude::*;

use crate::components::TextField;
use crate::dom::local_offset_minutes;

/// Props of [`MetaFields`].
#[derive(Properties, PartialEq)]
pub struct MetaFieldsProps {
    pub name: AttrValue,
    pub keywords: AttrValue,
    pub name_error: Option<AttrValue>,
    pub keywords_error: Option<AttrValue>,
    /// The latest published version, and when it was published.
    pub version: Option<(u32, i64)>,
    pub name_ref: NodeRef,
    pub keywords_ref: NodeRef,
    pub onname: Callback<String>,
    pub onkeywords: Callback<String>,
}

/// `div.script-meta` with `#script-nome`, `#script-palavras` and `#script-versao`.
#[function_component]
pub fn MetaFields(props: &MetaFieldsProps) -> Html {
    let version = match props.version {
        Some((version, at)) => format!(
            "Versão {version}, publicada em {}.",
            format_instant(at, local_offset_minutes())
        ),
        None => "Script novo, ainda não publicado.".to_owned(),
    };
    html! {
        <div class="script-meta">
            <TextField
                id="script-nome"
                label="Nome"
                required=true
                asterisk_hidden=true
                required_attribute=true
                field={fields::NAME}
                class="script-name-field"
                autocomplete="off"
                node_ref={props.name_ref.clone()}
                value={props.name.clone()}
                error={props.name_error.clone()}
                oninput={props.onname.clone()}
            />
            <TextField
                id="script-palavras"
                label="Palavras-chave"
                field={fields::KEYWORDS}
                class="script-keywords-field"
                autocomplete="off"
                describedby="script-palavras-dica"
                node_ref={props.keywords_ref.clone()}
                value={props.keywords.clone()}
                error={props.keywords_error.clone()}
                oninput={props.onkeywords.clone()}
                after={html! {
                    <p id="script-palavras-dica" class="hint-below">
                        { "Separadas por vírgula: assuntos, problemas e tipos de atendimento para os quais o script é oferecido." }
                    </p>
                }}
            />
            <p id="script-versao" class="script-version">{ version }</p>
        </div>
    }
}
