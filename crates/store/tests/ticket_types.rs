//! Ticket types on a real database: listed by name ignoring case and accents, each with the
//! user or role its tickets go to, a removed user still shown (as removed), deleted types
//! left out.
mod common;

use helpdesk_core::ticket_type::{Assignee, TicketType};
use helpdesk_store::catalog::{self, Destination, NewTicketType};
use helpdesk_store::people;
use helpdesk_store::{ticket_types, Store};
use uuid::Uuid;

async fn ticket_type(store: &Store, name: &str, destination: Destination, sla_hours: i64) -> Uuid {
    catalog::insert_ticket_type(
        store,
        &NewTicketType {
            name: name.into(),
            destination,
            sla_hours,
            sla_calendar: false,
        },
    )
    .await
    .expect("ticket type")
}

/// Soft-deletes or deactivates a row, as an administrator's edit (arriving by sync) would;
/// the store has no repository function for it yet.
async fn set(store: &Store, sql: &str, id: Uuid) {
    let done = sqlx::query(sql)
        .bind(id)
        .execute(store.pool())
        .await
        .expect("update");
    assert_eq!(done.rows_affected(), 1, "{sql}");
}

fn by_name<'a>(types: &'a [TicketType], name: &str) -> &'a TicketType {
    types
        .iter()
        .find(|kind| kind.name == name)
        .unwrap_or_else(|| panic!("{name} listed in {types:?}"))
}

#[tokio::test]
async fn each_type_comes_with_who_its_tickets_go_to() {
    let test = common::open().await;
    let store = &test.store;
    let n2 = catalog::insert_role(store, "Atendente N2", false)
        .await
        .expect("role");
    let juliana = common::user(store, "juliana.ribeiro", "Juliana Ribeiro", n2).await;
    let carlos = common::user(store, "carlos.lima", "Carlos Lima", n2).await;
    let to_user = ticket_type(store, "Mudança de endereço", Destination::User(juliana), 72).await;
    let to_role = ticket_type(store, "Sem conexão", Destination::Role(n2), 4).await;
    let to_nobody = ticket_type(store, "Lentidão", Destination::Nobody, 24).await;
    ticket_type(store, "Financeiro", Destination::User(carlos), 48).await;
    set(store, "UPDATE users SET active = 0 WHERE id = ?1", carlos).await;

    let types = ticket_types::list(store).await.expect("list");
    assert_eq!(types.len(), 4);
    assert_eq!(
        by_name(&types, "Mudança de endereço"),
        &TicketType {
            id: to_user,
            name: "Mudança de endereço".into(),
            assignee: Some(Assignee::User {
                id: juliana,
                name: "Juliana Ribeiro".into(),
                active: true,
            }),
            sla_hours: 72,
            sla_calendar: false,
        }
    );
    assert_eq!(
        by_name(&types, "Sem conexão"),
        &TicketType {
            id: to_role,
            name: "Sem conexão".into(),
            assignee: Some(Assignee::Role {
                id: n2,
                name: "Atendente N2".into(),
            }),
            sla_hours: 4,
            sla_calendar: false,
        }
    );
    let lentidao = by_name(&types, "Lentidão");
    assert_eq!((lentidao.id, &lentidao.assignee), (to_nobody, &None));
    assert!(lentidao.is_assignable());

    // A deactivated user: the type is still listed, with the user shown as removed.
    let financeiro = by_name(&types, "Financeiro");
    assert_eq!(
        financeiro.assignee,
        Some(Assignee::User {
            id: carlos,
            name: "Carlos Lima".into(),
            active: false,
        })
    );
    assert!(!financeiro.is_assignable());
}

#[tokio::test]
async fn a_deleted_user_shows_as_removed_and_a_deleted_role_as_nobody() {
    let test = common::open().await;
    let store = &test.store;
    let n1 = catalog::insert_role(store, "Atendente N1", false)
        .await
        .expect("role");
    let gone = catalog::insert_role(store, "Plantão", false)
        .await
        .expect("role");
    let bruno = common::user(store, "bruno.carvalho", "Bruno Carvalho", n1).await;
    ticket_type(store, "Wi-Fi e roteador", Destination::User(bruno), 24).await;
    ticket_type(store, "Plantão noturno", Destination::Role(gone), 8).await;
    set(store, "UPDATE users SET deleted = 1 WHERE id = ?1", bruno).await;
    set(store, "UPDATE roles SET deleted = 1 WHERE id = ?1", gone).await;

    let types = ticket_types::list(store).await.expect("list");
    assert_eq!(
        by_name(&types, "Wi-Fi e roteador").assignee,
        Some(Assignee::User {
            id: bruno,
            name: "Bruno Carvalho".into(),
            active: false,
        })
    );
    // Tickets of a type whose role was deleted stay with the operator's queue.
    assert_eq!(by_name(&types, "Plantão noturno").assignee, None);
}

#[tokio::test]
async fn deleted_types_are_left_out_and_the_rest_come_by_name() {
    let test = common::open().await;
    let store = &test.store;
    assert_eq!(ticket_types::list(store).await.expect("list"), []);
    for name in [
        "Wi-Fi",
        "instalação",
        "Ágil",
        "Lentidão",
        "Cancelamento",
        "lentidão à noite",
    ] {
        ticket_type(store, name, Destination::Nobody, 24).await;
    }
    let removed = ticket_type(store, "Antigo", Destination::Nobody, 24).await;
    set(
        store,
        "UPDATE ticket_types SET deleted = 1 WHERE id = ?1",
        removed,
    )
    .await;

    let names: Vec<String> = ticket_types::list(store)
        .await
        .expect("list")
        .into_iter()
        .map(|kind| kind.name)
        .collect();
    assert_eq!(
        names,
        [
            "Ágil",
            "Cancelamento",
            "instalação",
            "Lentidão",
            "lentidão à noite",
            "Wi-Fi"
        ]
    );
}

#[tokio::test]
async fn assignees_are_the_active_users_then_the_active_roles_by_name() {
    let test = common::open().await;
    let store = &test.store;
    let tecnico = catalog::insert_role(store, "Técnico", false)
        .await
        .expect("role");
    let atendente = catalog::insert_role(store, "atendente", false)
        .await
        .expect("role");
    let removed_role = catalog::insert_role(store, "Antigo", false)
        .await
        .expect("role");
    let inactive_role = catalog::insert_role(store, "Plantão", false)
        .await
        .expect("role");
    let edson = common::user(store, "edson", "Édson Prado", tecnico).await;
    let ana = common::user(store, "ana", "ana Souza", atendente).await;
    let bruno = common::user(store, "bruno", "Bruno Dias", atendente).await;
    let carla = common::user(store, "carla", "Carla Reis", atendente).await;
    set(store, "UPDATE users SET active = 0 WHERE id = ?1", bruno).await;
    set(store, "UPDATE users SET deleted = 1 WHERE id = ?1", carla).await;
    set(
        store,
        "UPDATE roles SET deleted = 1 WHERE id = ?1",
        removed_role,
    )
    .await;
    set(
        store,
        "UPDATE roles SET active = 0 WHERE id = ?1",
        inactive_role,
    )
    .await;

    let assignees = people::assignees(store).await.expect("assignees");
    let user = |id, name: &str| Assignee::User {
        id,
        name: name.into(),
        active: true,
    };
    let role = |id, name: &str| Assignee::Role {
        id,
        name: name.into(),
    };
    assert_eq!(
        assignees,
        [
            user(ana, "ana Souza"),
            user(edson, "Édson Prado"),
            role(atendente, "atendente"),
            role(tecnico, "Técnico"),
        ]
    );
}
