//! "Usuários" against a real database: creating, changing, deactivating, resetting and
//! changing passwords, never leaving the provider without an active administrator; and the
//! throttled sign-in.
mod common;

use helpdesk_core::auth::Operator;
use helpdesk_core::users::ValidUser;
use helpdesk_store::login_failures::{self, SignInOutcome};
use helpdesk_store::user_accounts::{self, ActiveOutcome, PasswordChangeOutcome, SaveUserOutcome};
use helpdesk_store::Store;
use helpdesk_store::{catalog, people};
use uuid::Uuid;

const FIRST_PASSWORD: &str = "primeira senha boa";

/// A store with an administrative role and its one administrator ("chefe", "suporte123"),
/// and a role "Atendente"; the ids of the two roles and the administrator.
async fn office(store: &Store) -> (Uuid, Uuid, Uuid) {
    let admin_role = catalog::insert_role(store, "Gerência", true)
        .await
        .expect("role");
    let desk_role = catalog::insert_role(store, "Atendente", false)
        .await
        .expect("role");
    let chefe = common::user(store, "chefe", "Chefe", admin_role).await;
    (admin_role, desk_role, chefe)
}

fn new_user(login: &str, role_id: Uuid) -> ValidUser {
    ValidUser {
        id: None,
        name: "Maria Lima".into(),
        login: login.into(),
        email: String::new(),
        role_id,
        team_id: None,
        password: Some(FIRST_PASSWORD.into()),
    }
}

async fn saved(store: &Store, user: &ValidUser) -> helpdesk_core::users::UserAccount {
    match user_accounts::save(store, user).await.expect("save") {
        SaveUserOutcome::Saved(account) => account,
        other => panic!("not saved: {other:?}"),
    }
}

async fn sign_in(store: &Store, login: &str, password: &str, now: i64) -> SignInOutcome {
    login_failures::sign_in(store, login, password, now)
        .await
        .expect("sign in")
}

fn signed_in(outcome: SignInOutcome) -> Operator {
    match outcome {
        SignInOutcome::SignedIn(operator) => operator,
        other => panic!("not signed in: {other:?}"),
    }
}

#[tokio::test]
async fn a_new_user_signs_in_with_the_first_password_and_must_change_it() {
    let test = common::open().await;
    let store = &test.store;
    let (_, desk_role, _) = office(store).await;
    let team = catalog::insert_team(store, "Equipe Sul")
        .await
        .expect("team");
    let account = saved(
        store,
        &ValidUser {
            team_id: Some(team),
            ..new_user("maria.lima", desk_role)
        },
    )
    .await;
    assert_eq!(
        (account.role_name.as_str(), account.team_name.as_deref()),
        ("Atendente", Some("Equipe Sul"))
    );
    assert!(account.active && account.must_change_password);

    let operator = signed_in(sign_in(store, "maria.lima", FIRST_PASSWORD, 0).await);
    assert!(operator.must_change_password && !operator.administrator);

    let wrong = user_accounts::change_own_password(store, operator.id, "errada", "outra senha boa")
        .await
        .expect("change");
    assert_eq!(wrong, PasswordChangeOutcome::WrongCurrent);
    let changed =
        user_accounts::change_own_password(store, operator.id, FIRST_PASSWORD, "outra senha boa")
            .await
            .expect("change");
    let PasswordChangeOutcome::Changed(changed) = changed else {
        panic!("not changed: {changed:?}");
    };
    assert!(!changed.must_change_password);
    assert_eq!(
        sign_in(store, "maria.lima", FIRST_PASSWORD, 0).await,
        SignInOutcome::Refused
    );
    signed_in(sign_in(store, "maria.lima", "outra senha boa", 0).await);

    let listed = user_accounts::list(store).await.expect("list");
    let names: Vec<_> = listed.iter().map(|user| user.name.as_str()).collect();
    assert_eq!(names, ["Chefe", "Maria Lima"], "by name");
}

#[tokio::test]
async fn logins_are_unique_ignoring_case_and_roles_must_be_active() {
    let test = common::open().await;
    let store = &test.store;
    let (_, desk_role, _) = office(store).await;
    // "CHEFE" as another desktop could have stored it before logins were lower case.
    sqlx::query("UPDATE users SET login = 'CHEFE'")
        .execute(store.pool())
        .await
        .expect("upper case login");
    assert_eq!(
        user_accounts::save(store, &new_user("chefe", desk_role))
            .await
            .expect("save"),
        SaveUserOutcome::LoginTaken
    );
    assert_eq!(
        user_accounts::save(store, &new_user("maria", Uuid::from_u128(9)))
            .await
            .expect("save"),
        SaveUserOutcome::UnknownRole
    );
    let maria = saved(store, &new_user("maria", desk_role)).await;
    sqlx::query("UPDATE roles SET active = 0 WHERE id = ?1")
        .bind(desk_role)
        .execute(store.pool())
        .await
        .expect("role deactivated");
    // Her role, deactivated since, stays hers when other things change ...
    let renamed = saved(
        store,
        &ValidUser {
            id: Some(maria.id),
            name: "Maria Lima Souza".into(),
            password: None,
            ..new_user("maria", desk_role)
        },
    )
    .await;
    assert_eq!(renamed.name, "Maria Lima Souza");
    // ... but is given to no one else.
    assert_eq!(
        user_accounts::save(store, &new_user("jose", desk_role))
            .await
            .expect("save"),
        SaveUserOutcome::UnknownRole
    );
    assert_eq!(
        user_accounts::save(
            store,
            &ValidUser {
                id: Some(Uuid::from_u128(5)),
                password: None,
                ..new_user("ninguem", desk_role)
            }
        )
        .await
        .expect("save"),
        SaveUserOutcome::NotFound
    );
}

