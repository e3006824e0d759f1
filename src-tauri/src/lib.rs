//! The Tauri shell: opens the store, holds the session, and exposes the typed commands of
//! `helpdesk_api` to the window. Commands only decode, delegate and map errors.
#![warn(clippy::unwrap_used, clippy::panic)]

mod app_store;
mod commands;
mod database;
mod email_worker;
mod error;
mod file_picker;
mod state;
mod sync_worker;
mod vault;

use std::sync::Arc;

use tauri::{Manager, Runtime};

pub use file_picker::FilePicker;
pub use state::{AppState, Attachments, EmailState, SyncHandle};

/// The typed command surface, for the IPC handler and for the TypeScript export.
pub fn specta_builder<R: Runtime>() -> tauri_specta::Builder<R> {
    tauri_specta::Builder::<R>::new().commands(tauri_specta::collect_commands![
        commands::auth::login,
        commands::auth::logout,
        commands::auth::current_operator,
        commands::customers::search_customers,
        commands::support::suggest_support_emails,
        commands::support::find_support_messages,
        commands::customer_data::load_customer,
        commands::customer_data::add_contact,
        commands::drafts::save_draft,
        commands::drafts::load_draft,
        commands::drafts::discard_draft,
        commands::protocols::reserve_protocol,
        commands::tickets::save_ticket,
        commands::tickets::find_ticket,
        commands::tickets::ticket_history,
        commands::ticket_types::list_ticket_types,
        commands::ticket_types::list_assignees,
        commands::attachments::pick_attachment,
        commands::work_orders::load_work_order_catalog,
        commands::work_orders::load_agenda,
        commands::work_orders::reschedule_visit,
        commands::work_orders::export_agenda_ics,
        commands::scripts::list_scripts,
        commands::scripts::load_script,
        commands::scripts::publish_script,
        commands::ticket_pages::list_tickets,
        commands::ticket_pages::load_ticket_details,
        commands::ticket_pages::update_ticket,
        commands::ticket_pages::my_tasks,
        commands::ticket_pages::complete_task,
        commands::email::list_email_templates,
        commands::email::preview_email,
        commands::email::admin_list_email_templates,
        commands::email::save_email_template,
        commands::email::delete_email_template,
        commands::email::load_smtp_settings,
        commands::email::save_smtp_settings,
        commands::sync::load_sync_status,
        commands::sync::sync_now,
        commands::sync::register_desktop,
    ])
}

/// Registers the commands on any runtime (the real one, or the test mock); the caller
/// manages the [`AppState`].
pub fn app_builder<R: Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    builder.invoke_handler(specta_builder::<R>().invoke_handler())
}

/// Starts the desktop app.
pub fn run() {
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("info")).init();
    let result = app_builder(tauri::Builder::default())
        .plugin(tauri_plugin_dialog::init())
        .setup(|app| {
            let path = database::path(app.handle())?;
            let store = tauri::async_runtime::block_on(database::open(&path))?;
            let picker = FilePicker::system(app.handle().clone());
            let attachments = Attachments::beside(&path);
            let vault = Arc::new(vault::open(app.handle(), &path)?);
            let files = attachments.files.clone();
            let (email, email_worker) =
                email_worker::prepare(app.handle(), Arc::clone(&vault), files.clone());
            let (sync, sync_worker) = sync_worker::prepare(app.handle(), vault, files)?;
            app.manage(
                AppState::new(store, attachments)
                    .with_file_picker(picker)
                    .with_email(email)
                    .with_sync(sync),
            );
            email_worker::spawn(email_worker);
            sync_worker::spawn(sync_worker);
            Ok(())
        })
        .run(tauri::generate_context!("../tauri.conf.json"));
    if let Err(error) = result {
        log::error!("the app stopped with an error: {error}");
        std::process::exit(1);
    }
}
