//! Making file-system changes durable.
use std::path::Path;

/// Flushes the names in `folder` (a file just created or renamed there) to disk. Unix
/// only: elsewhere a rename is durable without it.
pub(crate) fn sync_folder(folder: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    std::fs::File::open(folder)?.sync_all()?;
    #[cfg(not(unix))]
    let _ = folder;
    Ok(())
}
