//! The customer's "Alterações": who changed what, and when, newest first.
use helpdesk_api::CustomerChange;
use helpdesk_core::date::format_instant;
use yew::prelude::*;

use crate::components::FormError;
use crate::dom::local_offset_minutes;

/// Props of [`ChangesSection`].
#[derive(Properties, PartialEq)]
pub struct ChangesSectionProps {
    /// `None` while they load.
    pub changes: Option<Vec<CustomerChange>>,
    pub error: Option<AttrValue>,
}

/// `section#cliente-alteracoes`: `ol#alteracoes-cliente`, a line per change.
#[function_component]
pub fn ChangesSection(props: &ChangesSectionProps) -> Html {
    let offset = local_offset_minutes();
    html! {
        <section id="cliente-alteracoes" class="customer-section card"
            aria-labelledby="cliente-alteracoes-titulo">
            <div class="section-heading">
                <h3 id="cliente-alteracoes-titulo">{ "Alterações" }</h3>
            </div>
            <FormError message={props.error.clone()} />
            { match &props.changes {
                None => Html::default(),
                Some(changes) if changes.is_empty() => html! { <p class="empty">{ "Nenhuma alteração." }</p> },
                Some(changes) => html! {
                    <ol id="alteracoes-cliente" class="changes">
                        { for changes.iter().map(|change| html! {
                            <li>
                                <span class="change-when">{ format_instant(change.at, offset) }</span>
                                <span class="change-who">{ change.user.clone() }</span>
                                <span class="change-what">{ change.summary.clone() }</span>
                            </li>
                        }) }
                    </ol>
                },
            } }
        </section>
    }
}
