//! "Usuários", passwords and sessions through Tauri's real IPC path: a deactivation or a new
//! role takes effect at the session's next command, a new user must change the first
//! password, the last administrator stays, sign-in is throttled, and the idle lock holds
//! every command until the password is typed.
mod common;

use common::DemoApp;
use helpdesk_api::{ErrorCode, Operator, UserAccount, Uuid};
use helpdesk_core::password::fields as password_fields;
use helpdesk_core::users::{fields, ValidUser};
use helpdesk_demo::{DemoConfig, ADMIN, OPERATOR};
use helpdesk_store::catalog;
use helpdesk_store::user_accounts::{self, SaveUserOutcome};
use serde_json::{json, Value};

const DEMO: DemoConfig = DemoConfig {
    seed: 8,
    customers: 5,
    messages: 5,
};

/// The id of the demo's role `name`.
async fn role(app: &DemoApp, name: &str) -> Uuid {
    sqlx::query_scalar("SELECT id FROM roles WHERE name = ?1")
        .bind(name)
        .fetch_one(app.store().pool())
        .await
        .expect("role")
}

fn user_form(id: Option<Uuid>, login: &str, role_id: Uuid, password: &str) -> Value {
    json!({"id": id, "name": "Maria Lima", "login": login, "email": "maria@conecta.net.br",
           "role_id": role_id, "team_id": null, "password": password})
}

fn sign_in(app: &DemoApp, login: &str, password: &str) -> Result<Value, Value> {
    app.invoke("login", json!({"login": login, "password": password}))
}

