//! The catalogs on a real database: an entry deactivated leaves the wizard's choices but
//! stays on the tickets and visits that use it; names clash ignoring case and accents; the
//! rules that keep a role, a team or the last administrator in use; every change queued for
//! sync.
mod common;
mod desk;

use desk::{desk, new_ticket, protocol, NOON};
use helpdesk_core::catalog::{CatalogActiveChange, CatalogEntry, CatalogKind, CatalogValues};
use helpdesk_core::ticket::NewTicket;
use helpdesk_core::ticket_type::Assignee;
use helpdesk_core::work_order::{Slot, MINUTE};
use helpdesk_core::work_order_form::NewWorkOrder;
use helpdesk_store::catalog::{self, ActiveOutcome, Refusal, SaveOutcome};
use helpdesk_store::{ticket_types, tickets, work_orders, Store};
use uuid::Uuid;

async fn save(store: &Store, id: Option<Uuid>, values: CatalogValues) -> SaveOutcome {
    catalog::save(store, id, &values).await.expect("save")
}

async fn create(store: &Store, values: CatalogValues) -> CatalogEntry {
    match save(store, None, values).await {
        SaveOutcome::Saved(entry) => entry,
        other => panic!("not saved: {other:?}"),
    }
}

async fn set_active(store: &Store, kind: CatalogKind, id: Uuid, active: bool) -> ActiveOutcome {
    catalog::set_active(store, CatalogActiveChange { kind, id, active })
        .await
        .expect("set active")
}

fn team(name: &str) -> CatalogValues {
    CatalogValues::Teams { name: name.into() }
}

fn role(name: &str, administrator: bool) -> CatalogValues {
    CatalogValues::Roles {
        name: name.into(),
        administrator,
        edits_customers: false,
    }
}

fn technician(name: &str, team_id: Uuid) -> CatalogValues {
    CatalogValues::Technicians {
        name: name.into(),
        team_id,
        user_id: None,
        phone: String::new(),
    }
}

fn plan(name: &str) -> CatalogValues {
    CatalogValues::Plans {
        name: name.into(),
        technology: "Fibra óptica".into(),
        download_mbps: 500,
        upload_mbps: 250,
        price_cents: 9_990,
    }
}

fn names(entries: &[CatalogEntry]) -> Vec<&str> {
    entries.iter().map(|entry| entry.fields.name()).collect()
}

/// A technician, an O.S. type of 90 minutes and a status, as "Cadastros" makes them.
struct VisitChoices {
    technician: Uuid,
    kind: Uuid,
    status: Uuid,
}

async fn visit_choices(store: &Store) -> VisitChoices {
    let north = create(store, team("Equipe Norte")).await.id;
    let technician = create(store, technician("Bruno Alves", north)).await.id;
    let repair = CatalogValues::WorkOrderTypes {
        name: "Reparo".into(),
        minutes: 90,
        site_survey: false,
        color: "#1565c0".into(),
    };
    let scheduled = CatalogValues::WorkOrderStatuses {
        name: "Agendada".into(),
        stage: helpdesk_core::work_order_life::WorkOrderStage::Open,
        color: "#8e24aa".into(),
    };
    VisitChoices {
        technician,
        kind: create(store, repair).await.id,
        status: create(store, scheduled).await.id,
    }
}

/// Ticket `number` of the desk, with a 90-minute visit `number` two hours after noon.
fn ticket_with_visit(desk: &desk::Desk, choices: &VisitChoices, number: u32) -> NewTicket {
    let starts_at = NOON + i64::from(number) * 120 * MINUTE;
    NewTicket {
        work_order: Some(NewWorkOrder {
            slot: Slot {
                technician_id: choices.technician,
                starts_at,
                ends_at: starts_at + 90 * MINUTE,
            },
            status_id: choices.status,
            type_id: choices.kind,
            address: "Rua das Flores, 120".into(),
            description: "Trocar o conector.".into(),
            allow_clash: false,
        }),
        ..new_ticket(desk, number)
    }
}

