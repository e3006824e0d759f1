//! Roles ("Cargos"), teams, operators (users) and technicians; the operators' log-in.
use helpdesk_core::auth::Operator;
use helpdesk_core::text::fold;
use helpdesk_core::ticket_type::Assignee;
use sqlx::{Row, SqliteConnection};
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
    let id = new_id();
    let password = user.password.clone();
    let password_hash = tokio::task::spawn_blocking(move || hash_password(&password)).await??;
    sqlx::query(
        "INSERT INTO users (id, login, name, email, password_hash, role_id, changed_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )
    .bind(id)
    .bind(user.login.trim().to_lowercase())
    .bind(&user.name)
    .bind(&user.email)
    .bind(password_hash)
    .bind(user.role_id)
    .bind(store.stamp())
    .execute(store.pool())
    .await?;
    Ok(id)
}

/// Who tickets and tasks can be given to: the active users, then the roles, each by name
/// ignoring case and accents.
pub async fn assignees(store: &Store) -> Result<Vec<Assignee>> {
    let mut users = sqlx::query_as::<_, (Uuid, String)>(
        "SELECT id, name FROM users WHERE active = 1 AND deleted = 0",
    )
    .fetch_all(store.pool())
    .await?;
    let mut roles =
        sqlx::query_as::<_, (Uuid, String)>("SELECT id, name FROM roles WHERE deleted = 0")
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
    let exists: bool = sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM users)")
        .fetch_one(store.pool())
        .await?;
    Ok(exists)
}

/// The active operator with this login and password, or `None`.
///
/// `login` must already be in stored form (see `Credentials::validate`). An unknown login
/// costs the same hashing work as a wrong password, so timing does not tell them apart.
pub async fn authenticate(store: &Store, login: &str, password: &str) -> Result<Option<Operator>> {
    let row = sqlx::query(
        "SELECT u.id, u.login, u.name, u.password_hash, u.must_change_password,
                r.name AS role, r.is_administrator
         FROM users u JOIN roles r ON r.id = u.role_id
         WHERE u.login = ?1 AND u.active = 1 AND u.deleted = 0",
    )
    .bind(login)
    .fetch_optional(store.pool())
    .await?;
    let stored_hash = match &row {
        Some(row) => row.try_get::<String, _>("password_hash")?,
        None => UNKNOWN_USER_HASH.to_string(),
    };
    let password = password.to_string();
    let matches =
        tokio::task::spawn_blocking(move || verify_password(&password, &stored_hash)).await?;
    match row {
        Some(row) if matches => Ok(Some(Operator {
            id: row.try_get("id")?,
            login: row.try_get("login")?,
            name: row.try_get("name")?,
            role: row.try_get("role")?,
            administrator: row.try_get("is_administrator")?,
            must_change_password: row.try_get("must_change_password")?,
        })),
        _ => Ok(None),
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
