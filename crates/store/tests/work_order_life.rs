//! A work order's life on a real SQLite file: started, finished with its report and the
//! ticket resolved, refused (stale, by a rule, a ticket that cannot be resolved) without a
//! trace, and the list of work orders by each filter, a page at a time.
mod common;

use helpdesk_core::work_order::{Reschedule, Slot, MINUTE};
use helpdesk_core::work_order_life::{fields, StatusForm, VisitOutcome, WorkOrderStage};
use helpdesk_core::work_order_list::{WorkOrderCursor, WorkOrderFilter};
use helpdesk_store::catalog::{self, NewWorkOrderStatus, NewWorkOrderType};
use helpdesk_store::work_orders::{self, RescheduleOutcome, StatusOutcome};
use helpdesk_store::{customers, new_id};
use uuid::Uuid;

/// 2026-11-28 00:00 in São Paulo (03:00 UTC), in Unix ms.
const DAY_START: i64 = 1_795_834_800_000;
const HOUR: i64 = 60 * MINUTE;
const SAO_PAULO: i32 = -180;
/// 2026-11-28 18:00 in São Paulo: after every visit of the day.
const NOW: i64 = DAY_START + 18 * HOUR;

/// Two teams with a technician each, two types, the four stages' statuses, two customers
/// with a ticket each, and the operator.
struct Field {
    db: common::TestStore,
    bruno: Uuid,
    carla: Uuid,
    north: Uuid,
    repair: Uuid,
    survey: Uuid,
    open: Uuid,
    started: Uuid,
    done: Uuid,
    cancelled: Uuid,
    customers: [Uuid; 2],
    tickets: [Uuid; 2],
    operator: Uuid,
}

async fn field() -> Field {
    let test = common::open().await;
    let store = &test.store;
    let role = catalog::insert_role(store, "Atendente N1", false)
        .await
        .expect("role");
    let operator = common::user(store, "ana.souza", "Ana Souza", role).await;
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
    let kind = |name: &str, is_site_survey| NewWorkOrderType {
        name: name.into(),
        is_site_survey,
        default_minutes: 60,
        color: "#1565C0".into(),
    };
    let repair = catalog::insert_work_order_type(store, &kind("Reparo", false))
        .await
        .expect("type");
    let survey = catalog::insert_work_order_type(store, &kind("Site Survey", true))
        .await
        .expect("type");
    let statuses = catalog::insert_work_order_statuses(
        store,
        &WorkOrderStage::ALL.map(|stage| NewWorkOrderStatus {
            name: stage.label().into(),
            color: "#8E24AA".into(),
            stage,
        }),
    )
    .await
    .expect("statuses");
    let network = common::network(store).await;
    let mut customers = [Uuid::nil(); 2];
    let mut tickets = [Uuid::nil(); 2];
    for (n, name) in ["Padaria Pão Doce", "Mercado Bom Preço"].iter().enumerate() {
        let code = format!("100{n}");
        let document = ["52998224725", "11144477735"][n];
        let customer = common::customer(&code, name, document, &[], &[], &[], network);
        customers[n] = customers::insert_many(store, &[customer])
            .await
            .expect("customer")[0];
        tickets[n] = new_id();
        sqlx::query(
            "INSERT INTO tickets (id, protocol, origin, customer_id, problem, status, opened_by,
                                  opened_at, changed_at)
             VALUES (?1, ?2, 'Telefone', ?3, 'Sem internet', 'Aberto', ?4, ?5, 1)",
        )
        .bind(tickets[n])
        .bind(format!("2611280010000{}", n + 1))
        .bind(customers[n])
        .bind(operator)
        .bind(DAY_START)
        .execute(store.pool())
        .await
        .expect("ticket");
    }
    Field {
        bruno,
        carla,
        north,
        repair,
        survey,
        open: statuses[0],
        started: statuses[1],
        done: statuses[2],
        cancelled: statuses[3],
        customers,
        tickets,
        operator,
        db: test,
    }
}

