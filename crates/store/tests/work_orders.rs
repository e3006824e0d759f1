//! The "Agenda Técnica" on a real SQLite file: the work-order catalog, the visits of a
//! range, clashes, and rescheduling (stale visits, removed technicians, clashes, two
//! operators at once). Visits are written with plain SQL, as the wizard's save would.
mod common;

use helpdesk_core::work_order::{AgendaQuery, Reschedule, Slot, Visit, VisitKind, MINUTE};
use helpdesk_store::catalog::{self, NewWorkOrderStatus, NewWorkOrderType};
use helpdesk_store::work_orders::{self, RescheduleOutcome};
use helpdesk_store::{customers, new_id};
use serde_json::Value;
use uuid::Uuid;

/// 2026-11-28 00:00 in São Paulo (03:00 UTC), in Unix ms.
const DAY_START: i64 = 1_795_834_800_000;
const HOUR: i64 = 60 * MINUTE;
const DAY: i64 = 24 * HOUR;

/// Two teams' technicians, an installation and a site-survey type, a scheduled and a
/// final status, a customer with one ticket, and the operator who moves visits.
struct Agenda {
    db: common::TestStore,
    bruno: Uuid,
    carla: Uuid,
    alvaro: Uuid,
    installation: Uuid,
    survey: Uuid,
    scheduled: Uuid,
    done: Uuid,
    customer: Uuid,
    ticket: Uuid,
    operator: Uuid,
}

async fn agenda() -> Agenda {
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
        phone: "(11) 98765-4321".into(),
    };
    let bruno = catalog::insert_technician(store, &technician("Bruno Alves", north))
        .await
        .expect("technician");
    let carla = catalog::insert_technician(store, &technician("Carla Dias", south))
        .await
        .expect("technician");
    let alvaro = catalog::insert_technician(store, &technician("Álvaro Reis", south))
        .await
        .expect("technician");
    let kind = |name: &str, is_site_survey| NewWorkOrderType {
        name: name.into(),
        is_site_survey,
        default_minutes: 60,
        color: "#1565C0".into(),
    };
    let survey = catalog::insert_work_order_type(store, &kind("Site Survey", true))
        .await
        .expect("type");
    let installation = catalog::insert_work_order_type(store, &kind("Instalação", false))
        .await
        .expect("type");
    let status = |name: &str, stage| NewWorkOrderStatus {
        name: name.into(),
        color: "#8E24AA".into(),
        stage,
    };
    let statuses = catalog::insert_work_order_statuses(
        store,
        &[
            status(
                "Agendada",
                helpdesk_core::work_order_life::WorkOrderStage::Open,
            ),
            status(
                "Concluída",
                helpdesk_core::work_order_life::WorkOrderStage::Done,
            ),
        ],
    )
    .await
    .expect("statuses");
    let network = common::network(store).await;
    let customer = common::customer(
        "1001",
        "Padaria Pão; Doce, Ltda",
        "52998224725",
        &[],
        &[],
        &["padaria"],
        network,
    );
    let customer = customers::insert_many(store, &[customer])
        .await
        .expect("customer")[0];
    let ticket = new_id();
    sqlx::query(
        "INSERT INTO tickets (id, protocol, origin, customer_id, problem, status, opened_by,
                              opened_at, changed_at)
         VALUES (?1, '26112800100001', 'Telefone', ?2, 'Sem internet', 'Aberto', ?3, ?4, 1)",
    )
    .bind(ticket)
    .bind(customer)
    .bind(operator)
    .bind(DAY_START)
    .execute(store.pool())
    .await
    .expect("ticket");
    Agenda {
        bruno,
        carla,
        alvaro,
        installation,
        survey,
        scheduled: statuses[0],
        done: statuses[1],
        customer,
        ticket,
        operator,
        db: test,
    }
}

impl Agenda {
    /// A visit of the ticket from `start` to `end` hours after the day's start.
    async fn visit(&self, technician: Uuid, start: f64, end: f64, kind: Uuid) -> Uuid {
        self.visit_with(technician, start, end, kind, self.scheduled)
            .await
    }

