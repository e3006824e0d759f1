//! "Cópia de segurança" (administrators): the folder, the schedule and how many are kept;
//! "Fazer cópia agora"; the backups in the folder, each with "Restaurar" (confirmed), and a
//! restore waiting for the app to start again.
use helpdesk_api::{
    BackupChoice, BackupLine, BackupNow, BackupPanel, BackupSettings, LoadBackups, RestartApp,
    RestoreBackup, SaveBackupSettings,
};
use helpdesk_core::attachment::describe_size;
use helpdesk_core::backup::fields;
use helpdesk_core::date::format_instant;
use helpdesk_core::form::FieldError;
use yew::prelude::*;

use crate::components::{Confirm, FormError, TextField};
use crate::dom::local_offset_minutes;
use crate::hooks::{use_command, use_submit};

/// What is wrong with the settings before they are sent; the shell checks them again (and
/// the folder on this computer).
fn check(settings: &BackupSettings) -> Vec<FieldError> {
    settings.validate().err().unwrap_or_default()
}

/// Props of [`BackupPage`].
#[derive(Properties, PartialEq)]
pub struct BackupPageProps {
    /// "Voltar".
    pub onclose: Callback<()>,
}

/// `section#copia-seguranca`.
#[function_component]
pub fn BackupPage(props: &BackupPageProps) -> Html {
    let panel = use_command::<LoadBackups>(());
    let onpanel = {
        let panel = panel.clone();
        Callback::from(move |now: BackupPanel| panel.set(now))
    };
    html! {
        <section id="copia-seguranca" class="admin-page" aria-labelledby="copia-seguranca-titulo">
            <header class="admin-page-header">
                <h1 id="copia-seguranca-titulo">{ "Cópia de segurança" }</h1>
                <span class="spacer"></span>
                <button id="copia-seguranca-voltar" type="button"
                    onclick={props.onclose.reform(|_: MouseEvent| ())}>{ "Voltar" }</button>
            </header>
            <p class="hint">
                { "Uma cópia guarda o banco de dados deste computador e os anexos. \
                   Guarde as cópias em outro disco ou numa pasta de rede." }
            </p>
            { match (panel.value(), panel.error_message()) {
                (_, Some(message)) => html! { <FormError {message} /> },
                (None, None) => html! { <p aria-busy="true">{ "Carregando…" }</p> },
                (Some(now), None) => html! {
                    <>
                        <BackupForm initial={now.settings.clone()} onpanel={onpanel.clone()} />
                        <BackupActions panel={now.clone()} onpanel={onpanel.clone()} />
                    </>
                },
            } }
        </section>
    }
}

/// Props of [`BackupForm`].
#[derive(Properties, PartialEq)]
struct BackupFormProps {
    initial: BackupSettings,
    onpanel: Callback<BackupPanel>,
}

/// `form#copia-seguranca-form`: "Pasta das cópias", "Fazer uma cópia a cada (horas)",
/// "Manter as últimas".
#[function_component]
fn BackupForm(props: &BackupFormProps) -> Html {
    let settings = use_state(|| props.initial.clone());
    let submit = use_submit::<SaveBackupSettings>();
    let saved = use_state(|| false);
    let edit = |apply: fn(&mut BackupSettings, String), field: &'static str| {
        let (settings, submit, saved) = (settings.clone(), submit.clone(), saved.clone());
        Callback::from(move |value: String| {
            let mut next = (*settings).clone();
            apply(&mut next, value);
            settings.set(next);
            saved.set(false);
            submit.edited(field);
        })
    };
    let onsubmit = {
        let (settings, submit, saved) = (settings.clone(), submit.clone(), saved.clone());
        let onpanel = props.onpanel.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let (saved, onpanel) = (saved.clone(), onpanel.clone());
            let done = Callback::from(move |now: BackupPanel| {
                saved.set(true);
                onpanel.emit(now);
            });
            submit.send((*settings).clone(), check(&settings), done);
        })
    };
    html! {
        <form id="copia-seguranca-form" class="admin-form" novalidate=true {onsubmit}>
            <FormError message={submit.unplaced(&[fields::FOLDER, fields::EVERY_HOURS, fields::KEEP])} />
            <TextField id={fields::FOLDER} label="Pasta das cópias"
                value={settings.folder.clone()} error={submit.error(fields::FOLDER)}
                oninput={edit(|s, v| s.folder = v, fields::FOLDER)} />
            <p class="hint">
                { "O caminho completo, como /mnt/copias ou D:\\Copias: uma pasta só para as cópias \
                   deste computador (as mais antigas além das que se mantêm são apagadas dela)." }
            </p>
            <TextField id={fields::EVERY_HOURS} label="Fazer uma cópia a cada (horas)"
                inputmode="numeric" value={settings.every_hours.clone()}
                error={submit.error(fields::EVERY_HOURS)}
                oninput={edit(|s, v| s.every_hours = v, fields::EVERY_HOURS)} />
            <p class="hint">{ "0 ou vazio: só quando pedir." }</p>
            <TextField id={fields::KEEP} label="Manter as últimas" required=true
                inputmode="numeric" value={settings.keep.clone()}
                error={submit.error(fields::KEEP)}
                oninput={edit(|s, v| s.keep = v, fields::KEEP)} />
            if *saved {
                <p id="copia-seguranca-salvo" class="saved-note" role="status">{ "Configurações salvas." }</p>
            }
            <div class="form-actions">
                <button id="copia-seguranca-salvar" type="submit" class="primary" disabled={submit.sending()}>
                    { if submit.sending() { "Salvando…" } else { "Salvar" } }
                </button>
            </div>
        </form>
    }
}