#[tokio::test]
async fn the_last_administrator_is_never_deactivated_nor_made_an_operator() {
    let test = common::open().await;
    let store = &test.store;
    let (admin_role, desk_role, chefe) = office(store).await;
    assert_eq!(
        user_accounts::set_active(store, chefe, false)
            .await
            .expect("deactivate"),
        ActiveOutcome::LastAdministrator
    );
    let as_operator = ValidUser {
        id: Some(chefe),
        name: "Chefe".into(),
        password: None,
        ..new_user("chefe", desk_role)
    };
    assert_eq!(
        user_accounts::save(store, &as_operator)
            .await
            .expect("save"),
        SaveUserOutcome::LastAdministrator
    );
    let unchanged = user_accounts::account(store, chefe)
        .await
        .expect("read")
        .expect("there");
    assert!(
        unchanged.active && unchanged.role_id == admin_role,
        "rolled back"
    );

    // With a second administrator, the first may go.
    let second = saved(store, &new_user("rita", admin_role)).await;
    let ActiveOutcome::Done(gone) = user_accounts::set_active(store, chefe, false)
        .await
        .expect("deactivate")
    else {
        panic!("refused");
    };
    assert!(!gone.active);
    assert_eq!(
        sign_in(store, "chefe", "suporte123", 0).await,
        SignInOutcome::Refused
    );
    assert_eq!(
        people::active_operator(store, chefe).await.expect("read"),
        None
    );
    assert_eq!(
        user_accounts::set_active(store, second.id, false)
            .await
            .expect("deactivate"),
        ActiveOutcome::LastAdministrator
    );
    assert_eq!(
        user_accounts::set_active(store, Uuid::from_u128(3), true)
            .await
            .expect("reactivate"),
        ActiveOutcome::NotFound
    );
}

#[tokio::test]
async fn a_reset_password_works_and_must_be_changed() {
    let test = common::open().await;
    let store = &test.store;
    let (_, _, chefe) = office(store).await;
    let reset = user_accounts::reset_password(store, chefe, "senha dada pelo chefe")
        .await
        .expect("reset")
        .expect("there");
    assert!(reset.must_change_password);
    let operator = signed_in(sign_in(store, "chefe", "senha dada pelo chefe", 0).await);
    assert!(operator.must_change_password && operator.administrator);
    assert_eq!(
        user_accounts::reset_password(store, Uuid::from_u128(4), "senha dada pelo chefe")
            .await
            .expect("reset"),
        None
    );
}

#[tokio::test]
async fn five_failures_make_the_next_tries_wait_even_for_the_right_password() {
    let test = common::open().await;
    let store = &test.store;
    office(store).await;
    let start = 1_000_000;
    for failure in 0..5 {
        assert_eq!(
            sign_in(store, "chefe", "errada", start + failure).await,
            SignInOutcome::Refused
        );
    }
    // The password is not even checked during the wait.
    assert_eq!(
        sign_in(store, "chefe", "suporte123", start + 5_000).await,
        SignInOutcome::Wait {
            remaining_ms: 30_000 - 5_000 + 4
        }
    );
    // After the wait, one more failure doubles it.
    let later = start + 4 + 30_000;
    assert_eq!(
        sign_in(store, "chefe", "errada", later).await,
        SignInOutcome::Refused
    );
    assert_eq!(
        sign_in(store, "chefe", "suporte123", later + 59_999).await,
        SignInOutcome::Wait { remaining_ms: 1 }
    );
    // A success clears the count.
    signed_in(sign_in(store, "chefe", "suporte123", later + 60_000).await);
    let left: i64 = sqlx::query_scalar("SELECT count(*) FROM login_failures")
        .fetch_one(store.pool())
        .await
        .expect("count");
    assert_eq!(left, 0);

    // Unknown logins wait the same: the answers tell no login apart.
    for failure in 0..5 {
        sign_in(store, "ninguem", "errada", start + failure).await;
    }
    assert!(matches!(
        sign_in(store, "ninguem", "errada", start + 10).await,
        SignInOutcome::Wait { .. }
    ));
    // A day after the last failure it is forgotten, and the table does not keep it.
    let next_day = start + 4 + login_failures::FORGOTTEN_AFTER_MS + 1;
    signed_in(sign_in(store, "chefe", "suporte123", next_day).await);
    let kept: i64 = sqlx::query_scalar("SELECT count(*) FROM login_failures")
        .fetch_one(store.pool())
        .await
        .expect("count");
    assert_eq!(kept, 0);
}
