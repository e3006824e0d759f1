//! The real app (Tauri's mock runtime with the real context, capabilities and commands) on
//! a temporary SQLite database filled with demo data (or empty, as a provider's first run),
//! driven through IPC as its window would.
#![allow(dead_code)]

pub mod sync;

use helpdesk_api::{CommandError, Operator, REQUEST_ARG};
use helpdesk_demo::{DemoConfig, DemoCredential, DemoSummary};
use std::path::Path;

use helpdesk_desktop::{AppState, Attachments};
use helpdesk_store::Store;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{App, Manager, WebviewWindow, WebviewWindowBuilder};

/// The app, its main window, and what the demo wrote.
pub struct DemoApp {
    pub app: App<MockRuntime>,
    pub window: WebviewWindow<MockRuntime>,
    pub summary: DemoSummary,
    _dir: tempfile::TempDir,
}

impl DemoApp {
    pub async fn new(config: &DemoConfig) -> Self {
        Self::with(config, |state, _| state).await
    }

    /// The app with its state completed by `complete`, given the database's path: a file
    /// picker that answers at once (`FilePicker::answering`), the outbox's key and bell.
    pub async fn with(
        config: &DemoConfig,
        complete: impl FnOnce(AppState, &Path) -> AppState,
    ) -> Self {
        Self::open(Some(config), complete).await
    }

    /// The app on a new, empty database (no demo data), its state completed by `complete`.
    pub async fn empty(complete: impl FnOnce(AppState, &Path) -> AppState) -> Self {
        Self::open(None, complete).await
    }

    async fn open(
        config: Option<&DemoConfig>,
        complete: impl FnOnce(AppState, &Path) -> AppState,
    ) -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let database = dir.path().join("app.db");
        let store = Store::open(&database).await.expect("store");
        let summary = match config {
            Some(config) => helpdesk_demo::seed(&store, config)
                .await
                .expect("demo data"),
            None => DemoSummary::default(),
        };
        let state = complete(
            AppState::new(store, Attachments::beside(&database)),
            &database,
        );
        let app = helpdesk_desktop::app_builder(mock_builder())
            .manage(state)
            .build(tauri::generate_context!())
            .expect("app builds");
        let window = WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .expect("window");
        Self {
            app,
            window,
            summary,
            _dir: dir,
        }
    }

    /// The database file, for another connection to open.
    pub fn database(&self) -> std::path::PathBuf {
        self._dir.path().join("app.db")
    }

    /// The app's own store, to read what the demo wrote and what the commands stored.
    pub fn store(&self) -> &Store {
        &self.app.state::<AppState>().inner().store
    }

    /// The app's attachments folder and size limit.
    pub fn attachments(&self) -> &Attachments {
        &self.app.state::<AppState>().inner().attachments
    }

    pub fn invoke(&self, command: &str, request: impl Serialize) -> Result<Value, Value> {
        let request = serde_json::to_value(request).expect("request serializes");
        let response = get_ipc_response(
            &self.window,
            InvokeRequest {
                cmd: command.into(),
                callback: CallbackFn(0),
                error: CallbackFn(1),
                url: "tauri://localhost".parse().expect("url"),
                body: InvokeBody::Json(json!({ REQUEST_ARG: request })),
                headers: Default::default(),
                invoke_key: INVOKE_KEY.to_string(),
            },
        );
        response.map(|body| body.deserialize::<Value>().expect("JSON response"))
    }

    /// A command that must succeed, its response decoded.
    pub fn call<T: DeserializeOwned>(&self, command: &str, request: impl Serialize) -> T {
        let response = self
            .invoke(command, request)
            .unwrap_or_else(|error| panic!("{command} failed: {error}"));
        serde_json::from_value(response).unwrap_or_else(|error| panic!("{command}: {error}"))
    }

    /// A command that must fail with a `CommandError`.
    pub fn refuse(&self, command: &str, request: impl Serialize) -> CommandError {
        let error = self
            .invoke(command, request)
            .expect_err("the command is refused");
        serde_json::from_value(error.clone())
            .unwrap_or_else(|_| panic!("not a CommandError: {error}"))
    }

    pub fn log_in(&self, who: &DemoCredential) -> Operator {
        assert!(self.summary.credentials.contains(who), "a demo operator");
        let operator: Operator = self.call(
            "login",
            json!({"login": who.login, "password": who.password}),
        );
        assert_eq!(operator.login, who.login);
        operator
    }

    pub fn log_out(&self) {
        self.call::<()>("logout", ());
    }
}