/// Props of [`BackupActions`].
#[derive(Properties, PartialEq)]
struct BackupActionsProps {
    panel: BackupPanel,
    onpanel: Callback<BackupPanel>,
}

/// "Fazer cópia agora", the last scheduled backup's failure, the restore waiting, and the
/// list of backups.
#[function_component]
fn BackupActions(props: &BackupActionsProps) -> Html {
    let now = use_submit::<BackupNow>();
    let restore = use_submit::<RestoreBackup>();
    let restart = use_submit::<RestartApp>();
    let panel = &props.panel;
    let backup_now = {
        let (now, onpanel) = (now.clone(), props.onpanel.clone());
        Callback::from(move |_: MouseEvent| now.send((), Vec::new(), onpanel.clone()))
    };
    let onrestore = {
        let (restore, onpanel) = (restore.clone(), props.onpanel.clone());
        Callback::from(move |name: String| {
            restore.send(BackupChoice { name }, Vec::new(), onpanel.clone())
        })
    };
    let restart_now = {
        let restart = restart.clone();
        Callback::from(move |_: MouseEvent| restart.send((), Vec::new(), Callback::noop()))
    };
    html! {
        <div class="backup-actions">
            <div class="form-actions">
                <button id="copia-agora" type="button" onclick={backup_now} disabled={now.sending()}>
                    { if now.sending() { "Fazendo a cópia…" } else { "Fazer cópia agora" } }
                </button>
            </div>
            <FormError message={now.unplaced(&[])} />
            if let Some(error) = &panel.last_error {
                <p id="copia-ultimo-erro" class="form-error" role="alert">
                    { format!("A última cópia automática falhou: {error}") }
                </p>
            }
            if let Some(name) = &panel.restore_staged {
                <div id="copia-restauracao-pendente" class="saved-note" role="status">
                    { format!("A cópia {name} será restaurada quando o aplicativo reiniciar. ") }
                    <button id="copia-reiniciar" type="button" class="primary" onclick={restart_now}
                        disabled={restart.sending()}>
                        { "Reiniciar agora" }
                    </button>
                </div>
            }
            <FormError message={restore.unplaced(&[])} />
            <FormError message={restart.unplaced(&[])} />
            if let Some(problem) = &panel.folder_problem {
                <p id="copia-pasta-problema" class="form-error" role="alert">{ problem.clone() }</p>
            }
            <BackupList backups={panel.backups.clone()} {onrestore} />
        </div>
    }
}

/// Props of [`BackupList`].
#[derive(Properties, PartialEq)]
struct BackupListProps {
    backups: Vec<BackupLine>,
    /// "Restaurar", confirmed, with the backup's name.
    onrestore: Callback<String>,
}

/// `table#copias-lista`, a row per backup (`data-backup`), newest first.
#[function_component]
fn BackupList(props: &BackupListProps) -> Html {
    let confirming = use_state(|| None::<String>);
    if props.backups.is_empty() {
        return html! { <p id="copias-vazio" class="muted">{ "Nenhuma cópia na pasta." }</p> };
    }
    let offset = local_offset_minutes();
    let row = |backup: &BackupLine| {
        let name = backup.name.clone();
        let asking = confirming.as_deref() == Some(name.as_str());
        let ask = {
            let (confirming, name) = (confirming.clone(), name.clone());
            Callback::from(move |_: MouseEvent| confirming.set(Some(name.clone())))
        };
        let onyes = {
            let (confirming, onrestore, name) =
                (confirming.clone(), props.onrestore.clone(), name.clone());
            Callback::from(move |()| {
                confirming.set(None);
                onrestore.emit(name.clone());
            })
        };
        let onno = {
            let confirming = confirming.clone();
            Callback::from(move |()| confirming.set(None))
        };
        html! {
            <tr key={name.clone()} data-backup={name.clone()}>
                <td>{ format_instant(backup.created_at_ms, offset) }</td>
                <td>{ describe_size(backup.database_bytes) }</td>
                <td>{ backup.files }</td>
                <td>
                    if asking {
                        <Confirm class="backup-confirm" label="Confirmar restauração"
                            yes_id="copia-restaurar-sim" yes="Restaurar"
                            no_id="copia-restaurar-nao" no="Cancelar" {onyes} {onno}>
                            <p>{ "O que foi feito neste computador depois desta cópia e ainda não \
                                  foi sincronizado será perdido. O banco de agora fica guardado \
                                  ao lado dela." }</p>
                        </Confirm>
                    } else {
                        <button type="button" class="copia-restaurar" onclick={ask}>{ "Restaurar" }</button>
                    }
                </td>
            </tr>
        }
    };
    html! {
        <table id="copias-lista" class="grid static admin-table">
            <thead>
                <tr><th>{ "Feita em" }</th><th>{ "Banco de dados" }</th><th>{ "Anexos" }</th><th></th></tr>
            </thead>
            <tbody>{ for props.backups.iter().map(row) }</tbody>
        </table>
    }
}
