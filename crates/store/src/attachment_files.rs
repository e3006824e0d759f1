//! The attachments folder: each file stored once under the SHA-256 of its content, so the
//! same file attached twice takes its space once. Paths inside it are made only from
//! checked hashes, never from the names of the operator's files.
//!
//! A file is copied into `tmp/` while it is hashed and counted, made durable, then renamed
//! to `<2 hex digits>/<hash>`: a crash leaves at most a stray file in `tmp/`, never a
//! partial file under a hash.
use std::fs::{self, File};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use helpdesk_core::attachment::{self, DraftAttachment};
use helpdesk_core::form::FieldError;
use helpdesk_core::hex;
use helpdesk_core::ticket::NewTicket;
use sha2::{Digest, Sha256};

use crate::new_id;

/// Why a file could not be attached.
#[derive(Debug, thiserror::Error)]
pub enum AttachError {
    /// What the operator can act on: a missing file, a bad name, a file too large.
    #[error("{}", .0.message)]
    Refused(FieldError),
    /// The attachments folder failed (disk full, permissions).
    #[error("attachments folder: {0}")]
    Io(#[from] io::Error),
}

/// What became of [`AttachmentFiles::copy_out`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CopyOut {
    /// The content, checked, is at the target.
    Copied,
    /// The folder has no file of that hash (attached on another desktop, not arrived).
    Missing,
    /// The stored file no longer hashes to its name: changed or damaged on disk.
    Changed,
}

/// The attachments folder of a database.
#[derive(Debug, Clone)]
pub struct AttachmentFiles {
    root: PathBuf,
}

impl AttachmentFiles {
    /// The folder `attachments` beside the database file at `database`.
    pub fn beside(database: &Path) -> Self {
        let folder = database.parent().unwrap_or(Path::new("."));
        Self {
            root: folder.join("attachments"),
        }
    }

    /// Copies the file at `source` into the folder, unless it is larger than `max_bytes`,
    /// and returns it as an attachment with empty notes. Blocking: run it off the async
    /// runtime's threads.
    pub fn store(&self, source: &Path, max_bytes: u64) -> Result<DraftAttachment, AttachError> {
        let refuse =
            |message: String| AttachError::Refused(FieldError::new(attachment::FIELD, message));
        let name = source
            .file_name()
            .map(|name| name.to_str().ok_or(()))
            .ok_or_else(|| refuse("Escolha um arquivo, não uma pasta.".into()))?
            .map_err(|()| {
                refuse(
                    "O nome do arquivo não é texto válido: renomeie o arquivo e anexe-o de novo."
                        .into(),
                )
            })?;
        let file_name = attachment::display_name(name).map_err(AttachError::Refused)?;
        let file = File::open(source).map_err(|error| match error.kind() {
            io::ErrorKind::NotFound => refuse(format!(
                "O arquivo \"{file_name}\" não existe mais: ele foi movido ou apagado depois de escolhido."
            )),
            io::ErrorKind::PermissionDenied => {
                refuse(format!("Sem permissão para ler o arquivo \"{file_name}\"."))
            }
            _ => AttachError::Io(error),
        })?;
        let metadata = file.metadata()?;
        if !metadata.is_file() {
            return Err(refuse("Escolha um arquivo, não uma pasta.".into()));
        }
        if metadata.len() > max_bytes {
            return Err(AttachError::Refused(attachment::too_large(
                metadata.len(),
                max_bytes,
            )));
        }
        let (content_hash, size_bytes) = self.copy_in(file, max_bytes)?;
        Ok(DraftAttachment {
            content_hash,
            file_name,
            size_bytes,
            notes: String::new(),
        })
    }

    /// Every content the folder holds, by hash (files under other names are not its).
    pub fn hashes(&self) -> io::Result<Vec<String>> {
        let mut hashes = Vec::new();
        let shards = match fs::read_dir(&self.root) {
            Ok(shards) => shards,
            Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(hashes),
            Err(error) => return Err(error),
        };
        for shard in shards {
            let shard = shard?;
            if !shard.file_type()?.is_dir() {
                continue;
            }
            for file in fs::read_dir(shard.path())? {
                let name = file?.file_name();
                if let Some(hash) = name.to_str() {
                    if self
                        .path_of(hash)
                        .is_some_and(|path| path.parent() == Some(&shard.path()))
                    {
                        hashes.push(hash.to_owned());
                    }
                }
            }
        }
        hashes.sort();
        Ok(hashes)
    }

    /// Copies every content of this folder that `other` lacks into it, checking each against
    /// its hash while copying; answers how many were copied and the hashes whose file no
    /// longer matches its name (damaged, left out). Blocking.
    pub fn copy_missing_to(&self, other: &AttachmentFiles) -> io::Result<(u64, Vec<String>)> {
        let mut copied = 0;
        let mut damaged = Vec::new();
        for hash in self.hashes()? {
            if other.contains(&hash) {
                continue;
            }
            let Some(path) = self.path_of(&hash) else {
                continue;
            };
            match other.copy_in(File::open(path)?, u64::MAX) {
                Ok((actual, _)) if actual == hash => copied += 1,
                Ok((actual, _)) => {
                    // Kept under its true hash, which is content the other folder may use.
                    log::warn!("attachment {hash} holds content hashing to {actual}");
                    damaged.push(hash);
                }
                Err(AttachError::Io(error)) => return Err(error),
                Err(AttachError::Refused(refused)) => {
                    return Err(io::Error::other(refused.message))
                }
            }
        }
        Ok((copied, damaged))
    }

