//! "Primeira configuração" through Tauri's real IPC path: a new, empty database creates its
//! provider and administrator once; a demonstration database is never registered with a
//! server; a second empty database joins a real sync server with the token, and a user made
//! on the first desktop signs in there, or changes there the password she was given.
mod common;

use std::time::{Duration, Instant};

use common::sync::{synced, with_worker};
use common::DemoApp;
use helpdesk_api::{ErrorCode, Operator, SetupState, SyncStatus, UserAccount};
use helpdesk_core::setup::fields;
use helpdesk_demo::{DemoConfig, ADMIN};
use helpdesk_server::test_postgres::PgServer;
use helpdesk_server::{Config, RunningServer};
use helpdesk_store::sync;
use serde_json::{json, Value};

const TOKEN: &str = "token-do-administrador-de-teste";
const PASSWORD: &str = "cavalo bateria grampo";
/// The password an administrator gives Maria, and the one she chooses.
const GIVEN: &str = "primeira senha dada";
const CHOSEN: &str = "a senha da maria";

fn provider(password: &str, confirmation: &str) -> Value {
    json!({"provider_name": "Conecta Fibra", "admin_name": "Rita Alves", "login": "Rita",
           "email": "rita@conecta.net.br", "password": password, "confirmation": confirmation})
}

fn registration(server_url: &str, profile: &str) -> Value {
    json!({"server_url": server_url, "enrollment_token": TOKEN, "name": "Loja Centro",
           "profile": profile})
}