#[tokio::test]
async fn a_deactivated_entry_leaves_the_choices_but_stays_on_the_ticket_and_its_visit() {
    let test = common::open().await;
    let store = &test.store;
    let desk = desk(store).await;
    let choices = visit_choices(store).await;
    let VisitChoices {
        kind: repair,
        status: scheduled,
        ..
    } = choices;
    let ticket = ticket_with_visit(&desk, &choices, 1);
    let saved = tickets::save(store, &ticket, desk.ana, NOON)
        .await
        .expect("save")
        .saved()
        .expect("saved");

    for (kind, id) in [
        (CatalogKind::TicketTypes, desk.kind.id),
        (CatalogKind::WorkOrderTypes, repair),
        (CatalogKind::WorkOrderStatuses, scheduled),
    ] {
        let outcome = set_active(store, kind, id, false).await;
        assert!(
            matches!(&outcome, ActiveOutcome::Saved(entry) if !entry.active),
            "{outcome:?}"
        );
    }

    assert_eq!(ticket_types::list(store).await.expect("types"), []);
    let choices = work_orders::catalog(store).await.expect("catalog");
    assert!(choices.types.is_empty() && choices.statuses.is_empty());
    assert_eq!(
        choices.technicians.len(),
        1,
        "the technician is still active"
    );
    let kept = catalog::list(store, CatalogKind::TicketTypes)
        .await
        .expect("the administrator's list");
    assert_eq!(names(&kept), ["Sem conexão"]);
    assert!(!kept[0].active);

    let summary = tickets::find_by_protocol(store, &protocol(1))
        .await
        .expect("find")
        .expect("the ticket");
    assert_eq!(summary.ticket_type_name.as_deref(), Some("Sem conexão"));
    let history = tickets::history(store, saved.id).await.expect("history");
    let payloads: String = history.iter().map(|event| event.payload.as_str()).collect();
    assert!(payloads.contains("Sem conexão") && payloads.contains("Reparo"));
    let visit_id: Uuid = sqlx::query_scalar("SELECT id FROM work_orders")
        .fetch_one(store.pool())
        .await
        .expect("the work order");
    let visit = work_orders::visit(store, visit_id)
        .await
        .expect("visit")
        .expect("still on the agenda");
    assert_eq!(
        (visit.type_name.as_str(), visit.status_name.as_str()),
        ("Reparo", "Agendada")
    );

    let outcome = set_active(store, CatalogKind::TicketTypes, desk.kind.id, true).await;
    assert!(matches!(outcome, ActiveOutcome::Saved(entry) if entry.active));
    assert_eq!(ticket_types::list(store).await.expect("types").len(), 1);
}

#[tokio::test]
async fn a_ticket_is_saved_with_its_type_as_stored_and_never_with_an_inactive_choice() {
    let test = common::open().await;
    let store = &test.store;
    let desk = desk(store).await;
    let choices = visit_choices(store).await;
    let (repair, scheduled) = (choices.kind, choices.status);
    let with_visit = |number| ticket_with_visit(&desk, &choices, number);
    let count = || async {
        sqlx::query_scalar::<_, i64>("SELECT count(*) FROM tickets")
            .fetch_one(store.pool())
            .await
            .expect("count")
    };

    // The window's copy of the type is not trusted: a forged SLA and destination are ignored.
    let mut forged = with_visit(1);
    forged.ticket_type.sla_hours = 9_999;
    forged.ticket_type.assignee = None;
    let saved = tickets::save(store, &forged, desk.ana, NOON)
        .await
        .expect("save")
        .saved()
        .expect("saved");
    let (due_at, role): (i64, Option<Uuid>) =
        sqlx::query_as("SELECT due_at, assigned_role_id FROM tickets WHERE id = ?1")
            .bind(saved.id)
            .fetch_one(store.pool())
            .await
            .expect("the ticket");
    // No business hours are set: the stored type's 4 calendar hours.
    assert_eq!(due_at, NOON + 4 * 3_600_000);
    assert_eq!(role, desk.kind.assignee.as_ref().and_then(|a| a.ids().1));

    for (kind, id, refused) in [
        (
            CatalogKind::WorkOrderStatuses,
            scheduled,
            tickets::SaveOutcome::WorkOrderStatusInactive,
        ),
        (
            CatalogKind::WorkOrderTypes,
            repair,
            tickets::SaveOutcome::WorkOrderTypeInactive,
        ),
        (
            CatalogKind::TicketTypes,
            desk.kind.id,
            tickets::SaveOutcome::TicketTypeUnavailable,
        ),
    ] {
        assert!(matches!(
            set_active(store, kind, id, false).await,
            ActiveOutcome::Saved(_)
        ));
        let outcome = tickets::save(store, &with_visit(2), desk.ana, NOON)
            .await
            .expect("save");
        assert_eq!(outcome, refused, "{kind:?}");
        assert_eq!(count().await, 1, "nothing written");
    }
}

