//! Tickets after the wizard, on a real database: found by protocol, listed by every
//! combination of filters newest first, page after page with nothing shown twice or skipped
//! (tickets opened at the same instant included), and a ticket's history in order.
mod common;

use chrono::NaiveDate;
use helpdesk_core::business_hours::SlaCalendar;
use helpdesk_core::protocol::Protocol;
use helpdesk_core::script::ScriptRun;
use helpdesk_core::sla_state::SlaState;
use helpdesk_core::ticket::{NewTicket, TicketCursor, TicketFilter, TicketStatus, TicketSummary};
use helpdesk_core::ticket_type::{Assignee, TicketType};
use helpdesk_core::wizard::Origin;
use helpdesk_store::catalog::{self, Destination, NewTicketType};
use helpdesk_store::ticket_events::{self, EventRow};
use helpdesk_store::{customers, ticket_types, tickets, Store};
use uuid::Uuid;

/// 2026-11-28 12:00 UTC, in Unix ms.
const NOON: i64 = 1_795_867_200_000;
const MINUTE: i64 = 60_000;

async fn set(store: &Store, sql: &str, id: Uuid) {
    let done = sqlx::query(sql)
        .bind(id)
        .execute(store.pool())
        .await
        .expect("update");
    assert_eq!(done.rows_affected(), 1, "{sql}");
}

fn protocol(sequence: u32) -> Protocol {
    Protocol {
        date: NaiveDate::from_ymd_opt(2026, 11, 28).expect("date"),
        desktop: 7,
        sequence,
    }
}

/// A customer of the test, with the contract its tickets are about.
#[derive(Debug, Clone)]
struct Customer {
    id: Uuid,
    code: String,
    name: String,
    plan: Uuid,
}

/// The help desk of the tests: an operator, Juliana (who "Mudança de endereço" goes to),
/// the role "Atendente N2" (who "Sem conexão" goes to), "Lentidão" (nobody), and three
/// customers.
struct Desk {
    operator: Uuid,
    juliana: Uuid,
    n2: Uuid,
    types: Vec<TicketType>,
    customers: Vec<Customer>,
}

async fn desk(store: &Store) -> Desk {
    let n1 = catalog::insert_role(store, "Atendente N1", false)
        .await
        .expect("role");
    let n2 = catalog::insert_role(store, "Atendente N2", false)
        .await
        .expect("role");
    let operator = common::user(store, "ana.souza", "Ana Souza", n1).await;
    let juliana = common::user(store, "juliana.ribeiro", "Juliana Ribeiro", n2).await;
    for (name, destination, sla_hours) in [
        ("Sem conexão", Destination::Role(n2), 4),
        ("Mudança de endereço", Destination::User(juliana), 72),
        ("Lentidão", Destination::Nobody, 24),
    ] {
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
        .expect("ticket type");
    }
    let mut types = ticket_types::list(store).await.expect("types");
    types.sort_by_key(|kind| kind.sla_hours);

    let network = common::network(store).await;
    let rows = [
        ("1001", "Ana Paula Ferreira", "52998224725", "ana.ferreira"),
        (
            "1002",
            "Padaria Pão Quente Ltda",
            "11222333000181",
            "padaria",
        ),
        ("1003", "José Carlos Lima", "11144477735", "jose.lima"),
    ];
    let new: Vec<_> = rows
        .iter()
        .map(|(code, name, document, login)| {
            common::customer(code, name, document, &[], &[], &[login], network)
        })
        .collect();
    let ids = customers::insert_many(store, &new)
        .await
        .expect("customers");
    let mut list = Vec::new();
    for (id, (code, name, _, _)) in ids.into_iter().zip(rows) {
        let plan: Uuid = sqlx::query_scalar("SELECT id FROM customer_plans WHERE customer_id = ?1")
            .bind(id)
            .fetch_one(store.pool())
            .await
            .expect("plan");
        list.push(Customer {
            id,
            code: code.into(),
            name: name.into(),
            plan,
        });
    }
    Desk {
        operator,
        juliana,
        n2,
        types,
        customers: list,
    }
}

