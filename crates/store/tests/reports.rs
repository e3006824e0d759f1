//! "Relatórios" on a real SQLite file, against hand-counted small data sets: tickets written
//! through the store's bulk writer, visits and protocol reservations with plain SQL (as the
//! wizard's save writes them), the period's edges in Brasília time (UTC-3), deleted rows
//! left out, and the filters.
mod common;

use chrono::NaiveDate;
use helpdesk_core::protocol::Protocol;
use helpdesk_core::report::{Report, ReportFilters, ReportKind, ReportPeriod, ReportRequest};
use helpdesk_core::sla_state::SlaState;
use helpdesk_core::ticket::TicketStatus;
use helpdesk_core::wizard::Origin;
use helpdesk_core::work_order_life::WorkOrderStage;
use helpdesk_store::catalog::{self, Destination, NewTicketType};
use helpdesk_store::tickets::{self, TicketRow};
use helpdesk_store::{customers, new_id, reports, Store};
use uuid::Uuid;

const OFFSET: i32 = -180;
const HOUR: i64 = 3_600_000;
const DAY: i64 = 24 * HOUR;
/// 01/12/2026 00:00 in Brasília.
const START: i64 = 1_796_094_000_000;
/// 01/01/2027 00:00 in Brasília: the first instant after the period.
const END: i64 = 1_798_772_400_000;
const MID: i64 = START + 10 * DAY + 12 * HOUR;
/// The reports' "now": an hour after the period.
const NOW: i64 = END + HOUR;

struct Data {
    db: common::TestStore,
    ana: Uuid,
    carlos: Uuid,
    bruno: Uuid,
    n2: Uuid,
    internet: Uuid,
    lentidao: Uuid,
    customer: Uuid,
    first_ticket: Uuid,
    first_protocol: String,
    next_sequence: u32,
}

fn period() -> ReportPeriod {
    ReportRequest {
        kind: ReportKind::TicketsByOrigin,
        from: "01/12/2026".into(),
        to: "31/12/2026".into(),
        filters: ReportFilters::default(),
    }
    .period(OFFSET)
    .expect("valid")
}

async fn run(store: &Store, kind: ReportKind, filters: ReportFilters) -> Report {
    reports::run(store, kind, &period(), &filters, NOW)
        .await
        .expect("report")
}

/// The rows as (label, values), in the report's order.
fn rows(report: &Report) -> Vec<(String, Vec<Option<i64>>)> {
    report
        .rows
        .iter()
        .map(|row| (row.label.clone(), row.values.clone()))
        .collect()
}

fn counts(pairs: &[(&str, i64)]) -> Vec<(String, Vec<Option<i64>>)> {
    pairs
        .iter()
        .map(|(label, count)| (label.to_string(), vec![Some(*count)]))
        .collect()
}

struct Ticket {
    origin: Origin,
    kind: Option<Uuid>,
    opened_by: Uuid,
    user: Option<Uuid>,
    role: Option<Uuid>,
    opened_at: i64,
    due_at: Option<i64>,
    resolved_at: Option<i64>,
    first_contact: bool,
}

impl Data {
    async fn new() -> Data {
        let db = common::open().await;
        let store = &db.store;
        let n1 = catalog::insert_role(store, "Atendente N1", false)
            .await
            .expect("role");
        let n2 = catalog::insert_role(store, "Suporte N2", false)
            .await
            .expect("role");
        let ana = common::user(store, "ana", "Ana Souza", n1).await;
        let carlos = common::user(store, "carlos", "Carlos Lima", n1).await;
        let bruno = common::user(store, "bruno", "Bruno Reis", n2).await;
        let kind = |name: &str| NewTicketType {
            name: name.into(),
            destination: Destination::Nobody,
            sla_hours: 4,
            sla_calendar: false,
        };
        let internet = catalog::insert_ticket_type(store, &kind("Sem internet"))
            .await
            .expect("type");
        let lentidao = catalog::insert_ticket_type(store, &kind("Lentidão"))
            .await
            .expect("type");
        let network = common::network(store).await;
        let customer = common::customer("1", "Padaria", "52998224725", &[], &[], &["p"], network);
        let customer = customers::insert_many(store, &[customer])
            .await
            .expect("customer")[0];
        Data {
            db,
            ana,
            carlos,
            bruno,
            n2,
            internet,
            lentidao,
            customer,
            first_ticket: Uuid::nil(),
            first_protocol: String::new(),
            next_sequence: 1,
        }
    }