    async fn visit_with(
        &self,
        technician: Uuid,
        start: f64,
        end: f64,
        kind: Uuid,
        status: Uuid,
    ) -> Uuid {
        let id = new_id();
        sqlx::query(
            "INSERT INTO work_orders (id, ticket_id, customer_id, technician_id, type_id,
                                      status_id, starts_at, ends_at, description, address,
                                      changed_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'Instalar a ONU', 'Rua das Flores, 10', ?9)",
        )
        .bind(id)
        .bind(self.ticket)
        .bind(self.customer)
        .bind(technician)
        .bind(kind)
        .bind(status)
        .bind(at(start))
        .bind(at(end))
        .bind(self.db.store.stamp())
        .execute(self.db.store.pool())
        .await
        .expect("work order");
        id
    }

    async fn day(&self, technician_ids: Vec<Uuid>, kind: Option<VisitKind>) -> Vec<Uuid> {
        let query = AgendaQuery {
            from: DAY_START,
            to: DAY_START + DAY,
            technician_ids,
            kind,
        };
        work_orders::agenda(&self.db.store, &query)
            .await
            .expect("agenda")
            .into_iter()
            .map(|visit| visit.id)
            .collect()
    }

    async fn get(&self, id: Uuid) -> Visit {
        work_orders::visit(&self.db.store, id)
            .await
            .expect("visit")
            .expect("the visit exists")
    }

    async fn move_to(&self, visit: &Visit, slot: Slot, allow_clash: bool) -> RescheduleOutcome {
        let request = Reschedule {
            visit_id: visit.id,
            slot,
            changed_at: visit.changed_at,
            allow_clash,
        };
        work_orders::reschedule(&self.db.store, &request, self.operator, DAY_START)
            .await
            .expect("reschedule")
    }

    async fn events(&self) -> Vec<Value> {
        let payloads: Vec<String> = sqlx::query_scalar(
            "SELECT payload FROM ticket_events
             WHERE ticket_id = ?1 AND kind = 'work_order_rescheduled' ORDER BY at, rowid",
        )
        .bind(self.ticket)
        .fetch_all(self.db.store.pool())
        .await
        .expect("events");
        payloads
            .iter()
            .map(|payload| serde_json::from_str(payload).expect("JSON"))
            .collect()
    }
}

/// `hours` after the day's start, in Unix ms.
fn at(hours: f64) -> i64 {
    DAY_START + (hours * HOUR as f64) as i64
}

fn slot(technician: Uuid, start: f64, end: f64) -> Slot {
    Slot {
        technician_id: technician,
        starts_at: at(start),
        ends_at: at(end),
    }
}

#[tokio::test]
async fn the_catalog_lists_types_by_name_statuses_in_order_and_active_technicians() {
    let agenda = agenda().await;
    let removed = catalog::insert_team(&agenda.db.store, "Equipe Leste")
        .await
        .expect("team");
    let gone = catalog::insert_technician(
        &agenda.db.store,
        &catalog::NewTechnician {
            name: "Diego Souza".into(),
            team_id: removed,
            user_id: None,
            phone: String::new(),
        },
    )
    .await
    .expect("technician");
    sqlx::query("UPDATE technicians SET deleted = 1 WHERE id = ?1")
        .bind(gone)
        .execute(agenda.db.store.pool())
        .await
        .expect("delete");
    sqlx::query("UPDATE technicians SET active = 0 WHERE id = ?1")
        .bind(agenda.carla)
        .execute(agenda.db.store.pool())
        .await
        .expect("deactivate");

    let catalog = work_orders::catalog(&agenda.db.store)
        .await
        .expect("catalog");
    let names = |names: Vec<&str>| names.into_iter().map(String::from).collect::<Vec<_>>();
    assert_eq!(
        catalog
            .types
            .iter()
            .map(|t| t.name.clone())
            .collect::<Vec<_>>(),
        names(vec!["Instalação", "Site Survey"])
    );
    assert_eq!(catalog.types[1].kind, VisitKind::SiteSurvey);
    assert_eq!(catalog.types[0].default_minutes, 60);
    assert_eq!(
        catalog
            .statuses
            .iter()
            .map(|s| (s.name.clone(), s.is_final))
            .collect::<Vec<_>>(),
        vec![("Agendada".into(), false), ("Concluída".into(), true)]
    );
    let technicians: Vec<_> = catalog
        .technicians
        .iter()
        .map(|t| (t.name.as_str(), t.team_name.as_str()))
        .collect();
    assert_eq!(
        technicians,
        [
            ("Álvaro Reis", "Equipe Sul"),
            ("Bruno Alves", "Equipe Norte")
        ],
        "by name ignoring accents; inactive and deleted ones left out"
    );
}

