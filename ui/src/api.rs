//! The typed bridge to the shell: every call to the Tauri side goes through [`invoke`].
use helpdesk_api::{Command, CommandError, REQUEST_ARG};
use js_sys::Promise;
use serde::Serializer as _;
use serde_wasm_bindgen::Serializer;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::session_lock;

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
            Err(serde_wasm_bindgen::from_value(rejection.clone())
                .unwrap_or_else(|_| internal(C::NAME, "failed", &rejection)))
        }
    }
}

/// Logs what went wrong for the developer and gives the operator the generic message.
fn internal(command: &str, what: &str, detail: &JsValue) -> CommandError {
    web_sys::console::error_3(&command.into(), &what.into(), detail);
    CommandError::internal()
}