    async fn ticket(&mut self, ticket: Ticket) -> Uuid {
        let protocol = Protocol {
            date: NaiveDate::from_ymd_opt(2026, 12, 1).expect("date"),
            desktop: 1,
            sequence: self.next_sequence,
        };
        self.next_sequence += 1;
        let row = TicketRow {
            id: new_id(),
            protocol,
            origin: ticket.origin,
            customer_id: self.customer,
            customer_plan_id: None,
            new_plan_id: None,
            support_message_id: None,
            problem: "Sem conexão",
            ticket_type_id: ticket.kind,
            assigned_user_id: ticket.user,
            assigned_role_id: ticket.role,
            status: if ticket.resolved_at.is_some() {
                TicketStatus::Resolved
            } else {
                TicketStatus::Open
            },
            opened_by: ticket.opened_by,
            opened_at: ticket.opened_at,
            due_at: ticket.due_at,
            resolved_at: ticket.resolved_at,
            first_contact_resolved: ticket.first_contact,
            changed_at: self.db.store.stamp(),
        };
        let mut tx = self.db.store.pool().begin().await.expect("begin");
        tickets::insert_many_in(&mut tx, std::slice::from_ref(&row))
            .await
            .expect("ticket");
        tx.commit().await.expect("commit");
        if self.first_ticket.is_nil() {
            self.first_ticket = row.id;
            self.first_protocol = protocol.digits();
        }
        row.id
    }

    fn plain(&self, opened_at: i64) -> Ticket {
        Ticket {
            origin: Origin::Phone,
            kind: None,
            opened_by: self.ana,
            user: None,
            role: None,
            opened_at,
            due_at: None,
            resolved_at: None,
            first_contact: false,
        }
    }

    /// Eight tickets: five in the period (its first and last millisecond among them), one
    /// just before, one at its end, one deleted.
    async fn tickets(&mut self) {
        let (ana, carlos) = (self.ana, self.carlos);
        let t = Ticket {
            kind: Some(self.internet),
            user: Some(self.bruno),
            due_at: Some(START + 4 * HOUR),
            resolved_at: Some(START + HOUR),
            first_contact: true,
            ..self.plain(START)
        };
        self.ticket(t).await; // met
        let t = self.plain(START - 1);
        self.ticket(t).await; // before the period
        let t = Ticket {
            origin: Origin::Chat,
            kind: Some(self.internet),
            opened_by: carlos,
            role: Some(self.n2),
            due_at: Some(END + 4 * HOUR),
            ..self.plain(END - 1)
        };
        self.ticket(t).await; // open within its time at NOW
        let t = self.plain(END);
        self.ticket(t).await; // after the period
        let t = self.plain(MID);
        let deleted = self.ticket(t).await;
        sqlx::query("UPDATE tickets SET deleted = 1 WHERE id = ?1")
            .bind(deleted)
            .execute(self.db.store.pool())
            .await
            .expect("delete");
        let t = Ticket {
            origin: Origin::Email,
            kind: Some(self.lentidao),
            role: Some(self.n2),
            due_at: Some(MID + HOUR),
            resolved_at: Some(MID + 2 * HOUR),
            ..self.plain(MID)
        };
        self.ticket(t).await; // missed
        let t = Ticket { ..self.plain(MID) };
        self.ticket(t).await; // no SLA, nobody's
        let t = Ticket {
            kind: Some(self.internet),
            opened_by: carlos,
            user: Some(self.bruno),
            due_at: Some(MID + HOUR),
            ..self.plain(MID)
        };
        self.ticket(t).await; // still open past its due time: missed
        let _ = ana;
    }
}

