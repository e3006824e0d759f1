//! "Cópia de segurança": a consistent copy of the database and its attachments in a folder
//! of its own, and a restore from one.
//!
//! A backup is a folder `helpdesk-<AAAAMMDD-HHMMSS-mmm>` in the folder the administrator chose,
//! holding `helpdesk.db` (written by `VACUUM INTO` from one read transaction, so it is
//! consistent while the app goes on writing), `attachments/` (every file of the desktop's
//! folder, checked against its hash while copied) and `manifest.json`. It is written under
//! a hidden name and renamed when whole, so a folder with the backup's name is a whole backup.
//!
//! A restore is staged: the backup's database is checked, migrated and copied beside the
//! desktop's as `<database>.restore`, its attachments copied in; at the next start,
//! [`apply_staged`] puts it in place (the replaced database kept beside it). The restored
//! database is marked, so it takes a new sync origin before it syncs (see
//! [`crate::sync::renew_origin_if_needed`]).
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::attachment_files::AttachmentFiles;
use crate::{local_settings, Result, Store, StoreError};

/// The beginning of every backup folder's name.
pub const PREFIX: &str = "helpdesk-";
/// The database file in a backup folder.
const DATABASE: &str = "helpdesk.db";
const MANIFEST: &str = "manifest.json";
/// What a manifest this build writes and reads says of its format.
const FORMAT: u32 = 1;
/// The `local_settings` key that marks a database restored from a backup: its sync origin
/// is renewed before it syncs.
pub(crate) const RESTORED_FROM: &str = "restored_from";

/// What `manifest.json` says.
#[derive(Debug, Serialize, Deserialize)]
struct Manifest {
    format: u32,
    created_at_ms: i64,
    database_bytes: u64,
    files: u64,
}

/// A backup found in a folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupInfo {
    /// The folder's name (`helpdesk-AAAAMMDD-HHMMSS-mmm`).
    pub name: String,
    pub path: PathBuf,
    pub created_at_ms: i64,
    pub database_bytes: u64,
    /// Attachment files in it.
    pub files: u64,
}

/// Writes a backup of `store` and its attachments `files` into `folder` (which must exist),
/// named after `stamp` (`AAAAMMDD-HHMMSS-mmm` in local time), made at `now_ms`.
pub async fn write(
    store: &Store,
    files: &AttachmentFiles,
    folder: &Path,
    stamp: &str,
    now_ms: i64,
) -> Result<BackupInfo> {
    let name = format!("{PREFIX}{stamp}");
    let partial = folder.join(format!(".{name}.partial"));
    let done = folder.join(&name);
    if done.exists() {
        return Err(StoreError::Backup(format!(
            "{} already exists",
            done.display()
        )));
    }
    remove_partial(&partial)?;
    fs::create_dir_all(&partial).map_err(files_error)?;
    let database = partial.join(DATABASE);
    sqlx::query("VACUUM INTO ?1")
        .bind(database.to_string_lossy().as_ref())
        .execute(store.pool())
        .await?;
    let copied = {
        let files = files.clone();
        let into = AttachmentFiles::beside(&database);
        tokio::task::spawn_blocking(move || files.copy_missing_to(&into))
            .await?
            .map_err(files_error)?
            .0
    };
    let manifest = Manifest {
        format: FORMAT,
        created_at_ms: now_ms,
        database_bytes: fs::metadata(&database).map_err(files_error)?.len(),
        files: copied,
    };
    write_synced(
        &partial.join(MANIFEST),
        &serde_json::to_vec_pretty(&manifest)?,
    )?;
    sync_path(&database)?;
    sync_path(&partial)?;
    fs::rename(&partial, &done).map_err(files_error)?;
    sync_path(folder)?;
    Ok(info(name, done, manifest))
}

/// The backups in `folder`, newest first; folders without a readable manifest are not
/// backups.
pub fn list(folder: &Path) -> io::Result<Vec<BackupInfo>> {
    let mut found = Vec::new();
    for entry in fs::read_dir(folder)? {
        let entry = entry?;
        let Some(name) = entry.file_name().to_str().map(str::to_owned) else {
            continue;
        };
        if !is_backup_name(&name) || !entry.file_type()?.is_dir() {
            continue;
        }
        if let Ok(manifest) = read_manifest(&entry.path()) {
            found.push(info(name, entry.path(), manifest));
        }
    }
    found.sort_by(|a, b| (b.created_at_ms, &b.name).cmp(&(a.created_at_ms, &a.name)));
    Ok(found)
}

/// Removes the oldest backups of `folder` beyond the newest `keep`; answers their names.
pub fn prune(folder: &Path, keep: usize) -> io::Result<Vec<String>> {
    let mut removed = Vec::new();
    for old in list(folder)?.into_iter().skip(keep) {
        fs::remove_dir_all(&old.path)?;
        removed.push(old.name);
    }
    Ok(removed)
}

/// Whether `name` is a backup folder's name: `helpdesk-` and digits or dashes, nothing that
/// could lead elsewhere.
pub fn is_backup_name(name: &str) -> bool {
    name.strip_prefix(PREFIX).is_some_and(|rest| {
        !rest.is_empty() && rest.chars().all(|c| c.is_ascii_digit() || c == '-')
    })
}