#[tokio::test(flavor = "multi_thread")]
async fn a_deactivated_operator_is_signed_out_at_the_next_command() {
    let app = DemoApp::new(&DEMO).await;
    let operator = app.log_in(&OPERATOR);
    app.call::<Value>("my_tasks", ());
    // As an administrator's change arrives (from this desktop or by sync).
    user_accounts::set_active(app.store(), operator.id, false)
        .await
        .expect("deactivated");
    let ended = app.refuse("my_tasks", ());
    assert_eq!(ended.code, ErrorCode::NotAuthenticated);
    assert!(ended.message.contains("desativado"), "{}", ended.message);
    assert_eq!(app.call::<Option<Operator>>("current_operator", ()), None);
    assert_eq!(app.refuse("my_tasks", ()).code, ErrorCode::NotAuthenticated);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_new_role_takes_effect_at_once() {
    let app = DemoApp::new(&DEMO).await;
    let operator = app.log_in(&OPERATOR);
    assert_eq!(app.refuse("list_users", ()).code, ErrorCode::Forbidden);
    let account = user_accounts::account(app.store(), operator.id)
        .await
        .expect("read")
        .expect("there");
    let promoted = ValidUser {
        id: Some(account.id),
        name: account.name,
        login: account.login,
        email: account.email,
        role_id: role(&app, "Administrador").await,
        team_id: account.team_id,
        password: None,
    };
    assert!(matches!(
        user_accounts::save(app.store(), &promoted)
            .await
            .expect("save"),
        SaveUserOutcome::Saved(_)
    ));
    app.call::<Vec<UserAccount>>("list_users", ());
    let now = app
        .call::<Option<Operator>>("current_operator", ())
        .expect("signed in");
    assert!(now.administrator && now.role == "Administrador");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_new_user_must_change_the_first_password_before_anything_else() {
    let app = DemoApp::new(&DEMO).await;
    app.log_in(&ADMIN);
    let role_id = role(&app, "Atendente N1").await;
    let weak = app.refuse(
        "save_user",
        user_form(None, "maria.lima", role_id, "maria.lima1"),
    );
    assert_eq!(weak.field.as_deref(), Some(fields::PASSWORD));
    let taken = app.refuse(
        "save_user",
        user_form(None, "Ana.Souza", role_id, "primeira senha dada"),
    );
    assert_eq!(taken.field.as_deref(), Some(fields::LOGIN));
    let maria: UserAccount = app.call(
        "save_user",
        user_form(None, "maria.lima", role_id, "primeira senha dada"),
    );
    assert!(maria.must_change_password && maria.active);
    let listed: Vec<UserAccount> = app.call("list_users", ());
    assert!(listed.contains(&maria));
    app.log_out();

    let signed_in: Operator = app.call(
        "login",
        json!({"login": "maria.lima", "password": "primeira senha dada"}),
    );
    assert!(signed_in.must_change_password);
    let held = app.refuse("my_tasks", ());
    assert_eq!(held.code, ErrorCode::Forbidden);
    assert_eq!(held.message, "Troque sua senha antes de continuar.");
    let wrong = app.refuse(
        "change_password",
        json!({"current": "errada", "new_password": "a senha da maria",
               "confirmation": "a senha da maria"}),
    );
    assert_eq!(wrong.field.as_deref(), Some(password_fields::CURRENT));
    let common = app.refuse(
        "change_password",
        json!({"current": "primeira senha dada", "new_password": "1q2w3e4r5t",
               "confirmation": "1q2w3e4r5t"}),
    );
    assert_eq!(common.field.as_deref(), Some(password_fields::NEW));
    let changed: Operator = app.call(
        "change_password",
        json!({"current": "primeira senha dada", "new_password": "a senha da maria",
               "confirmation": "a senha da maria"}),
    );
    assert!(!changed.must_change_password);
    app.call::<Value>("my_tasks", ());

    // An administrator's reset: she must change it again.
    app.log_in(&ADMIN);
    let short = app.refuse(
        "reset_password",
        json!({"user_id": maria.id, "password": "curta"}),
    );
    assert_eq!(short.field.as_deref(), Some(fields::PASSWORD));
    let reset: UserAccount = app.call(
        "reset_password",
        json!({"user_id": maria.id, "password": "senha nova dada"}),
    );
    assert!(reset.must_change_password);
    let gone = app.refuse(
        "reset_password",
        json!({"user_id": Uuid::nil(), "password": "senha nova dada"}),
    );
    assert_eq!(gone.code, ErrorCode::NotFound);
    let again: Operator = app.call(
        "login",
        json!({"login": "maria.lima", "password": "senha nova dada"}),
    );
    assert!(again.must_change_password);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_last_administrator_is_neither_deactivated_nor_demoted() {
    let app = DemoApp::empty(|state, _| state).await;
    let rita: Operator = app.call(
        "create_provider",
        json!({"provider_name": "Conecta", "admin_name": "Rita", "login": "rita", "email": "",
               "password": "cavalo bateria grampo", "confirmation": "cavalo bateria grampo"}),
    );
    let desk = catalog::insert_role(app.store(), "Atendente", false)
        .await
        .expect("role");
    let deactivated = app.refuse("set_user_active", json!({"id": rita.id, "active": false}));
    assert!(
        deactivated.message.contains("nenhum administrador ativo"),
        "{}",
        deactivated.message
    );
    let demoted = app.refuse("save_user", user_form(Some(rita.id), "rita", desk, ""));
    assert_eq!(demoted.field.as_deref(), Some(fields::ROLE));
    assert!(demoted.message.contains("nenhum administrador ativo"));
    let still = app
        .call::<Option<Operator>>("current_operator", ())
        .expect("signed in");
    assert!(still.administrator);
    let users: Vec<UserAccount> = app.call("list_users", ());
    assert!(users[0].active && users[0].role_name == "Administrador");
}

#[tokio::test(flavor = "multi_thread")]
async fn five_failed_sign_ins_make_the_next_wait_and_a_success_clears_them() {
    let app = DemoApp::new(&DEMO).await;
    for _ in 0..5 {
        let refused = app.refuse(
            "login",
            json!({"login": OPERATOR.login, "password": "errada"}),
        );
        assert_eq!(refused.message, "Usuário ou senha incorretos.");
    }
    let waiting = app.refuse(
        "login",
        json!({"login": OPERATOR.login, "password": OPERATOR.password}),
    );
    assert_eq!(waiting.field.as_deref(), Some("password"));
    assert!(
        waiting
            .message
            .starts_with("Muitas tentativas sem sucesso. Tente de novo em ")
            && waiting.message.ends_with(" segundos."),
        "{}",
        waiting.message
    );
    // Thirty seconds later (the failures moved back in time).
    sqlx::query("UPDATE login_failures SET last_failure_at = last_failure_at - 30000")
        .execute(app.store().pool())
        .await
        .expect("time passes");
    app.log_in(&OPERATOR);
    let left: i64 = sqlx::query_scalar("SELECT count(*) FROM login_failures")
        .fetch_one(app.store().pool())
        .await
        .expect("count");
    assert_eq!(left, 0);
    assert!(sign_in(&app, OPERATOR.login, "errada").is_err());
    assert!(
        sign_in(&app, OPERATOR.login, OPERATOR.password).is_ok(),
        "one failure is free"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_locked_session_answers_only_its_password() {
    let app = DemoApp::new(&DEMO).await;
    assert_eq!(
        app.refuse("unlock_session", json!(OPERATOR.password))
            .message,
        "Nenhuma sessão bloqueada."
    );
    let operator = app.log_in(&OPERATOR);
    app.call::<()>("lock_session", ());
    let locked = app.refuse("my_tasks", ());
    assert_eq!(locked.code, ErrorCode::SessionLocked);
    assert_eq!(
        app.call::<Option<Operator>>("current_operator", ()),
        Some(operator.clone())
    );
    app.call::<Value>("load_setup_state", ());
    let empty = app.refuse("unlock_session", json!(""));
    assert_eq!(empty.field.as_deref(), Some("password"));
    let wrong = app.refuse("unlock_session", json!("errada"));
    assert_eq!(wrong.code, ErrorCode::InvalidCredentials);
    assert_eq!(app.refuse("my_tasks", ()).code, ErrorCode::SessionLocked);
    let unlocked: Operator = app.call("unlock_session", json!(OPERATOR.password));
    assert_eq!(unlocked, operator);
    app.call::<Value>("my_tasks", ());

    // Signing out of a locked session, and a deactivation while locked.
    app.call::<()>("lock_session", ());
    app.log_out();
    assert_eq!(app.refuse("my_tasks", ()).code, ErrorCode::NotAuthenticated);
    app.log_in(&OPERATOR);
    app.call::<()>("lock_session", ());
    user_accounts::set_active(app.store(), operator.id, false)
        .await
        .expect("deactivated");
    let ended = app.refuse("unlock_session", json!(OPERATOR.password));
    assert_eq!(ended.code, ErrorCode::NotAuthenticated);
    assert_eq!(app.call::<Option<Operator>>("current_operator", ()), None);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_service_desktop_changes_no_user_but_its_operators_change_their_password() {
    let app = DemoApp::new(&DEMO).await;
    app.log_in(&ADMIN);
    sqlx::query(
        "UPDATE sync_state SET server_url = 'https://sync.provedor.com.br', profile = 'service'",
    )
    .execute(app.store().pool())
    .await
    .expect("profile");
    let role_id = role(&app, "Atendente N1").await;
    let refused = app.refuse(
        "save_user",
        user_form(None, "maria.lima", role_id, "primeira senha dada"),
    );
    assert_eq!(refused.code, ErrorCode::Forbidden);
    assert!(
        refused.message.contains("computador de Administração"),
        "{}",
        refused.message
    );
    // Nor an administrator's own password: the server takes a service desktop's password
    // changes only for users who do not administer.
    let own = app.refuse(
        "change_password",
        json!({"current": ADMIN.password, "new_password": "a senha do chefe",
               "confirmation": "a senha do chefe"}),
    );
    assert_eq!(own.code, ErrorCode::Forbidden);
    assert!(
        own.message.contains("computador de Administração"),
        "{}",
        own.message
    );
    let none: i64 = sqlx::query_scalar("SELECT count(*) FROM users WHERE login = 'maria.lima'")
        .fetch_one(app.store().pool())
        .await
        .expect("count");
    assert_eq!(none, 0);
    assert_eq!(
        users_waiting(&app).await,
        app.summary.users as i64,
        "only the demo's own rows wait"
    );
    app.log_out();
    assert!(sign_in(&app, ADMIN.login, ADMIN.password).is_ok());

    // An operator changes theirs: the row waits to be sent (its password fields will count).
    app.log_in(&OPERATOR);
    let changed: Operator = app.call(
        "change_password",
        json!({"current": OPERATOR.password, "new_password": "a senha do operador",
               "confirmation": "a senha do operador"}),
    );
    assert!(!changed.administrator && !changed.must_change_password);
    assert_eq!(users_waiting(&app).await, app.summary.users as i64 + 1);
    app.log_out();
    assert!(sign_in(&app, OPERATOR.login, OPERATOR.password).is_err());
    assert!(sign_in(&app, OPERATOR.login, "a senha do operador").is_ok());
}

/// How many changes to users wait to be sent.
async fn users_waiting(app: &DemoApp) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM sync_outbox WHERE table_name = 'users'")
        .fetch_one(app.store().pool())
        .await
        .expect("count")
}
