//! No row is a wall, in the real window (issue 19): a desktop that started empty joins a
//! server that holds a row its schema refuses (a ticket type destined to a user and a role
//! at once, stored before the server checked rows against the desktop's rules). The row is set aside and the rest
//! arrives: the administrator signs in (their user came by the sync), the status bar counts
//! "1 pendência", and "Sincronização" → "Pendências" shows it with its reason. Once the fix
//! reaches the server, "Sincronizar agora" applies it and "Tentar novamente" shows the list
//! empty.
use helpdesk_core::sync::{DesktopProfile, FieldValue, FieldVersion, SyncRow, Version};
use helpdesk_demo::{DemoConfig, ADMIN};
use helpdesk_e2e::desktops::registered_desktop;
use helpdesk_e2e::status_bar::{status_lacks, status_says};
use helpdesk_e2e::Harness;
use helpdesk_server::test_postgres::PgServer;
use helpdesk_server::Config;
use helpdesk_store::attachment_files::AttachmentFiles;
use helpdesk_store::secret_vault::{SecretKey, SecretVault};
use helpdesk_store::{sync, Store};
use helpdesk_sync::{ClientConfig, Enrollment, SyncClient};
use uuid::Uuid;

const TOKEN: &str = "token-do-administrador-e2e";
const DEMO: DemoConfig = DemoConfig {
    seed: 19,
    customers: 30,
    messages: 20,
};

/// `template` as a new ticket type named `name`, destined to `user` and to `role` (or not),
/// every field written at `stamp` by `origin`.
fn ticket_type(
    template: &SyncRow,
    id: Uuid,
    user: Uuid,
    role: Option<Uuid>,
    stamp: i64,
    origin: Uuid,
) -> SyncRow {
    let mut row = template.clone();
    row.id = id;
    let values = [
        ("name", FieldValue::Text("Tipo inconsistente".into())),
        (
            "destined_user_id",
            FieldValue::Blob(user.as_bytes().to_vec()),
        ),
        (
            "destined_role_id",
            role.map_or(FieldValue::Null, |role| {
                FieldValue::Blob(role.as_bytes().to_vec())
            }),
        ),
    ];
    for (column, value) in values {
        row.fields.insert(
            column.to_owned(),
            FieldVersion {
                value,
                version: Version { stamp, origin },
            },
        );
    }
    for field in row.fields.values_mut() {
        field.version = Version { stamp, origin };
    }
    row
}

#[tokio::test(flavor = "multi_thread")]
async fn an_administrator_sees_a_pulled_row_set_aside_with_its_reason() {
    let postgres = PgServer::shared().expect("PostgreSQL starts (run scripts/setup.sh test)");
    let database_url = postgres.fresh_database().await.expect("a database");
    let server = helpdesk_server::spawn(Config::local(&database_url, TOKEN))
        .await
        .expect("the sync server starts");
    let url = server.url();
    let dir = tempfile::tempdir().expect("temp dir");

    // The provider's administration desktop; the bad row is written into the server's
    // database, and the fix later pushed with the desktop's credential.
    let matriz = dir.path().join("matriz.db");
    let store = Store::open(&matriz).await.expect("store");
    helpdesk_demo::seed(&store, &DEMO).await.expect("demo data");
    let vault = SecretVault::encrypted(
        SecretKey::load_or_create(&SecretKey::path_beside(&matriz)).expect("key"),
    );
    let config = ClientConfig::default();
    let enrollment = Enrollment {
        server_url: &url,
        token: TOKEN,
        name: "Matriz",
        profile: DesktopProfile::Administration,
    };
    helpdesk_sync::register(&store, &vault, enrollment, &config)
        .await
        .expect("registered");
    let credential = sync::load_credential(&store, &vault)
        .await
        .expect("credential");
    let client = SyncClient::new(&url, credential, &config).expect("client");
    helpdesk_sync::sync_once(&store, &AttachmentFiles::beside(&matriz), &client)
        .await
        .expect("synced");
    let rows = sync::snapshot(&store).await.expect("rows");
    let template = rows
        .iter()
        .find(|row| row.table == "ticket_types")
        .expect("a ticket type")
        .clone();
    let user = rows
        .iter()
        .find(|row| row.table == "users")
        .expect("a user")
        .id;
    let role = rows
        .iter()
        .find(|row| row.table == "roles")
        .expect("a role")
        .id;
    let (id, origin) = (Uuid::now_v7(), Uuid::now_v7());
    let bad = ticket_type(&template, id, user, Some(role), store.stamp(), origin);
    // Stored as it is: the server refuses such a row now, but may hold one from before.
    PgServer::store_unchecked(&database_url, &bad)
        .await
        .expect("stored");

    // A desktop that starts empty joins, and its first sync sets the row aside.
    let loja = dir.path().join("loja.db");
    let synced = registered_desktop(&loja, &url, TOKEN, DesktopProfile::Administration, None).await;

    let app = Harness::start("sync_set_aside", &loja).await;
    app.run(async |app: &mut Harness| {
        app.fill("input#login", ADMIN.login).await?;
        app.fill("input#password", &format!("{}\u{E007}", ADMIN.password))
            .await?;
        status_says(app, "1 pendência", None).await?;
        app.click("button#sincronizacao-admin").await?;
        let entry = format!("#pendencias tr[data-id=\"{id}\"]");
        app.text_at(&format!("{entry} td"), "Recebida").await?;
        app.text_at(&entry, "tipos de atendimento").await?;
        app.text_at(
            &format!("{entry} .motivo"),
            "O tipo de atendimento está destinado a um usuário e a um cargo ao mesmo tempo.",
        )
        .await?;
        app.screenshot("pendencias").await;

        // Tried again as it is, it stays aside.
        app.click(&format!("{entry} button.tentar")).await?;
        app.text_at(&format!("{entry} .motivo"), "destinado a um usuário")
            .await?;

        // The fix reaches the server: the next exchange applies it.
        let fixed = ticket_type(&template, id, user, None, store.stamp(), origin);
        client
            .push(vec![fixed])
            .await
            .map_err(|error| error.to_string())?;
        app.click("button#sincronizar-agora").await?;
        status_says(app, "Sincronizado em", Some(&synced)).await?;
        status_lacks(app, "pendência").await?;
        app.click(&format!("{entry} button.tentar")).await?;
        app.text_at("#sem-pendencias", "Nenhuma pendência.").await?;
        app.screenshot("sem-pendencias").await;
        Ok(())
    })
    .await;
    store.close().await;
}
