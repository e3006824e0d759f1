//! "Primeira configuração": what the window shows before anyone signs in, the creation of
//! the provider with its first administrator, and the mark of a demonstration database
//! (the local setting `demo`, written only by the demo generator).
use helpdesk_core::auth::Operator;
use helpdesk_core::setup::{
    Provider, ProviderSetup, SetupState, DEFAULT_IDLE_LOCK_MINUTES, FIRST_ADMINISTRATOR_ROLE,
};
use sqlx::SqliteConnection;

use crate::people::{self, UserFields};
use crate::{catalog, local_settings, new_id, provider_settings, sync, Result, Store};

/// The local setting that marks a database made by the demo generator.
const DEMO_KEY: &str = "demo";

/// Why the provider was not created.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CreateProviderOutcome {
    /// The first administrator, as they sign in.
    Created(Operator),
    /// The database has users already.
    UsersExist,
    /// The desktop joined a server: its users come from there.
    Registered,
}

/// Marks the database as made by the demo generator (never undone).
pub async fn mark_demo(store: &Store) -> Result<()> {
    let mut conn = store.pool().acquire().await?;
    local_settings::set_in(&mut conn, DEMO_KEY, "1").await
}

/// Whether the demo generator made this database.
pub async fn is_demo(store: &Store) -> Result<bool> {
    Ok(local_settings::get(store, DEMO_KEY).await?.is_some())
}

/// What the window shows before anyone signs in.
pub async fn load_state(store: &Store) -> Result<SetupState> {
    let mut conn = store.pool().acquire().await?;
    let has_users = people::has_users_in(&mut conn).await?;
    let registered = registered_in(&mut conn).await?;
    drop(conn);
    let provider = provider_settings::load(store).await?;
    let awaiting_users = !has_users && registered;
    let sync_error = match awaiting_users {
        true => sync::load_state(store).await?.last_error,
        false => None,
    };
    Ok(SetupState {
        needs_setup: !has_users && !registered,
        awaiting_users,
        sync_error,
        demo: is_demo(store).await?,
        idle_lock_minutes: provider
            .as_ref()
            .map_or(DEFAULT_IDLE_LOCK_MINUTES, |provider| {
                provider.idle_lock_minutes
            }),
        provider_name: provider.map(|provider| provider.name),
        theme: crate::theme::load(store).await?,
    })
}

/// Creates the provider from `setup` (validated by the caller): its settings, the role
/// "Administrador" (administrative) and the first administrator, who chose their own
/// password. One transaction, refused when the database has any user or joined a server.
pub async fn create_provider(
    store: &Store,
    setup: &ProviderSetup,
) -> Result<CreateProviderOutcome> {
    let password_hash = people::hash(&setup.password).await?;
    let mut tx = store.pool().begin_with("BEGIN IMMEDIATE").await?;
    if people::has_users_in(&mut tx).await? {
        return Ok(CreateProviderOutcome::UsersExist);
    }
    if registered_in(&mut tx).await? {
        return Ok(CreateProviderOutcome::Registered);
    }
    let provider = Provider {
        name: setup.provider_name.clone(),
        idle_lock_minutes: DEFAULT_IDLE_LOCK_MINUTES,
    };
    provider_settings::insert_in(&mut tx, store, &provider).await?;
    let role_id = catalog::insert_role_in(&mut tx, store, FIRST_ADMINISTRATOR_ROLE, true).await?;
    let administrator = UserFields {
        id: new_id(),
        login: &setup.login,
        name: &setup.admin_name,
        email: &setup.email,
        role_id,
        team_id: None,
    };
    people::insert_user_in(&mut tx, store, &administrator, &password_hash, false).await?;
    tx.commit().await?;
    Ok(people::active_operator(store, administrator.id)
        .await?
        .map_or(
            CreateProviderOutcome::UsersExist,
            CreateProviderOutcome::Created,
        ))
}

/// Whether this desktop is registered with a sync server.
async fn registered_in(conn: &mut SqliteConnection) -> Result<bool> {
    Ok(
        sqlx::query_scalar("SELECT server_url IS NOT NULL FROM sync_state")
            .fetch_one(conn)
            .await?,
    )
}
