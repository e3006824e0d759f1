//! A step this version does not build yet: it says so, and shows nothing made up.
use yew::prelude::*;

/// The notice shown in place of a step not built yet.
#[function_component]
pub fn PendingStep() -> Html {
    html! {
        <p class="pending-step">{ "Esta etapa ainda não está disponível nesta versão." }</p>
    }
}