#[tokio::test(flavor = "multi_thread")]
async fn a_new_database_creates_its_provider_and_administrator_once() {
    let app = DemoApp::empty(|state, _| state).await;
    let fresh: SetupState = app.call("load_setup_state", ());
    assert!(fresh.needs_setup && !fresh.demo);
    assert_eq!(app.call::<Option<Operator>>("current_operator", ()), None);

    let mismatch = app.refuse("create_provider", provider(PASSWORD, "outra coisa"));
    assert_eq!(mismatch.field.as_deref(), Some(fields::ADMIN_CONFIRMATION));
    let common = app.refuse("create_provider", provider("1234567890", "1234567890"));
    assert_eq!(common.field.as_deref(), Some(fields::ADMIN_PASSWORD));

    let administrator: Operator = app.call("create_provider", provider(PASSWORD, PASSWORD));
    assert_eq!(administrator.login, "rita");
    assert!(administrator.administrator && !administrator.must_change_password);
    // Signed in at once.
    assert_eq!(
        app.call::<Option<Operator>>("current_operator", ()),
        Some(administrator.clone())
    );
    app.call::<Vec<UserAccount>>("list_users", ());
    let state: SetupState = app.call("load_setup_state", ());
    assert!(!state.needs_setup && !state.awaiting_users);
    assert_eq!(state.provider_name.as_deref(), Some("Conecta Fibra"));

    app.log_out();
    let again = app.refuse("create_provider", provider(PASSWORD, PASSWORD));
    assert_eq!(again.code, ErrorCode::Conflict);
    let joined = app.refuse(
        "join_server",
        registration("https://sync.conecta.net.br", "service"),
    );
    assert!(
        joined.message.contains("Sincronização"),
        "{}",
        joined.message
    );
    let signed_in: Operator = app.call("login", json!({"login": "rita", "password": PASSWORD}));
    assert_eq!(signed_in, administrator);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_demonstration_database_is_never_registered() {
    let app = DemoApp::new(&DemoConfig {
        seed: 5,
        customers: 5,
        messages: 5,
    })
    .await;
    let state: SetupState = app.call("load_setup_state", ());
    assert!(state.demo && !state.needs_setup);
    let joined = app.refuse(
        "join_server",
        registration("https://sync.conecta.net.br", "service"),
    );
    app.log_in(&ADMIN);
    let registered = app.refuse(
        "register_desktop",
        registration("https://sync.conecta.net.br", "administration"),
    );
    for refused in [joined, registered] {
        assert_eq!(refused.code, ErrorCode::InvalidInput);
        assert!(
            refused
                .message
                .starts_with("Dados de demonstração não podem ser registrados em um servidor"),
            "{}",
            refused.message
        );
    }
    let status: SyncStatus = app.call("load_sync_status", ());
    assert_eq!(status.server_url, None);
}

/// A real sync server on a fresh database.
async fn sync_server() -> RunningServer {
    let postgres = PgServer::shared().expect("PostgreSQL starts (scripts/setup.sh test)");
    let database_url = postgres.fresh_database().await.expect("database");
    helpdesk_server::spawn(Config::local(&database_url, TOKEN))
        .await
        .expect("sync server")
}

/// The app on a new, empty database, with its sync worker running.
async fn desktop() -> DemoApp {
    let mut worker = None;
    let app = DemoApp::empty(|state, database| with_worker(state, database, &mut worker)).await;
    tokio::spawn(worker.take().expect("worker").run());
    app
}

/// The first desktop, registered as Administração: the provider, its administrator Rita
/// (signed in), and Maria, given a password she must change, of a role that does not
/// administer (a service desktop never gets an administrator's password hash).
async fn administration_desktop(server: &RunningServer) -> (DemoApp, Operator, UserAccount) {
    let first = desktop().await;
    let rita: Operator = first.call("create_provider", provider(PASSWORD, PASSWORD));
    first.call::<SyncStatus>(
        "register_desktop",
        registration(&server.url(), "administration"),
    );
    // Its screen belongs to the catalogs.
    let role_id = helpdesk_store::catalog::insert_role(first.store(), "Atendente", false)
        .await
        .expect("role");
    let maria: UserAccount = first.call(
        "save_user",
        json!({"id": null, "name": "Maria Lima", "login": "maria.lima", "email": "",
               "role_id": role_id, "team_id": null, "password": GIVEN}),
    );
    assert!(maria.must_change_password);
    (first, rita, maria)
}

/// A new, empty desktop joined to `server` as Atendimento with the token alone, once its
/// first exchange brought the users.
async fn service_desktop(server: &RunningServer) -> DemoApp {
    let second = desktop().await;
    assert!(
        second
            .call::<SetupState>("load_setup_state", ())
            .needs_setup
    );
    let joined: SyncStatus = second.call("join_server", registration(&server.url(), "service"));
    assert_eq!(joined.server_url.as_deref(), Some(server.url().as_str()));
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let state = sync::load_state(second.store()).await.expect("sync state");
        if state.last_sync_at.is_some() {
            assert_eq!(state.last_error, None);
            break;
        }
        // Registered: no longer offered the first run, even before the users arrive.
        let waiting: SetupState = second.call("load_setup_state", ());
        assert!(!waiting.needs_setup);
        assert!(Instant::now() < deadline, "never synced");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let arrived: SetupState = second.call("load_setup_state", ());
    assert!(!arrived.awaiting_users && !arrived.needs_setup);
    assert_eq!(arrived.provider_name.as_deref(), Some("Conecta Fibra"));
    second
}

/// Maria signs in on `app` with the password she was given, must change it, and does.
fn maria_chooses_her_password(app: &DemoApp) -> Operator {
    let signed_in: Operator = app.call("login", json!({"login": "maria.lima", "password": GIVEN}));
    assert!(signed_in.must_change_password);
    let changed: Operator = app.call(
        "change_password",
        json!({"current": GIVEN, "new_password": CHOSEN, "confirmation": CHOSEN}),
    );
    assert_eq!(changed.id, signed_in.id);
    assert!(!changed.must_change_password);
    changed
}

/// An exchange of `app` (an operator signed in) asked and completed.
async fn sync_now(app: &DemoApp) {
    let before = app.call::<SyncStatus>("sync_now", ()).last_sync_at;
    synced(app, before).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_second_desktop_joins_with_the_token_and_the_users_sign_in_there() {
    let server = sync_server().await;
    // The first desktop: the provider, registered, and a user who chose her password.
    let (first, rita, maria) = administration_desktop(&server).await;
    first.log_out();
    maria_chooses_her_password(&first);
    sync_now(&first).await;

    // The second desktop, empty, joins with the token alone.
    let second = service_desktop(&server).await;
    let there: Operator = second.call("login", json!({"login": "maria.lima", "password": CHOSEN}));
    assert_eq!(there.id, maria.id);
    assert!(!there.must_change_password);
    assert_ne!(there.id, rita.id);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_password_chosen_on_a_service_desktop_reaches_the_administration_desktop() {
    let server = sync_server().await;
    let (first, _rita, maria) = administration_desktop(&server).await;
    sync_now(&first).await;

    // Maria's first sign-in is on a service desktop: she must change the password there.
    let second = service_desktop(&server).await;
    let changed = maria_chooses_her_password(&second);
    assert_eq!(changed.id, maria.id);
    sync_now(&second).await;

    // The administration desktop pulls it: the new password signs her in, the old does not.
    sync_now(&first).await;
    first.log_out();
    let old = first.refuse("login", json!({"login": "maria.lima", "password": GIVEN}));
    assert_eq!(old.code, ErrorCode::InvalidCredentials);
    let there: Operator = first.call("login", json!({"login": "maria.lima", "password": CHOSEN}));
    assert_eq!(there.id, maria.id);
    assert!(!there.must_change_password);
    let due: i64 =
        sqlx::query_scalar("SELECT must_change_password FROM users WHERE login = 'maria.lima'")
            .fetch_one(first.store().pool())
            .await
            .expect("user");
    assert_eq!(due, 0);
}
