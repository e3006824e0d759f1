//! The Tauri shell: opens the store, holds the session, and exposes the typed commands of
//! `helpdesk_api` to the window. Commands only decode, delegate and map errors.
#![warn(clippy::unwrap_used, clippy::panic)]

mod app_store;
mod assignment_notifier;
mod backups;
mod commands;
mod database;
mod diagnostics;
mod email_worker;
mod error;
mod file_picker;
mod import_session;
pub mod local_time;
mod logging;
pub mod mailbox_watcher;
mod mailbox_worker;
mod opener;
mod outcomes;
mod rendering;
mod server_admin;
mod state;
mod sync_worker;
pub mod updates;
mod vault;

use std::sync::Arc;

use tauri::{Manager, Runtime};

pub use file_picker::FilePicker;
pub use import_session::ImportSession;
pub use opener::Opener;
pub use state::{AppState, Attachments, EmailState, LocalMailbox, SyncHandle};

/// Every command of `helpdesk_api` handled by the function of its name in [`commands`]:
/// a command without its function, or a function whose request or response is not its
/// command's, does not compile.
macro_rules! api_commands {
    ($($ty:ident => $name:ident),*) => {{
        const _: () = {
            $(commands::handles::<helpdesk_api::$ty, _, _>(&commands::$name);)*
        };
        tauri_specta::collect_commands![$(commands::$name),*]
    }};
}

/// The typed command surface, for the IPC handler and for the TypeScript export.
pub fn specta_builder<R: Runtime>() -> tauri_specta::Builder<R> {
    tauri_specta::Builder::<R>::new().commands(helpdesk_api::for_each_command!(api_commands))
}

/// Registers the commands on any runtime (the real one, or the test mock); the caller
/// manages the [`AppState`].
pub fn app_builder<R: Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    builder.invoke_handler(specta_builder::<R>().invoke_handler())
}

/// Says that the database is open in another process of the app, in a message box with no
/// window behind it, and stops (exit code 3) once it is read.
fn refuse_in_use(app: &tauri::AppHandle, path: &std::path::Path) {
    use tauri_plugin_dialog::{DialogExt, MessageDialogKind};
    log::error!("the database {} is open in another process", path.display());
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.hide();
    }
    let handle = app.clone();
    app.dialog()
        .message(database::in_use_message(path))
        .title("Helpdesk")
        .kind(MessageDialogKind::Error)
        .show(move |_| handle.exit(3));
}

/// The window keeps its size, place and maximised state across starts (in the app's
/// config folder); not whether it is shown, which the app decides.
fn window_state<R: Runtime>() -> tauri::plugin::TauriPlugin<R> {
    use tauri_plugin_window_state::StateFlags;
    tauri_plugin_window_state::Builder::new()
        .with_state_flags(StateFlags::SIZE | StateFlags::POSITION | StateFlags::MAXIMIZED)
        .build()
}

/// Starts the desktop app.
pub fn run() {
    let started = std::time::Instant::now();
    rendering::prefer_software();
    if let Some(message) = database::refused_flag() {
        // No log yet: the log plugin starts with the app.
        eprintln!("{message}");
        std::process::exit(2);
    }
    logging::log_panics();
    let mut builder = tauri::Builder::default();
    if database::default_location() {
        // Started again (say, from the menu): the running app comes forward instead.
        builder = builder.plugin(tauri_plugin_single_instance::init(|app, _, _| {
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.set_focus();
            }
        }));
    }
    let result = app_builder(builder)
        .plugin(logging::plugin())
        .plugin(window_state())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_notification::init())
        .plugin(updates::plugin())
        .setup(move |app| {
            log::info!(
                "{} {} starting",
                app.package_info().name,
                app.package_info().version
            );
            logging::exit_on_terminate(app.handle().clone());
            let path = database::path(app.handle())?;
            match helpdesk_store::app_lock::AppLock::acquire(&path) {
                Ok(lock) => app.manage(lock),
                Err(helpdesk_store::StoreError::InUse(_)) => {
                    refuse_in_use(app.handle(), &path);
                    return Ok(());
                }
                Err(error) => return Err(error.into()),
            };
            backups::apply_staged_restore(&path)?;
            let opening = std::time::Instant::now();
            let store = tauri::async_runtime::block_on(database::open(&path))?;
            let opened = opening.elapsed();
            tauri::async_runtime::block_on(backups::renew_origin_if_copied(&store, &path))?;
            let picker = FilePicker::system(app.handle().clone());
            let opener = Opener::system(app.handle().clone())?;
            let attachments = Attachments::beside(&path);
            let vault = Arc::new(vault::open(app.handle(), &path)?);
            let files = attachments.files.clone();
            let files_for_backups = files.clone();
            let (email, email_worker) =
                email_worker::prepare(app.handle(), Arc::clone(&vault), files.clone());
            let (mailbox, mailbox_watcher) =
                mailbox_worker::prepare(app.handle(), Arc::clone(&vault), files.clone());
            let (sync, sync_worker) = sync_worker::prepare(app.handle(), vault, files)?;
            let restarting = app.handle().clone();
            let state = AppState::new(store, attachments)
                .with_database(
                    path.clone(),
                    state::Restart(Box::new(move || restarting.request_restart())),
                )
                .with_log_folder(
                    app.package_info().version.to_string(),
                    logging::folder(app.handle())?,
                );
            let sessions = state.watch_open_session();
            let backup_bell = Arc::clone(&state.backup_bell);
            app.manage(
                state
                    .with_file_picker(picker)
                    .with_opener(opener)
                    .with_email(email)
                    .with_sync(sync)
                    .with_mailbox(mailbox),
            );
            email_worker::spawn(email_worker);
            sync_worker::spawn(sync_worker);
            backups::spawn_worker(app.handle().clone(), files_for_backups, backup_bell);
            mailbox_worker::spawn(mailbox_watcher);
            assignment_notifier::spawn(app.handle().clone(), sessions);
            updates::spawn_check(app.handle());
            // The window's first page waits for this hook (it runs on the main thread).
            log::info!(
                "set up {} ms after the start (the database opened in {} ms)",
                started.elapsed().as_millis(),
                opened.as_millis()
            );
            Ok(())
        })
        .run(tauri::generate_context!());
    if let Err(error) = result {
        log::error!("the app stopped with an error: {error}");
        std::process::exit(1);
    }
}
