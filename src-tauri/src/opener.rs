//! Handing an attached file to the system's viewer (the Tauri opener plugin, used from Rust
//! only: the window has no opener permission). Held by the app state like the file picker,
//! so commands need not be generic over the runtime. The files handed over are copies, in a
//! folder of this session under the app's cache folder; the folders of earlier sessions are
//! removed when the app starts.
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use helpdesk_api::Uuid;
use helpdesk_store::new_id;
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_opener::OpenerExt;

type Open = dyn Fn(&Path) -> Result<(), String> + Send + Sync;

/// Opens a local file with the system's default application, from a folder of its own.
pub struct Opener {
    open: Box<Open>,
    /// This session's folder for the copies handed over.
    folder: PathBuf,
}

impl Opener {
    /// The opener plugin's `open_path`, with this session's folder under the app's cache
    /// folder (`abrir/<uuid>`); the folders of earlier sessions are removed.
    pub fn system<R: Runtime>(app: AppHandle<R>) -> tauri::Result<Self> {
        let base = app.path().app_cache_dir()?.join("abrir");
        if let Ok(entries) = std::fs::read_dir(&base) {
            for entry in entries.flatten() {
                if let Err(error) = std::fs::remove_dir_all(entry.path()) {
                    log::warn!("an earlier session's opened files stay: {error}");
                }
            }
        }
        let folder = base.join(new_id().to_string());
        Ok(Self {
            open: Box::new(move |path| {
                app.opener()
                    .open_path(path.to_string_lossy(), None::<&str>)
                    .map_err(|error| error.to_string())
            }),
            folder,
        })
    }

    /// An opener that records the paths it is asked to open, with its copies in `folder`:
    /// for tests of the commands, on the mock runtime.
    pub fn recording(folder: PathBuf, opened: Arc<Mutex<Vec<PathBuf>>>) -> Self {
        Self {
            open: Box::new(move |path| {
                opened
                    .lock()
                    .map_err(|_| "poisoned".to_owned())?
                    .push(path.to_owned());
                Ok(())
            }),
            folder,
        }
    }

    /// Where the copy of the attachment `id` named `safe_name` (already made safe) goes:
    /// a folder of its own, so two files of the same name do not meet.
    pub fn place_for(&self, id: Uuid, safe_name: &str) -> PathBuf {
        self.folder.join(id.to_string()).join(safe_name)
    }

    /// Asks the system to open `path`.
    pub fn open(&self, path: &Path) -> Result<(), String> {
        (self.open)(path)
    }
}

impl fmt::Debug for Opener {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("Opener")
    }
}