/// The file a restore is staged in, beside `database`.
pub fn staged_path(database: &Path) -> PathBuf {
    let mut name = database.as_os_str().to_owned();
    name.push(".restore");
    PathBuf::from(name)
}

/// Stages the restore of `backup` over the database at `database` (whose attachments are
/// `files`): checks the backup's database (SQLite's integrity check), brings it to this
/// build's schema, marks it restored, copies its attachments in, and leaves it as
/// [`staged_path`] for [`apply_staged`] at the next start.
pub async fn stage_restore(
    backup: &Path,
    database: &Path,
    files: &AttachmentFiles,
) -> Result<BackupInfo> {
    let name = backup
        .file_name()
        .and_then(|name| name.to_str())
        .filter(|name| is_backup_name(name))
        .ok_or_else(|| StoreError::Backup(format!("{} is not a backup", backup.display())))?
        .to_owned();
    let manifest = read_manifest(backup).map_err(files_error)?;
    let staged = staged_path(database);
    let partial = staged.with_extension("restore-partial");
    remove_database(&partial)?;
    fs::copy(backup.join(DATABASE), &partial).map_err(files_error)?;
    let copy = Store::open(&partial).await?;
    let checked: String = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(copy.pool())
        .await?;
    if checked != "ok" {
        copy.close().await;
        remove_database(&partial)?;
        return Err(StoreError::Corrupt(format!("{name}: {checked}")));
    }
    {
        let mut conn = copy.pool().acquire().await?;
        local_settings::set_in(&mut conn, RESTORED_FROM, &name).await?;
    }
    sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
        .execute(copy.pool())
        .await?;
    copy.close().await;
    {
        let from = AttachmentFiles::beside(&backup.join(DATABASE));
        let into = files.clone();
        tokio::task::spawn_blocking(move || from.copy_missing_to(&into))
            .await?
            .map_err(files_error)?;
    }
    remove_database(&staged)?;
    fs::rename(&partial, &staged).map_err(files_error)?;
    remove_database(&partial)?;
    Ok(info(name, backup.to_path_buf(), manifest))
}

/// Before the database at `database` is opened: puts a staged restore in its place, keeping
/// the database it replaces as `<database>.before-restore-<now_ms>`; answers that name, or
/// `None` when no restore was staged.
pub fn apply_staged(database: &Path, now_ms: i64) -> io::Result<Option<PathBuf>> {
    let staged = staged_path(database);
    if !staged.is_file() {
        return Ok(None);
    }
    let mut aside = database.as_os_str().to_owned();
    aside.push(format!(".before-restore-{now_ms}"));
    let aside = PathBuf::from(aside);
    if database.exists() {
        fs::rename(database, &aside)?;
    }
    for suffix in ["-wal", "-shm"] {
        let mut from = database.as_os_str().to_owned();
        from.push(suffix);
        let mut to = aside.as_os_str().to_owned();
        to.push(suffix);
        match fs::rename(&from, &to) {
            Err(error) if error.kind() != io::ErrorKind::NotFound => return Err(error),
            _ => {}
        }
    }
    fs::rename(&staged, database)?;
    if let Some(folder) = database.parent() {
        crate::durable::sync_folder(folder)?;
    }
    Ok(Some(aside))
}

fn info(name: String, path: PathBuf, manifest: Manifest) -> BackupInfo {
    BackupInfo {
        name,
        path,
        created_at_ms: manifest.created_at_ms,
        database_bytes: manifest.database_bytes,
        files: manifest.files,
    }
}

fn read_manifest(backup: &Path) -> io::Result<Manifest> {
    let manifest: Manifest =
        serde_json::from_slice(&fs::read(backup.join(MANIFEST))?).map_err(io::Error::other)?;
    if manifest.format != FORMAT {
        return Err(io::Error::other(format!(
            "backup format {} (this build reads {FORMAT})",
            manifest.format
        )));
    }
    if !backup.join(DATABASE).is_file() {
        return Err(io::Error::other("the backup has no database"));
    }
    Ok(manifest)
}

/// Removes a database file and its `-wal` and `-shm`, where they exist.
fn remove_database(path: &Path) -> Result<()> {
    for suffix in ["", "-wal", "-shm"] {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        match fs::remove_file(PathBuf::from(name)) {
            Err(error) if error.kind() != io::ErrorKind::NotFound => {
                return Err(files_error(error))
            }
            _ => {}
        }
    }
    Ok(())
}

fn remove_partial(partial: &Path) -> Result<()> {
    match fs::remove_dir_all(partial) {
        Err(error) if error.kind() != io::ErrorKind::NotFound => Err(files_error(error)),
        _ => Ok(()),
    }
}

fn write_synced(path: &Path, content: &[u8]) -> Result<()> {
    fs::write(path, content).map_err(files_error)?;
    sync_path(path)
}

/// Flushes a file, or a folder's names (Unix; elsewhere a folder needs nothing).
fn sync_path(path: &Path) -> Result<()> {
    if path.is_dir() {
        crate::durable::sync_folder(path).map_err(files_error)
    } else {
        fs::File::open(path)
            .and_then(|file| file.sync_all())
            .map_err(files_error)
    }
}

fn files_error(error: io::Error) -> StoreError {
    StoreError::Backup(error.to_string())
}
