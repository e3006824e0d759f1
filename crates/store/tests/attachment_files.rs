//! The attachments folder on a real file system: files stored once by content hash, the
//! operator's names checked, and every refusal explained without leaving anything behind.
use std::fs;
use std::path::{Path, PathBuf};

use helpdesk_core::attachment::{DEFAULT_MAX_BYTES, FIELD};
use helpdesk_store::attachment_files::{AttachError, AttachmentFiles};
use tempfile::TempDir;

/// `abc`'s SHA-256 (FIPS 180-2, appendix B.1).
const ABC_SHA256: &str = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

struct Folders {
    _dir: TempDir,
    picked: PathBuf,
    database: PathBuf,
}

fn folders() -> Folders {
    let dir = tempfile::tempdir().expect("temp dir");
    let picked = dir.path().join("Downloads");
    fs::create_dir(&picked).expect("picked folder");
    let database = dir.path().join("data").join("helpdesk.db");
    Folders {
        picked,
        database,
        _dir: dir,
    }
}

fn write(folder: &Path, name: &str, content: &[u8]) -> PathBuf {
    let path = folder.join(name);
    fs::write(&path, content).expect("picked file");
    path
}

/// Every file under `folder`, recursively.
fn files_under(folder: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(folder) else {
        return Vec::new();
    };
    entries
        .flatten()
        .flat_map(|entry| {
            let path = entry.path();
            if path.is_dir() {
                files_under(&path)
            } else {
                vec![path]
            }
        })
        .collect()
}

fn refusal(result: Result<impl std::fmt::Debug, AttachError>) -> String {
    match result {
        Err(AttachError::Refused(error)) => {
            assert_eq!(error.field, FIELD);
            error.message
        }
        other => panic!("a refusal, not {other:?}"),
    }
}

#[test]
fn the_same_content_is_stored_once_under_its_hash() {
    let folders = folders();
    let files = AttachmentFiles::beside(&folders.database);
    let first = write(&folders.picked, "relatório.txt", b"abc");
    let second = write(&folders.picked, "cópia.txt", b"abc");

    let stored = files.store(&first, DEFAULT_MAX_BYTES).expect("stored");
    assert_eq!(stored.content_hash, ABC_SHA256);
    assert_eq!(stored.file_name, "relatório.txt");
    assert_eq!(stored.size_bytes, 3);
    assert_eq!(stored.notes, "");
    let again = files.store(&second, DEFAULT_MAX_BYTES).expect("stored");
    assert_eq!(again.content_hash, ABC_SHA256);
    assert_eq!(
        again.file_name, "cópia.txt",
        "each attachment keeps its own name"
    );

    let attachments = folders.database.with_file_name("attachments");
    let kept = files_under(&attachments);
    let expected = attachments.join("ba").join(ABC_SHA256);
    assert_eq!(
        kept,
        std::slice::from_ref(&expected),
        "one file, at its hash, no leftovers"
    );
    assert_eq!(fs::read(&expected).expect("stored content"), b"abc");
    assert!(files.contains(ABC_SHA256));
    assert_eq!(files.path_of(ABC_SHA256), Some(expected));
}

#[test]
fn a_file_past_the_limit_is_refused_with_its_size() {
    let folders = folders();
    let files = AttachmentFiles::beside(&folders.database);
    let big = folders.picked.join("backup.iso");
    // 30 MB, sparse: it costs no disk.
    fs::File::create(&big)
        .and_then(|file| file.set_len(30 * 1024 * 1024))
        .expect("30 MB file");
    assert_eq!(
        refusal(files.store(&big, DEFAULT_MAX_BYTES)),
        "O arquivo tem 30,0 MB; o limite para anexos é 25,0 MB."
    );
    let small_limit = write(&folders.picked, "log.txt", &[b'x'; 2048]);
    assert!(refusal(files.store(&small_limit, 1024)).contains("limite para anexos é 1,0 KB"));
    assert!(
        files_under(&folders.database.with_file_name("attachments")).is_empty(),
        "nothing copied"
    );
}

#[test]
fn a_file_that_vanished_after_being_picked_is_explained() {
    let folders = folders();
    let files = AttachmentFiles::beside(&folders.database);
    let picked = write(&folders.picked, "foto.jpg", b"jpeg");
    fs::remove_file(&picked).expect("removed");
    let message = refusal(files.store(&picked, DEFAULT_MAX_BYTES));
    assert!(
        message.contains("\"foto.jpg\" não existe mais"),
        "{message}"
    );
}

#[test]
fn names_with_control_characters_or_folder_marks_and_folders_are_refused() {
    let folders = folders();
    let files = AttachmentFiles::beside(&folders.database);
    for name in [
        "rel\u{7}atório.pdf",
        "nova\nlinha.txt",
        "a\\..\\b.txt",
        "...",
    ] {
        let path = write(&folders.picked, name, b"x");
        let message = refusal(files.store(&path, DEFAULT_MAX_BYTES));
        assert!(
            message.contains("renomeie o arquivo"),
            "{name:?}: {message}"
        );
    }
    let message = refusal(files.store(&folders.picked, DEFAULT_MAX_BYTES));
    assert_eq!(message, "Escolha um arquivo, não uma pasta.");
    assert!(files_under(&folders.database.with_file_name("attachments")).is_empty());
}

#[test]
fn only_hashes_become_paths() {
    let files = AttachmentFiles::beside(Path::new("/var/lib/helpdesk/helpdesk.db"));
    assert_eq!(files.path_of("../../etc/passwd"), None);
    assert_eq!(files.path_of(&"A".repeat(64)), None);
    assert!(!files.contains("../helpdesk.db"));
}

#[test]
fn content_received_from_the_server_is_kept_only_under_its_own_hash() {
    let folders = folders();
    let files = AttachmentFiles::beside(&folders.database);
    let root = folders.database.with_file_name("attachments");
    let wrong = files
        .receive(ABC_SHA256, b"abd")
        .expect_err("another content");
    assert!(wrong.to_string().contains(ABC_SHA256), "{wrong}");
    assert!(files_under(&root).is_empty(), "nothing kept");
    assert!(files.receive("../../etc/passwd", b"abc").is_err());
    assert!(files_under(&root).is_empty());

    files.receive(ABC_SHA256, b"abc").expect("kept");
    files.receive(ABC_SHA256, b"abc").expect("twice is once");
    let kept = files.path_of(ABC_SHA256).expect("path");
    assert_eq!(fs::read(&kept).expect("content"), b"abc");
    assert_eq!(files_under(&root), [kept]);
}
