//! Three desktops work offline on the same customers and tickets, with conflicting edits
//! and visits of the same technician at the same hour; after syncing in any order, all
//! three and the server hold the same rows, and no protocol number repeats. B is a service
//! desktop: it holds the same rows but the administrators' password hashes.
mod common;

use std::collections::BTreeSet;

use common::desk::{edit_customer, new_ticket, shared, Shared};
use common::{assert_same, Central, Desktop};
use helpdesk_core::contact::NewContact;
use helpdesk_core::contract::ContractForm;
use helpdesk_core::sync::{DesktopProfile, WITHHELD_PASSWORD_HASH};
use helpdesk_core::ticket::TicketStatus;
use helpdesk_core::ticket_type::Assignee;
use helpdesk_core::ticket_update::TicketAction;
use helpdesk_demo::DemoConfig;
use helpdesk_store::ticket_updates::{self, UpdateOutcome};
use helpdesk_store::{
    contacts, contracts, email_templates, now_millis, protocols, work_orders, Store,
};
use uuid::Uuid;

const DEMO: DemoConfig = DemoConfig {
    seed: 23,
    customers: 40,
    messages: 80,
};

async fn update(store: &Store, shared: &Shared, action: TicketAction) {
    let outcome =
        ticket_updates::apply(store, shared.ticket, &action, shared.operator, now_millis())
            .await
            .expect("update");
    assert!(matches!(outcome, UpdateOutcome::Done(_)), "{outcome:?}");
}

async fn edit_template(store: &Store, id: Uuid, subject: Option<&str>, body: Option<&str>) {
    let mut template = email_templates::find(store, id)
        .await
        .expect("find")
        .expect("template");
    if let Some(subject) = subject {
        template.subject = subject.into();
    }
    if let Some(body) = body {
        template.body = body.into();
    }
    email_templates::save(store, &template)
        .await
        .expect("template saved");
}

/// How many users on `desktop` came without their password hash.
async fn withheld(desktop: &Desktop) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM users WHERE password_hash = ?1")
        .bind(WITHHELD_PASSWORD_HASH)
        .fetch_one(desktop.store.pool())
        .await
        .expect("count")
}

