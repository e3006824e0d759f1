//! One app process per database: the app holds an OS lock on `<database>-lock` while it
//! runs, so a second process of the app on the same database is refused. (Tools such as
//! the benchmarks and the tests open the store without it.)
use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

use crate::{Result, StoreError};

/// The held lock; released when dropped, and by the OS when the process ends (a crash
/// included).
#[derive(Debug)]
pub struct AppLock {
    _file: File,
}

impl AppLock {
    /// Takes the lock of the database at `database`, or [`StoreError::InUse`] while another
    /// process (or another `AppLock` of this one) holds it.
    pub fn acquire(database: &Path) -> Result<Self> {
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(Self::path(database))
            .map_err(StoreError::Lock)?;
        match file.try_lock() {
            Ok(()) => Ok(Self { _file: file }),
            Err(TryLockError::WouldBlock) => Err(StoreError::InUse(database.to_path_buf())),
            Err(TryLockError::Error(error)) => Err(StoreError::Lock(error)),
        }
    }

    /// The lock file of the database at `database`: `<database>-lock`, beside SQLite's own
    /// `-wal` and `-shm`.
    pub fn path(database: &Path) -> PathBuf {
        let mut name = database.as_os_str().to_owned();
        name.push("-lock");
        PathBuf::from(name)
    }
}

#[cfg(test)]
mod tests {
    use super::AppLock;
    use crate::StoreError;

    #[test]
    fn a_second_holder_is_refused_until_the_first_lets_go() -> crate::Result<()> {
        let folder = tempfile::tempdir().map_err(StoreError::Lock)?;
        let database = folder.path().join("helpdesk.db");
        let first = AppLock::acquire(&database)?;
        assert!(matches!(
            AppLock::acquire(&database),
            Err(StoreError::InUse(path)) if path == database
        ));
        drop(first);
        AppLock::acquire(&database).map(drop)
    }
}
