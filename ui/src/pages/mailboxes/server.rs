//! The sync server's mailboxes: the token asked first, then the list (asked again every few
//! seconds, so the reader's status moves on screen), "Nova caixa", "Editar",
//! "Desativar"/"Ativar".
use gloo_timers::callback::Interval;
use helpdesk_api::{
    ListMailboxes, MailboxEnabledChange, MailboxSummary, ServerToken, SetMailboxEnabled, Uuid,
};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::draft::SettingsDraft;
use super::form::MailboxEditor;
use super::list::MailboxList;
use crate::api;
use crate::components::FormError;
use crate::hooks::use_command_when;
use crate::pages::server_token::ServerTokenForm;

/// How often the list is asked again, in ms.
const REFRESH_MS: u32 = 3_000;

/// The list, or the token form until the server accepted a token.
#[function_component]
pub fn ServerMailboxes() -> Html {
    let token = use_state(|| None::<ServerToken>);
    let list = use_command_when::<ListMailboxes>((*token).clone());
    // The mailbox in the form (its id, `None` for "Nova caixa") and its settings.
    let editing = use_state(|| None::<(Option<Uuid>, SettingsDraft)>);
    let notice = use_state(|| None::<AttrValue>);
    let error = use_state(|| None::<AttrValue>);
    {
        let (reload, accepted) = (list.reload(), list.value().is_some());
        use_effect_with(((*token).clone(), accepted), move |(token, accepted)| {
            let timer = (token.is_some() && *accepted)
                .then(|| Interval::new(REFRESH_MS, move || reload.emit(())));
            move || drop(timer)
        });
    }
    let (Some(current), Some(mailboxes)) = ((*token).clone(), list.value()) else {
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

    let done = |message: &'static str| {
        let (editing, notice, error, reload) = (
            editing.clone(),
            notice.clone(),
            error.clone(),
            list.reload(),
        );
        Callback::from(move |mailbox: MailboxSummary| {
            editing.set(None);
            error.set(None);
            notice.set(Some(
                format!("{message}: {}.", mailbox.settings.login).into(),
            ));
            reload.emit(());
        })
    };
    if let Some((id, draft)) = &*editing {
        let oncancel = {
            let editing = editing.clone();
            Callback::from(move |()| editing.set(None))
        };
        return html! {
            <MailboxEditor token={current} id={*id} initial={draft.clone()}
                onsaved={done("Caixa de correio salva")} {oncancel} />
        };
    }
    let onedit = {
        let (editing, notice) = (editing.clone(), notice.clone());
        Callback::from(move |mailbox: MailboxSummary| {
            notice.set(None);
            editing.set(Some((
                Some(mailbox.id),
                SettingsDraft::of(&mailbox.settings),
            )));
        })
    };
    let ontoggle = {
        let (error, changed) = (error.clone(), done("Leitura alterada"));
        Callback::from(move |mailbox: MailboxSummary| {
            let change = MailboxEnabledChange {
                token: current.clone(),
                id: mailbox.id,
                enabled: !mailbox.enabled,
            };
            let (error, changed) = (error.clone(), changed.clone());
            spawn_local(async move {
                match api::invoke::<SetMailboxEnabled>(&change).await {
                    Ok(mailbox) => changed.emit(mailbox),
                    Err(failure) => error.set(Some(failure.message.into())),
                }
            });
        })
    };
    let new_mailbox = {
        let (editing, notice) = (editing.clone(), notice.clone());
        Callback::from(move |_: MouseEvent| {
            notice.set(None);
            editing.set(Some((None, SettingsDraft::new())));
        })
    };
    html! {
        <>
            <div class="admin-toolbar">
                <p class="muted">
                    { "O servidor de sincronização lê estas caixas (IMAP): cada e-mail vira uma \
                       mensagem do Suporte Online em todos os computadores." }
                </p>
                <button id="nova-caixa" type="button" class="primary" onclick={new_mailbox}>
                    { "Nova caixa" }
                </button>
            </div>
            if let Some(notice) = &*notice {
                <p id="caixas-aviso" class="saved-note" role="status">{ notice.clone() }</p>
            }
            <FormError message={(*error).clone().or_else(|| list.error_message())} />
            <MailboxList mailboxes={mailboxes.clone()} {onedit} {ontoggle} />
        </>
    }
}
