//! What the import's window and commands exchange: a picked file read and its columns
//! suggested, the files chosen to import, and the import's progress and report.
use serde::{Deserialize, Serialize};
use specta::Type;

use super::mapping::ColumnMapping;
use super::{ImportCounts, ImportKind, MatchCustomersBy, RejectedRow};

/// How many refused rows the window shows (the saved report has them all).
pub const REPORT_PREVIEW_ROWS: u32 = 200;

/// A field a column can be mapped to, as the window's selects offer it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct TargetOption {
    pub name: String,
    pub label: String,
    pub required: bool,
}

impl ImportKind {
    /// The fields the window offers for this kind's columns.
    pub fn options(self) -> Vec<TargetOption> {
        self.targets()
            .iter()
            .map(|target| TargetOption {
                name: target.name.to_owned(),
                label: target.label.to_owned(),
                required: target.required,
            })
            .collect()
    }
}

/// A file the operator picked for `kind`, read: how, its header, its first rows, and the
/// mapping suggested (the last import's first, then the headers' names).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct FileInspection {
    pub kind: ImportKind,
    pub file_name: String,
    /// "UTF-8", "UTF-8 com BOM", "Windows-1252".
    pub encoding: String,
    /// "ponto e vírgula", "vírgula", "tabulação".
    pub delimiter: String,
    pub headers: Vec<String>,
    pub preview: Vec<Vec<String>>,
    pub mapping: ColumnMapping,
    /// Columns no field recognises, repeated headers.
    pub notes: Vec<String>,
    pub targets: Vec<TargetOption>,
}

/// One picked file to import, with its columns' fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ImportFile {
    pub kind: ImportKind,
    pub mapping: ColumnMapping,
}

/// "Simular" (`dry_run`) or "Importar" the picked files.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ImportRequest {
    pub files: Vec<ImportFile>,
    pub match_by: MatchCustomersBy,
    pub dry_run: bool,
}

/// Where one file's run is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
pub enum FileState {
    Waiting,
    Running,
    Done,
    Cancelled,
    Failed,
}

/// One file's progress.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct FileProgress {
    pub kind: ImportKind,
    pub file_name: String,
    pub state: FileState,
    pub counts: ImportCounts,
    /// How much of the file is read, in thousandths: the progress bar.
    pub permille: u32,
}

/// The last (or current) import or dry run of this window.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ImportStatus {
    pub running: bool,
    pub dry_run: bool,
    pub files: Vec<FileProgress>,
    /// Why it stopped, if it failed (in pt-BR).
    pub error: Option<String>,
    /// The first refused rows, by file and line.
    pub rejected: Vec<RejectedRow>,
}

/// An import cancelled or interrupted, which can be resumed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct PendingImport {
    pub kind: ImportKind,
    pub file_name: String,
    pub counts: ImportCounts,
}
