//! The mailboxes as the server lists them: server, login, folder, whether enabled, and the
//! reader's status with its time and the server's words.
use helpdesk_api::MailboxSummary;
use helpdesk_core::date::format_instant;
use yew::prelude::*;

use crate::dom::{local_offset_minutes, variant_name};

/// Props of [`MailboxList`].
#[derive(Properties, PartialEq)]
pub struct MailboxListProps {
    pub mailboxes: Vec<MailboxSummary>,
    /// "Editar".
    pub onedit: Callback<MailboxSummary>,
    /// "Desativar" or "Ativar".
    pub ontoggle: Callback<MailboxSummary>,
}

/// `table#caixas-lista`, a row per mailbox (`data-login`, `data-host`).
#[function_component]
pub fn MailboxList(props: &MailboxListProps) -> Html {
    if props.mailboxes.is_empty() {
        return html! {
            <p id="caixas-vazio" class="muted">{ "Nenhuma caixa de correio: o servidor não lê e-mails." }</p>
        };
    }
    let offset = local_offset_minutes();
    let row = |mailbox: &MailboxSummary| {
        let settings = &mailbox.settings;
        let pick = |to: &Callback<MailboxSummary>| {
            let mailbox = mailbox.clone();
            to.reform(move |_: MouseEvent| mailbox.clone())
        };
        let (toggle_class, toggle) = if mailbox.enabled {
            ("caixa-desativar danger", "Desativar")
        } else {
            ("caixa-ativar", "Ativar")
        };
        let since = mailbox
            .status_at
            .map(|at| format!(" (desde {})", format_instant(at, offset)))
            .unwrap_or_default();
        html! {
            <tr key={mailbox.id.to_string()} data-login={settings.login.clone()}
                data-host={settings.host.clone()}
                class={classes!((!mailbox.enabled).then_some("inactive"))}>
                <td>{ format!("{}:{}", settings.host, settings.port) }</td>
                <td>{ settings.login.clone() }</td>
                <td>
                    { settings.folder.clone() }
                    if let Some(target) = &settings.move_handled_to {
                        <span class="muted">{ format!(" → {target}") }</span>
                    }
                </td>
                <td>{ if mailbox.enabled { "Ativa" } else { "Desativada" } }</td>
                <td class={classes!("caixa-status", mailbox.status.is_trouble().then_some("trouble"))}
                    data-status={variant_name(&mailbox.status)}>
                    <span class="caixa-situacao">{ mailbox.status.label() }{ since }</span>
                    <span class="caixa-detalhe muted">{ mailbox.status_detail.clone() }</span>
                </td>
                <td class="admin-actions">
                    <button type="button" class="caixa-editar" onclick={pick(&props.onedit)}>{ "Editar" }</button>
                    <button type="button" class={toggle_class} onclick={pick(&props.ontoggle)}>{ toggle }</button>
                </td>
            </tr>
        }
    };
    html! {
        <table id="caixas-lista" class="grid static admin-table">
            <thead><tr>
                <th>{ "Servidor" }</th><th>{ "Usuário" }</th><th>{ "Pasta" }</th>
                <th>{ "Situação" }</th><th>{ "Leitura" }</th><th></th>
            </tr></thead>
            <tbody>{ for props.mailboxes.iter().map(row) }</tbody>
        </table>
    }
}
