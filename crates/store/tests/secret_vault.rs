//! The SMTP password in a real OS keyring (GNOME Keyring's Secret Service on a private
//! session bus) and, when no keyring answers, encrypted in the database instead.
//!
//! One test in this binary: it points `DBUS_SESSION_BUS_ADDRESS` at its own bus (libdbus reads
//! it once per process), first before that bus runs, then while it does.
mod common;

use helpdesk_core::email::{SecretPlace, SmtpSecurity, SmtpSettings};
use helpdesk_store::secret_vault::{KeyringScope, SecretKey, SecretVault};
use helpdesk_store::smtp_settings::{self, PasswordChange, PASSWORD_KEY};
use helpdesk_store::test_keyring::SecretService;
use helpdesk_store::Store;

const SERVICE: &str = "br.com.helpdesk.desktop.test";

fn settings() -> SmtpSettings {
    SmtpSettings {
        host: "smtp.provedor.com.br".into(),
        port: 587,
        security: SmtpSecurity::StartTls,
        username: "atendimento".into(),
        from_address: "atendimento@provedor.com.br".into(),
        copy_address: String::new(),
    }
}

async fn set(store: &Store, vault: &SecretVault, password: &str) {
    smtp_settings::save(
        store,
        &settings(),
        PasswordChange::from_form(Some(password), vault),
    )
    .await
    .expect("saved");
}

async fn raw_rows(store: &Store) -> String {
    sqlx::query_scalar("SELECT group_concat(value, ' ') FROM local_settings")
        .fetch_one(store.pool())
        .await
        .expect("raw rows")
}

#[tokio::test]
async fn the_password_lives_in_the_os_keyring_and_is_encrypted_when_none_answers() {
    let test = common::open().await;
    let store = &test.store;
    let database = test.store_path();
    let folder = database.parent().expect("folder").to_path_buf();
    let vault = || {
        let key = SecretKey::load_or_create(&SecretKey::path_beside(&database)).expect("key");
        SecretVault::with_keyring(key, KeyringScope::new(SERVICE, &database))
    };
    let account = KeyringScope::new(SERVICE, &database).account(PASSWORD_KEY);

    // Nobody serves the bus yet: the password is encrypted in the database, and still read.
    std::env::set_var(
        "DBUS_SESSION_BUS_ADDRESS",
        SecretService::address_in(&folder),
    );
    set(store, &vault(), "primeira-s3nha").await;
    assert_eq!(
        smtp_settings::password_place(store).await.expect("place"),
        Some(SecretPlace::Encrypted)
    );
    assert!(!raw_rows(store).await.contains("primeira-s3nha"));
    assert_eq!(
        smtp_settings::load_password(store, &vault())
            .await
            .expect("read")
            .as_deref(),
        Some("primeira-s3nha")
    );

    // A keyring answers: the next password goes there, and the database holds only its name.
    let keyring = SecretService::start(&folder).expect("a Secret Service on a private bus");
    set(store, &vault(), "s3nh@-çhave").await;
    assert_eq!(
        smtp_settings::password_place(store).await.expect("place"),
        Some(SecretPlace::Keyring)
    );
    assert_eq!(
        keyring
            .lookup(SERVICE, &account)
            .expect("lookup")
            .as_deref(),
        Some("s3nh@-çhave")
    );
    assert!(!raw_rows(store).await.contains("s3nh@-çhave"));
    assert_eq!(
        smtp_settings::load_password(store, &vault())
            .await
            .expect("read")
            .as_deref(),
        Some("s3nh@-çhave")
    );
    // A vault that may not use the keyring says so rather than answering something else.
    let encrypted_only = SecretVault::encrypted(
        SecretKey::load_or_create(&SecretKey::path_beside(&database)).expect("key"),
    );
    let refused = smtp_settings::load_password(store, &encrypted_only)
        .await
        .expect_err("not readable without the keyring");
    assert!(refused.to_string().contains("OS keyring"), "{refused}");

    // Changed, kept, then cleared: the keyring follows, one entry all along.
    set(store, &vault(), "outra-s3nha").await;
    assert_eq!(
        keyring
            .lookup(SERVICE, &account)
            .expect("lookup")
            .as_deref(),
        Some("outra-s3nha")
    );
    smtp_settings::save(
        store,
        &settings(),
        PasswordChange::from_form(None, &vault()),
    )
    .await
    .expect("kept");
    assert_eq!(
        smtp_settings::load_password(store, &vault())
            .await
            .expect("read")
            .as_deref(),
        Some("outra-s3nha")
    );
    smtp_settings::save(
        store,
        &settings(),
        PasswordChange::from_form(Some(""), &vault()),
    )
    .await
    .expect("cleared");
    assert_eq!(
        smtp_settings::password_place(store).await.expect("place"),
        None
    );
    assert_eq!(keyring.lookup(SERVICE, &account).expect("lookup"), None);

    // Another database on the same machine has its own entry.
    let other = common::open().await;
    let other_database = other.store_path();
    let other_vault = SecretVault::with_keyring(
        SecretKey::load_or_create(&SecretKey::path_beside(&other_database)).expect("key"),
        KeyringScope::new(SERVICE, &other_database),
    );
    set(&other.store, &other_vault, "da-outra-base").await;
    set(store, &vault(), "desta-base").await;
    assert_eq!(
        smtp_settings::load_password(&other.store, &other_vault)
            .await
            .expect("read")
            .as_deref(),
        Some("da-outra-base")
    );
    assert_eq!(
        smtp_settings::load_password(store, &vault())
            .await
            .expect("read")
            .as_deref(),
        Some("desta-base")
    );

    // The keyring gone: the password in it cannot be read, and says why.
    drop(keyring);
    let unreachable = smtp_settings::load_password(store, &vault())
        .await
        .expect_err("no keyring to read from");
    assert!(
        unreachable.to_string().contains("OS keyring"),
        "{unreachable}"
    );
}
