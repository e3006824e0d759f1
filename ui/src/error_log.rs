//! The window's errors in the app's log (`log_ui_error`): the UI's panics, the page's
//! uncaught errors and rejected promises, and the errors of commands the window shows
//! (reported by [`crate::api`]). Each report is sent without waiting: a panic leaves no
//! future to run.
use gloo_events::EventListener;
use helpdesk_api::{LogUiError, UiReport, UiReportKind};
use wasm_bindgen::{JsCast, JsValue};

use crate::api;

/// Sends a report of `kind` from `source` to the app's log.
pub fn report(kind: UiReportKind, source: &str, message: &str) {
    api::send::<LogUiError>(&UiReport {
        kind,
        source: source.to_owned(),
        message: message.to_owned(),
    });
}

/// Reports the UI's panics and the page's uncaught errors from now on.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|text| (*text).to_owned())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "(sem mensagem)".to_owned());
        let source = info.location().map_or_else(String::new, |location| {
            format!("{}:{}", location.file(), location.line())
        });
        web_sys::console::error_1(&format!("panic at {source}: {message}").into());
        report(UiReportKind::Panic, &source, &message);
    }));
    let Some(window) = web_sys::window() else {
        return;
    };
    EventListener::new(&window, "error", |event| {
        let (source, message) = match event.dyn_ref::<web_sys::ErrorEvent>() {
            Some(error) => (
                format!("{}:{}", error.filename(), error.lineno()),
                error.message(),
            ),
            None => (String::new(), "erro sem mensagem".to_owned()),
        };
        report(UiReportKind::Page, &source, &message);
    })
    .forget();
    EventListener::new(&window, "unhandledrejection", |event| {
        let reason = event
            .dyn_ref::<web_sys::PromiseRejectionEvent>()
            .map_or_else(
                || "promessa recusada".to_owned(),
                |event| describe(&event.reason()),
            );
        report(UiReportKind::Page, "promise", &reason);
    })
    .forget();
}

/// A JavaScript value as text: a string as it is, an error by its message.
pub fn describe(value: &JsValue) -> String {
    if let Some(text) = value.as_string() {
        return text;
    }
    if let Some(error) = value.dyn_ref::<js_sys::Error>() {
        return String::from(error.message());
    }
    format!("{value:?}")
}