fn new_ticket(
    sequence: u32,
    customer: &Customer,
    kind: &TicketType,
    status: TicketStatus,
    script: Option<ScriptRun>,
) -> NewTicket {
    NewTicket {
        protocol: protocol(sequence),
        origin: Origin::Phone,
        customer_id: customer.id,
        plan: helpdesk_core::ticket::TicketPlan::Contract(customer.plan),
        support_message_id: None,
        problem: format!("Problema {sequence}"),
        first_contact: format!("Primeiro contato {sequence}"),
        ticket_type: kind.clone(),
        script,
        attachments: Vec::new(),
        task: None,
        work_order: None,
        email: None,
        status,
    }
}

/// What a ticket's summary should say.
fn expected(
    id: Uuid,
    ticket: &NewTicket,
    customer: &Customer,
    opened_by: Uuid,
    at: i64,
) -> TicketSummary {
    TicketSummary {
        id,
        protocol: ticket.protocol,
        status: ticket.status,
        customer_id: customer.id,
        customer_code: customer.code.clone(),
        customer_name: customer.name.clone(),
        ticket_type_id: Some(ticket.ticket_type.id),
        ticket_type_name: Some(ticket.ticket_type.name.clone()),
        assignee: ticket.ticket_type.assignee.clone(),
        origin: ticket.origin,
        opened_by,
        opened_at: at,
        // No business hours are set: calendar hours.
        due_at: Some(SlaCalendar::default().due_at(at, &ticket.ticket_type)),
        resolved_at: (ticket.status == TicketStatus::Resolved).then_some(at),
    }
}

/// 60 tickets over the customers, types and statuses, opened at 12 instants (five at each,
/// so pages end among tickets of the same instant), and one more that is deleted.
async fn many_tickets(store: &Store, desk: &Desk) -> Vec<TicketSummary> {
    let mut saved = Vec::new();
    for n in 0..61_u32 {
        let customer = &desk.customers[(n as usize * 7 / 3) % 3];
        let kind = &desk.types[n as usize % 3];
        let status = if n % 4 == 0 {
            TicketStatus::Resolved
        } else {
            TicketStatus::Open
        };
        let ticket = new_ticket(n + 1, customer, kind, status, None);
        let at = NOON + i64::from(n % 12) * MINUTE;
        let done = tickets::save(store, &ticket, desk.operator, at)
            .await
            .expect("save")
            .saved()
            .expect("a new protocol");
        saved.push(expected(done.id, &ticket, customer, desk.operator, at));
    }
    let deleted = saved.pop().expect("the last one");
    set(
        store,
        "UPDATE tickets SET deleted = 1 WHERE id = ?1",
        deleted.id,
    )
    .await;
    saved
}

/// The tickets `filter` should list, in the list's order, ignoring its limit and cursor.
fn matching(all: &[TicketSummary], filter: &TicketFilter) -> Vec<TicketSummary> {
    let assignee = |ticket: &TicketSummary| Assignee::ids_of(ticket.assignee.as_ref());
    let mut found: Vec<_> = all
        .iter()
        .filter(|t| filter.status.is_none_or(|status| t.status == status))
        .filter(|t| {
            filter
                .ticket_type_id
                .is_none_or(|id| t.ticket_type_id == Some(id))
        })
        .filter(|t| {
            filter
                .assigned_user_id
                .is_none_or(|id| assignee(t).0 == Some(id))
        })
        .filter(|t| {
            filter
                .assigned_role_id
                .is_none_or(|id| assignee(t).1 == Some(id))
        })
        .filter(|t| filter.customer_id.is_none_or(|id| t.customer_id == id))
        .filter(|t| filter.origin.is_none_or(|origin| t.origin == origin))
        .filter(|t| filter.opened_by.is_none_or(|id| t.opened_by == id))
        .filter(|t| filter.opened_from.is_none_or(|from| t.opened_at >= from))
        .filter(|t| filter.opened_until.is_none_or(|until| t.opened_at < until))
        .filter(|t| {
            filter
                .sla
                .is_none_or(|sla| SlaState::of(t.due_at, t.resolved_at, filter.now) == Some(sla))
        })
        .cloned()
        .collect();
    found.sort_by_key(|t| std::cmp::Reverse((t.opened_at, t.id)));
    found
}

