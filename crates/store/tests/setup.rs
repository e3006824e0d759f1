//! "Primeira configuração" against a real database: the state before anyone signs in, the
//! provider created in one transaction, its settings, and the demo's mark.
mod common;

use helpdesk_core::setup::{Provider, ProviderSetup, DEFAULT_IDLE_LOCK_MINUTES};
use helpdesk_store::setup::{self, CreateProviderOutcome};
use helpdesk_store::{catalog, login_failures, provider_settings};

fn provider_setup() -> ProviderSetup {
    ProviderSetup {
        provider_name: "Conecta Fibra".into(),
        admin_name: "Rita Alves".into(),
        login: "rita".into(),
        email: "rita@conecta.net.br".into(),
        password: "cavalo bateria grampo".into(),
        confirmation: "cavalo bateria grampo".into(),
    }
}

async fn count(store: &helpdesk_store::Store, table: &str) -> i64 {
    sqlx::query_scalar(&format!("SELECT count(*) FROM {table}"))
        .fetch_one(store.pool())
        .await
        .expect("count")
}

#[tokio::test]
async fn an_empty_database_creates_its_provider_once() {
    let test = common::open().await;
    let store = &test.store;
    let fresh = setup::load_state(store).await.expect("state");
    assert!(fresh.needs_setup && !fresh.awaiting_users && !fresh.demo);
    assert_eq!(
        (fresh.provider_name, fresh.idle_lock_minutes),
        (None, DEFAULT_IDLE_LOCK_MINUTES)
    );

    let created = setup::create_provider(store, &provider_setup())
        .await
        .expect("create");
    let CreateProviderOutcome::Created(administrator) = created else {
        panic!("not created: {created:?}");
    };
    assert!(administrator.administrator && !administrator.must_change_password);
    assert_eq!(administrator.role, "Administrador");
    let state = setup::load_state(store).await.expect("state");
    assert!(!state.needs_setup && !state.awaiting_users);
    assert_eq!(state.provider_name.as_deref(), Some("Conecta Fibra"));
    assert!(matches!(
        login_failures::sign_in(store, "rita", "cavalo bateria grampo", 0)
            .await
            .expect("sign in"),
        login_failures::SignInOutcome::SignedIn(_)
    ));

    assert_eq!(
        setup::create_provider(store, &provider_setup())
            .await
            .expect("again"),
        CreateProviderOutcome::UsersExist
    );
    assert_eq!(count(store, "users").await, 1);
    assert_eq!(count(store, "provider_settings").await, 1);
}

#[tokio::test]
async fn a_failure_mid_way_leaves_nothing() {
    let test = common::open().await;
    let store = &test.store;
    // A role of the same name (there could be one from before users existed) makes the role's
    // insert fail after the provider's settings were written.
    catalog::insert_role(store, "Administrador", false)
        .await
        .expect("role");
    assert!(setup::create_provider(store, &provider_setup())
        .await
        .is_err());
    assert_eq!(count(store, "provider_settings").await, 0);
    assert_eq!(count(store, "users").await, 0);
    assert!(setup::load_state(store).await.expect("state").needs_setup);
}

#[tokio::test]
async fn a_registered_desktop_awaits_its_users_and_creates_no_provider() {
    let test = common::open().await;
    let store = &test.store;
    sqlx::query("UPDATE sync_state SET server_url = 'https://sync.conecta.net.br'")
        .execute(store.pool())
        .await
        .expect("registered");
    let state = setup::load_state(store).await.expect("state");
    assert!(!state.needs_setup && state.awaiting_users);
    assert_eq!(state.sync_error, None);
    // While the users are awaited, the window says why the exchange failed.
    helpdesk_store::sync::record_error(store, "Servidor fora do ar.")
        .await
        .expect("error");
    let state = setup::load_state(store).await.expect("state");
    assert_eq!(state.sync_error.as_deref(), Some("Servidor fora do ar."));
    assert_eq!(
        setup::create_provider(store, &provider_setup())
            .await
            .expect("create"),
        CreateProviderOutcome::Registered
    );
    assert_eq!(count(store, "users").await, 0);
}

#[tokio::test]
async fn the_provider_settings_keep_one_live_row() {
    let test = common::open().await;
    let store = &test.store;
    assert_eq!(provider_settings::load(store).await.expect("load"), None);
    let first = Provider {
        name: "Conecta".into(),
        idle_lock_minutes: 30,
    };
    provider_settings::save(store, &first).await.expect("save");
    let second = Provider {
        name: "Conecta Fibra".into(),
        idle_lock_minutes: 5,
    };
    provider_settings::save(store, &second).await.expect("save");
    assert_eq!(
        provider_settings::load(store).await.expect("load"),
        Some(second)
    );
    assert_eq!(count(store, "provider_settings").await, 1);
    assert_eq!(
        setup::load_state(store)
            .await
            .expect("state")
            .idle_lock_minutes,
        5
    );
}

#[tokio::test]
async fn the_demo_mark_is_read_back() {
    let test = common::open().await;
    assert!(!setup::is_demo(&test.store).await.expect("read"));
    setup::mark_demo(&test.store).await.expect("mark");
    assert!(setup::load_state(&test.store).await.expect("state").demo);
}
