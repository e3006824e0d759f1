//! A service desktop sends its operators' own password changes: of a `users` row, only the
//! password fields count, and only for a user the server holds who does not administer.
use helpdesk_core::sync::{DesktopProfile, FieldValue, RegistrationResponse, SyncRow};
use uuid::Uuid;

use crate::common::{assert_refused, role, row, text, ticket, TestApp};

const GIVEN_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$ZGFkYQ$givenhash";
const CHOSEN_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$ZXNjb2xoaWRh$chosenhash";

/// The server with an administrative role, a support role, an administrator ("chefe") and
/// an operator ("ana") who must change the password she was given; the administration
/// desktop and a service desktop.
struct Provider {
    app: TestApp,
    admin: RegistrationResponse,
    service: RegistrationResponse,
    administrators: Uuid,
    boss: Uuid,
    ana: Uuid,
}

async fn provider() -> Provider {
    let app = TestApp::start().await;
    let admin = app.register("Administração", &[]).await;
    let service = app
        .register_as("Loja Centro", DesktopProfile::Service, &[])
        .await;
    let (administrators, support) = (Uuid::now_v7(), Uuid::now_v7());
    let (boss, ana) = (Uuid::now_v7(), Uuid::now_v7());
    let origin = admin.device_id;
    let administrative = row(
        "roles",
        administrators,
        origin,
        &[
            ("name", text("Gerência"), 1),
            ("is_administrator", FieldValue::Integer(1), 1),
        ],
    );
    app.push(
        &admin.credential,
        vec![
            administrative,
            role(support, origin, "Suporte N1", 1),
            user(boss, origin, "chefe", administrators, 2),
            user(ana, origin, "ana", support, 2),
        ],
    )
    .await;
    Provider {
        app,
        admin,
        service,
        administrators,
        boss,
        ana,
    }
}

/// A user with the given password, who must change it.
fn user(id: Uuid, origin: Uuid, login: &str, role_id: Uuid, stamp: i64) -> SyncRow {
    row(
        "users",
        id,
        origin,
        &[
            ("login", text(login), stamp),
            ("name", text(login), stamp),
            ("password_hash", text(GIVEN_HASH), stamp),
            ("must_change_password", FieldValue::Integer(1), stamp),
            (
                "role_id",
                FieldValue::Blob(role_id.as_bytes().to_vec()),
                stamp,
            ),
            ("active", FieldValue::Integer(1), stamp),
        ],
    )
}

/// The user `id` having chosen a password on `origin`, who also tries to become `login`,
/// to hold `role_id`, to be renamed and to be deactivated.
fn tampered(id: Uuid, origin: Uuid, login: &str, role_id: Uuid, stamp: i64) -> SyncRow {
    let mut row = user(id, origin, login, role_id, stamp);
    for (name, value) in [
        ("name", text("Outro Nome")),
        ("password_hash", text(CHOSEN_HASH)),
        ("must_change_password", FieldValue::Integer(0)),
        ("active", FieldValue::Integer(0)),
    ] {
        row.fields.get_mut(name).expect("a user's field").value = value;
    }
    row
}

impl Provider {
    /// The user `id` as the administration desktop pulls it.
    async fn user_at_administration(&self, id: Uuid) -> SyncRow {
        self.app
            .pull_all(&self.admin.credential)
            .await
            .into_iter()
            .find(|row| row.table == "users" && row.id == id)
            .expect("user pulled")
    }
}

#[tokio::test]
async fn a_service_desktop_changes_an_operators_password_and_nothing_else() {
    let provider = provider().await;
    let Provider { app, .. } = &provider;
    let origin = provider.service.device_id;
    let changed = tampered(provider.ana, origin, "chefe2", provider.administrators, 5);
    let taken = app.push(&provider.service.credential, vec![changed]).await;
    assert_eq!(taken.changed, 1);

    let ana = provider.user_at_administration(provider.ana).await;
    assert_eq!(ana.value("password_hash"), Some(&text(CHOSEN_HASH)));
    assert_eq!(ana.fields["password_hash"].version.origin, origin);
    assert_eq!(
        ana.value("must_change_password"),
        Some(&FieldValue::Integer(0))
    );
    // What a tampered desktop added to the row is not taken.
    let given = user(
        provider.ana,
        provider.admin.device_id,
        "ana",
        Uuid::nil(),
        2,
    );
    for field in ["login", "name", "active"] {
        assert_eq!(ana.fields[field], given.fields[field], "{field}");
    }
    assert_ne!(
        ana.value("role_id"),
        Some(&FieldValue::Blob(
            provider.administrators.as_bytes().to_vec()
        ))
    );

    // The administration desktop still writes the whole row.
    let renamed = tampered(
        provider.ana,
        provider.admin.device_id,
        "ana.lima",
        provider.administrators,
        6,
    );
    app.push(&provider.admin.credential, vec![renamed]).await;
    let ana = provider.user_at_administration(provider.ana).await;
    assert_eq!(ana.value("login"), Some(&text("ana.lima")));
    assert_eq!(ana.value("active"), Some(&FieldValue::Integer(0)));
}

#[tokio::test]
async fn a_service_desktop_may_not_send_an_administrator_nor_an_unknown_user() {
    let provider = provider().await;
    let Provider { app, .. } = &provider;
    let origin = provider.service.device_id;
    let before = app.count("SELECT count(*) FROM sync_rows").await;
    let stranger = Uuid::now_v7();
    for (taken, (user_id, expected)) in [
        (provider.boss, "a senha de um administrador"),
        (stranger, "um usuário que o servidor não tem"),
    ]
    .into_iter()
    .enumerate()
    {
        // The user claims a role that does not administer: the server's own role counts.
        let changed = tampered(user_id, origin, "chefe", Uuid::now_v7(), 5);
        let protocol = format!("20261128002-00000{taken}");
        let opened = ticket(Uuid::now_v7(), origin, &protocol, "Aberto", 5);
        let answer = app
            .push(&provider.service.credential, vec![opened, changed])
            .await;
        assert_refused(&answer, &[("users", user_id, "user_forbidden")]);
        let message = &answer.refused[0].message;
        assert!(
            message.contains("Atendimento") && message.contains(expected),
            "{message}"
        );
        assert_eq!(
            app.count("SELECT count(*) FROM sync_rows").await,
            before + 1 + i64::try_from(taken).expect("small"),
            "the refused row wrote nothing; its ticket was taken"
        );
    }
    let boss = provider.user_at_administration(provider.boss).await;
    assert_eq!(boss.value("password_hash"), Some(&text(GIVEN_HASH)));
}
