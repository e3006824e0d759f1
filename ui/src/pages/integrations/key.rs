//! A new integration's key, shown once: "Copiar", and the warning that it is not shown
//! again.
use helpdesk_api::CreatedIntegration;
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::dom::copy_text;

/// Props of [`CreatedKey`].
#[derive(Properties, PartialEq)]
pub struct CreatedKeyProps {
    pub created: CreatedIntegration,
    /// "Já guardei a chave".
    pub onclose: Callback<()>,
}

/// `div#integracao-criada` with `input#integracao-chave` and `button#integracao-copiar`.
#[function_component]
pub fn CreatedKey(props: &CreatedKeyProps) -> Html {
    let key_ref = use_node_ref();
    let status = use_state(|| None::<&'static str>);
    let oncopy = {
        let (key_ref, status, key) = (key_ref.clone(), status.clone(), props.created.key.clone());
        Callback::from(move |_: MouseEvent| {
            let (key_ref, status, key) = (key_ref.clone(), status.clone(), key.clone());
            spawn_local(async move {
                if copy_text(&key).await {
                    status.set(Some("Chave copiada para a área de transferência."));
                } else {
                    if let Some(input) = key_ref.cast::<HtmlInputElement>() {
                        let _ = input.focus();
                        input.select();
                    }
                    status.set(Some("Chave selecionada: copie com Ctrl+C."));
                }
            });
        })
    };
    let integration = &props.created.integration;
    html! {
        <div id="integracao-criada" class="admin-form" role="region" aria-label="Chave da integração">
            <h2>{ format!("Integração \"{}\" criada", integration.name) }</h2>
            <p id="integracao-aviso" class="warning" role="alert">
                { "Guarde esta chave agora: ela não será mostrada de novo. Quem a tiver pode enviar \
                   mensagens ao suporte; se vazar, revogue a integração e crie outra." }
            </p>
            <div class="key-line">
                <input id="integracao-chave" class="mono" type="text" readonly=true
                    spellcheck="false" aria-label="Chave da integração" ref={key_ref}
                    value={props.created.key.clone()} />
                <button id="integracao-copiar" type="button" onclick={oncopy}>{ "Copiar" }</button>
            </div>
            <p id="integracao-copia" class="muted" aria-live="polite">{ status.unwrap_or_default() }</p>
            if let Some(url) = &integration.form_url {
                <p>{ "Formulário público: " }<span id="integracao-formulario" class="mono">{ url.clone() }</span></p>
            }
            <p class="muted">
                { "O site ou aplicativo envia cada mensagem a POST /v1/portal/messages do servidor \
                   com o cabeçalho Authorization: Bearer <chave>." }
            </p>
            <div class="form-actions">
                <button id="integracao-fechar-chave" type="button" class="primary"
                    onclick={props.onclose.reform(|_: MouseEvent| ())}>{ "Já guardei a chave" }</button>
            </div>
        </div>
    }
}