#[tokio::test]
async fn tickets_by_origin_type_operator_and_assignee() {
    let mut data = Data::new().await;
    data.tickets().await;
    let store = &data.db.store;
    let all = ReportFilters::default();
    let report = run(store, ReportKind::TicketsByOrigin, all.clone()).await;
    assert_eq!(
        rows(&report),
        counts(&[("Telefone", 3), ("Chat", 1), ("E-mail", 1)])
    );
    assert_eq!(report.total.values, [Some(5)]);
    assert_eq!(report.chart.bars.len(), 3);
    assert_eq!(report.chart.bars[0].share, 1.0);
    let report = run(store, ReportKind::TicketsByType, all.clone()).await;
    assert_eq!(
        rows(&report),
        counts(&[("Sem internet", 3), ("Lentidão", 1), ("Sem tipo", 1)])
    );
    let report = run(store, ReportKind::TicketsByOperator, all.clone()).await;
    assert_eq!(
        rows(&report),
        counts(&[("Ana Souza", 3), ("Carlos Lima", 2)])
    );
    let report = run(store, ReportKind::TicketsByAssignee, all.clone()).await;
    assert_eq!(
        rows(&report),
        counts(&[("Bruno Reis", 2), ("Suporte N2", 2), ("Sem responsável", 1)])
    );
    // Filters.
    let phone = ReportFilters {
        origin: Some(Origin::Phone),
        ..all.clone()
    };
    let report = run(store, ReportKind::TicketsByOperator, phone).await;
    assert_eq!(
        rows(&report),
        counts(&[("Ana Souza", 2), ("Carlos Lima", 1)])
    );
    let carlos = ReportFilters {
        operator_id: Some(data.carlos),
        ..all.clone()
    };
    let report = run(store, ReportKind::TicketsByOrigin, carlos).await;
    assert_eq!(rows(&report), counts(&[("Chat", 1), ("Telefone", 1)]));
    let n2 = ReportFilters {
        assigned_role_id: Some(data.n2),
        ticket_type_id: Some(data.internet),
        ..all.clone()
    };
    let report = run(store, ReportKind::TicketsByOrigin, n2).await;
    assert_eq!(rows(&report), counts(&[("Chat", 1)]));
    let bruno = ReportFilters {
        assigned_user_id: Some(data.bruno),
        ..all
    };
    let report = run(store, ReportKind::TicketsByType, bruno).await;
    assert_eq!(rows(&report), counts(&[("Sem internet", 2)]));
}

#[tokio::test]
async fn sla_met_missed_open_and_none_with_first_contact_resolution() {
    let mut data = Data::new().await;
    data.tickets().await;
    let store = &data.db.store;
    let report = run(store, ReportKind::SlaByType, ReportFilters::default()).await;
    // Cumprido, Perdido, Aberto no prazo, Sem SLA, Total, % cumprido (of met + missed).
    assert_eq!(
        rows(&report),
        [
            (
                "Sem internet".to_string(),
                vec![Some(1), Some(1), Some(1), Some(0), Some(3), Some(500)]
            ),
            (
                "Lentidão".to_string(),
                vec![Some(0), Some(1), Some(0), Some(0), Some(1), Some(0)]
            ),
            (
                "Sem tipo".to_string(),
                vec![Some(0), Some(0), Some(0), Some(1), Some(1), None]
            ),
        ]
    );
    assert_eq!(
        report.total.values,
        [Some(1), Some(2), Some(1), Some(1), Some(5), Some(333)]
    );
    // The same columns as the one definition of the SLA state, ticket by ticket.
    let states: Vec<(Option<i64>, Option<i64>)> = sqlx::query_as(
        "SELECT due_at, resolved_at FROM tickets
         WHERE deleted = 0 AND opened_at >= ?1 AND opened_at < ?2",
    )
    .bind(START)
    .bind(END)
    .fetch_all(store.pool())
    .await
    .expect("tickets");
    let met = states
        .iter()
        .filter(|(due, resolved)| SlaState::of(*due, *resolved, NOW) == Some(SlaState::Met))
        .count();
    assert_eq!(report.total.values[0], Some(met as i64));
    let report = run(
        store,
        ReportKind::FirstContactByOperator,
        ReportFilters::default(),
    )
    .await;
    assert_eq!(
        rows(&report),
        [
            ("Ana Souza".to_string(), vec![Some(3), Some(1), Some(333)]),
            ("Carlos Lima".to_string(), vec![Some(2), Some(0), Some(0)]),
        ]
    );
}