#[tokio::test]
async fn a_ticket_is_found_by_its_protocol() {
    let test = common::open().await;
    let store = &test.store;
    let desk = desk(store).await;
    let customer = &desk.customers[1];
    let to_juliana = &desk.types[2];
    assert_eq!(to_juliana.name, "Mudança de endereço");
    let ticket = new_ticket(42, customer, to_juliana, TicketStatus::Open, None);
    let saved = tickets::save(store, &ticket, desk.operator, NOON)
        .await
        .expect("save")
        .saved()
        .expect("a new protocol");

    let found = tickets::find_by_protocol(store, &protocol(42))
        .await
        .expect("find");
    let summary = expected(saved.id, &ticket, customer, desk.operator, NOON);
    assert_eq!(found.as_ref(), Some(&summary));
    let found = found.expect("found");
    assert_eq!(found.customer_name, "Padaria Pão Quente Ltda");
    assert_eq!(found.due_at, Some(NOON + 72 * 60 * MINUTE));
    assert_eq!(
        found.assignee,
        Some(Assignee::User {
            id: desk.juliana,
            name: "Juliana Ribeiro".into(),
            active: true,
        })
    );

    // As the operator types it, read back into the same protocol.
    let typed: Protocol = "261128-007-00042".parse().expect("protocol");
    assert_eq!(
        tickets::find_by_protocol(store, &typed)
            .await
            .expect("find"),
        Some(summary.clone())
    );
    // Another number, even one that differs in the desktop only: nothing.
    for other in [
        protocol(43),
        Protocol {
            desktop: 8,
            ..protocol(42)
        },
    ] {
        assert_eq!(
            tickets::find_by_protocol(store, &other)
                .await
                .expect("find"),
            None
        );
    }

    // Juliana deactivated: the ticket still shows her, as removed.
    set(
        store,
        "UPDATE users SET active = 0 WHERE id = ?1",
        desk.juliana,
    )
    .await;
    let found = tickets::find_by_protocol(store, &protocol(42))
        .await
        .expect("find")
        .expect("found");
    assert!(matches!(
        found.assignee,
        Some(Assignee::User { active: false, .. })
    ));

    // A deleted ticket is not found.
    set(
        store,
        "UPDATE tickets SET deleted = 1 WHERE id = ?1",
        saved.id,
    )
    .await;
    assert_eq!(
        tickets::find_by_protocol(store, &protocol(42))
            .await
            .expect("find"),
        None
    );
}

