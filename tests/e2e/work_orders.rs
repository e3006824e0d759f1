//! "Ordens de Serviço" in the real window: the list filtered by technician and status, a
//! visit's status dialog (finishing without a report: the message at the field, what was
//! typed kept), the visit started ("Em execução"), then finished ("Concluída") with its
//! times, outcome and report and "Resolver o atendimento"; the ticket is then resolved, and
//! "Ver na agenda" shows the visit done, which a drag cannot move.
//!
//! The demo's help desk, with one more visit written by SQL for an open ticket, yesterday
//! 09:00–10:00 at the desktop's local time (so the actual times typed are in the past).
use chrono::{Local, NaiveDate, NaiveTime, TimeZone};
use fantoccini::actions::{InputSource, MouseActions, PointerAction, MOUSE_BUTTON_LEFT};
use helpdesk_core::date::format_date;
use helpdesk_core::ticket::{TicketFilter, TicketStatus};
use helpdesk_core::work_order_life::{fields, VisitOutcome, WorkOrderStage};
use helpdesk_core::work_order_list::WorkOrderFilter;
use helpdesk_e2e::wizard::{error_at, log_in};
use helpdesk_e2e::{Harness, StepResult};
use helpdesk_store::{tickets, work_orders, Store};
use uuid::Uuid;

/// What the test wrote and expects.
struct Seeded {
    visit: Uuid,
    ticket: Uuid,
    technician: Uuid,
    open: Uuid,
    in_progress: Uuid,
    done: Uuid,
    /// How many work orders the list shows for the technician and the open status.
    listed: usize,
    yesterday: NaiveDate,
    starts_at: i64,
}

/// Unix ms of `date` at `hour:minute`, local time.
fn local_at(date: NaiveDate, hour: u32, minute: u32) -> i64 {
    let time = NaiveTime::from_hms_opt(hour, minute, 0).expect("a time");
    Local
        .from_local_datetime(&date.and_time(time))
        .earliest()
        .expect("a local time")
        .timestamp_millis()
}

async fn seeded_database(dir: &tempfile::TempDir) -> (std::path::PathBuf, Seeded) {
    let (path, store) = helpdesk_e2e::demo::desk_with_tickets(dir).await;
    let catalog = work_orders::catalog(&store).await.expect("catalog");
    let stage = |stage: WorkOrderStage| {
        catalog
            .statuses
            .iter()
            .find(|status| status.stage == stage)
            .expect("a status of each stage")
            .id
    };
    let open_tickets = tickets::list(
        &store,
        &TicketFilter {
            status: Some(TicketStatus::Open),
            ..TicketFilter::default()
        },
    )
    .await
    .expect("tickets");
    let ticket = &open_tickets[0];
    let technician = catalog.technicians[0].id;
    let yesterday = Local::now().date_naive().pred_opt().expect("yesterday");
    let starts_at = local_at(yesterday, 9, 0);
    let visit = Uuid::now_v7();
    sqlx::query(
        "INSERT INTO work_orders (id, ticket_id, customer_id, technician_id, type_id,
                                  status_id, starts_at, ends_at, description, address,
                                  changed_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'Trocar o conector', 'Rua das Flores, 10', ?9)",
    )
    .bind(visit)
    .bind(ticket.id)
    .bind(ticket.customer_id)
    .bind(technician)
    .bind(catalog.types[0].id)
    .bind(stage(WorkOrderStage::Open))
    .bind(starts_at)
    .bind(local_at(yesterday, 10, 0))
    .bind(store.stamp())
    .execute(store.pool())
    .await
    .expect("a work order");
    let listed = work_orders::list(
        &store,
        &WorkOrderFilter {
            technician_id: Some(technician),
            status_id: Some(stage(WorkOrderStage::Open)),
            ..WorkOrderFilter::default()
        },
    )
    .await
    .expect("list")
    .len();
    store.close().await;
    (
        path,
        Seeded {
            visit,
            ticket: ticket.id,
            technician,
            open: stage(WorkOrderStage::Open),
            in_progress: stage(WorkOrderStage::InProgress),
            done: stage(WorkOrderStage::Done),
            listed,
            yesterday,
            starts_at,
        },
    )
}

