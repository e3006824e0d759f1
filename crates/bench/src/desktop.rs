//! A desktop for the sync benchmarks: its database, the vault of its credential and its
//! attachments folder, as the app (and `crates/sync/tests/common`) builds them.
use std::path::{Path, PathBuf};

use helpdesk_core::sync::{DesktopProfile, SYNC_TABLES};
use helpdesk_store::attachment_files::AttachmentFiles;
use helpdesk_store::secret_vault::{SecretKey, SecretVault};
use helpdesk_store::{sync, Store};
use helpdesk_sync::{ClientConfig, Enrollment, SyncClient, SyncReport};

use crate::Failure;

/// One desktop, on its own database file.
pub struct Desktop {
    pub store: Store,
    pub files: AttachmentFiles,
    pub vault: SecretVault,
    pub path: PathBuf,
}

impl Desktop {
    /// Opens (creating if needed) the desktop whose database is `path`.
    pub async fn open(path: &Path) -> Result<Self, Failure> {
        let store = Store::open(path).await?;
        let key = SecretKey::load_or_create(&SecretKey::path_beside(path))?;
        Ok(Self {
            store,
            files: AttachmentFiles::beside(path),
            vault: SecretVault::encrypted(key),
            path: path.to_owned(),
        })
    }

    /// Joins the server at `url` with the administrator's `token`, as an administration
    /// desktop (it may send and receive everything).
    pub async fn register(&self, url: &str, token: &str, name: &str) -> Result<(), Failure> {
        let enrollment = Enrollment {
            server_url: url,
            token,
            name,
            profile: DesktopProfile::Administration,
        };
        helpdesk_sync::register(
            &self.store,
            &self.vault,
            enrollment,
            &ClientConfig::default(),
        )
        .await?;
        Ok(())
    }

    /// A client of the server it joined, as itself.
    pub async fn client(&self) -> Result<SyncClient, Failure> {
        let state = sync::load_state(&self.store).await?;
        let url = state.server_url.ok_or("the desktop is not registered")?;
        let credential = sync::load_credential(&self.store, &self.vault).await?;
        Ok(SyncClient::new(&url, credential, &ClientConfig::default())?)
    }

    /// One exchange with its server.
    pub async fn sync(&self, client: &SyncClient) -> Result<SyncReport, Failure> {
        Ok(helpdesk_sync::sync_once(&self.store, &self.files, client).await?)
    }

    /// How many rows `table` holds (a name from `SYNC_TABLES`).
    pub async fn count(&self, table: &str) -> Result<i64, Failure> {
        let sql = format!("SELECT count(*) FROM {table}");
        Ok(sqlx::query_scalar(&sql)
            .fetch_one(self.store.pool())
            .await?)
    }

    /// The bytes of the fields' versions kept beside the rows (`sync_versions` and
    /// `sync_origin`).
    pub async fn versions_bytes(&self) -> Result<i64, Failure> {
        let sums: Vec<String> = SYNC_TABLES
            .iter()
            .map(|table| {
                format!(
                    "(SELECT coalesce(sum(length(sync_versions)), 0)
                        + coalesce(sum(length(sync_origin)), 0) FROM {})",
                    table.name
                )
            })
            .collect();
        let sql = format!("SELECT {}", sums.join(" + "));
        Ok(sqlx::query_scalar(&sql)
            .fetch_one(self.store.pool())
            .await?)
    }

    /// The size of its database file, its write-ahead log checkpointed first.
    pub async fn size_bytes(&self) -> Result<u64, Failure> {
        sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
            .execute(self.store.pool())
            .await?;
        let mut size = std::fs::metadata(&self.path)?.len();
        let wal = self.path.with_extension("db-wal");
        if let Ok(metadata) = std::fs::metadata(wal) {
            size += metadata.len();
        }
        Ok(size)
    }
}
