//! Throttled sign-in: the failed tries of each login on this desktop (`login_failures`, not
//! synced) and the wait they impose (`helpdesk_core::auth::remaining_wait_ms`). The one
//! module that writes the table.
//!
//! A try is counted as a failure before the password is checked, in the same transaction as
//! the check of the wait, and forgiven when it succeeds: tries sent at once cannot slip past
//! the count. Unknown logins count the same, so the answers do not tell which logins exist.
//! Failures are forgotten a day after the last one.
use helpdesk_core::auth::{remaining_wait_ms, Operator};

use crate::{people, Result, Store};

/// How long failures are remembered after the last one: a day.
pub const FORGOTTEN_AFTER_MS: i64 = 24 * 3_600_000;

/// How a sign-in went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignInOutcome {
    SignedIn(Operator),
    /// Wrong login or password.
    Refused,
    /// Too many failures: the password was not checked; tries are allowed again after
    /// `remaining_ms`.
    Wait {
        remaining_ms: i64,
    },
}

/// Signs `login` (in stored form) in with `password` at `now` (Unix ms), unless the login
/// must still wait after its failures.
pub async fn sign_in(
    store: &Store,
    login: &str,
    password: &str,
    now: i64,
) -> Result<SignInOutcome> {
    let mut tx = store.pool().begin_with("BEGIN IMMEDIATE").await?;
    // Failures a day old are forgotten, so tries at unknown logins do not pile up.
    sqlx::query("DELETE FROM login_failures WHERE last_failure_at < ?1")
        .bind(now.saturating_sub(FORGOTTEN_AFTER_MS))
        .execute(&mut *tx)
        .await?;
    let failed: Option<(i64, i64)> =
        sqlx::query_as("SELECT failures, last_failure_at FROM login_failures WHERE login = ?1")
            .bind(login)
            .fetch_optional(&mut *tx)
            .await?;
    if let Some((failures, last_failure_at)) = failed {
        let failures = u32::try_from(failures).unwrap_or(u32::MAX);
        if let Some(remaining_ms) = remaining_wait_ms(failures, last_failure_at, now) {
            return Ok(SignInOutcome::Wait { remaining_ms });
        }
    }
    sqlx::query(
        "INSERT INTO login_failures (login, failures, last_failure_at) VALUES (?1, 1, ?2)
         ON CONFLICT (login) DO UPDATE SET failures = failures + 1, last_failure_at = ?2",
    )
    .bind(login)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    let Some(operator) = people::authenticate(store, login, password).await? else {
        return Ok(SignInOutcome::Refused);
    };
    sqlx::query("DELETE FROM login_failures WHERE login = ?1")
        .bind(login)
        .execute(store.pool())
        .await?;
    Ok(SignInOutcome::SignedIn(operator))
}
