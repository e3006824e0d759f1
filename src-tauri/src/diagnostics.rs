//! "Sobre" and "Exportar diagnóstico": the facts of this desktop, and the zip support gets
//! (the log files, with what looks like a secret masked once more, and the summary of
//! [`helpdesk_core::diagnostics::DiagnosticSummary`]).
use std::io::Write;
use std::path::{Path, PathBuf};

use helpdesk_core::diagnostics::{
    last_errors, redact, AboutInfo, DiagnosticSummary, LAST_ERRORS, LOGS_FOLDER, SUMMARY_FILE,
};
use helpdesk_core::sync::SyncStatus;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use crate::logging;

/// The database's size: its file and its write-ahead log (0 for one not on disk).
pub fn database_bytes(path: &Path) -> u64 {
    let size = |path: &Path| std::fs::metadata(path).map_or(0, |meta| meta.len());
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    size(path) + size(Path::new(&wal))
}

/// "Sobre" of the app at `version` on the database at `database`, logging in `log_folder`.
pub fn about(
    version: &str,
    database: Option<&Path>,
    log_folder: Option<&Path>,
    sync: SyncStatus,
) -> AboutInfo {
    let shown = |path: Option<&Path>| path.map(|path| path.display().to_string());
    AboutInfo {
        version: version.to_owned(),
        database_path: shown(database).unwrap_or_default(),
        database_bytes: database.map_or(0, database_bytes),
        log_folder: shown(log_folder).unwrap_or_default(),
        sync,
    }
}

/// The summary of `about`, with the database's `tables`, the system and the current log
/// file's last warnings and errors.
pub fn summary(about: AboutInfo, tables: Vec<(String, u64)>) -> DiagnosticSummary {
    let current = (!about.log_folder.is_empty())
        .then(|| Path::new(&about.log_folder).join(format!("{}.log", logging::LOG_FILE)));
    let log = current
        .and_then(|path| std::fs::read(path).ok())
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
        .unwrap_or_default();
    DiagnosticSummary {
        os: format!("{} {}", std::env::consts::OS, std::env::consts::ARCH),
        made_at: chrono::Utc::now()
            .format("%Y-%m-%d %H:%M:%S UTC")
            .to_string(),
        last_errors: last_errors(&log, LAST_ERRORS),
        about,
        tables,
    }
}

/// The zip: `resumo.txt`, then each log file of `log_folder` under `logs/`, each line with
/// what looks like a secret masked.
pub fn zip(summary: &DiagnosticSummary, log_folder: Option<&Path>) -> std::io::Result<Vec<u8>> {
    let logs: Vec<PathBuf> = match log_folder {
        Some(folder) if folder.is_dir() => logging::files(folder)?,
        _ => Vec::new(),
    };
    let mut writer = ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    writer
        .start_file(SUMMARY_FILE, options)
        .map_err(std::io::Error::other)?;
    writer.write_all(summary.render().as_bytes())?;
    for path in logs {
        let Some(name) = path
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
        else {
            continue;
        };
        let text = String::from_utf8_lossy(&std::fs::read(&path)?).into_owned();
        writer
            .start_file(format!("{LOGS_FOLDER}/{name}"), options)
            .map_err(std::io::Error::other)?;
        for line in text.lines() {
            writer.write_all(redact(line).as_bytes())?;
            writer.write_all(b"\n")?;
        }
    }
    let cursor = writer.finish().map_err(std::io::Error::other)?;
    Ok(cursor.into_inner())
}