#[tokio::test]
async fn the_agenda_shows_the_visits_overlapping_the_range_by_start() {
    let agenda = agenda().await;
    let (bruno, carla) = (agenda.bruno, agenda.carla);
    let nine = agenda.visit(bruno, 9.0, 10.0, agenda.installation).await;
    let ten = agenda.visit(bruno, 10.0, 11.5, agenda.survey).await;
    let overnight = agenda.visit(carla, -1.0, 1.0, agenda.installation).await;
    let _yesterday = agenda.visit(carla, -3.0, 0.0, agenda.installation).await;
    let _tomorrow = agenda.visit(carla, 24.0, 25.0, agenda.installation).await;
    let deleted = agenda.visit(carla, 12.0, 13.0, agenda.installation).await;
    sqlx::query("UPDATE work_orders SET deleted = 1 WHERE id = ?1")
        .bind(deleted)
        .execute(agenda.db.store.pool())
        .await
        .expect("delete");

    assert_eq!(agenda.day(vec![], None).await, [overnight, nine, ten]);
    assert_eq!(agenda.day(vec![carla], None).await, [overnight]);
    assert_eq!(
        agenda.day(vec![bruno, carla], None).await,
        [overnight, nine, ten]
    );
    assert_eq!(
        agenda.day(vec![agenda.alvaro], None).await,
        Vec::<Uuid>::new()
    );
    assert_eq!(agenda.day(vec![], Some(VisitKind::SiteSurvey)).await, [ten]);
    assert_eq!(
        agenda.day(vec![bruno], Some(VisitKind::WorkOrder)).await,
        [nine]
    );

    let visit = agenda.get(ten).await;
    assert_eq!(visit.protocol, "261128-001-00001");
    assert_eq!(visit.customer_name, "Padaria Pão; Doce, Ltda");
    assert_eq!(visit.customer_id, agenda.customer);
    assert_eq!(visit.ticket_id, agenda.ticket);
    assert_eq!(visit.slot, slot(bruno, 10.0, 11.5));
    assert_eq!(
        (visit.kind, visit.type_name.as_str()),
        (VisitKind::SiteSurvey, "Site Survey")
    );
    assert_eq!(
        (visit.status_name.as_str(), visit.is_final),
        ("Agendada", false)
    );
    assert_eq!(visit.address, "Rua das Flores, 10");
    assert_eq!(visit.description, "Instalar a ONU");
}

#[tokio::test]
async fn any_text_is_read_back_as_written() {
    let agenda = agenda().await;
    let id = agenda
        .visit(agenda.bruno, 9.0, 10.0, agenda.installation)
        .await;
    let text = "\"Aspas\" \\ barra\ninvertida\ttab \u{1} 😀 ção ' -- ; DROP TABLE";
    sqlx::query("UPDATE work_orders SET description = ?2, address = ?2 WHERE id = ?1")
        .bind(id)
        .bind(text)
        .execute(agenda.db.store.pool())
        .await
        .expect("update");
    let visit = agenda.get(id).await;
    assert_eq!(visit.description, text);
    assert_eq!(visit.address, text);
}