/// Presses on the element matching `css`, moves the pointer down by `dy` pixels in a few
/// steps, and releases it.
async fn drag_down(app: &Harness, css: &str, dy: f64) -> StepResult {
    let element = app.element(css).await?;
    let argument = serde_json::to_value(&element).map_err(|error| error.to_string())?;
    app.client
        .execute(
            "arguments[0].scrollIntoView({block: 'center', inline: 'nearest'})",
            vec![argument],
        )
        .await
        .map_err(|error| format!("scroll to {css}: {error}"))?;
    let mut mouse = MouseActions::new("mouse".into())
        .then(PointerAction::MoveToElement {
            element,
            duration: None,
            x: 0.0,
            y: 0.0,
        })
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        });
    for _ in 0..6 {
        mouse = mouse.then(PointerAction::MoveBy {
            duration: Some(std::time::Duration::from_millis(30)),
            x: 0.0,
            y: dy / 6.0,
        });
    }
    mouse = mouse.then(PointerAction::Up {
        button: MOUSE_BUTTON_LEFT,
    });
    app.client
        .perform_actions(mouse)
        .await
        .map_err(|error| format!("drag {css}: {error}"))?;
    let _ = app.client.release_actions().await;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_work_order_is_started_finished_with_its_report_and_resolves_its_ticket() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (database, seeded) = seeded_database(&dir).await;
    let app = Harness::start("work_orders", &database).await;
    let line = format!("tr[data-work-order-id=\"{}\"]", seeded.visit);
    let day = format_date(seeded.yesterday);
    app.run(async |app: &mut Harness| {
        log_in(app).await?;
        app.click("button#ordens-servico").await?;
        app.element("#ordens-servico-pagina").await?;

        // The technician's open visits.
        app.select("#filtro-os-tecnico", &seeded.technician.to_string())
            .await?;
        app.select("#filtro-os-status", &seeded.open.to_string())
            .await?;
        app.click("#filtrar-os").await?;
        app.text_is(
            "#ordens-servico-contagem",
            &helpdesk_core::plural::count(seeded.listed, "ordem de serviço", "ordens de serviço"),
        )
        .await?;
        app.element(&line).await?;
        app.screenshot("lista").await;

        // Finishing without a report: the message at the field, the times typed kept.
        app.click(&format!("{line} .os-abrir")).await?;
        app.element("#os-status-dialogo").await?;
        app.select(&format!("#{}", fields::STATUS), &seeded.done.to_string())
            .await?;
        app.fill(&format!("#{}", fields::STARTED), &format!("{day} 09:05"))
            .await?;
        app.fill(&format!("#{}", fields::FINISHED), &format!("{day} 09:50"))
            .await?;
        app.fill(&format!("#{}", fields::REPORT), "").await?;
        app.click("#os-status-salvar").await?;
        error_at(app, fields::REPORT, "Preencha o relatório do técnico.").await?;
        error_at(app, fields::OUTCOME, "Escolha o resultado da visita.").await?;
        app.expect_value(&format!("#{}", fields::STARTED), &format!("{day} 09:05"))
            .await?;
        app.screenshot("sem-relatorio").await;

        // Started.
        app.select(
            &format!("#{}", fields::STATUS),
            &seeded.in_progress.to_string(),
        )
        .await?;
        app.fill(&format!("#{}", fields::STARTED), &format!("{day} 09:05"))
            .await?;
        app.click("#os-status-salvar").await?;
        app.gone("#os-status-dialogo").await?;
        app.text_at(&format!("{line} .os-status"), "Em execução")
            .await?;

        // Finished, with the outcome and the report, resolving the ticket.
        app.click(&format!("{line} .os-abrir")).await?;
        app.element("#os-status-dialogo").await?;
        app.select(&format!("#{}", fields::STATUS), &seeded.done.to_string())
            .await?;
        app.expect_value(&format!("#{}", fields::STARTED), &format!("{day} 09:05"))
            .await?;
        app.fill(&format!("#{}", fields::FINISHED), &format!("{day} 09:50"))
            .await?;
        app.select(
            &format!("#{}", fields::OUTCOME),
            VisitOutcome::ResolvedOnSite.code(),
        )
        .await?;
        app.fill(
            &format!("#{}", fields::REPORT),
            "Conector trocado; sinal normalizado.",
        )
        .await?;
        app.click(&format!("#{}", fields::RESOLVE)).await?;
        app.click("#os-status-salvar").await?;
        app.gone("#os-status-dialogo").await?;
        app.text_at(&format!("{line} .os-status"), "Concluída")
            .await?;
        app.text_at(&format!("{line} .os-outcome"), "Resolvido no local")
            .await?;
        app.screenshot("concluida").await;

        // On the agenda, on its day: marked done, and a drag does not move it.
        app.click(&format!("{line} .os-ver-agenda")).await?;
        app.element("#agenda-pagina").await?;
        let block = format!(".agenda-columns [data-visit-id=\"{}\"].final", seeded.visit);
        app.element(&block).await?;
        if app.value("#agenda-data").await? != day {
            return Err(format!("the agenda should open on {day}"));
        }
        drag_down(app, &block, 144.0).await?;
        app.text_at("#agenda-aviso", "não muda mais").await?;
        app.screenshot("agenda").await;
        Ok(())
    })
    .await;

    let store = Store::open(&database).await.expect("store");
    let status: String = sqlx::query_scalar("SELECT status FROM tickets WHERE id = ?1")
        .bind(seeded.ticket)
        .fetch_one(store.pool())
        .await
        .expect("ticket");
    assert_eq!(status, "Resolvido");
    let line = work_orders::line(&store, seeded.visit)
        .await
        .expect("line")
        .expect("the work order");
    assert_eq!(line.visit.stage, WorkOrderStage::Done);
    assert_eq!(line.visit.slot.starts_at, seeded.starts_at, "not moved");
    assert_eq!(line.finished_at, Some(local_at(seeded.yesterday, 9, 50)));
    assert_eq!(line.report, "Conector trocado; sinal normalizado.");
}
