//! A file attached to what is being written: its name, its size and "Remover".
use helpdesk_api::DraftAttachment;
use helpdesk_core::attachment::describe_size;
use yew::prelude::*;

/// Props of [`AttachmentRow`].
#[derive(Properties, PartialEq)]
pub struct AttachmentRowProps {
    pub file: DraftAttachment,
    /// "Remover".
    pub onremove: Callback<()>,
    /// What follows the file's line (its "Observações"); with it, the line is wrapped in
    /// `div.attachment-file`.
    #[prop_or_default]
    pub notes: Option<Html>,
}

/// `li.attachment[data-file-name]` with `span.attachment-name`, `span.attachment-size` and
/// `button.remove-attachment`.
#[function_component]
pub fn AttachmentRow(props: &AttachmentRowProps) -> Html {
    let file = &props.file;
    let line = html! {
        <>
            <span class="attachment-name">{ file.file_name.clone() }</span>
            <span class="attachment-size muted">{ describe_size(file.size_bytes) }</span>
            <button type="button" class="link remove-attachment"
                onclick={props.onremove.reform(|_: MouseEvent| ())}
                aria-label={format!("Remover {}", file.file_name)}>
                { "Remover" }
            </button>
        </>
    };
    html! {
        <li class="attachment" data-file-name={file.file_name.clone()}>
            if let Some(notes) = &props.notes {
                <div class="attachment-file">{ line }</div>
                { notes.clone() }
            } else {
                { line }
            }
        </li>
    }
}
