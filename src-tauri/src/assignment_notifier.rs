//! Tells the signed-in operator, with a desktop notification (Tauri's notification plugin,
//! from Rust: the window gets no permission), when a ticket or a task is destined to them by
//! someone else: on another desktop (sync brings it) or on this one. Every few seconds it
//! reads what is destined to the operator ([`helpdesk_store::queue::destined_to`]) and
//! notifies what is new since the last look ([`Assigned::news`]); what was there at
//! sign-in is not news.
use std::collections::HashSet;
use std::time::Duration;

use helpdesk_core::queue::Assigned;
use helpdesk_store::queue;
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_notification::NotificationExt;
use uuid::Uuid;

use crate::AppState;

/// How often it looks.
const EVERY: Duration = Duration::from_secs(5);

/// Runs for as long as the app runs.
pub fn spawn<R: Runtime>(app: AppHandle<R>) {
    tauri::async_runtime::spawn(async move {
        // The operator looked after, and what was destined to them at the last look.
        let mut seen: Option<(Uuid, HashSet<Uuid>)> = None;
        loop {
            tokio::time::sleep(EVERY).await;
            let state = app.state::<AppState>();
            let Some(operator) = state.operator() else {
                seen = None;
                continue;
            };
            let destined = match queue::destined_to(&state.store, operator.id).await {
                Ok(destined) => destined,
                Err(error) => {
                    log::warn!("assignments not read for notifications: {error}");
                    continue;
                }
            };
            if let Some((id, before)) = &seen {
                if *id == operator.id {
                    for item in Assigned::news(before, &destined) {
                        notify(&app, item);
                    }
                }
            }
            seen = Some((operator.id, destined.iter().map(|item| item.id).collect()));
        }
    });
}

fn notify<R: Runtime>(app: &AppHandle<R>, item: &Assigned) {
    let (title, body) = item.notification();
    if let Err(error) = app.notification().builder().title(title).body(body).show() {
        // No notification service (a bare X session): the queue still shows it.
        log::info!("notification not shown: {error}");
    }
}
