//! Operators (users) and their log-in. The one module that writes `users` (the
//! administrator's changes are transactions of [`crate::user_accounts`] made of the `_in`
//! writes here).
use helpdesk_core::auth::Operator;
use helpdesk_core::text::fold;
use helpdesk_core::ticket_type::Assignee;
use sqlx::SqliteConnection;
use uuid::Uuid;

use crate::{hash_password, new_id, verify_password, Result, Store};

/// An operator account to create.
#[derive(Debug, Clone)]
pub struct NewUser {
    pub login: String,
    pub name: String,
    pub email: String,
    pub password: String,
    pub role_id: Uuid,
}

/// Creates an operator account, hashing the password, and returns its id.
pub async fn insert_user(store: &Store, user: &NewUser) -> Result<Uuid> {
    let password_hash = hash(&user.password).await?;
    let login = user.login.trim().to_lowercase();
    let fields = UserFields {
        id: new_id(),
        login: &login,
        name: &user.name,
        email: &user.email,
        role_id: user.role_id,
        team_id: None,
    };
    let mut conn = store.pool().acquire().await?;
    insert_user_in(&mut conn, store, &fields, &password_hash, false).await?;
    Ok(fields.id)
}

/// Creates an operator account on `conn` (the caller's transaction) with its password
/// already hashed; `must_change_password` when an administrator chose the password.
pub async fn insert_user_in(
    conn: &mut SqliteConnection,
    store: &Store,
    user: &UserFields<'_>,
    password_hash: &str,
    must_change_password: bool,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO users (id, login, name, email, password_hash, role_id, team_id,
                            must_change_password, changed_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )
    .bind(user.id)
    .bind(user.login)
    .bind(user.name)
    .bind(user.email)
    .bind(password_hash)
    .bind(user.role_id)
    .bind(user.team_id)
    .bind(must_change_password)
    .bind(store.stamp())
    .execute(conn)
    .await?;
    Ok(())
}

/// A user's row but for the password: what an administrator gives and changes (the login
/// in stored form).
#[derive(Debug, Clone)]
pub struct UserFields<'a> {
    pub id: Uuid,
    pub login: &'a str,
    pub name: &'a str,
    pub email: &'a str,
    pub role_id: Uuid,
    pub team_id: Option<Uuid>,
}

/// Changes a user on `conn` (the caller's transaction); `false` when there is no such user.
pub async fn update_user_in(
    conn: &mut SqliteConnection,
    store: &Store,
    user: &UserFields<'_>,
) -> Result<bool> {
    let updated = sqlx::query(
        "UPDATE users SET login = ?2, name = ?3, email = ?4, role_id = ?5, team_id = ?6,
                          changed_at = ?7
         WHERE id = ?1 AND deleted = 0",
    )
    .bind(user.id)
    .bind(user.login)
    .bind(user.name)
    .bind(user.email)
    .bind(user.role_id)
    .bind(user.team_id)
    .bind(store.stamp())
    .execute(conn)
    .await?;
    Ok(updated.rows_affected() > 0)
}

/// Deactivates or reactivates a user on `conn`; `false` when there is no such user.
pub async fn set_user_active_in(
    conn: &mut SqliteConnection,
    store: &Store,
    id: Uuid,
    active: bool,
) -> Result<bool> {
    let updated =
        sqlx::query("UPDATE users SET active = ?2, changed_at = ?3 WHERE id = ?1 AND deleted = 0")
            .bind(id)
            .bind(active)
            .bind(store.stamp())
            .execute(conn)
            .await?;
    Ok(updated.rows_affected() > 0)
}

/// Gives a user a new password (already hashed) on `conn`, which they must change at their
/// next sign-in when `must_change_password`; `false` when there is no such user.
pub async fn set_password_in(
    conn: &mut SqliteConnection,
    store: &Store,
    id: Uuid,
    password_hash: &str,
    must_change_password: bool,
) -> Result<bool> {
    let updated = sqlx::query(
        "UPDATE users SET password_hash = ?2, must_change_password = ?3, changed_at = ?4
         WHERE id = ?1 AND deleted = 0",
    )
    .bind(id)
    .bind(password_hash)
    .bind(must_change_password)
    .bind(store.stamp())
    .execute(conn)
    .await?;
    Ok(updated.rows_affected() > 0)
}

/// `password` hashed for storage, on a blocking thread (Argon2id is slow on purpose).
pub async fn hash(password: &str) -> Result<String> {
    let password = password.to_owned();
    tokio::task::spawn_blocking(move || hash_password(&password)).await?
}