#[tokio::test]
async fn work_orders_per_technician_with_time_on_site() {
    let mut data = Data::new().await;
    data.tickets().await;
    let store = &data.db.store;
    let north = catalog::insert_team(store, "Equipe Norte")
        .await
        .expect("team");
    let south = catalog::insert_team(store, "Equipe Sul")
        .await
        .expect("team");
    let technician = |name: &str, team| catalog::NewTechnician {
        name: name.into(),
        team_id: team,
        user_id: None,
        phone: String::new(),
    };
    let bruno = catalog::insert_technician(store, &technician("Bruno Alves", north))
        .await
        .expect("technician");
    let carla = catalog::insert_technician(store, &technician("Carla Dias", south))
        .await
        .expect("technician");
    let kind = catalog::insert_work_order_type(
        store,
        &catalog::NewWorkOrderType {
            name: "Instalação".into(),
            is_site_survey: false,
            default_minutes: 60,
            color: "#1565C0".into(),
        },
    )
    .await
    .expect("type");
    let status = |name: &str, stage| catalog::NewWorkOrderStatus {
        name: name.into(),
        color: "#8E24AA".into(),
        stage,
    };
    let statuses = catalog::insert_work_order_statuses(
        store,
        &[
            status("Agendada", WorkOrderStage::Open),
            status("Concluída", WorkOrderStage::Done),
        ],
    )
    .await
    .expect("statuses");
    let visit = |technician: Uuid, starts_at: i64, done: bool, on_site: Option<i64>| {
        let pool = store.pool().clone();
        let (ticket, customer) = (data.first_ticket, data.customer);
        let status = statuses[usize::from(done)];
        async move {
            let id = new_id();
            sqlx::query(
                "INSERT INTO work_orders (id, ticket_id, customer_id, technician_id, type_id,
                     status_id, starts_at, ends_at, description, address, changed_at,
                     started_at, finished_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'Instalar', 'Rua A, 1', 1, ?9, ?10)",
            )
            .bind(id)
            .bind(ticket)
            .bind(customer)
            .bind(technician)
            .bind(kind)
            .bind(status)
            .bind(starts_at)
            .bind(starts_at + HOUR)
            .bind(on_site.map(|_| starts_at + 5 * 60_000))
            .bind(on_site.map(|ms| starts_at + 5 * 60_000 + ms))
            .execute(&pool)
            .await
            .expect("visit");
            id
        }
    };
    visit(bruno, START, true, Some(90 * 60_000)).await;
    visit(bruno, MID, false, None).await;
    visit(bruno, START - 1, true, Some(HOUR)).await; // before the period
    let deleted = visit(bruno, MID, true, Some(HOUR)).await;
    sqlx::query("UPDATE work_orders SET deleted = 1 WHERE id = ?1")
        .bind(deleted)
        .execute(store.pool())
        .await
        .expect("delete");
    visit(carla, END - 1, true, Some(30 * 60_000)).await;
    visit(carla, END, true, Some(HOUR)).await; // after the period
    let report = run(
        store,
        ReportKind::WorkOrdersByTechnician,
        ReportFilters::default(),
    )
    .await;
    // Ordens, concluídas, com chegada e saída, tempo em campo, tempo médio.
    assert_eq!(
        rows(&report),
        [
            (
                "Bruno Alves".to_string(),
                vec![
                    Some(2),
                    Some(1),
                    Some(1),
                    Some(90 * 60_000),
                    Some(90 * 60_000)
                ]
            ),
            (
                "Carla Dias".to_string(),
                vec![
                    Some(1),
                    Some(1),
                    Some(1),
                    Some(30 * 60_000),
                    Some(30 * 60_000)
                ]
            ),
        ]
    );
    assert_eq!(report.cell_text(&report.total, 3), "2:00");
    assert_eq!(report.cell_text(&report.total, 4), "1:00");
    let south_only = ReportFilters {
        team_id: Some(south),
        ..ReportFilters::default()
    };
    let report = run(store, ReportKind::WorkOrdersByTechnician, south_only).await;
    assert_eq!(report.rows.len(), 1);
    assert_eq!(report.rows[0].label, "Carla Dias");
    let bruno_only = ReportFilters {
        technician_id: Some(bruno),
        ..ReportFilters::default()
    };
    let report = run(store, ReportKind::WorkOrdersByTechnician, bruno_only).await;
    assert_eq!(report.total.values[0], Some(2));
}

