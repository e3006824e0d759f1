//! The integrations as the server lists them: name, created, last used (when the server
//! says), revoked, the public form's address (when it offers one), and "Revogar" after a
//! confirmation.
use helpdesk_api::IntegrationSummary;
use helpdesk_core::date::format_instant;
use yew::prelude::*;

use crate::components::Confirm;
use crate::dom::local_offset_minutes;

/// Props of [`IntegrationList`].
#[derive(Properties, PartialEq)]
pub struct IntegrationListProps {
    pub integrations: Vec<IntegrationSummary>,
    /// "Revogar", confirmed.
    pub onrevoke: Callback<IntegrationSummary>,
}

/// `table#integracoes-lista`, a row per integration (`data-name`).
#[function_component]
pub fn IntegrationList(props: &IntegrationListProps) -> Html {
    let confirming = use_state(|| None::<IntegrationSummary>);
    if props.integrations.is_empty() {
        return html! {
            <p id="integracoes-vazio" class="muted">{ "Nenhuma integração criada." }</p>
        };
    }
    let offset = local_offset_minutes();
    let when = |at: Option<i64>, none: &'static str| {
        at.map_or_else(|| none.to_owned(), |at| format_instant(at, offset))
    };
    let row = |integration: &IntegrationSummary| {
        let asking = confirming
            .as_ref()
            .is_some_and(|asked| asked.id == integration.id);
        let ask = {
            let (confirming, integration) = (confirming.clone(), integration.clone());
            Callback::from(move |_: MouseEvent| confirming.set(Some(integration.clone())))
        };
        let onyes = {
            let (confirming, onrevoke, integration) = (
                confirming.clone(),
                props.onrevoke.clone(),
                integration.clone(),
            );
            Callback::from(move |()| {
                confirming.set(None);
                onrevoke.emit(integration.clone());
            })
        };
        let onno = {
            let confirming = confirming.clone();
            Callback::from(move |()| confirming.set(None))
        };
        let revoked = integration.revoked_at.is_some();
        html! {
            <tr key={integration.id.to_string()} data-name={integration.name.clone()}
                class={classes!(revoked.then_some("inactive"))}>
                <td>
                    { integration.name.clone() }
                    if let Some(url) = &integration.form_url {
                        <span class="integracao-formulario mono muted">{ url.clone() }</span>
                    }
                </td>
                <td>{ format_instant(integration.created_at, offset) }</td>
                <td>{ when(integration.last_used_at, "—") }</td>
                <td class="integracao-situacao">
                    { integration.revoked_at.map_or_else(
                        || "Ativa".to_owned(),
                        |at| format!("Revogada em {}", format_instant(at, offset))) }
                </td>
                <td class="admin-actions">
                    if revoked {
                    } else if asking {
                        <Confirm class="inline-confirm" inline=true label="Confirmar: Revogar"
                            yes_id="integracao-revogar-sim" yes="Revogar" {onyes}
                            no_id="integracao-revogar-nao" no="Não" {onno}>
                            { format!("Revogar \"{}\"? A chave deixa de valer na hora. ", integration.name) }
                        </Confirm>
                    } else {
                        <button type="button" class="integracao-revogar danger" onclick={ask}>{ "Revogar" }</button>
                    }
                </td>
            </tr>
        }
    };
    html! {
        <table id="integracoes-lista" class="grid static admin-table">
            <thead><tr>
                <th>{ "Nome" }</th><th>{ "Criada em" }</th><th>{ "Último uso" }</th>
                <th>{ "Situação" }</th><th></th>
            </tr></thead>
            <tbody>{ for props.integrations.iter().map(row) }</tbody>
        </table>
    }
}
