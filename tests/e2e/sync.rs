//! Sync in the real window: an administrator registers the desktop with a real sync server
//! (in process, over a PostgreSQL the test starts) in "Sincronização"; the status bar says
//! it is synced and the server holds the desktop's data; with the server down, "Sincronizar
//! agora" says so in plain pt-BR and nothing is lost; with it back, it syncs again. The
//! desktop's credential goes to a real OS keyring (GNOME Keyring on a private bus). On a
//! service desktop ("Atendimento"), operators sign in and sync; administrators do not.
use std::net::SocketAddr;

use helpdesk_core::sync::DesktopProfile;
use helpdesk_demo::{DemoConfig, ADMIN, OPERATOR};
use helpdesk_e2e::desktops::registered_desktop;
use helpdesk_e2e::status_bar::status_says;
use helpdesk_e2e::Harness;
use helpdesk_server::test_postgres::PgServer;
use helpdesk_server::{Config, RunningServer};
use helpdesk_store::test_keyring::SecretService;
use helpdesk_store::Store;

const TOKEN: &str = "token-do-administrador-e2e";
const DEMO: DemoConfig = DemoConfig {
    seed: 7,
    customers: 120,
    messages: 200,
};

async fn serve(database_url: &str, at: SocketAddr) -> RunningServer {
    let config = Config {
        listen: at,
        ..Config::local(database_url, TOKEN)
    };
    helpdesk_server::spawn(config)
        .await
        .expect("the sync server starts")
}

async fn customers_on_server(database_url: &str) -> i64 {
    let pool = sqlx::PgPool::connect(database_url)
        .await
        .expect("server database");
    let count = sqlx::query_scalar("SELECT count(*) FROM sync_rows WHERE table_name = 'customers'")
        .fetch_one(&pool)
        .await
        .expect("count");
    pool.close().await;
    count
}