#[tokio::test(flavor = "multi_thread")]
async fn three_offline_desktops_converge_whatever_the_order_of_their_syncs() {
    let central = Central::start().await;
    let a = Desktop::with_demo(&DEMO).await;
    let before_registering = protocols::issued(&a.store).await.expect("issued");
    assert!(!before_registering.is_empty());
    assert_eq!(a.register(&central, "Loja Centro").await.desktop_number, 2);
    a.sync().await;
    let (b, c) = (Desktop::new().await, Desktop::new().await);
    let registered_b = b
        .try_register(&central.url(), "Loja Norte", DesktopProfile::Service)
        .await
        .expect("B registered");
    assert_eq!(registered_b.desktop_number, 3);
    assert_eq!(c.register(&central, "Plantão").await.desktop_number, 4);
    b.sync().await;
    c.sync().await;
    let first = a.rows().await;
    let as_service_reads = central.rows_for(DesktopProfile::Service).await;
    assert_same(&as_service_reads, &b.rows().await, "B after its first sync");
    assert_same(&first, &c.rows().await, "C after its first sync");
    assert_same(&first, &central.rows().await, "the server");
    assert!(withheld(&b).await >= 1, "B has no administrator's hash");
    assert_eq!(withheld(&a).await, 0);

    // Offline: the same customer, ticket and template edited on all three, and two visits
    // of the same technician at the same hour.
    let shared = shared(&a.store).await;
    let events_before: i64 =
        sqlx::query_scalar("SELECT count(*) FROM ticket_events WHERE ticket_id = ?1")
            .bind(shared.ticket)
            .fetch_one(a.store.pool())
            .await
            .expect("events");
    edit_customer(&a.store, shared.customer, "city", "Sumaré").await;
    let sumare = a.rows().await[&("customers".to_owned(), shared.customer)].fields["city"]
        .version
        .stamp;
    update(
        &a.store,
        &shared,
        TicketAction::ChangeStatus {
            status: TicketStatus::Resolved,
        },
    )
    .await;
    edit_template(&a.store, shared.template, Some("Assunto de A"), None).await;
    let from_a = new_ticket(
        &a.store,
        &shared,
        "Sem sinal na ONU",
        Some(shared.slot),
        Vec::new(),
    )
    .await;

    edit_customer(&b.store, shared.customer, "street", "Avenida Brasil").await;
    let role = sqlx::query_scalar("SELECT id FROM roles ORDER BY name LIMIT 1")
        .fetch_one(b.store.pool())
        .await
        .expect("a role");
    let role_name: String = sqlx::query_scalar("SELECT name FROM roles WHERE id = ?1")
        .bind(role)
        .fetch_one(b.store.pool())
        .await
        .expect("its name");
    update(
        &b.store,
        &shared,
        TicketAction::Reassign {
            assignee: Assignee::Role {
                id: role,
                name: role_name,
            },
        },
    )
    .await;
    let from_b = new_ticket(
        &b.store,
        &shared,
        "Lentidão à noite",
        Some(shared.slot),
        Vec::new(),
    )
    .await;
    contacts::insert(
        &b.store,
        Uuid::nil(),
        &NewContact {
            customer_id: shared.customer,
            name: "Síndico".into(),
            phone: "(19) 99876-5432".into(),
            email: "sindico@example.com".into(),
            relation: "Condomínio".into(),
        },
    )
    .await
    .expect("contact")
    .expect("the customer exists");
    // A contract added on the service desktop, with its change line.
    let (plan, point): (Uuid, Uuid) = sqlx::query_as(
        "SELECT (SELECT id FROM plans WHERE active = 1 LIMIT 1),
                (SELECT id FROM routing_points WHERE active = 1 LIMIT 1)",
    )
    .fetch_one(b.store.pool())
    .await
    .expect("a plan and a routing point");
    let contract = ContractForm {
        customer_id: shared.customer,
        plan_id: Some(plan),
        routing_point_id: Some(point),
        login: "contrato.de.b".into(),
        installed_on: "2026-12-04".into(),
        ..ContractForm::default()
    };
    assert_eq!(
        contracts::save(&b.store, Uuid::nil(), &contract, "2026-12-04")
            .await
            .expect("contract"),
        contracts::SaveOutcome::Saved(shared.customer)
    );

    // C's edit is the later one by the clocks that order writes, not only by the test's
    // order: the desktops' clocks follow the server's only to within tens of milliseconds.
    while c.store.stamp() <= sumare {
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
    edit_customer(&c.store, shared.customer, "city", "Valinhos").await;
    edit_template(
        &c.store,
        shared.template,
        None,
        Some("Corpo de C: {protocolo}"),
    )
    .await;
    let from_c = new_ticket(
        &c.store,
        &shared,
        "Troca de senha do Wi-Fi",
        None,
        Vec::new(),
    )
    .await;

    // Synced in an arbitrary order, then once more so everyone sees everyone's changes.
    for desktop in [&c, &a, &b, &c, &a] {
        desktop.sync().await;
    }
    let on_a = a.rows().await;
    assert_same(&on_a, &c.rows().await, "A and C");
    assert_same(&on_a, &central.rows().await, "A and the server");
    assert_same(
        &central.rows_for(DesktopProfile::Service).await,
        &b.rows().await,
        "B and the server, as B may read it",
    );

    for desktop in [&a, &b, &c] {
        let (city, street): (String, String) =
            sqlx::query_as("SELECT city, street FROM customers WHERE id = ?1")
                .bind(shared.customer)
                .fetch_one(desktop.store.pool())
                .await
                .expect("customer");
        assert_eq!(
            (city.as_str(), street.as_str()),
            ("Valinhos", "Avenida Brasil"),
            "the latest write of each field"
        );
        let (status, assigned_role): (String, Option<Uuid>) =
            sqlx::query_as("SELECT status, assigned_role_id FROM tickets WHERE id = ?1")
                .bind(shared.ticket)
                .fetch_one(desktop.store.pool())
                .await
                .expect("ticket");
        assert_eq!((status.as_str(), assigned_role), ("Resolvido", Some(role)));
        let events: i64 =
            sqlx::query_scalar("SELECT count(*) FROM ticket_events WHERE ticket_id = ?1")
                .bind(shared.ticket)
                .fetch_one(desktop.store.pool())
                .await
                .expect("events");
        assert_eq!(events, events_before + 2, "both histories kept");
        let (contracts, lines): (i64, i64) = sqlx::query_as(
            "SELECT (SELECT count(*) FROM customer_plans WHERE login = 'contrato.de.b'),
                    (SELECT count(*) FROM customer_changes WHERE customer_id = ?1)",
        )
        .bind(shared.customer)
        .fetch_one(desktop.store.pool())
        .await
        .expect("contract");
        assert_eq!(contracts, 1, "the service desktop's contract");
        assert!(lines >= 2, "its contact's and contract's change lines");
        let template = email_templates::find(&desktop.store, shared.template)
            .await
            .expect("find")
            .expect("template");
        assert_eq!(
            (template.subject.as_str(), template.body.as_str()),
            ("Assunto de A", "Corpo de C: {protocolo}")
        );
        // Both visits kept; the agenda shows them clashing, the same on every desktop.
        let mut conn = desktop.store.pool().acquire().await.expect("connection");
        let clashing = work_orders::clashes_in(&mut conn, &shared.slot, None)
            .await
            .expect("clashes");
        assert_eq!(clashing.len(), 2, "{clashing:?}");
        let protocols: Vec<String> = sqlx::query_scalar("SELECT protocol FROM tickets")
            .fetch_all(desktop.store.pool())
            .await
            .expect("protocols");
        let distinct: BTreeSet<&String> = protocols.iter().collect();
        assert_eq!(distinct.len(), protocols.len(), "no protocol repeats");
        for mine in [&from_a, &from_b, &from_c] {
            assert!(protocols.contains(mine), "{mine} is everywhere");
        }
        for before in &before_registering {
            assert!(
                protocols.contains(before),
                "{before}, given before registering, kept"
            );
        }
    }
    let numbers: Vec<&str> = [&from_a, &from_b, &from_c]
        .iter()
        .map(|protocol| &protocol[6..9])
        .collect();
    assert_eq!(numbers, ["002", "003", "004"]);
}
