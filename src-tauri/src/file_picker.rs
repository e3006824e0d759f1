//! The system's file dialogs (the Tauri dialog plugin), held by the app state so commands
//! need not be generic over the runtime: "open" to pick a file, "save" to choose where to
//! write one. Tests on the mock runtime have none, or one that answers a fixed path.
use std::fmt;
use std::path::{Path, PathBuf};

use helpdesk_api::{CommandError, ErrorCode};
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_dialog::{DialogExt, FilePath};
use tokio::sync::oneshot;

/// Which dialog to show.
enum Dialog {
    /// Pick an existing file.
    Open,
    /// Choose where to save a file, this name suggested.
    Save { file_name: String },
}

type Show = dyn Fn(Dialog, oneshot::Sender<Option<PathBuf>>) + Send + Sync;

/// Opens a dialog over the main window and answers the local path chosen, if any.
pub struct FilePicker(Box<Show>);

impl FilePicker {
    /// The dialog plugin's dialogs, over the window labelled `main`.
    pub fn system<R: Runtime>(app: AppHandle<R>) -> Self {
        Self(Box::new(move |dialog, answer| {
            let mut builder = app.dialog().file();
            if let Some(window) = app.get_webview_window("main") {
                builder = builder.set_parent(&window);
            }
            let reply = move |chosen: Option<FilePath>| {
                // The command may have been abandoned; the choice then goes nowhere.
                let _ = answer.send(chosen.and_then(local_path));
            };
            match dialog {
                Dialog::Open => builder.set_title("Anexar arquivo").pick_file(reply),
                Dialog::Save { file_name } => {
                    let extension = Path::new(&file_name)
                        .extension()
                        .and_then(|extension| extension.to_str())
                        .map(str::to_owned);
                    builder = builder.set_title("Salvar como").set_file_name(file_name);
                    if let Some(extension) = extension {
                        let filter = extension.to_uppercase();
                        builder = builder.add_filter(filter, &[&extension]);
                    }
                    builder.save_file(reply);
                }
            }
        }))
    }

    /// A picker that shows nothing and answers `path` to every dialog: for tests of the
    /// commands that use it, on the mock runtime.
    pub fn answering(path: Option<PathBuf>) -> Self {
        Self(Box::new(move |_, answer| {
            let _ = answer.send(path.clone());
        }))
    }

    /// Opens the picker and waits for the operator; `None` when they closed it.
    pub async fn pick(&self) -> Option<PathBuf> {
        self.show(Dialog::Open).await
    }

    /// Opens the save dialog suggesting `file_name` (and files of its extension) and waits
    /// for the operator; `None` when they closed it.
    pub async fn save(&self, file_name: &str) -> Option<PathBuf> {
        self.show(Dialog::Save {
            file_name: file_name.to_owned(),
        })
        .await
    }

    async fn show(&self, dialog: Dialog) -> Option<PathBuf> {
        let (answer, chosen) = oneshot::channel();
        (self.0)(dialog, answer);
        chosen.await.ok().flatten()
    }
}

/// The dialog's answer as a local path; `None` (logged) for one that is not local.
fn local_path(chosen: FilePath) -> Option<PathBuf> {
    match chosen.into_path() {
        Ok(path) => Some(path),
        Err(error) => {
            log::error!("the file dialog answered a path that is not local: {error}");
            None
        }
    }
}

impl fmt::Debug for FilePicker {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("FilePicker")
    }
}

/// Why a file could not be written at `path`, where the operator chose.
pub fn cannot_write(path: &Path) -> String {
    format!(
        "Não foi possível gravar o arquivo em {}: escolha outra pasta.",
        path.display()
    )
}

/// Writes `document` at `path`, chosen in the save dialog, off the async threads; answers
/// the path as shown, or why not. `what` names the document in the log.
pub async fn write_chosen(
    path: PathBuf,
    document: impl AsRef<[u8]> + Send + 'static,
    what: &str,
) -> Result<String, CommandError> {
    let target = path.clone();
    let written = tokio::task::spawn_blocking(move || std::fs::write(&target, document))
        .await
        .map_err(|error| {
            log::error!("writing {what} stopped: {error}");
            CommandError::internal()
        })?;
    if let Err(error) = written {
        log::warn!("{what} could not be written to {}: {error}", path.display());
        return Err(CommandError::new(
            ErrorCode::InvalidInput,
            cannot_write(&path),
        ));
    }
    Ok(path.display().to_string())
}