#[tokio::test]
async fn a_slot_clashes_with_the_same_technicians_open_visits() {
    let agenda = agenda().await;
    let bruno = agenda.bruno;
    let nine = agenda.visit(bruno, 9.0, 10.0, agenda.installation).await;
    let ten = agenda.visit(bruno, 10.0, 11.0, agenda.survey).await;
    let _done = agenda
        .visit_with(bruno, 11.0, 12.0, agenda.installation, agenda.done)
        .await;
    let _carla = agenda
        .visit(agenda.carla, 9.0, 12.0, agenda.installation)
        .await;

    let clashes = |slot: Slot, except: Option<Uuid>| {
        let store = &agenda.db.store;
        async move {
            let mut conn = store.pool().acquire().await.expect("connection");
            work_orders::clashes_in(&mut conn, &slot, except)
                .await
                .expect("clashes")
                .into_iter()
                .map(|visit| visit.id)
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(clashes(slot(bruno, 9.5, 10.5), None).await, [nine, ten]);
    assert_eq!(clashes(slot(bruno, 9.5, 10.5), Some(nine)).await, [ten]);
    assert_eq!(
        clashes(slot(bruno, 8.0, 9.0), None).await,
        Vec::<Uuid>::new(),
        "touching"
    );
    assert_eq!(
        clashes(slot(bruno, 11.0, 12.0), None).await,
        Vec::<Uuid>::new(),
        "a final status holds no time"
    );
    assert_eq!(clashes(slot(bruno, 0.0, 24.0), None).await, [nine, ten]);
}

#[tokio::test]
async fn a_reschedule_moves_the_visit_and_writes_its_history() {
    let agenda = agenda().await;
    let id = agenda
        .visit(agenda.bruno, 9.0, 10.0, agenda.installation)
        .await;
    let before = agenda.get(id).await;

    let to = slot(agenda.carla, 14.0, 15.5);
    let RescheduleOutcome::Saved(saved) = agenda.move_to(&before, to, false).await else {
        panic!("saved");
    };
    assert_eq!(saved.slot, to);
    assert!(saved.changed_at > before.changed_at);
    assert_eq!(*saved, agenda.get(id).await, "as stored");
    assert_eq!(agenda.day(vec![agenda.carla], None).await, [id]);

    let events = agenda.events().await;
    assert_eq!(events.len(), 1);
    assert_eq!(events[0]["work_order"], id.to_string());
    assert_eq!(events[0]["from"]["technician"], "Bruno Alves");
    assert_eq!(events[0]["from"]["starts_at"], at(9.0));
    assert_eq!(events[0]["from"]["ends_at"], at(10.0));
    assert_eq!(events[0]["to"]["technician"], "Carla Dias");
    assert_eq!(events[0]["to"]["starts_at"], at(14.0));
    assert_eq!(events[0]["to"]["ends_at"], at(15.5));

    // The same slot again changes nothing and writes no history.
    let RescheduleOutcome::Saved(same) = agenda.move_to(&saved, to, false).await else {
        panic!("saved");
    };
    assert_eq!(same, saved);
    assert_eq!(agenda.events().await.len(), 1);
}

#[tokio::test]
async fn a_reschedule_of_a_stale_missing_clashing_or_done_visit_writes_nothing() {
    let agenda = agenda().await;
    let nine = agenda
        .visit(agenda.bruno, 9.0, 10.0, agenda.installation)
        .await;
    let eleven = agenda.visit(agenda.bruno, 11.0, 12.0, agenda.survey).await;
    let visit = agenda.get(nine).await;

    let mut missing = visit.clone();
    missing.id = new_id();
    assert_eq!(
        agenda.move_to(&missing, visit.slot, false).await,
        RescheduleOutcome::NotFound
    );

    let clash = slot(agenda.bruno, 10.5, 11.5);
    let RescheduleOutcome::Clash(clashing) = agenda.move_to(&visit, clash, false).await else {
        panic!("a clash");
    };
    assert_eq!(clashing.iter().map(|v| v.id).collect::<Vec<_>>(), [eleven]);

    sqlx::query("UPDATE technicians SET active = 0 WHERE id = ?1")
        .bind(agenda.alvaro)
        .execute(agenda.db.store.pool())
        .await
        .expect("deactivate");
    let to_alvaro = slot(agenda.alvaro, 9.0, 10.0);
    assert_eq!(
        agenda.move_to(&visit, to_alvaro, false).await,
        RescheduleOutcome::TechnicianRemoved
    );
    let to_nobody = slot(Uuid::now_v7(), 9.0, 10.0);
    assert_eq!(
        agenda.move_to(&visit, to_nobody, false).await,
        RescheduleOutcome::TechnicianRemoved
    );
    assert_eq!(agenda.get(nine).await, visit, "unchanged");
    assert!(agenda.events().await.is_empty());

    // Accepted, the clash is saved.
    let RescheduleOutcome::Saved(saved) = agenda.move_to(&visit, clash, true).await else {
        panic!("saved");
    };
    assert_eq!(saved.slot, clash);

    // A screen that still shows the visit at nine is told it changed, and sees where.
    let RescheduleOutcome::Changed(current) = agenda.move_to(&visit, to_alvaro, true).await else {
        panic!("changed by someone else");
    };
    assert_eq!(current, saved);
    assert_eq!(agenda.events().await.len(), 1);

    // A visit done (a final status) keeps its time.
    sqlx::query("UPDATE work_orders SET status_id = ?2, changed_at = changed_at + 1 WHERE id = ?1")
        .bind(eleven)
        .bind(agenda.done)
        .execute(agenda.db.store.pool())
        .await
        .expect("done");
    let done = agenda.get(eleven).await;
    assert!(done.is_final);
    let later = slot(agenda.bruno, 15.0, 16.0);
    assert_eq!(
        agenda.move_to(&done, later, true).await,
        RescheduleOutcome::Closed
    );
    assert_eq!(agenda.get(eleven).await, done, "unchanged");
    assert_eq!(agenda.events().await.len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_operators_scheduling_the_same_slot_the_second_sees_the_clash() {
    let agenda = agenda().await;
    let first = agenda
        .visit(agenda.bruno, 8.0, 9.0, agenda.installation)
        .await;
    let second = agenda
        .visit(agenda.carla, 8.0, 9.0, agenda.installation)
        .await;
    let (first, second) = (agenda.get(first).await, agenda.get(second).await);
    let target = slot(agenda.bruno, 14.0, 15.0);
    let second_target = slot(agenda.bruno, 14.5, 15.5);

    let (a, b) = tokio::join!(
        agenda.move_to(&first, target, false),
        agenda.move_to(&second, second_target, false)
    );
    let outcomes = [&a, &b];
    assert_eq!(
        outcomes
            .iter()
            .filter(|o| matches!(o, RescheduleOutcome::Saved(_)))
            .count(),
        1,
        "{outcomes:?}"
    );
    assert_eq!(
        outcomes
            .iter()
            .filter(|o| matches!(o, RescheduleOutcome::Clash(_)))
            .count(),
        1,
        "{outcomes:?}"
    );
    let afternoon = AgendaQuery {
        from: at(12.0),
        to: at(18.0),
        technician_ids: vec![agenda.bruno],
        kind: None,
    };
    let visits = work_orders::agenda(&agenda.db.store, &afternoon)
        .await
        .expect("agenda");
    assert_eq!(visits.len(), 1, "one of them holds the afternoon");
}

#[tokio::test]
async fn the_database_refuses_a_visit_longer_than_a_day() {
    let agenda = agenda().await;
    let id = agenda
        .visit(agenda.bruno, 0.0, 24.0, agenda.installation)
        .await;
    let insert = sqlx::query(
        "INSERT INTO work_orders (id, ticket_id, customer_id, technician_id, type_id, status_id,
                                  starts_at, ends_at, description, address, changed_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, '', '', 1)",
    )
    .bind(new_id())
    .bind(agenda.ticket)
    .bind(agenda.customer)
    .bind(agenda.bruno)
    .bind(agenda.installation)
    .bind(agenda.scheduled)
    .bind(at(0.0))
    .bind(at(24.25))
    .execute(agenda.db.store.pool())
    .await;
    assert!(insert.is_err(), "inserted a 24 h 15 min visit");
    let update = sqlx::query("UPDATE work_orders SET ends_at = ends_at + 1 WHERE id = ?1")
        .bind(id)
        .execute(agenda.db.store.pool())
        .await;
    assert!(update.is_err(), "stretched a visit past a day");
}
