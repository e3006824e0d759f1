//! "Cópia de segurança" on real files: a backup of the database and its attachments while
//! it is open, a restore staged and put in place at the next start, and the new sync origin
//! of a restored or copied database (the rows keep the versions they had).
mod common;

use std::path::Path;

use helpdesk_core::sync::SyncRow;
use helpdesk_store::attachment_files::AttachmentFiles;
use helpdesk_store::sync::{self, Renewal};
use helpdesk_store::{backup, customers, Store, StoreError};
use uuid::Uuid;

const NOW: i64 = 1_764_000_000_000;

async fn add_customer(store: &Store, code: &str, name: &str) -> Uuid {
    let network: (Uuid, Uuid) =
        match sqlx::query_as("SELECT (SELECT id FROM plans), (SELECT id FROM routing_points)")
            .fetch_one(store.pool())
            .await
        {
            Ok((Some(plan), Some(point))) => (plan, point),
            _ => common::network(store).await,
        };
    let customer = common::customer(code, name, "39053344705", &[], &[], &[], network);
    customers::insert_many(store, &[customer])
        .await
        .expect("customer")[0]
}

async fn names(store: &Store) -> Vec<String> {
    sqlx::query_scalar("SELECT name FROM customers ORDER BY name")
        .fetch_all(store.pool())
        .await
        .expect("names")
}

async fn origin(store: &Store) -> Uuid {
    sqlx::query_scalar("SELECT origin FROM sync_control")
        .fetch_one(store.pool())
        .await
        .expect("origin")
}

fn row(rows: &[SyncRow], id: Uuid) -> SyncRow {
    rows.iter()
        .find(|row| row.id == id)
        .cloned()
        .expect("the row is in the snapshot")
}

fn attachment(files: &AttachmentFiles, folder: &Path, content: &[u8]) -> String {
    let source = folder.join("laudo.txt");
    std::fs::write(&source, content).expect("source");
    files.store(&source, u64::MAX).expect("stored").content_hash
}

#[tokio::test]
async fn a_restored_backup_comes_back_whole_with_a_new_origin_and_the_old_versions() {
    let test = common::open().await;
    let database = test.store_path();
    let files = AttachmentFiles::beside(&database);
    let scratch = tempfile::tempdir().expect("scratch");
    let kept = add_customer(&test.store, "C-1", "Antes da Cópia").await;
    let hash = attachment(&files, scratch.path(), b"laudo da visita");
    let before = row(&sync::snapshot(&test.store).await.expect("snapshot"), kept);
    let first_origin = origin(&test.store).await;

    let folder = tempfile::tempdir().expect("backups");
    let made = backup::write(&test.store, &files, folder.path(), "20261205-101500", NOW)
        .await
        .expect("backup");
    assert_eq!(made.name, "helpdesk-20261205-101500");
    assert_eq!(made.files, 1);
    add_customer(&test.store, "C-2", "Depois da Cópia").await;
    std::fs::remove_file(files.path_of(&hash).expect("path")).expect("attachment lost");

    let listed = backup::list(folder.path()).expect("list");
    assert_eq!(listed, vec![made.clone()]);
    backup::stage_restore(&made.path, &database, &files)
        .await
        .expect("staged");
    assert!(files.contains(&hash), "the backup's attachments are back");
    test.store.close().await;

    let aside = backup::apply_staged(&database, NOW)
        .expect("applied")
        .expect("a restore was staged");
    assert!(aside.is_file(), "the replaced database is kept");
    let restored = Store::open(&database).await.expect("opens");
    assert_eq!(names(&restored).await, vec!["Antes da Cópia"]);
    assert_eq!(
        sync::renew_origin_if_needed(&restored, "here")
            .await
            .expect("renewed"),
        Some(Renewal::Restored(made.name.clone()))
    );
    let new_origin = origin(&restored).await;
    assert_ne!(new_origin, first_origin);
    let after = row(&sync::snapshot(&restored).await.expect("snapshot"), kept);
    assert_eq!(after, before, "every field keeps its value and its version");
    assert_eq!(
        sync::renew_origin_if_needed(&restored, "here")
            .await
            .expect("checked"),
        None,
        "once"
    );
    assert_eq!(origin(&restored).await, new_origin);
    assert_eq!(backup::apply_staged(&database, NOW).expect("nothing"), None);
}

#[tokio::test]
async fn a_database_opened_elsewhere_takes_a_new_origin_once() {
    let test = common::open().await;
    let kept = add_customer(&test.store, "C-1", "Cliente").await;
    let before = row(&sync::snapshot(&test.store).await.expect("snapshot"), kept);
    assert_eq!(
        sync::renew_origin_if_needed(&test.store, "/a|máquina 1")
            .await
            .expect("first"),
        None,
        "a first opening only remembers its place"
    );
    let first = origin(&test.store).await;
    assert_eq!(
        sync::renew_origin_if_needed(&test.store, "/a|máquina 1")
            .await
            .expect("same"),
        None
    );
    assert_eq!(
        sync::renew_origin_if_needed(&test.store, "/b|máquina 2")
            .await
            .expect("moved"),
        Some(Renewal::Moved {
            from: "/a|máquina 1".into()
        })
    );
    assert_ne!(origin(&test.store).await, first);
    let after = row(&sync::snapshot(&test.store).await.expect("snapshot"), kept);
    assert_eq!(after, before);
}

#[tokio::test]
async fn old_backups_are_pruned_and_damaged_ones_refused() {
    let test = common::open().await;
    let database = test.store_path();
    let files = AttachmentFiles::beside(&database);
    let folder = tempfile::tempdir().expect("backups");
    for (minute, stamp) in ["20261205-1000", "20261205-1100", "20261205-1200"]
        .iter()
        .enumerate()
    {
        backup::write(
            &test.store,
            &files,
            folder.path(),
            stamp,
            NOW + minute as i64,
        )
        .await
        .expect("backup");
    }
    std::fs::create_dir(folder.path().join("helpdesk-sem-manifesto")).expect("junk");
    std::fs::create_dir(folder.path().join(".helpdesk-1.partial")).expect("partial");
    let removed = backup::prune(folder.path(), 2).expect("pruned");
    assert_eq!(removed, vec!["helpdesk-20261205-1000".to_owned()]);
    let left: Vec<String> = backup::list(folder.path())
        .expect("list")
        .into_iter()
        .map(|backup| backup.name)
        .collect();
    assert_eq!(left, ["helpdesk-20261205-1200", "helpdesk-20261205-1100"]);

    let damaged = folder.path().join("helpdesk-20261205-1200");
    let mut bytes = std::fs::read(damaged.join("helpdesk.db")).expect("read");
    let middle = bytes.len() / 2;
    bytes[middle..middle + 4096].fill(0xA5);
    std::fs::write(damaged.join("helpdesk.db"), bytes).expect("damage");
    let refused = backup::stage_restore(&damaged, &database, &files).await;
    assert!(
        matches!(
            refused,
            Err(StoreError::Corrupt(_) | StoreError::Database(_))
        ),
        "{refused:?}"
    );
    assert!(!backup::staged_path(&database).exists(), "nothing staged");
}