#[tokio::test]
async fn names_clash_in_a_catalog_ignoring_case_and_accents() {
    let test = common::open().await;
    let store = &test.store;
    let fibra = create(store, plan("Fibra Óptica")).await;
    assert_eq!(
        save(store, None, plan(" fibra  optica")).await,
        SaveOutcome::NameTaken,
        "folded alike"
    );
    assert_eq!(
        save(store, None, plan("FIBRA ÓPTICA")).await,
        SaveOutcome::NameTaken
    );
    set_active(store, CatalogKind::Plans, fibra.id, false).await;
    assert_eq!(
        save(store, None, plan("fibra optica")).await,
        SaveOutcome::NameTaken,
        "an inactive entry keeps its name"
    );
    let renamed = save(store, Some(fibra.id), plan("FIBRA ÓPTICA")).await;
    assert!(
        matches!(&renamed, SaveOutcome::Saved(entry) if entry.fields.name() == "FIBRA ÓPTICA"),
        "an entry may change the case of its own name: {renamed:?}"
    );
    create(store, team("Fibra Óptica")).await;
    let plans = catalog::list(store, CatalogKind::Plans)
        .await
        .expect("list");
    assert_eq!(plans.len(), 1);
    assert_eq!(
        save(store, Some(Uuid::nil()), plan("Rádio 20M")).await,
        SaveOutcome::NotFound
    );
}

#[tokio::test]
async fn every_change_stamps_the_entry_and_queues_it_for_sync() {
    let test = common::open().await;
    let store = &test.store;
    let stamp_of = |id: Uuid| async move {
        sqlx::query_scalar::<_, i64>("SELECT changed_at FROM contact_roles WHERE id = ?1")
            .bind(id)
            .fetch_one(store.pool())
            .await
            .expect("stamp")
    };
    let queued = || async {
        sqlx::query_scalar::<_, i64>(
            "SELECT count(*) FROM sync_outbox WHERE table_name = 'contact_roles'",
        )
        .fetch_one(store.pool())
        .await
        .expect("outbox")
    };
    let spouse = CatalogValues::ContactRoles {
        name: "Cônjuge".into(),
    };
    let spouse = create(store, spouse).await.id;
    let other = CatalogValues::ContactRoles {
        name: "Outro".into(),
    };
    create(store, other).await;
    let created = stamp_of(spouse).await;
    let before = queued().await;
    set_active(store, CatalogKind::ContactRoles, spouse, false).await;
    assert!(stamp_of(spouse).await > created);
    assert!(queued().await > before);
    assert_eq!(
        catalog::contact_role_names(store).await.expect("names"),
        ["Outro"]
    );
    let deleted: i64 = sqlx::query_scalar("SELECT deleted FROM contact_roles WHERE id = ?1")
        .bind(spouse)
        .fetch_one(store.pool())
        .await
        .expect("row");
    assert_eq!(deleted, 0, "deactivating never deletes");
}

#[tokio::test]
async fn a_new_status_goes_last_and_statuses_list_in_workflow_order() {
    let test = common::open().await;
    let store = &test.store;
    for name in ["Aberta", "Concluída", "Agendada"] {
        let status = CatalogValues::WorkOrderStatuses {
            name: name.into(),
            stage: if name == "Concluída" {
                helpdesk_core::work_order_life::WorkOrderStage::Done
            } else {
                helpdesk_core::work_order_life::WorkOrderStage::Open
            },
            color: "#757575".into(),
        };
        create(store, status).await;
    }
    let statuses = catalog::list(store, CatalogKind::WorkOrderStatuses)
        .await
        .expect("list");
    assert_eq!(names(&statuses), ["Aberta", "Concluída", "Agendada"]);
}