impl Field {
    /// A visit of customer `n`'s ticket from `start` to `end` hours after the day's start.
    async fn visit(&self, n: usize, technician: Uuid, start: i64, kind: Uuid) -> Uuid {
        let id = new_id();
        sqlx::query(
            "INSERT INTO work_orders (id, ticket_id, customer_id, technician_id, type_id,
                                      status_id, starts_at, ends_at, description, address,
                                      changed_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'Trocar conector', 'Rua das Flores, 10', ?9)",
        )
        .bind(id)
        .bind(self.tickets[n])
        .bind(self.customers[n])
        .bind(technician)
        .bind(kind)
        .bind(self.open)
        .bind(DAY_START + start * HOUR)
        .bind(DAY_START + (start + 1) * HOUR)
        .bind(self.db.store.stamp())
        .execute(self.db.store.pool())
        .await
        .expect("work order");
        id
    }

    /// The dialog filled in for `id` as it is stored now, to `status`.
    async fn form(&self, id: Uuid, status: Uuid) -> StatusForm {
        let line = work_orders::line(&self.db.store, id)
            .await
            .expect("line")
            .expect("the work order exists");
        StatusForm {
            work_order_id: id,
            changed_at: line.visit.changed_at,
            status_id: Some(status),
            started_at: "28/11/2026 09:10".into(),
            finished_at: "28/11/2026 10:05".into(),
            outcome: Some(VisitOutcome::ResolvedOnSite),
            report: "Conector trocado, sinal normalizado.".into(),
            resolve_ticket: false,
        }
    }

    async fn change(&self, form: &StatusForm) -> StatusOutcome {
        work_orders::change_status(&self.db.store, form, SAO_PAULO, self.operator, NOW)
            .await
            .expect("change status")
    }

    async fn ticket_status(&self, n: usize) -> String {
        sqlx::query_scalar("SELECT status FROM tickets WHERE id = ?1")
            .bind(self.tickets[n])
            .fetch_one(self.db.store.pool())
            .await
            .expect("ticket")
    }

    async fn events(&self, n: usize) -> Vec<(String, serde_json::Value)> {
        let rows: Vec<(String, String)> = sqlx::query_as(
            "SELECT kind, payload FROM ticket_events WHERE ticket_id = ?1 ORDER BY at, id",
        )
        .bind(self.tickets[n])
        .fetch_all(self.db.store.pool())
        .await
        .expect("events");
        rows.into_iter()
            .map(|(kind, payload)| (kind, serde_json::from_str(&payload).expect("JSON")))
            .collect()
    }

    async fn list(&self, filter: WorkOrderFilter) -> Vec<Uuid> {
        work_orders::list(&self.db.store, &filter)
            .await
            .expect("list")
            .into_iter()
            .map(|line| line.visit.id)
            .collect()
    }
}

fn saved(outcome: StatusOutcome) -> helpdesk_core::work_order_list::WorkOrderLine {
    match outcome {
        StatusOutcome::Saved(line) => *line,
        other => panic!("not saved: {other:?}"),
    }
}

#[tokio::test]
async fn a_visit_is_started_then_finished_with_its_report_and_the_ticket_resolved() {
    let field = field().await;
    let id = field.visit(0, field.bruno, 9, field.repair).await;

    let started = saved(field.change(&field.form(id, field.started).await).await);
    assert_eq!(started.visit.stage, WorkOrderStage::InProgress);
    assert_eq!(started.started_at, Some(DAY_START + 9 * HOUR + 10 * MINUTE));
    assert_eq!((started.finished_at, started.outcome), (None, None));

    let mut finish = field.form(id, field.done).await;
    finish.resolve_ticket = true;
    let done = saved(field.change(&finish).await);
    assert!(done.visit.is_final);
    assert_eq!(done.visit.status_name, "Concluída");
    assert_eq!(done.finished_at, Some(DAY_START + 10 * HOUR + 5 * MINUTE));
    assert_eq!(done.outcome, Some(VisitOutcome::ResolvedOnSite));
    assert_eq!(done.report, "Conector trocado, sinal normalizado.");
    assert_eq!(field.ticket_status(0).await, "Resolvido");

    let events = field.events(0).await;
    let kinds: Vec<&str> = events.iter().map(|(kind, _)| kind.as_str()).collect();
    assert_eq!(
        kinds,
        ["work_order_status", "work_order_status", "status_changed"]
    );
    let finished = &events[1].1;
    assert_eq!(finished["from"], "Em execução");
    assert_eq!(finished["to"], "Concluída");
    assert_eq!(finished["outcome"], "Resolvido no local");
    assert_eq!(finished["finished_at"], DAY_START + 10 * HOUR + 5 * MINUTE);

    // Done: it changes no more, and its time on the agenda stays.
    let again = field.form(id, field.cancelled).await;
    let StatusOutcome::Refused(errors) = field.change(&again).await else {
        panic!("a done visit changed");
    };
    assert_eq!(errors[0].field, fields::STATUS);
    let moved = Reschedule {
        visit_id: id,
        slot: Slot {
            technician_id: field.bruno,
            starts_at: DAY_START + 14 * HOUR,
            ends_at: DAY_START + 15 * HOUR,
        },
        changed_at: done.visit.changed_at,
        allow_clash: false,
    };
    assert_eq!(
        work_orders::reschedule(&field.db.store, &moved, field.operator, NOW)
            .await
            .expect("reschedule"),
        RescheduleOutcome::Closed
    );
}

