//! The sync server's integrations: the token asked first, then the list, "Nova integração"
//! (the key shown once) and "Revogar".
use helpdesk_api::{
    CreatedIntegration, IntegrationRevocation, IntegrationSummary, ListIntegrations,
    RevokeIntegration, ServerToken,
};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::create::NewIntegrationForm;
use super::key::CreatedKey;
use super::list::IntegrationList;
use crate::api;
use crate::components::FormError;
use crate::hooks::use_command_when;
use crate::pages::server_token::ServerTokenForm;

/// What the screen shows besides the list.
#[derive(Clone, PartialEq)]
enum Showing {
    List,
    /// "Nova integração".
    Creating,
    /// The key of the integration just created.
    Created(CreatedIntegration),
}

/// The list, or the token form until the server accepted a token.
#[function_component]
pub fn ServerIntegrations() -> Html {
    let token = use_state(|| None::<ServerToken>);
    let list = use_command_when::<ListIntegrations>((*token).clone());
    let showing = use_state(|| Showing::List);
    let notice = use_state(|| None::<AttrValue>);
    let error = use_state(|| None::<AttrValue>);
    let (Some(current), Some(integrations)) = ((*token).clone(), list.value()) else {
        let onsubmit = {
            let (token, reload) = (token.clone(), list.reload());
            Callback::from(move |typed: ServerToken| {
                if token.as_ref() == Some(&typed) {
                    reload.emit(());
                } else {
                    token.set(Some(typed));
                }
            })
        };
        return html! {
            <ServerTokenForm error={list.error().cloned()} checking={list.loading()} {onsubmit} />
        };
    };
    let show = |next: Showing| {
        let (showing, notice) = (showing.clone(), notice.clone());
        Callback::from(move |()| {
            notice.set(None);
            showing.set(next.clone());
        })
    };
    match &*showing {
        Showing::Creating => {
            let oncreated = {
                let (showing, reload) = (showing.clone(), list.reload());
                Callback::from(move |created: CreatedIntegration| {
                    showing.set(Showing::Created(created));
                    reload.emit(());
                })
            };
            return html! {
                <NewIntegrationForm token={current} {oncreated} oncancel={show(Showing::List)} />
            };
        }
        Showing::Created(created) => {
            return html! { <CreatedKey created={created.clone()} onclose={show(Showing::List)} /> };
        }
        Showing::List => {}
    }
    let onrevoke = {
        let (notice, error, reload) = (notice.clone(), error.clone(), list.reload());
        Callback::from(move |integration: IntegrationSummary| {
            let revocation = IntegrationRevocation {
                token: current.clone(),
                id: integration.id,
            };
            let (notice, error, reload) = (notice.clone(), error.clone(), reload.clone());
            spawn_local(async move {
                match api::invoke::<RevokeIntegration>(&revocation).await {
                    Ok(revoked) => {
                        error.set(None);
                        let message = format!("Integração \"{}\" revogada.", revoked.name);
                        notice.set(Some(message.into()));
                        reload.emit(());
                    }
                    Err(failure) => error.set(Some(failure.message.into())),
                }
            });
        })
    };
    html! {
        <>
            <div class="admin-toolbar">
                <p class="muted">
                    { "O site ou aplicativo do provedor envia as mensagens dos clientes ao \
                       servidor com a chave de uma integração." }
                </p>
                <button id="nova-integracao" type="button" class="primary"
                    onclick={show(Showing::Creating).reform(|_: MouseEvent| ())}>
                    { "Nova integração" }
                </button>
            </div>
            if let Some(notice) = &*notice {
                <p id="integracoes-aviso" class="saved-note" role="status">{ notice.clone() }</p>
            }
            <FormError message={(*error).clone().or_else(|| list.error_message())} />
            <IntegrationList integrations={integrations.clone()} {onrevoke} />
        </>
    }
}
