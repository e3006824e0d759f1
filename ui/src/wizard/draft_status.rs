//! The wizard header's note on its draft: saving, saved at what time, or why not.
use helpdesk_core::date::format_instant;
use yew::prelude::*;

/// Props of [`DraftStatus`].
#[derive(Properties, PartialEq)]
pub struct DraftStatusProps {
    /// When the shell last saved the draft, Unix ms.
    pub saved_at: Option<i64>,
    /// Changes are waiting to be saved.
    pub pending: bool,
    /// Why the last save failed.
    pub error: Option<AttrValue>,
}

/// `#rascunho`, with `data-pending` for readers that wait for the save.
#[function_component]
pub fn DraftStatus(props: &DraftStatusProps) -> Html {
    let text = match (&props.error, props.pending, props.saved_at) {
        (Some(error), _, _) => format!("Rascunho não salvo: {error}"),
        (None, true, _) => "Salvando rascunho…".to_owned(),
        (None, false, Some(at)) => {
            let time = format_instant(at, crate::dom::local_offset_minutes());
            format!(
                "Rascunho salvo às {}",
                time.rsplit(' ').next().unwrap_or_default()
            )
        }
        (None, false, None) => String::new(),
    };
    html! {
        <span
            id="rascunho"
            class={classes!("draft-status", props.error.is_some().then_some("failed"))}
            data-pending={props.pending.to_string()}
            aria-live="polite"
        >
            { text }
        </span>
    }
}