#[tokio::test]
async fn every_combination_of_filters_lists_exactly_its_tickets_newest_first() {
    let test = common::open().await;
    let store = &test.store;
    let desk = desk(store).await;
    let all = many_tickets(store, &desk).await;
    assert_eq!(all.len(), 60);

    let nobody = Uuid::from_u128(99);
    let statuses = [None, Some(TicketStatus::Open), Some(TicketStatus::Resolved)];
    let types: Vec<_> = [None]
        .into_iter()
        .chain(desk.types.iter().map(|kind| Some(kind.id)))
        .chain([Some(nobody)])
        .collect();
    let users = [None, Some(desk.juliana), Some(desk.operator)];
    let roles = [None, Some(desk.n2), Some(nobody)];
    let customers: Vec<_> = [None]
        .into_iter()
        .chain(desk.customers.iter().map(|customer| Some(customer.id)))
        .collect();
    let mut combinations = 0;
    let mut nonempty = 0;
    for status in statuses {
        for &ticket_type_id in &types {
            for assigned_user_id in users {
                for assigned_role_id in roles {
                    for &customer_id in &customers {
                        let filter = TicketFilter {
                            status,
                            ticket_type_id,
                            assigned_user_id,
                            assigned_role_id,
                            customer_id,
                            limit: 500,
                            ..TicketFilter::default()
                        };
                        let listed = tickets::list(store, &filter).await.expect("list");
                        assert_eq!(listed, matching(&all, &filter), "{filter:?}");
                        combinations += 1;
                        nonempty += usize::from(!listed.is_empty());
                    }
                }
            }
        }
    }
    assert_eq!(combinations, 3 * 5 * 3 * 3 * 4);
    // Enough of them find something for the comparison to mean something.
    assert!(nonempty > 60, "{nonempty} combinations found tickets");

    // Origin, operator, period and SLA state, at moments that put the open tickets (due
    // four, eight or twelve hours after they opened) in every state.
    let mut nonempty = 0;
    for origin in [None, Some(Origin::Phone), Some(Origin::Support)] {
        for opened_by in [None, Some(desk.operator), Some(nobody)] {
            for (opened_from, opened_until) in [
                (None, None),
                (Some(NOON + 3 * MINUTE), None),
                (None, Some(NOON + 3 * MINUTE)),
                (Some(NOON + 2 * MINUTE), Some(NOON + 9 * MINUTE)),
            ] {
                for sla in [None].into_iter().chain(SlaState::ALL.map(Some)) {
                    for now in [
                        NOON,
                        NOON + 3 * 60 * MINUTE,
                        NOON + 5 * 60 * MINUTE,
                        NOON + 99 * 60 * MINUTE,
                    ] {
                        let filter = TicketFilter {
                            origin,
                            opened_by,
                            opened_from,
                            opened_until,
                            sla,
                            now,
                            status: Some(TicketStatus::Open)
                                .filter(|_| sla == Some(SlaState::OnTime)),
                            limit: 500,
                            ..TicketFilter::default()
                        };
                        let listed = tickets::list(store, &filter).await.expect("list");
                        assert_eq!(listed, matching(&all, &filter), "{filter:?}");
                        nonempty += usize::from(!listed.is_empty());
                    }
                }
            }
        }
    }
    assert!(nonempty > 100, "{nonempty} combinations found tickets");

    // Status and type together, and a customer's open tickets, spelled out.
    let sem_conexao = &desk.types[0];
    let open_sem_conexao = tickets::list(
        store,
        &TicketFilter {
            status: Some(TicketStatus::Open),
            ticket_type_id: Some(sem_conexao.id),
            ..TicketFilter::default()
        },
    )
    .await
    .expect("list");
    assert!(!open_sem_conexao.is_empty());
    assert!(open_sem_conexao
        .iter()
        .all(|t| t.status == TicketStatus::Open
            && t.ticket_type_name.as_deref() == Some("Sem conexão")
            && t.assignee
                == Some(Assignee::Role {
                    id: desk.n2,
                    name: "Atendente N2".into()
                })));
    let ana = &desk.customers[0];
    let of_ana = tickets::list(
        store,
        &TicketFilter {
            customer_id: Some(ana.id),
            status: Some(TicketStatus::Open),
            ..TicketFilter::default()
        },
    )
    .await
    .expect("list");
    assert!(!of_ana.is_empty());
    assert!(of_ana
        .iter()
        .all(|t| t.customer_name == "Ana Paula Ferreira" && t.status == TicketStatus::Open));
    assert!(of_ana
        .windows(2)
        .all(|pair| (pair[0].opened_at, pair[0].id) > (pair[1].opened_at, pair[1].id)));
}

#[tokio::test]
async fn pages_follow_each_other_without_repeating_or_skipping() {
    let test = common::open().await;
    let store = &test.store;
    let desk = desk(store).await;
    let all = many_tickets(store, &desk).await;

    // Each filter walks a different index; pages of 7 end among the five tickets of an
    // instant, pages of 5 right at an instant's end, pages of 1 at every ticket.
    let filters = [
        TicketFilter::default(),
        TicketFilter {
            status: Some(TicketStatus::Open),
            ..TicketFilter::default()
        },
        TicketFilter {
            status: Some(TicketStatus::Open),
            ticket_type_id: Some(desk.types[0].id),
            ..TicketFilter::default()
        },
        TicketFilter {
            ticket_type_id: Some(desk.types[1].id),
            ..TicketFilter::default()
        },
        TicketFilter {
            assigned_user_id: Some(desk.juliana),
            ..TicketFilter::default()
        },
        TicketFilter {
            assigned_role_id: Some(desk.n2),
            ..TicketFilter::default()
        },
        TicketFilter {
            customer_id: Some(desk.customers[2].id),
            ..TicketFilter::default()
        },
    ];
    for filter in filters {
        let whole = matching(&all, &filter);
        assert!(whole.len() > 7, "{filter:?} finds {}", whole.len());
        for limit in [1, 5, 7] {
            let mut pages = Vec::new();
            let mut before = None;
            // A cursor that does not move on would page forever: stop past the tickets.
            for _ in 0..=whole.len() {
                let page = tickets::list(
                    store,
                    &TicketFilter {
                        limit,
                        before,
                        ..filter.clone()
                    },
                )
                .await
                .expect("page");
                assert!(page.len() <= limit as usize);
                let Some(last) = page.last() else { break };
                before = Some(TicketCursor::after(last));
                pages.extend(page);
            }
            assert_eq!(pages, whole, "{filter:?} in pages of {limit}");
        }
    }
}

