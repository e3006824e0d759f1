//! The script's name and keywords, with their messages, and which version is edited.
use helpdesk_core::date::format_instant;
use helpdesk_core::script::fields;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::FieldError;
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
    let value_of = |event: InputEvent| event.target_unchecked_into::<HtmlInputElement>().value();
    let version = match props.version {
        Some((version, at)) => format!(
            "Versão {version}, publicada em {}.",
            format_instant(at, local_offset_minutes())
        ),
        None => "Script novo, ainda não publicado.".to_owned(),
    };
    html! {
        <div class="script-meta">
            <div class="field script-name-field">
                <label for="script-nome">
                    { "Nome" }
                    <span class="required" aria-hidden="true">{ " *" }</span>
                </label>
                <input
                    id="script-nome"
                    type="text"
                    autocomplete="off"
                    required=true
                    ref={props.name_ref.clone()}
                    value={props.name.clone()}
                    aria-invalid={props.name_error.is_some().then_some("true")}
                    oninput={props.onname.reform(value_of)}
                />
                <FieldError field={fields::NAME} message={props.name_error.clone()} />
            </div>
            <div class="field script-keywords-field">
                <label for="script-palavras">{ "Palavras-chave" }</label>
                <input
                    id="script-palavras"
                    type="text"
                    autocomplete="off"
                    ref={props.keywords_ref.clone()}
                    value={props.keywords.clone()}
                    aria-invalid={props.keywords_error.is_some().then_some("true")}
                    aria-describedby="script-palavras-dica"
                    oninput={props.onkeywords.reform(value_of)}
                />
                <p id="script-palavras-dica" class="hint-below">
                    { "Separadas por vírgula: assuntos, problemas e tipos de atendimento para os quais o script é oferecido." }
                </p>
                <FieldError field={fields::KEYWORDS} message={props.keywords_error.clone()} />
            </div>
            <p id="script-versao" class="script-version">{ version }</p>
        </div>
    }
}
