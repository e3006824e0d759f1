//! "Usuários": the accounts an administrator keeps, and an operator's own password. Each
//! change is one `BEGIN IMMEDIATE` transaction of `people`'s writes, checked inside it;
//! users are never deleted (tickets keep who did what), only deactivated.
use helpdesk_core::auth::Operator;
use helpdesk_core::text::fold;
use helpdesk_core::users::{UserAccount, ValidUser};
use sqlx::SqliteConnection;
use uuid::Uuid;

use crate::people::{self, UserFields};
use crate::{new_id, Result, Store};

/// A user created or changed, or why not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveUserOutcome {
    Saved(UserAccount),
    /// Another user has this login (ignoring case).
    LoginTaken,
    /// The role chosen was removed or deactivated.
    UnknownRole,
    /// The team chosen was removed or deactivated.
    UnknownTeam,
    /// The user changed does not exist.
    NotFound,
    /// The change leaves no active administrator.
    LastAdministrator,
}

/// A user deactivated or reactivated, or why not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActiveOutcome {
    Done(UserAccount),
    NotFound,
    /// Deactivating would leave no active administrator.
    LastAdministrator,
}

/// An operator's own password changed, or why not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PasswordChangeOutcome {
    /// The operator as they are now (no longer bound to change it).
    Changed(Operator),
    WrongCurrent,
    /// The account was deactivated meanwhile.
    NotFound,
}

const ACCOUNT_SELECT: &str = "SELECT u.id, u.login, u.name, u.email, u.role_id,
            r.name AS role_name, u.team_id, t.name AS team_name, u.active,
            u.must_change_password
     FROM users u JOIN roles r ON r.id = u.role_id LEFT JOIN teams t ON t.id = u.team_id";

/// Every user, active or not, by name (ignoring case and accents).
pub async fn list(store: &Store) -> Result<Vec<UserAccount>> {
    let mut accounts: Vec<UserAccount> =
        sqlx::query_as::<_, AccountRow>(&format!("{ACCOUNT_SELECT} WHERE u.deleted = 0"))
            .fetch_all(store.pool())
            .await?
            .into_iter()
            .map(AccountRow::into_account)
            .collect();
    accounts.sort_by_cached_key(|account| (fold(&account.name), account.login.clone()));
    Ok(accounts)
}

/// The user `id`, if there is one.
pub async fn account(store: &Store, id: Uuid) -> Result<Option<UserAccount>> {
    let mut conn = store.pool().acquire().await?;
    account_in(&mut conn, id).await
}

async fn account_in(conn: &mut SqliteConnection, id: Uuid) -> Result<Option<UserAccount>> {
    let row = sqlx::query_as::<_, AccountRow>(&format!(
        "{ACCOUNT_SELECT} WHERE u.id = ?1 AND u.deleted = 0"
    ))
    .bind(id)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(AccountRow::into_account))
}

/// Creates `user` (who must change the first password at the first sign-in) or changes it.
pub async fn save(store: &Store, user: &ValidUser) -> Result<SaveUserOutcome> {
    let password_hash = match &user.password {
        Some(password) => Some(people::hash(password).await?),
        None => None,
    };
    let mut tx = store.pool().begin_with("BEGIN IMMEDIATE").await?;
    let current = match user.id {
        None => None,
        Some(id) => match account_in(&mut tx, id).await? {
            Some(account) => Some(account),
            None => return Ok(SaveUserOutcome::NotFound),
        },
    };
    if login_taken(&mut tx, &user.login, user.id).await? {
        return Ok(SaveUserOutcome::LoginTaken);
    }
    // A role or team deactivated since it was given stays on the user, but is not chosen anew.
    let keeps_role = current.as_ref().is_some_and(|c| c.role_id == user.role_id);
    if !keeps_role && !usable(&mut tx, Catalog::Roles, user.role_id).await? {
        return Ok(SaveUserOutcome::UnknownRole);
    }
    if let Some(team_id) = user.team_id {
        let keeps_team = current.as_ref().is_some_and(|c| c.team_id == Some(team_id));
        if !keeps_team && !usable(&mut tx, Catalog::Teams, team_id).await? {
            return Ok(SaveUserOutcome::UnknownTeam);
        }
    }
    let fields = UserFields {
        id: user.id.unwrap_or_else(new_id),
        login: &user.login,
        name: &user.name,
        email: &user.email,
        role_id: user.role_id,
        team_id: user.team_id,
    };
    match password_hash {
        // A new user: the administrator chose the password, the user changes it.
        Some(password_hash) if current.is_none() => {
            people::insert_user_in(&mut tx, store, &fields, &password_hash, true).await?;
        }
        _ => {
            if !people::update_user_in(&mut tx, store, &fields).await? {
                return Ok(SaveUserOutcome::NotFound);
            }
            if people::administrators_left_in(&mut tx).await? == 0 {
                return Ok(SaveUserOutcome::LastAdministrator);
            }
        }
    }
    let saved = account_in(&mut tx, fields.id).await?;
    tx.commit().await?;
    Ok(saved.map_or(SaveUserOutcome::NotFound, SaveUserOutcome::Saved))
}

