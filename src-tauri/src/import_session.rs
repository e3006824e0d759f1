//! What the import window picked and ran: one per app, held in [`crate::AppState`]. The
//! files picked stay here, so the window never names a path.
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex, MutexGuard};

use helpdesk_api::Uuid;
use helpdesk_core::import::job::ImportStatus;
use helpdesk_core::import::ImportKind;
use helpdesk_import::read::Inspection;

/// The import window's files, its current import and that import's cancel flag.
#[derive(Default)]
pub struct ImportSession(Mutex<Imports>);

impl std::fmt::Debug for ImportSession {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ImportSession").finish_non_exhaustive()
    }
}

impl ImportSession {
    /// The session's data; a panic while it was held leaves plain data, still readable.
    pub(crate) fn lock(&self) -> MutexGuard<'_, Imports> {
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

#[derive(Default)]
pub(crate) struct Imports {
    pub picked: HashMap<ImportKind, Picked>,
    pub status: ImportStatus,
    /// The runs of the last import, for its report.
    pub runs: Vec<Uuid>,
    pub cancel: Option<Arc<AtomicBool>>,
}

/// A file picked for one kind of row, as read when picked.
pub(crate) struct Picked {
    pub path: PathBuf,
    pub inspection: Inspection,
}
