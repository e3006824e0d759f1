//! Desktops (real SQLite files) and the central server (in process, over a real PostgreSQL
//! started by the tests) for the sync tests.
#![allow(dead_code)]

pub mod desk;
pub mod proxy;

use std::collections::BTreeMap;

use std::collections::HashSet;

use helpdesk_core::sync::{DesktopProfile, FieldValue, RegistrationResponse, SyncRow};
use helpdesk_server::test_postgres::PgServer;
use helpdesk_server::{Config, RunningServer};
use helpdesk_store::attachment_files::AttachmentFiles;
use helpdesk_store::secret_vault::{SecretKey, SecretVault};
use helpdesk_store::{sync, Store};
use helpdesk_sync::{ClientConfig, Enrollment, SyncClient, SyncError, SyncReport};
use sqlx::Row;
use tempfile::TempDir;
use uuid::Uuid;

/// The administrator's enrollment token of the test servers.
pub const TOKEN: &str = "token-do-administrador-de-teste";

/// The central server on a fresh PostgreSQL database.
pub struct Central {
    pub server: RunningServer,
    pub database_url: String,
}

impl Central {
    pub async fn start() -> Self {
        let postgres = PgServer::shared().expect("PostgreSQL starts (scripts/setup.sh test)");
        let database_url = postgres.fresh_database().await.expect("a database");
        let server = helpdesk_server::spawn(Config::local(&database_url, TOKEN))
            .await
            .expect("the sync server starts");
        Self {
            server,
            database_url,
        }
    }

    pub fn url(&self) -> String {
        self.server.url()
    }

    /// How many rows the server holds.
    pub async fn count(&self) -> i64 {
        let pool = sqlx::PgPool::connect(&self.database_url)
            .await
            .expect("connect");
        let count = sqlx::query_scalar("SELECT count(*) FROM sync_rows")
            .fetch_one(&pool)
            .await
            .expect("count");
        pool.close().await;
        count
    }

    /// Every row the server holds, by table and id.
    pub async fn rows(&self) -> BTreeMap<(String, Uuid), SyncRow> {
        let pool = sqlx::PgPool::connect(&self.database_url)
            .await
            .expect("connect");
        let found = sqlx::query("SELECT table_name, row_id, fields FROM sync_rows")
            .fetch_all(&pool)
            .await
            .expect("rows");
        pool.close().await;
        found
            .into_iter()
            .map(|row| {
                let table: String = row.get(0);
                let id: Uuid = row.get(1);
                let fields: serde_json::Value = row.get(2);
                let fields = serde_json::from_value(fields).expect("fields");
                ((table.clone(), id), SyncRow { table, id, fields })
            })
            .collect()
    }

    /// Every row the server holds, as a desktop of `profile` may read it.
    pub async fn rows_for(&self, profile: DesktopProfile) -> BTreeMap<(String, Uuid), SyncRow> {
        let rows = self.rows().await;
        let administrator_roles: HashSet<Uuid> = rows
            .values()
            .filter(|row| {
                row.table == "roles"
                    && row.value("is_administrator") == Some(&FieldValue::Integer(1))
            })
            .map(|row| row.id)
            .collect();
        rows.into_iter()
            .map(|(key, row)| (key, profile.readable(row, &administrator_roles)))
            .collect()
    }
}

/// A desktop: its database, attachments folder and vault, in a folder of its own.
pub struct Desktop {
    pub store: Store,
    pub files: AttachmentFiles,
    pub vault: SecretVault,
    dir: TempDir,
}

impl Desktop {
    pub async fn new() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let database = dir.path().join("helpdesk.db");
        let store = Store::open(&database).await.expect("store");
        let key = SecretKey::load_or_create(&SecretKey::path_beside(&database)).expect("key");
        Self {
            store,
            files: AttachmentFiles::beside(&database),
            vault: SecretVault::encrypted(key),
            dir,
        }
    }

    /// A new desktop holding the demo data of `config`, its tickets included.
    pub async fn with_demo(config: &helpdesk_demo::DemoConfig) -> Self {
        let desktop = Self::new().await;
        helpdesk_demo::seed(&desktop.store, config)
            .await
            .expect("demo data");
        helpdesk_demo::seed_tickets(&desktop.store, config)
            .await
            .expect("demo tickets");
        desktop
    }

    /// Registers as an administration desktop (it may write every table).
    pub async fn register(&self, central: &Central, name: &str) -> RegistrationResponse {
        self.register_at(&central.url(), name).await
    }

    /// Registers as an administration desktop with the server at `url` (a proxy in front
    /// of it, say).
    pub async fn register_at(&self, url: &str, name: &str) -> RegistrationResponse {
        self.try_register(url, name, DesktopProfile::Administration)
            .await
            .expect("registered")
    }

    /// Registers as a desktop of `profile`.
    pub async fn try_register(
        &self,
        url: &str,
        name: &str,
        profile: DesktopProfile,
    ) -> Result<RegistrationResponse, SyncError> {
        let enrollment = Enrollment {
            server_url: url,
            token: TOKEN,
            name,
            profile,
        };
        helpdesk_sync::register(
            &self.store,
            &self.vault,
            enrollment,
            &ClientConfig::default(),
        )
        .await
    }

    /// A client of the server it is registered with, as itself.
    pub async fn client(&self) -> SyncClient {
        let state = sync::load_state(&self.store).await.expect("state");
        let credential = sync::load_credential(&self.store, &self.vault)
            .await
            .expect("credential");
        SyncClient::new(
            &state.server_url.expect("registered"),
            credential,
            &ClientConfig::default(),
        )
        .expect("client")
    }

    /// Its device credential.
    pub async fn client_credential(&self) -> String {
        sync::load_credential(&self.store, &self.vault)
            .await
            .expect("credential")
            .expect("registered")
    }

    /// One exchange with its server.
    pub async fn try_sync(&self) -> Result<SyncReport, SyncError> {
        helpdesk_sync::sync_once(&self.store, &self.files, &self.client().await).await
    }

    pub async fn sync(&self) -> SyncReport {
        self.try_sync().await.expect("synced")
    }

    /// Every syncable row it holds, by table and id.
    pub async fn rows(&self) -> BTreeMap<(String, Uuid), SyncRow> {
        sync::snapshot(&self.store)
            .await
            .expect("snapshot")
            .into_iter()
            .map(|row| ((row.table.clone(), row.id), row))
            .collect()
    }

    pub fn folder(&self) -> &std::path::Path {
        self.dir.path()
    }
}

/// Asserts that `left` and `right` hold the same rows, naming the first that differs.
pub fn assert_same(
    left: &BTreeMap<(String, Uuid), SyncRow>,
    right: &BTreeMap<(String, Uuid), SyncRow>,
    what: &str,
) {
    let only_left: Vec<_> = left
        .keys()
        .filter(|key| !right.contains_key(*key))
        .collect();
    let only_right: Vec<_> = right
        .keys()
        .filter(|key| !left.contains_key(*key))
        .collect();
    assert!(
        only_left.is_empty() && only_right.is_empty(),
        "{what}: rows only on the left {only_left:?}, only on the right {only_right:?}"
    );
    for (key, row) in left {
        assert_eq!(Some(row), right.get(key), "{what}: {key:?} differs");
    }
}