/// Deactivates or reactivates the user `id`; never the last active administrator.
pub async fn set_active(store: &Store, id: Uuid, active: bool) -> Result<ActiveOutcome> {
    let mut tx = store.pool().begin_with("BEGIN IMMEDIATE").await?;
    if !people::set_user_active_in(&mut tx, store, id, active).await? {
        return Ok(ActiveOutcome::NotFound);
    }
    if people::administrators_left_in(&mut tx).await? == 0 {
        return Ok(ActiveOutcome::LastAdministrator);
    }
    let account = account_in(&mut tx, id).await?;
    tx.commit().await?;
    Ok(account.map_or(ActiveOutcome::NotFound, ActiveOutcome::Done))
}

/// Gives the user `id` a new password (checked by the caller against the policy), which they
/// must change at their next sign-in; `None` when there is no such user.
pub async fn reset_password(
    store: &Store,
    id: Uuid,
    password: &str,
) -> Result<Option<UserAccount>> {
    let password_hash = people::hash(password).await?;
    let mut tx = store.pool().begin_with("BEGIN IMMEDIATE").await?;
    if !people::set_password_in(&mut tx, store, id, &password_hash, true).await? {
        return Ok(None);
    }
    let account = account_in(&mut tx, id).await?;
    tx.commit().await?;
    Ok(account)
}

/// The active operator `id` changes their own password from `current` to `new_password`
/// (checked by the caller against the policy); the obligation to change it ends.
pub async fn change_own_password(
    store: &Store,
    id: Uuid,
    current: &str,
    new_password: &str,
) -> Result<PasswordChangeOutcome> {
    let stored_hash: Option<String> = sqlx::query_scalar(
        "SELECT password_hash FROM users WHERE id = ?1 AND active = 1 AND deleted = 0",
    )
    .bind(id)
    .fetch_optional(store.pool())
    .await?;
    let Some(stored_hash) = stored_hash else {
        return Ok(PasswordChangeOutcome::NotFound);
    };
    if !people::verify(current, &stored_hash).await? {
        return Ok(PasswordChangeOutcome::WrongCurrent);
    }
    let password_hash = people::hash(new_password).await?;
    let mut tx = store.pool().begin_with("BEGIN IMMEDIATE").await?;
    if !people::set_password_in(&mut tx, store, id, &password_hash, false).await? {
        return Ok(PasswordChangeOutcome::NotFound);
    }
    tx.commit().await?;
    Ok(people::active_operator(store, id).await?.map_or(
        PasswordChangeOutcome::NotFound,
        PasswordChangeOutcome::Changed,
    ))
}

/// Whether another user than `except` has `login`, ignoring case (deactivated users too:
/// a login is never given twice).
async fn login_taken(
    conn: &mut SqliteConnection,
    login: &str,
    except: Option<Uuid>,
) -> Result<bool> {
    Ok(sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM users WHERE lower(login) = lower(?1) AND id IS NOT ?2)",
    )
    .bind(login)
    .bind(except)
    .fetch_one(conn)
    .await?)
}

/// The catalogs a user refers to.
#[derive(Debug, Clone, Copy)]
enum Catalog {
    Roles,
    Teams,
}

/// Whether the role or team `id` exists and is active.
async fn usable(conn: &mut SqliteConnection, table: Catalog, id: Uuid) -> Result<bool> {
    let sql = match table {
        Catalog::Roles => {
            "SELECT EXISTS (SELECT 1 FROM roles WHERE id = ?1 AND active = 1 AND deleted = 0)"
        }
        Catalog::Teams => {
            "SELECT EXISTS (SELECT 1 FROM teams WHERE id = ?1 AND active = 1 AND deleted = 0)"
        }
    };
    Ok(sqlx::query_scalar(sql).bind(id).fetch_one(conn).await?)
}

#[derive(sqlx::FromRow)]
struct AccountRow {
    id: Uuid,
    login: String,
    name: String,
    email: String,
    role_id: Uuid,
    role_name: String,
    team_id: Option<Uuid>,
    team_name: Option<String>,
    active: bool,
    must_change_password: bool,
}

impl AccountRow {
    fn into_account(self) -> UserAccount {
        UserAccount {
            id: self.id,
            login: self.login,
            name: self.name,
            email: self.email,
            role_id: self.role_id,
            role_name: self.role_name,
            team_id: self.team_id,
            team_name: self.team_name,
            active: self.active,
            must_change_password: self.must_change_password,
        }
    }
}