    /// Whether the content of `hash` is in the folder.
    pub fn contains(&self, hash: &str) -> bool {
        self.path_of(hash).is_some_and(|path| path.is_file())
    }

    /// The first of `ticket`'s files no longer in the folder, refused at the attachments'
    /// field: files are stored when picked, and one removed since cannot be saved.
    pub fn first_missing(&self, ticket: &NewTicket) -> Option<FieldError> {
        ticket
            .files()
            .find(|(hash, _)| !self.contains(hash))
            .map(|(_, name)| attachment::no_longer_stored(name))
    }

    /// Where the content of `hash` is (or would be); `None` for text that is not a hash.
    pub fn path_of(&self, hash: &str) -> Option<PathBuf> {
        attachment::is_content_hash(hash).then(|| self.root.join(&hash[..2]).join(hash))
    }

    /// Keeps `content`, received from elsewhere (the sync server), as the file of `hash`;
    /// refused, with nothing kept, when `content` is not what `hash` names. Blocking.
    pub fn receive(&self, hash: &str, content: &[u8]) -> io::Result<()> {
        if self.path_of(hash).is_none() {
            return Err(io::Error::other(format!("{hash:?} is not a content hash")));
        }
        let actual = hex::encode(&Sha256::digest(content));
        if actual != hash {
            return Err(io::Error::other(format!(
                "the content received for {hash} hashes to {actual}"
            )));
        }
        if !self.contains(hash) {
            self.copy_in(content, u64::MAX)
                .map_err(|error| match error {
                    AttachError::Io(error) => error,
                    AttachError::Refused(refused) => io::Error::other(refused.message),
                })?;
        }
        Ok(())
    }

    /// Copies the content of `hash` to `target` (a path the shell chose: its own temporary
    /// folder, or where the operator saves it), checking while copying that it still hashes
    /// to `hash`: [`CopyOut::Changed`] (and nothing left at `target`) when it does not,
    /// [`CopyOut::Missing`] when the folder has no such file. Written beside `target` then
    /// renamed, so `target` is never a partial file. Blocking.
    pub fn copy_out(&self, hash: &str, target: &Path) -> io::Result<CopyOut> {
        let Some(source) = self.path_of(hash) else {
            return Ok(CopyOut::Missing);
        };
        let file = match File::open(&source) {
            Ok(file) => file,
            Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(CopyOut::Missing),
            Err(error) => return Err(error),
        };
        let mut partial = target.as_os_str().to_owned();
        partial.push(format!(".{}.partial", new_id()));
        let partial = PathBuf::from(partial);
        let copied = copy_hashing(file, &partial, u64::MAX);
        let outcome = match copied {
            Ok((actual, _)) if actual == hash => {
                fs::rename(&partial, target).map(|()| CopyOut::Copied)
            }
            Ok(_) => Ok(CopyOut::Changed),
            Err(error) => Err(error),
        };
        if partial.exists() {
            let _ = fs::remove_file(&partial);
        }
        outcome
    }

    /// Copies `file` to `tmp/`, hashing it, then moves it to its hash's place (where the
    /// same content may be already).
    fn copy_in(&self, file: impl Read, max_bytes: u64) -> Result<(String, u64), AttachError> {
        let tmp = self.root.join("tmp");
        fs::create_dir_all(&tmp)?;
        let partial = tmp.join(new_id().to_string());
        let result = self.copy_and_place(file, &partial, max_bytes);
        if partial.exists() {
            let _ = fs::remove_file(&partial);
        }
        result
    }

    fn copy_and_place(
        &self,
        file: impl Read,
        partial: &Path,
        max_bytes: u64,
    ) -> Result<(String, u64), AttachError> {
        let (hash, size) = copy_hashing(file, partial, max_bytes)?;
        // The size is checked again while copying: the file may grow after it was measured.
        let Some(size) = size else {
            return Err(AttachError::Refused(FieldError::new(
                attachment::FIELD,
                format!(
                    "O arquivo cresceu enquanto era lido e passou do limite para anexos, {}.",
                    attachment::describe_size(max_bytes)
                ),
            )));
        };
        let target = self
            .path_of(&hash)
            .ok_or_else(|| io::Error::other("a SHA-256 that is not hex"))?;
        if !target.is_file() {
            if let Some(folder) = target.parent() {
                fs::create_dir_all(folder)?;
            }
            fs::rename(partial, &target)?;
        }
        Ok((hash, size))
    }
}

/// Copies `file` to `to` while hashing it; the size is `None` when it passed `max_bytes`.
fn copy_hashing(
    mut file: impl Read,
    to: &Path,
    max_bytes: u64,
) -> io::Result<(String, Option<u64>)> {
    let mut out = File::create(to)?;
    let mut hasher = Sha256::new();
    let mut buffer = vec![0; 64 * 1024];
    let mut size: u64 = 0;
    loop {
        let read = match file.read(&mut buffer) {
            Ok(0) => break,
            Ok(read) => read,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(error),
        };
        size += read as u64;
        if size > max_bytes {
            return Ok((String::new(), None));
        }
        hasher.update(&buffer[..read]);
        out.write_all(&buffer[..read])?;
    }
    out.sync_all()?;
    Ok((hex::encode(&hasher.finalize()), Some(size)))
}