#[tokio::test(flavor = "multi_thread")]
async fn an_administrator_registers_the_desktop_and_sync_shows_in_the_status_bar() {
    let postgres = PgServer::shared().expect("PostgreSQL starts (run scripts/setup.sh test)");
    let database_url = postgres.fresh_database().await.expect("a database");
    let server = serve(&database_url, "127.0.0.1:0".parse().expect("address")).await;
    let address = server.local_addr();
    let url = server.url();
    let server = std::sync::Mutex::new(Some(server));

    let dir = tempfile::tempdir().expect("temp dir");
    let database = dir.path().join("e2e.db");
    let store = Store::open(&database).await.expect("store");
    helpdesk_demo::seed(&store, &DEMO).await.expect("demo data");
    // The demo's data stands here for a provider's own: the mark that refuses registering a
    // demonstration database is taken off (the window cannot do that).
    sqlx::query("DELETE FROM local_settings WHERE key = 'demo'")
        .execute(store.pool())
        .await
        .expect("demo mark removed");
    store.close().await;
    let keyring = SecretService::start(dir.path()).expect("a Secret Service on a private bus");
    let bus = [("DBUS_SESSION_BUS_ADDRESS", keyring.address())];
    let app = Harness::start_with("sync", &database, &bus).await;
    app.run(async |app: &mut Harness| {
        app.fill("input#login", ADMIN.login).await?;
        app.fill("input#password", &format!("{}\u{E007}", ADMIN.password))
            .await?;
        status_says(app, "computador não registrado", None).await?;
        app.gone("button#sincronizar-agora").await?;

        app.click("button#sincronizacao-admin").await?;
        app.text_at("#sync-numero", "001").await?;
        app.fill("input#sync-servidor", "http://sync.provedor.com.br")
            .await?;
        app.fill("input#sync-token", TOKEN).await?;
        app.fill("input#sync-nome", "Loja Centro").await?;
        app.click("button#sync-registrar").await?;
        app.text_at(".field-error[data-field=\"sync-servidor\"]", "https://")
            .await?;
        app.text_at(
            ".field-error[data-field=\"sync-perfil\"]",
            "Escolha o perfil",
        )
        .await?;
        app.fill("input#sync-servidor", &url).await?;
        app.fill("input#sync-token", "token-errado-mas-comprido")
            .await?;
        // The demo's users and roles could never be sent from a service desktop.
        app.click("input#sync-perfil-service").await?;
        app.click("button#sync-registrar").await?;
        app.text_at(
            ".field-error[data-field=\"sync-perfil\"]",
            "Registre-o como Administração",
        )
        .await?;
        app.screenshot("perfil-recusado").await;
        app.click("input#sync-perfil-administration").await?;
        app.click("button#sync-registrar").await?;
        app.text_at(".field-error[data-field=\"sync-token\"]", "token")
            .await?;
        app.fill("input#sync-token", TOKEN).await?;
        app.click("button#sync-registrar").await?;
        app.text_at("#sync-servidor-atual", &url).await?;
        app.text_at("#sync-numero", "002").await?;
        app.text_at("#sync-perfil-atual", "Administração").await?;
        app.screenshot("registrado").await;

        // Registering starts an exchange: the status bar says when it ended.
        let first = status_says(app, "Sincronizado em", None).await?;
        app.screenshot("sincronizado").await;
        let pushed = customers_on_server(&database_url).await;
        if pushed != DEMO.customers as i64 {
            return Err(format!("the server holds {pushed} customers"));
        }

        // The server down: the operator is told, in pt-BR.
        let stopped = server.lock().map_err(|error| error.to_string())?.take();
        if let Some(stopped) = stopped {
            stopped
                .shutdown()
                .await
                .map_err(|error| error.to_string())?;
        }
        app.click("button#sincronizar-agora").await?;
        status_says(app, "Sem conexão com o servidor de sincronização", None).await?;
        app.screenshot("sem-conexao").await;

        // Back: "Sincronizar agora" syncs again.
        let back = serve(&database_url, address).await;
        *server.lock().map_err(|error| error.to_string())? = Some(back);
        app.click("button#sincronizar-agora").await?;
        status_says(app, "Sincronizado em", Some(&first)).await?;
        app.screenshot("sincronizado-de-novo").await;
        Ok(())
    })
    .await;

    // The credential is in the keyring, not in the database.
    let store = Store::open(&database).await.expect("store");
    let stored: String =
        sqlx::query_scalar("SELECT value FROM local_settings WHERE key = 'sync.credential'")
            .fetch_one(store.pool())
            .await
            .expect("the credential's row");
    assert!(stored.starts_with("keyring:"), "{stored}");
    store.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn on_a_service_desktop_operators_sign_in_and_sync_and_administrators_do_not() {
    let postgres = PgServer::shared().expect("PostgreSQL starts (run scripts/setup.sh test)");
    let database_url = postgres.fresh_database().await.expect("a database");
    let server = serve(&database_url, "127.0.0.1:0".parse().expect("address")).await;
    let dir = tempfile::tempdir().expect("temp dir");
    let administration = dir.path().join("administracao.db");
    registered_desktop(
        &administration,
        &server.url(),
        TOKEN,
        DesktopProfile::Administration,
        Some(&DEMO),
    )
    .await;
    let service = dir.path().join("atendimento.db");
    let synced = registered_desktop(
        &service,
        &server.url(),
        TOKEN,
        DesktopProfile::Service,
        None,
    )
    .await;

    let app = Harness::start("sync_service_desktop", &service).await;
    app.run(async |app: &mut Harness| {
        app.fill("input#login", ADMIN.login).await?;
        app.fill("input#password", &format!("{}\u{E007}", ADMIN.password))
            .await?;
        app.text_at(
            ".field-error[data-field=\"password\"]",
            "Usuário ou senha incorretos.",
        )
        .await?;
        app.screenshot("administrador-recusado").await;
        app.fill("input#login", OPERATOR.login).await?;
        app.fill("input#password", &format!("{}\u{E007}", OPERATOR.password))
            .await?;
        app.text_at("#operator-name", OPERATOR.name).await?;
        app.gone("button#sincronizacao-admin").await?;
        // The app's own worker syncs again, as a service desktop.
        status_says(app, "Sincronizado em", Some(&synced)).await?;
        app.screenshot("atendimento-sincronizado").await;
        Ok(())
    })
    .await;
    server.shutdown().await.expect("server stopped");
}
