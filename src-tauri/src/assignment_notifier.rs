//! Tells the operator, with a desktop notification (Tauri's notification plugin, sent from
//! Rust: the window has no notification permission), when a ticket or a task is destined to
//! them by someone else, on another desktop (sync brings it) or on this one.
//!
//! It follows the open session ([`crate::AppState::watch_open_session`]): from sign-in (or
//! unlock) it reads what is destined to the operator every few seconds
//! ([`helpdesk_store::destined::to_user`]) and notifies what is new since the last look
//! ([`helpdesk_core::destined::news`]). What was theirs at sign-in is not news; signed out or
//! locked, it reads and tells nothing (the queue shows what came meanwhile).
use std::collections::HashSet;
use std::ops::Deref;
use std::time::Duration;

use helpdesk_core::destined::{self, Destined};
use helpdesk_store::Store;
use tauri::{AppHandle, Runtime};
use tauri_plugin_notification::NotificationExt;
use tokio::sync::watch;
use uuid::Uuid;

use crate::app_store::AppStore;

/// How often it looks.
const EVERY: Duration = Duration::from_secs(3);

/// Runs for as long as the app runs, following `sessions`.
pub fn spawn<R: Runtime>(app: AppHandle<R>, sessions: watch::Receiver<Option<Uuid>>) {
    tauri::async_runtime::spawn(run(app, sessions));
}

async fn run<R: Runtime>(app: AppHandle<R>, mut sessions: watch::Receiver<Option<Uuid>>) {
    let store = AppStore(app.clone());
    loop {
        let open = *sessions.borrow_and_update();
        if let Some(operator) = open {
            tokio::select! {
                () = follow(&app, &store, operator) => {}
                changed = sessions.changed() => if changed.is_err() { return; },
            }
        } else if sessions.changed().await.is_err() {
            return;
        }
    }
}

/// Looks every [`EVERY`] (the first time at once: what is there is not news) and notifies
/// what is new; ends only when dropped.
async fn follow<R: Runtime>(
    app: &AppHandle<R>,
    store: &impl Deref<Target = Store>,
    operator: Uuid,
) {
    let mut before: Option<HashSet<Uuid>> = None;
    let mut ticks = tokio::time::interval(EVERY);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticks.tick().await;
        let now = match helpdesk_store::destined::to_user(store, operator).await {
            Ok(now) => now,
            Err(error) => {
                log::warn!("what is destined to the operator was not read: {error}");
                continue;
            }
        };
        if let Some(before) = &before {
            for item in destined::news(operator, before, &now) {
                notify(app, item);
            }
        }
        before = Some(now.iter().map(|item| item.id).collect());
    }
}

fn notify<R: Runtime>(app: &AppHandle<R>, item: &Destined) {
    let notice = item.notice();
    let shown = app
        .notification()
        .builder()
        .title(notice.title)
        .body(notice.body)
        .show();
    if let Err(error) = shown {
        // No notification service: the queue still shows it.
        log::info!("notification not shown: {error}");
    }
}
