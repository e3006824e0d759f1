//! The operator's queue on a real database: each group holds the open tickets destined to
//! it, soonest due first, with its counts (overdue, due today) capped; new messages are
//! those of the last days nobody took and no ticket answers.
mod common;
mod desk;

use helpdesk_core::queue::{QueueClock, QueueGroup, COUNT_CAP, NEW_MESSAGE_DAYS};
use helpdesk_core::support::MessageSource;
use helpdesk_core::ticket::TicketStatus;
use helpdesk_store::support_messages::{self, NewSupportMessage};
use helpdesk_store::tickets::{self, TicketRow};
use helpdesk_store::{queue, Store};
use uuid::Uuid;

use desk::{desk, new_ticket, protocol, HOUR, NOON};

async fn set(store: &Store, sql: &str, id: Uuid) {
    let done = sqlx::query(sql)
        .bind(id)
        .execute(store.pool())
        .await
        .expect("update");
    assert_eq!(done.rows_affected(), 1, "{sql}");
}

fn message(subject: &str, received_at: i64) -> NewSupportMessage {
    NewSupportMessage {
        email: "cliente@example.com".into(),
        subject: subject.into(),
        login: String::new(),
        body: "Sem internet".into(),
        received_at,
        rfc_message_id: String::new(),
        rfc_references: String::new(),
        source: MessageSource::Portal,
        sender_name: String::new(),
        document: String::new(),
        quoted: String::new(),
        attachments: Vec::new(),
    }
}

#[tokio::test]
async fn each_group_holds_its_open_tickets_soonest_due_first() {
    let test = common::open().await;
    let store = &test.store;
    let desk = desk(store).await;
    let save = |sequence: u32, at: i64| {
        let ticket = new_ticket(&desk, sequence);
        async move {
            tickets::save(store, &ticket, desk.ana, at)
                .await
                .expect("save")
                .saved()
                .expect("saved")
                .id
        }
    };
    // "Sem conexão" goes to Atendente N2 with 4 hours; NOON is 09:00 in Brasília.
    let overdue_role = save(1, NOON).await; // due 13:00, overdue at 14:00
    let today_role = save(2, NOON + 2 * HOUR).await; // due 15:00
    let mine = save(3, NOON - 3 * HOUR).await; // due 10:00, to Juliana
    set(
        store,
        &format!(
            "UPDATE tickets SET assigned_role_id = NULL, assigned_user_id = x'{}' WHERE id = ?1",
            desk.juliana.simple()
        ),
        mine,
    )
    .await;
    let resolved = save(4, NOON).await;
    set(
        store,
        "UPDATE tickets SET status = 'Resolvido', resolved_at = opened_at WHERE id = ?1",
        resolved,
    )
    .await;
    let unassigned = save(5, NOON).await;
    set(
        store,
        "UPDATE tickets SET assigned_role_id = NULL WHERE id = ?1",
        unassigned,
    )
    .await;
    let deleted = save(6, NOON).await;
    set(
        store,
        "UPDATE tickets SET deleted = 1 WHERE id = ?1",
        deleted,
    )
    .await;
    let tomorrow = save(7, NOON + 20 * HOUR).await; // due the next day

    let now = NOON + 5 * HOUR;
    let clock = QueueClock::at(now, -180);
    support_messages::insert_many(
        store,
        &[
            message("Nova", now - HOUR),
            message("Tomada", now - 2 * HOUR),
            message("Antiga", now - (NEW_MESSAGE_DAYS * 24 + 1) * HOUR),
        ],
    )
    .await
    .expect("messages");
    let taken: Uuid =
        sqlx::query_scalar("SELECT id FROM support_messages WHERE subject = 'Tomada'")
            .fetch_one(store.pool())
            .await
            .expect("taken");
    assert!(support_messages::take(store, taken, desk.carlos, now)
        .await
        .expect("take"));

    let juliana = queue::load(store, desk.juliana, clock)
        .await
        .expect("queue");
    assert_eq!(juliana.messages_count.total, 1);
    let subjects: Vec<_> = juliana
        .messages
        .iter()
        .map(|m| m.subject.as_str())
        .collect();
    assert_eq!(subjects, ["Nova"]);
    let groups: Vec<_> = juliana.ticket_groups.iter().map(|g| g.group).collect();
    assert_eq!(
        groups,
        [QueueGroup::Mine, QueueGroup::MyRole, QueueGroup::Unassigned]
    );
    let ids = |index: usize| -> Vec<Uuid> {
        juliana.ticket_groups[index]
            .tickets
            .iter()
            .map(|ticket| ticket.id)
            .collect()
    };
    assert_eq!(ids(0), [mine]);
    assert_eq!(ids(1), [overdue_role, today_role, tomorrow]);
    assert_eq!(ids(2), [unassigned]);
    let counts = |index: usize| {
        let count = juliana.ticket_groups[index].count;
        (count.total, count.overdue, count.due_today)
    };
    assert_eq!(counts(0), (1, 1, 0));
    assert_eq!(counts(1), (3, 1, 1));
    assert_eq!(counts(2), (1, 1, 0));

    // Ana (Atendente N1) has nothing of her own nor of her role.
    let ana = queue::load(store, desk.ana, clock).await.expect("queue");
    assert!(ana.ticket_groups[0].tickets.is_empty());
    assert!(ana.ticket_groups[1].tickets.is_empty());
    assert_eq!(ana.ticket_groups[2].count.total, 1);
    assert!(!ana.is_empty());
}

#[tokio::test]
async fn counts_stop_at_the_cap() {
    let test = common::open().await;
    let store = &test.store;
    let desk = desk(store).await;
    let rows: Vec<_> = (0..COUNT_CAP + 5)
        .map(|sequence| TicketRow {
            id: Uuid::now_v7(),
            protocol: protocol(sequence + 1),
            origin: helpdesk_core::wizard::Origin::Phone,
            customer_id: desk.customer,
            customer_plan_id: Some(desk.plan),
            new_plan_id: None,
            support_message_id: None,
            problem: "Lentidão",
            ticket_type_id: Some(desk.kind.id),
            assigned_user_id: None,
            assigned_role_id: None,
            status: TicketStatus::Open,
            opened_by: desk.ana,
            opened_at: NOON,
            due_at: Some(NOON + i64::from(sequence)),
            resolved_at: None,
            first_contact_resolved: false,
            changed_at: store.stamp(),
        })
        .collect();
    let mut tx = store.pool().begin().await.expect("begin");
    tickets::insert_many_in(&mut tx, &rows).await.expect("rows");
    tx.commit().await.expect("commit");
    let queue = queue::load(store, desk.ana, QueueClock::at(NOON + 3 * HOUR, -180))
        .await
        .expect("queue");
    let unassigned = &queue.ticket_groups[2];
    assert_eq!(unassigned.count.total, COUNT_CAP);
    assert_eq!(unassigned.count.overdue, COUNT_CAP);
    assert_eq!(unassigned.tickets.len(), 25);
    assert_eq!(unassigned.tickets[0].id, rows[0].id);
}