/// Who tickets and tasks can be given to: the active users, then the roles, each by name
/// ignoring case and accents.
pub async fn assignees(store: &Store) -> Result<Vec<Assignee>> {
    let mut users = sqlx::query_as::<_, (Uuid, String)>(
        "SELECT id, name FROM users WHERE active = 1 AND deleted = 0",
    )
    .fetch_all(store.pool())
    .await?;
    let mut roles = sqlx::query_as::<_, (Uuid, String)>(
        "SELECT id, name FROM roles WHERE active = 1 AND deleted = 0",
    )
    .fetch_all(store.pool())
    .await?;
    users.sort_by_cached_key(|(_, name)| (fold(name), name.clone()));
    roles.sort_by_cached_key(|(_, name)| (fold(name), name.clone()));
    let users = users.into_iter().map(|(id, name)| Assignee::User {
        id,
        name,
        active: true,
    });
    let roles = roles
        .into_iter()
        .map(|(id, name)| Assignee::Role { id, name });
    Ok(users.chain(roles).collect())
}

/// How many active users of an active administrative role are left, on the caller's
/// transaction: a change that leaves none (the last administrator deactivated, a role no
/// longer administrative) is rolled back by its caller.
pub async fn administrators_left_in(conn: &mut SqliteConnection) -> Result<i64> {
    let count = sqlx::query_scalar(
        "SELECT count(*) FROM users u JOIN roles r ON r.id = u.role_id
         WHERE u.active = 1 AND u.deleted = 0
           AND r.is_administrator = 1 AND r.active = 1 AND r.deleted = 0",
    )
    .fetch_one(conn)
    .await?;
    Ok(count)
}

/// Whether any operator account exists (a new database has none until it is seeded).
pub async fn has_users(store: &Store) -> Result<bool> {
    let mut conn = store.pool().acquire().await?;
    has_users_in(&mut conn).await
}

/// [`has_users`] on `conn` (the caller's transaction).
pub async fn has_users_in(conn: &mut SqliteConnection) -> Result<bool> {
    Ok(sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM users)")
        .fetch_one(conn)
        .await?)
}

/// The active operator with this login and password, or `None`.
///
/// `login` must already be in stored form (see `Credentials::validate`). An unknown login
/// costs the same hashing work as a wrong password, so timing does not tell them apart.
pub async fn authenticate(store: &Store, login: &str, password: &str) -> Result<Option<Operator>> {
    let row = sqlx::query_as::<_, OperatorRow>(&format!(
        "{OPERATOR_SELECT} WHERE u.login = ?1 AND u.active = 1 AND u.deleted = 0"
    ))
    .bind(login)
    .fetch_optional(store.pool())
    .await?;
    let stored_hash = row
        .as_ref()
        .map_or(UNKNOWN_USER_HASH, |row| &row.password_hash);
    if verify(password, stored_hash).await? {
        Ok(row.map(OperatorRow::into_operator))
    } else {
        Ok(None)
    }
}

/// The operator `id` as the store has them now, while their account is active: what a
/// session re-reads on every command (one look-up by primary key).
pub async fn active_operator(store: &Store, id: Uuid) -> Result<Option<Operator>> {
    let row = sqlx::query_as::<_, OperatorRow>(&format!(
        "{OPERATOR_SELECT} WHERE u.id = ?1 AND u.active = 1 AND u.deleted = 0"
    ))
    .bind(id)
    .fetch_optional(store.pool())
    .await?;
    Ok(row.map(OperatorRow::into_operator))
}

/// Whether `password` matches `stored_hash`, on a blocking thread.
pub(crate) async fn verify(password: &str, stored_hash: &str) -> Result<bool> {
    let (password, stored_hash) = (password.to_owned(), stored_hash.to_owned());
    Ok(tokio::task::spawn_blocking(move || verify_password(&password, &stored_hash)).await?)
}

const OPERATOR_SELECT: &str =
    "SELECT u.id, u.login, u.name, u.password_hash, u.must_change_password,
            r.name AS role, r.is_administrator, r.edits_customers
     FROM users u JOIN roles r ON r.id = u.role_id";

#[derive(sqlx::FromRow)]
struct OperatorRow {
    id: Uuid,
    login: String,
    name: String,
    password_hash: String,
    must_change_password: bool,
    role: String,
    is_administrator: bool,
    edits_customers: bool,
}

impl OperatorRow {
    fn into_operator(self) -> Operator {
        Operator {
            id: self.id,
            login: self.login,
            name: self.name,
            role: self.role,
            administrator: self.is_administrator,
            edits_customers: self.edits_customers,
            must_change_password: self.must_change_password,
        }
    }
}

/// A valid Argon2id hash of a random password nobody knows, verified for unknown logins.
const UNKNOWN_USER_HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$Zc2bKj1Ue0eA1ycXyQKjyXm2Mun7d5p6ZVL6o1Kd1+w";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_unknown_user_hash_is_a_real_hash() {
        assert!(argon2::PasswordHash::new(UNKNOWN_USER_HASH).is_ok());
        assert!(!verify_password("", UNKNOWN_USER_HASH));
    }
}
