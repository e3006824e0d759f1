//! "Tema" in the header: "Claro", "Escuro" or "Sistema", applied at once and kept for this
//! desktop (`SaveTheme`).
use helpdesk_api::SaveTheme;
use helpdesk_core::theme::Theme;
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::{api, theme};

/// `select#tema`, labelled "Tema".
#[function_component]
pub fn ThemeChoice() -> Html {
    let chosen = use_state(theme::chosen);
    let onchange = {
        let chosen = chosen.clone();
        Callback::from(move |event: Event| {
            let key = event.target_unchecked_into::<HtmlSelectElement>().value();
            let now = Theme::from_key(&key);
            theme::apply(now);
            chosen.set(now);
            spawn_local(async move {
                // Shown already; only its keeping failed, which the next start will show.
                if let Err(error) = api::invoke::<SaveTheme>(&now).await {
                    web_sys::console::warn_1(&error.message.into());
                }
            });
        })
    };
    html! {
        <label class="theme-choice">
            <span>{ "Tema" }</span>
            <select id="tema" {onchange}>
                { for Theme::ALL.iter().map(|option| html! {
                    <option value={option.key()} selected={*option == *chosen}>{ option.label() }</option>
                }) }
            </select>
        </label>
    }
}