#[tokio::test]
async fn a_role_in_use_or_holding_the_last_administrator_stays() {
    let test = common::open().await;
    let store = &test.store;
    let admins = create(store, role("Administrador", true)).await.id;
    let n1 = create(store, role("Atendente N1", false)).await.id;
    let admin = common::user(store, "admin", "Administrador do Sistema", admins).await;
    let ana = common::user(store, "ana.souza", "Ana Souza", n1).await;

    assert_eq!(
        save(store, Some(admins), role("Administrador", false)).await,
        SaveOutcome::Refused(Refusal::LastAdministrator)
    );
    assert_eq!(
        set_active(store, CatalogKind::Roles, admins, false).await,
        ActiveOutcome::Refused(Refusal::RoleInUse(1))
    );
    assert_eq!(
        set_active(store, CatalogKind::Roles, n1, false).await,
        ActiveOutcome::Refused(Refusal::RoleInUse(1))
    );
    let roles = catalog::list(store, CatalogKind::Roles)
        .await
        .expect("roles");
    assert!(roles.iter().all(|role| role.active), "nothing written");
    assert!(matches!(
        &roles[0].fields,
        helpdesk_core::catalog::CatalogFields::Roles {
            administrator: true,
            ..
        }
    ));

    // Ana's role becomes administrative: the first one may then stop being.
    let promoted = save(store, Some(n1), role("Atendente N1", true)).await;
    assert!(matches!(promoted, SaveOutcome::Saved(_)), "{promoted:?}");
    let demoted = save(store, Some(admins), role("Administrador", false)).await;
    assert!(matches!(demoted, SaveOutcome::Saved(_)), "{demoted:?}");

    // Users who left do not hold a role.
    for user in [admin, ana] {
        sqlx::query("UPDATE users SET active = 0 WHERE id = ?1")
            .bind(user)
            .execute(store.pool())
            .await
            .expect("deactivate the user");
    }
    assert!(matches!(
        set_active(store, CatalogKind::Roles, admins, false).await,
        ActiveOutcome::Saved(entry) if !entry.active
    ));
}

#[tokio::test]
async fn a_team_with_active_technicians_stays_and_an_inactive_one_takes_none() {
    let test = common::open().await;
    let store = &test.store;
    let north = create(store, team("Equipe Norte")).await.id;
    let south = create(store, team("Equipe Sul")).await.id;
    let bruno = create(store, technician("Bruno Alves", north)).await.id;
    assert_eq!(
        set_active(store, CatalogKind::Teams, north, false).await,
        ActiveOutcome::Refused(Refusal::TeamInUse(1))
    );
    set_active(store, CatalogKind::Technicians, bruno, false).await;
    assert!(matches!(
        set_active(store, CatalogKind::Teams, north, false).await,
        ActiveOutcome::Saved(_)
    ));
    assert_eq!(
        save(store, None, technician("Carla Dias", north)).await,
        SaveOutcome::Refused(Refusal::TeamInactive)
    );
    assert_eq!(
        set_active(store, CatalogKind::Technicians, bruno, true).await,
        ActiveOutcome::Refused(Refusal::TeamInactive)
    );
    let moved = save(store, Some(bruno), technician("Bruno Alves", south)).await;
    assert!(matches!(moved, SaveOutcome::Saved(_)), "{moved:?}");
    assert!(matches!(
        set_active(store, CatalogKind::Technicians, bruno, true).await,
        ActiveOutcome::Saved(entry) if entry.active
    ));
}

#[tokio::test]
async fn a_ticket_type_goes_to_an_active_user_or_role_only() {
    let test = common::open().await;
    let store = &test.store;
    let night = create(store, role("Plantão", false)).await.id;
    set_active(store, CatalogKind::Roles, night, false).await;
    let to_night = CatalogValues::TicketTypes {
        name: "Sem conexão".into(),
        destination: Some(Assignee::Role {
            id: night,
            name: "Plantão".into(),
        }),
        sla_hours: 4,
        sla_calendar: false,
    };
    assert_eq!(
        save(store, None, to_night.clone()).await,
        SaveOutcome::Refused(Refusal::DestinationInactive)
    );
    set_active(store, CatalogKind::Roles, night, true).await;
    let saved = create(store, to_night.clone()).await;
    assert_eq!(saved.fields, to_night.fields(), "read back as saved");
}