#[tokio::test]
async fn the_limit_is_kept_between_1_and_500() {
    let test = common::open().await;
    let store = &test.store;
    let desk = desk(store).await;
    let all = many_tickets(store, &desk).await;
    let with_limit = |limit| TicketFilter {
        limit,
        ..TicketFilter::default()
    };
    let one = tickets::list(store, &with_limit(0)).await.expect("list");
    assert_eq!(one, matching(&all, &with_limit(0))[..1]);
    let every = tickets::list(store, &with_limit(u32::MAX))
        .await
        .expect("list");
    assert_eq!(every.len(), 60);
    // Past every ticket: an empty page.
    let oldest = every.last().expect("oldest");
    let after_oldest = TicketFilter {
        before: Some(TicketCursor::after(oldest)),
        ..TicketFilter::default()
    };
    assert_eq!(tickets::list(store, &after_oldest).await.expect("list"), []);
}

#[tokio::test]
async fn the_history_comes_in_the_order_it_happened() {
    let test = common::open().await;
    let store = &test.store;
    let desk = desk(store).await;
    let run = ScriptRun::new(Uuid::from_u128(5), "Sem conexão (fibra)", 3);
    let ticket = new_ticket(
        1,
        &desk.customers[0],
        &desk.types[0],
        TicketStatus::Resolved,
        Some(run.clone()),
    );
    let saved = tickets::save(store, &ticket, desk.operator, NOON)
        .await
        .expect("save")
        .saved()
        .expect("a new protocol");
    // Another ticket's history is not mixed in.
    let other = new_ticket(
        2,
        &desk.customers[1],
        &desk.types[1],
        TicketStatus::Open,
        None,
    );
    tickets::save(store, &other, desk.juliana, NOON)
        .await
        .expect("save")
        .saved()
        .expect("a new protocol");

    let history = tickets::history(store, saved.id).await.expect("history");
    let kinds: Vec<_> = history.iter().map(|event| event.kind.as_str()).collect();
    // Written at the same instant, in the order they were written.
    assert_eq!(
        kinds,
        ["opened", "script_report", "first_contact", "resolved"]
    );
    assert!(history.iter().all(|event| event.at == NOON
        && event.user_id == desk.operator
        && event.user_name == "Ana Souza"));
    let payload = |kind: &str| -> serde_json::Value {
        let event = history.iter().find(|e| e.kind == kind).expect(kind);
        serde_json::from_str(&event.payload).expect("JSON")
    };
    assert_eq!(payload("opened")["protocol"], "261128-007-00001");
    assert_eq!(
        serde_json::from_value::<ScriptRun>(payload("script_report")).expect("run"),
        run
    );
    assert_eq!(
        payload("first_contact")["description"],
        "Primeiro contato 1"
    );

    // Later events (as a follow-up contact will append them), one written before another
    // that happened earlier, come by when they happened.
    let later: Vec<_> = [
        ("contact", NOON + 30 * MINUTE),
        ("status", NOON + 10 * MINUTE),
    ]
    .into_iter()
    .map(|(kind, at)| EventRow {
        id: Uuid::now_v7(),
        ticket_id: saved.id,
        kind,
        payload: "{}".into(),
        user_id: desk.juliana,
        at,
        changed_at: 0,
    })
    .collect();
    let mut conn = store.pool().acquire().await.expect("connection");
    let written = ticket_events::insert_many_in(&mut conn, &later).await;
    drop(conn);
    written.expect("events");
    let history = tickets::history(store, saved.id).await.expect("history");
    let kinds: Vec<_> = history
        .iter()
        .map(|event| (event.kind.as_str(), event.user_name.as_str()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("opened", "Ana Souza"),
            ("script_report", "Ana Souza"),
            ("first_contact", "Ana Souza"),
            ("resolved", "Ana Souza"),
            ("status", "Juliana Ribeiro"),
            ("contact", "Juliana Ribeiro"),
        ]
    );

    assert_eq!(
        tickets::history(store, Uuid::from_u128(1))
            .await
            .expect("history"),
        []
    );
}