#[tokio::test]
async fn protocols_per_local_day_used_or_not() {
    let mut data = Data::new().await;
    data.tickets().await;
    let store = &data.db.store;
    let reserve = |protocol: String, user: Uuid, at: i64| {
        let pool = store.pool().clone();
        async move {
            sqlx::query(
                "INSERT INTO protocol_reservations (protocol, user_id, reserved_at)
                 VALUES (?1, ?2, ?3)",
            )
            .bind(protocol)
            .bind(user)
            .bind(at)
            .execute(&pool)
            .await
            .expect("reservation");
        }
    };
    // The first ticket's protocol, at the first millisecond of 01/12 in Brasília.
    reserve(data.first_protocol.clone(), data.ana, START).await;
    reserve("20261130999001".into(), data.ana, START - 1).await; // 30/11
    reserve("20261201999002".into(), data.ana, START + DAY - 1).await; // 01/12 23:59
    reserve("20261202999003".into(), data.carlos, START + DAY).await; // 02/12 00:00
    reserve("20261231999004".into(), data.carlos, END - 1).await; // 31/12 23:59
    reserve("20270101999005".into(), data.carlos, END).await; // 01/01
    let report = run(store, ReportKind::ProtocolsPerDay, ReportFilters::default()).await;
    assert_eq!(report.rows.len(), 31);
    let day = |label: &str| {
        report
            .rows
            .iter()
            .find(|row| row.label == label)
            .map(|row| row.values.clone())
            .expect("day")
    };
    assert_eq!(day("01/12/2026"), [Some(2), Some(1), Some(1)]);
    assert_eq!(day("02/12/2026"), [Some(1), Some(0), Some(1)]);
    assert_eq!(day("31/12/2026"), [Some(1), Some(0), Some(1)]);
    assert_eq!(day("15/12/2026"), [Some(0), Some(0), Some(0)]);
    assert_eq!(report.total.values, [Some(4), Some(1), Some(3)]);
    let carlos = ReportFilters {
        operator_id: Some(data.carlos),
        ..ReportFilters::default()
    };
    let report = run(store, ReportKind::ProtocolsPerDay, carlos).await;
    assert_eq!(report.total.values, [Some(2), Some(0), Some(2)]);
}

#[tokio::test]
async fn an_empty_database_gives_empty_reports() {
    let test = common::open().await;
    for kind in ReportKind::ALL {
        let report = run(&test.store, kind, ReportFilters::default()).await;
        assert!(report.is_empty(), "{kind:?}");
        assert!(report.chart.bars.is_empty(), "{kind:?}");
    }
}
