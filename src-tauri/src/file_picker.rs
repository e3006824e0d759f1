//! The system's file picker (the Tauri dialog plugin), held by the app state so commands
//! need not be generic over the runtime. Tests on the mock runtime have none.
use std::fmt;
use std::path::PathBuf;

use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_dialog::DialogExt;
use tokio::sync::oneshot;

type Pick = dyn Fn(oneshot::Sender<Option<PathBuf>>) + Send + Sync;

/// Opens the picker over the main window and answers the chosen local file, if any.
pub struct FilePicker(Box<Pick>);

impl FilePicker {
    /// The dialog plugin's picker, over the window labelled `main`.
    pub fn system<R: Runtime>(app: AppHandle<R>) -> Self {
        Self(Box::new(move |answer| {
            let mut dialog = app.dialog().file().set_title("Anexar arquivo");
            if let Some(window) = app.get_webview_window("main") {
                dialog = dialog.set_parent(&window);
            }
            dialog.pick_file(move |picked| {
                let path = picked.and_then(|picked| match picked.into_path() {
                    Ok(path) => Some(path),
                    Err(error) => {
                        log::error!("the file picker answered a path that is not local: {error}");
                        None
                    }
                });
                // The command may have been abandoned; the choice then goes nowhere.
                let _ = answer.send(path);
            });
        }))
    }

    /// Opens the picker and waits for the operator; `None` when they closed it.
    pub async fn pick(&self) -> Option<PathBuf> {
        let (answer, picked) = oneshot::channel();
        (self.0)(answer);
        picked.await.ok().flatten()
    }
}

impl fmt::Debug for FilePicker {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("FilePicker")
    }
}