#[tokio::test]
async fn a_stale_refused_or_unresolvable_change_writes_nothing() {
    let field = field().await;
    let id = field.visit(0, field.bruno, 9, field.repair).await;
    let before = work_orders::line(&field.db.store, id).await.expect("line");

    let mut stale = field.form(id, field.started).await;
    stale.changed_at -= 1;
    assert!(matches!(
        field.change(&stale).await,
        StatusOutcome::Changed(_)
    ));

    let mut no_report = field.form(id, field.done).await;
    no_report.report = "  ".into();
    no_report.outcome = None;
    let StatusOutcome::Refused(errors) = field.change(&no_report).await else {
        panic!("finished without a report");
    };
    let at: Vec<&str> = errors.iter().map(|error| error.field.as_str()).collect();
    assert_eq!(at, [fields::REPORT, fields::OUTCOME]);

    // The ticket is closed: resolving it is refused, and the visit is not finished either.
    sqlx::query("UPDATE tickets SET status = 'Fechado' WHERE id = ?1")
        .bind(field.tickets[0])
        .execute(field.db.store.pool())
        .await
        .expect("close");
    let mut resolve = field.form(id, field.done).await;
    resolve.resolve_ticket = true;
    let StatusOutcome::Refused(errors) = field.change(&resolve).await else {
        panic!("a closed ticket resolved");
    };
    assert_eq!(errors[0].field, fields::RESOLVE);
    assert_eq!(
        work_orders::line(&field.db.store, id).await.expect("line"),
        before
    );
    assert!(field.events(0).await.is_empty());

    let mut missing = field.form(id, field.started).await;
    missing.work_order_id = new_id();
    assert_eq!(field.change(&missing).await, StatusOutcome::NotFound);

    // Cancelled: the reason is kept as the report.
    let mut cancel = field.form(id, field.cancelled).await;
    cancel.started_at = String::new();
    cancel.report = "Cliente desistiu.".into();
    let cancelled = saved(field.change(&cancel).await);
    assert_eq!(cancelled.visit.stage, WorkOrderStage::Cancelled);
    assert_eq!(cancelled.report, "Cliente desistiu.");
    assert_eq!(cancelled.started_at, None);
}

#[tokio::test]
async fn the_list_filters_by_each_field_latest_first_a_page_at_a_time() {
    let field = field().await;
    let a = field.visit(0, field.bruno, 8, field.repair).await;
    let b = field.visit(1, field.carla, 9, field.repair).await;
    let c = field.visit(0, field.carla, 10, field.survey).await;
    let d = field.visit(1, field.bruno, 11 + 24, field.repair).await;
    saved(field.change(&field.form(a, field.started).await).await);

    assert_eq!(field.list(WorkOrderFilter::default()).await, [d, c, b, a]);
    let by = |filter: WorkOrderFilter| field.list(filter);
    assert_eq!(
        by(WorkOrderFilter {
            technician_id: Some(field.bruno),
            ..WorkOrderFilter::default()
        })
        .await,
        [d, a]
    );
    assert_eq!(
        by(WorkOrderFilter {
            team_id: Some(field.north),
            status_id: Some(field.started),
            ..WorkOrderFilter::default()
        })
        .await,
        [a]
    );
    assert_eq!(
        by(WorkOrderFilter {
            type_id: Some(field.survey),
            ..WorkOrderFilter::default()
        })
        .await,
        [c]
    );
    assert_eq!(
        by(WorkOrderFilter {
            customer_id: Some(field.customers[1]),
            ..WorkOrderFilter::default()
        })
        .await,
        [d, b]
    );
    assert_eq!(
        by(WorkOrderFilter {
            from: Some(DAY_START + 9 * HOUR),
            to: Some(DAY_START + 24 * HOUR),
            ..WorkOrderFilter::default()
        })
        .await,
        [c, b]
    );

    let lines = work_orders::list(
        &field.db.store,
        &WorkOrderFilter {
            limit: 3,
            ..WorkOrderFilter::default()
        },
    )
    .await
    .expect("page");
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[2].technician_name, "Carla Dias");
    assert_eq!(lines[2].team_name, "Equipe Sul");
    let next = by(WorkOrderFilter {
        limit: 3,
        before: lines.last().map(WorkOrderCursor::after),
        ..WorkOrderFilter::default()
    })
    .await;
    assert_eq!(next, [a]);
}
