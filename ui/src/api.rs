//! The typed bridge to the shell: every call to the Tauri side goes through [`invoke`].
use helpdesk_api::{Command, CommandError, LogUiError, UiReportKind, REQUEST_ARG};
use js_sys::Promise;
use serde::Serializer as _;
use serde_wasm_bindgen::Serializer;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::{error_log, session_lock};

#[wasm_bindgen]
extern "C" {
    /// Tauri's IPC entry point: a promise of the command's response, rejected with its error.
    ///
    /// Not declared `async`: an `async` import does not catch the exception thrown when the
    /// page runs outside the shell (there is no `__TAURI_INTERNALS__`), so that case would
    /// never settle. Caught here, it becomes an error like any other.
    #[wasm_bindgen(js_namespace = ["window", "__TAURI_INTERNALS__"], js_name = invoke, catch)]
    fn tauri_invoke(command: &str, args: JsValue) -> Result<Promise, JsValue>;
}

/// Invokes command `C` in the shell with `request` and decodes its answer.
///
/// A rejection carries the shell's [`CommandError`]; anything that cannot be decoded (or a
/// page running outside the shell) becomes [`CommandError::internal`].
pub async fn invoke<C: Command>(request: &C::Request) -> Result<C::Response, CommandError> {
    let serializer = Serializer::json_compatible();
    let args = (&serializer)
        .collect_map([(REQUEST_ARG, request)])
        .map_err(|error| internal(C::NAME, "could not encode the request", &error.into()))?;
    let answer = match tauri_invoke(C::NAME, args) {
        Ok(promise) => JsFuture::from(promise).await,
        Err(exception) => Err(exception),
    };
    match answer {
        Ok(value) => serde_wasm_bindgen::from_value(value)
            .map_err(|error| internal(C::NAME, "could not decode the response", &error.into())),
        Err(rejection) => {
            session_lock::notice(&rejection);
            match serde_wasm_bindgen::from_value::<CommandError>(rejection.clone()) {
                Ok(error) => {
                    shown(C::NAME, &error);
                    Err(error)
                }
                Err(_) => Err(internal(C::NAME, "failed", &rejection)),
            }
        }
    }
}

/// Sends command `C` without waiting for its answer, which is dropped (a failure too): for
/// what must go out even from a panic, after which no future runs again.
pub fn send<C: Command>(request: &C::Request) {
    let serializer = Serializer::json_compatible();
    let Ok(args) = (&serializer).collect_map([(REQUEST_ARG, request)]) else {
        return;
    };
    if let Ok(promise) = tauri_invoke(C::NAME, args) {
        // A rejection left unhandled would be reported as the page's error, and so on.
        IGNORE.with(|ignore| {
            let _ = promise.catch(ignore);
        });
    }
}

thread_local! {
    /// Takes a rejection and does nothing with it.
    static IGNORE: Closure<dyn FnMut(JsValue)> = Closure::new(|_: JsValue| {});
}

/// A command's error the window is about to show goes to the app's log too (not the
/// session's own course, nor the log's own failure).
fn shown(command: &str, error: &CommandError) {
    if command == LogUiError::NAME || !error.worth_logging() {
        return;
    }
    let kind = if error.is_fault() {
        UiReportKind::Fault
    } else {
        UiReportKind::Refusal
    };
    error_log::report(kind, command, &error.message);
}

/// Logs what went wrong for the developer (in the console and the app's log) and gives the
/// operator the generic message.
fn internal(command: &str, what: &str, detail: &JsValue) -> CommandError {
    web_sys::console::error_3(&command.into(), &what.into(), detail);
    if command != LogUiError::NAME {
        error_log::report(
            UiReportKind::Fault,
            command,
            &format!("{what}: {}", error_log::describe(detail)),
        );
    }
    CommandError::internal()
}
