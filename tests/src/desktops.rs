//! Desktops registered with a sync server outside the window, as the library does it: the
//! tests that need a desktop already joined start from one.
use std::path::Path;

use helpdesk_core::sync::DesktopProfile;
use helpdesk_demo::DemoConfig;
use helpdesk_store::attachment_files::AttachmentFiles;
use helpdesk_store::secret_vault::{SecretKey, SecretVault};
use helpdesk_store::Store;
use helpdesk_sync::{ClientConfig, Enrollment, SyncClient};

/// A desktop database at `database` (seeded with `demo` first, if given), registered with
/// the server at `url` with the enrollment `token` as `profile` and synced once; its
/// credential encrypted beside it. Answers when it synced (Unix ms).
pub async fn registered_desktop(
    database: &Path,
    url: &str,
    token: &str,
    profile: DesktopProfile,
    demo: Option<&DemoConfig>,
) -> String {
    let store = Store::open(database).await.expect("store");
    if let Some(demo) = demo {
        helpdesk_demo::seed(&store, demo).await.expect("demo data");
    }
    let key = SecretKey::load_or_create(&SecretKey::path_beside(database)).expect("key");
    let vault = SecretVault::encrypted(key);
    let enrollment = Enrollment {
        server_url: url,
        token,
        name: profile.label(),
        profile,
    };
    let config = ClientConfig::default();
    helpdesk_sync::register(&store, &vault, enrollment, &config)
        .await
        .expect("registered");
    let credential = helpdesk_store::sync::load_credential(&store, &vault)
        .await
        .expect("credential");
    let client = SyncClient::new(url, credential, &config).expect("client");
    helpdesk_sync::sync_once(&store, &AttachmentFiles::beside(database), &client)
        .await
        .expect("synced");
    let state = helpdesk_store::sync::load_state(&store)
        .await
        .expect("state");
    store.close().await;
    state.last_sync_at.expect("synced").to_string()
}
