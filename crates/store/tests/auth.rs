//! Operators' log-in against a real database.
mod common;

use helpdesk_store::catalog;
use helpdesk_store::people::{self, NewUser};

#[tokio::test]
async fn right_password_logs_in_and_wrong_ones_do_not() {
    let test = common::open().await;
    let s = &test.store;
    assert!(!people::has_users(s).await.expect("query"));
    let role = catalog::insert_role(s, "Atendente N1", false)
        .await
        .expect("role");
    people::insert_user(
        s,
        &NewUser {
            login: "Ana.Souza".into(),
            name: "Ana Souza".into(),
            email: "ana@provedor.com.br".into(),
            password: "suporte123".into(),
            role_id: role,
        },
    )
    .await
    .expect("user");
    assert!(people::has_users(s).await.expect("query"));

    let operator = people::authenticate(s, "ana.souza", "suporte123")
        .await
        .expect("query")
        .expect("logged in");
    assert_eq!(operator.name, "Ana Souza");
    assert_eq!(operator.role, "Atendente N1");

    assert!(people::authenticate(s, "ana.souza", "Suporte123")
        .await
        .expect("query")
        .is_none());
    assert!(people::authenticate(s, "ninguem", "suporte123")
        .await
        .expect("query")
        .is_none());
    assert!(people::authenticate(s, "' OR 1=1 --", "x")
        .await
        .expect("query")
        .is_none());
}

#[tokio::test]
async fn the_stored_password_is_an_argon2_hash() {
    let test = common::open().await;
    let role = catalog::insert_role(&test.store, "Administrador", true)
        .await
        .expect("role");
    people::insert_user(
        &test.store,
        &NewUser {
            login: "admin".into(),
            name: "Admin".into(),
            email: "admin@provedor.com.br".into(),
            password: "admin123".into(),
            role_id: role,
        },
    )
    .await
    .expect("user");
    let hash: String = sqlx::query_scalar("SELECT password_hash FROM users")
        .fetch_one(test.store.pool())
        .await
        .expect("hash");
    assert!(hash.starts_with("$argon2id$"));
    assert!(!hash.contains("admin123"));
}
