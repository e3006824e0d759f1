//! "Pré-visualizar": the subject and body as the customer will read them, the placeholders
//! filled from the ticket by the shell; every reason the e-mail cannot be sent yet (an
//! unknown placeholder, no recipient ...) is shown at its field.
use helpdesk_api::{CommandError, EmailPreview, EmailPreviewRequest, PreviewEmail};
use helpdesk_core::email::{EmailContext, EmailDraft};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::api;
use crate::components::FormError;

/// Props of [`EmailPreviewPanel`].
#[derive(Properties, PartialEq)]
pub struct EmailPreviewPanelProps {
    /// The e-mail as composed.
    pub email: Option<EmailDraft>,
    /// What the placeholders are filled with now.
    pub context: EmailContext,
    /// The shell's answer: what still stops the e-mail, each at its field.
    pub onchecked: Callback<Vec<CommandError>>,
}

/// The button and, while the e-mail is as it was previewed, the preview.
#[function_component]
pub fn EmailPreviewPanel(props: &EmailPreviewPanelProps) -> Html {
    // The e-mail as previewed, and what the shell made of it.
    let shown = use_state(|| None::<(Option<EmailDraft>, EmailPreview)>);
    let loading = use_state(|| false);
    let error = use_state(|| None::<AttrValue>);
    let onpreview = {
        let (shown, loading, error) = (shown.clone(), loading.clone(), error.clone());
        let onchecked = props.onchecked.clone();
        let draft = props.email.clone().unwrap_or_default();
        let context = props.context.clone();
        Callback::from(move |_: MouseEvent| {
            if *loading {
                return;
            }
            let request = EmailPreviewRequest {
                draft: draft.clone(),
                context: context.clone(),
            };
            loading.set(true);
            error.set(None);
            let (shown, loading, error) = (shown.clone(), loading.clone(), error.clone());
            let onchecked = onchecked.clone();
            spawn_local(async move {
                match api::invoke::<PreviewEmail>(&request).await {
                    Ok(preview) => {
                        let problems = preview.problems.iter().cloned().map(CommandError::from);
                        onchecked.emit(problems.collect());
                        shown.set(Some((Some(request.draft), preview)));
                    }
                    Err(failure) => error.set(Some(failure.message.into())),
                }
                loading.set(false);
            });
        })
    };
    let current = shown
        .as_ref()
        .filter(|(email, _)| *email == props.email)
        .map(|(_, preview)| preview);

    html! {
        <div class="field email-preview-field">
            <button id="email-pre-visualizar" type="button" aria-busy={loading.then_some("true")}
                disabled={*loading} onclick={onpreview}>
                { if *loading { "Gerando prévia…" } else { "Pré-visualizar" } }
            </button>
            <FormError message={(*error).clone()} />
            if let Some(preview) = current {
                <div id="email-previa" class="email-preview" aria-live="polite">
                    <h4 id="email-previa-assunto">
                        { preview.subject.clone().unwrap_or_else(|| "(o assunto tem um erro; veja acima)".to_owned()) }
                    </h4>
                    <pre id="email-previa-corpo">
                        { preview.body.clone().unwrap_or_else(|| "(o corpo tem um erro; veja acima)".to_owned()) }
                    </pre>
                    if preview.problems.is_empty() {
                        <p id="email-pronto" class="saved-note">{ "Pronto para enviar ao salvar o atendimento." }</p>
                    }
                </div>
            }
        </div>
    }
}
