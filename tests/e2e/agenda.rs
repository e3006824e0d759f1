//! The "Agenda Técnica" in the real app window, with WebDriver pointer actions: the operator
//! opens it from the header on today's date in "Dia", drags a visit to another technician
//! and hour, resizes another by its bottom edge, drops one onto a third (the clash warning,
//! "Cancelar"), undoes the resize, moves a visit with the keyboard, switches to "Semana" and
//! "Mês", and tries each filter ("Tipo", "Equipe", "Meu Usuário", a technician's box,
//! "Todos") and the date picker. Screenshots of each view; the database is read afterwards.
//!
//! The demo has no work orders: four are written by SQL into the test database, today, for
//! tickets of the demo data, at the desktop's local time.
use chrono::{Datelike, Local, NaiveTime, TimeZone};
use fantoccini::actions::{InputSource, MouseActions, PointerAction, MOUSE_BUTTON_LEFT};
use helpdesk_core::date::format_date;
use helpdesk_core::ticket::TicketFilter;
use helpdesk_core::work_order::{Slot, Technician, VisitKind};
use helpdesk_demo::OPERATOR;
use helpdesk_e2e::wizard::log_in;
use helpdesk_e2e::{Harness, StepResult};
use helpdesk_store::{people, tickets, work_orders, Store};
use uuid::Uuid;

/// The visits written for the test, and who they are for.
struct Seeded {
    technicians: Vec<Technician>,
    /// Technician 0, 09:00–10:00: dragged to technician 1 at 11:00.
    moved: Uuid,
    /// Technician 1, 13:00–14:00: resized to 14:30.
    resized: Uuid,
    resized_customer: String,
    /// Technician 2, 15:00–16:00, a Site Survey.
    survey: Uuid,
    /// How many technicians are the demo operator's own ("Meu Usuário").
    mine: usize,
}

/// Unix ms of today at `hour:minute`, local time.
fn today_at(hour: u32, minute: u32) -> i64 {
    let time = NaiveTime::from_hms_opt(hour, minute, 0).expect("a time");
    let local = Local::now().date_naive().and_time(time);
    Local
        .from_local_datetime(&local)
        .earliest()
        .expect("a local time")
        .timestamp_millis()
}

async fn seeded_database(dir: &tempfile::TempDir) -> (std::path::PathBuf, Seeded) {
    let (path, store) = helpdesk_e2e::demo::desk_with_tickets(dir).await;
    let catalog = work_orders::catalog(&store).await.expect("catalog");
    let open = catalog
        .statuses
        .iter()
        .find(|status| !status.is_final)
        .expect("an open status");
    let type_of = |kind: VisitKind| {
        catalog
            .types
            .iter()
            .find(|t| t.kind == kind)
            .expect("a type of each kind")
            .id
    };
    let list = tickets::list(&store, &TicketFilter::default())
        .await
        .expect("tickets");
    let mut ids = Vec::new();
    let plan = [
        (0, 9, 10, VisitKind::WorkOrder),
        (1, 13, 14, VisitKind::WorkOrder),
        (2, 15, 16, VisitKind::SiteSurvey),
    ];
    for (at, (technician, from, to, kind)) in plan.into_iter().enumerate() {
        let ticket = &list[at];
        let id = Uuid::now_v7();
        sqlx::query(
            "INSERT INTO work_orders (id, ticket_id, customer_id, technician_id, type_id,
                                      status_id, starts_at, ends_at, description, address,
                                      changed_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'Verificar a ONU', 'Rua das Flores, 10', ?9)",
        )
        .bind(id)
        .bind(ticket.id)
        .bind(ticket.customer_id)
        .bind(catalog.technicians[technician].id)
        .bind(type_of(kind))
        .bind(open.id)
        .bind(today_at(from, 0))
        .bind(today_at(to, 0))
        .bind(store.stamp())
        .execute(store.pool())
        .await
        .expect("a work order");
        ids.push((id, ticket.customer_name.clone()));
    }
    let operator = people::authenticate(&store, OPERATOR.login, OPERATOR.password)
        .await
        .expect("log-in")
        .expect("the demo operator");
    let mine = catalog
        .technicians
        .iter()
        .filter(|technician| technician.user_id == Some(operator.id))
        .count();
    store.close().await;
    (
        path,
        Seeded {
            technicians: catalog.technicians,
            moved: ids[0].0,
            resized: ids[1].0,
            resized_customer: ids[1].1.clone(),
            survey: ids[2].0,
            mine,
        },
    )
}

fn visit(id: Uuid) -> String {
    format!(".agenda-columns [data-visit-id=\"{id}\"]")
}

fn column(technician: Uuid) -> String {
    format!(".agenda-column[data-technician-id=\"{technician}\"]")
}

/// Presses on the element matching `css` (`dy` pixels below its centre), moves the pointer
/// by `dx`, `dy` in a few steps, and releases it.
async fn drag(app: &Harness, css: &str, at_dy: f64, dx: f64, dy: f64) -> StepResult {
    let element = app.element(css).await?;
    // Pointer moves to an element do not scroll it into view.
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
            y: at_dy,
        })
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        });
    const STEPS: u32 = 6;
    for _ in 0..STEPS {
        mouse = mouse.then(PointerAction::MoveBy {
            duration: Some(std::time::Duration::from_millis(30)),
            x: dx / f64::from(STEPS),
            y: dy / f64::from(STEPS),
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

/// The width of a technician's column, in pixels.
async fn column_width(app: &Harness, technician: Uuid) -> StepResult<f64> {
    let element = app.element(&column(technician)).await?;
    let (_, _, width, _) = element
        .rectangle()
        .await
        .map_err(|error| format!("the column's size: {error}"))?;
    Ok(width)
}

async fn count(app: &Harness, css: &str) -> usize {
    app.client
        .find_all(fantoccini::Locator::Css(css))
        .await
        .map_or(0, |found| found.len())
}

/// An hour on the grid, in pixels (`PX_PER_MINUTE` 1.2).
const HOUR: f64 = 72.0;

#[tokio::test]
async fn agenda_drag_resize_clash_views_and_filters() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (database, seeded) = seeded_database(&dir).await;
    let app = Harness::start("agenda", &database).await;
    let technicians = seeded.technicians.clone();
    let (first, second, third) = (technicians[0].id, technicians[1].id, technicians[2].id);
    app.run(async |app: &mut Harness| {
        log_in(app).await?;
        app.click("button#agenda").await?;
        app.element("#agenda-pagina").await?;
        app.element("#agenda-dia.active").await?;
        app.element("#agenda-data").await?;
        let today = format_date(Local::now().date_naive());
        if app.value("#agenda-data").await? != today {
            return Err(format!("the agenda should open on today, {today}"));
        }
        app.text_at(
            &format!("{} .visit-time", visit(seeded.moved)),
            "09:00–10:00",
        )
        .await?;
        app.screenshot("dia").await;

        // Drag to the next technician, two hours later.
        let width = column_width(app, first).await?;
        drag(app, &visit(seeded.moved), 0.0, width, 2.0 * HOUR).await?;
        app.text_at("#agenda-aviso", "Visita reagendada").await?;
        app.text_at(
            &format!("{} .visit-time", visit(seeded.moved)),
            "11:00–12:00",
        )
        .await?;
        app.screenshot("arrastada").await;

        // Resize by the bottom edge: half an hour longer.
        let handle = format!("{} .resize-handle", visit(seeded.resized));
        drag(app, &handle, 0.0, 0.0, HOUR / 2.0).await?;
        app.text_at(
            &format!("{} .visit-time", visit(seeded.resized)),
            "13:00–14:30",
        )
        .await?;
        app.screenshot("redimensionada").await;

        // Onto the resized one: the clash is shown first; "Cancelar" puts it back.
        drag(app, &visit(seeded.moved), 0.0, 0.0, 2.0 * HOUR).await?;
        app.text_at("#agenda-conflito-mensagem", &seeded.resized_customer)
            .await?;
        app.screenshot("conflito").await;
        app.click("#agenda-conflito-cancelar").await?;
        app.gone("#agenda-conflito").await?;
        app.text_at(
            &format!("{} .visit-time", visit(seeded.moved)),
            "11:00–12:00",
        )
        .await?;

        // Dropped outside the grid: nothing changes, and the operator is told.
        // (Onto the technician filters, left of the grid.)
        drag(app, &visit(seeded.moved), 0.0, -(1.5 * width + 112.0), 0.0).await?;
        app.text_at("#agenda-aviso", "Solte a visita dentro da agenda.")
            .await?;

        // "Desfazer" takes the resize back.
        app.click("#agenda-desfazer").await?;
        app.text_at("#agenda-aviso", "Alteração desfeita").await?;
        app.text_at(
            &format!("{} .visit-time", visit(seeded.resized)),
            "13:00–14:00",
        )
        .await?;

        // The keyboard: a quarter hour later, Enter saves.
        app.click(&visit(seeded.moved)).await?;
        let focused = app
            .client
            .active_element()
            .await
            .map_err(|error| format!("the focused visit: {error}"))?;
        for key in ["\u{E015}", "\u{E007}"] {
            focused
                .send_keys(key)
                .await
                .map_err(|error| format!("press {key:?} on the visit: {error}"))?;
        }
        app.text_at(
            &format!("{} .visit-time", visit(seeded.moved)),
            "11:15–12:15",
        )
        .await?;

        app.click("#agenda-semana").await?;
        app.element("#agenda-semana.active").await?;
        if count(app, ".agenda-column-head").await != 7 {
            return Err("Semana should show seven days".into());
        }
        app.element(&visit(seeded.survey)).await?;
        app.screenshot("semana").await;
        app.click("#agenda-mes").await?;
        app.element(".agenda-month").await?;
        if count(app, ".agenda-month-cell").await != 42 {
            return Err("Mês should show six weeks".into());
        }
        app.element(&format!(".visit-chip[data-visit-id=\"{}\"]", seeded.survey))
            .await?;
        app.screenshot("mes").await;

        // A chip dragged to the next day (the day before on a Sunday); "Desfazer" takes it
        // back.
        let chip = format!(".visit-chip[data-visit-id=\"{}\"]", seeded.survey);
        let today = Local::now().date_naive();
        let sunday = today.weekday() == chrono::Weekday::Sun;
        let to = if sunday {
            today.pred_opt()
        } else {
            today.succ_opt()
        }
        .expect("a day");
        let cell = app
            .element(&format!(".agenda-month-cell[data-date=\"{today}\"]"))
            .await?
            .rectangle()
            .await
            .map_err(|error| format!("the day's cell: {error}"))?;
        let dx = if sunday { -cell.2 } else { cell.2 };
        drag(app, &chip, 0.0, dx, 0.0).await?;
        app.element(&format!(
            ".agenda-month-cell[data-date=\"{to}\"] .visit-chip[data-visit-id=\"{}\"]",
            seeded.survey
        ))
        .await?;
        app.screenshot("mes-arrastada").await;
        app.click("#agenda-desfazer").await?;
        app.element(&format!(
            ".agenda-month-cell[data-date=\"{today}\"] .visit-chip[data-visit-id=\"{}\"]",
            seeded.survey
        ))
        .await?;
        app.click("#agenda-dia").await?;

        // "Somente Site Survey", then every kind again.
        app.select("#agenda-tipo", "site-survey").await?;
        app.gone(&visit(seeded.moved)).await?;
        app.element(&visit(seeded.survey)).await?;
        app.screenshot("somente-site-survey").await;
        app.select("#agenda-tipo", "").await?;
        app.element(&visit(seeded.moved)).await?;

        // "Equipe": only the third technician's team.
        let team = technicians[2].team_id;
        let in_team = technicians.iter().filter(|t| t.team_id == team).count();
        app.select("#agenda-equipe", &team.to_string()).await?;
        app.element(&column(third)).await?;
        if count(app, ".agenda-column").await != in_team {
            return Err(format!("Equipe should show its {in_team} technicians"));
        }
        app.screenshot("equipe").await;
        app.click("#agenda-todos").await?;

        // "Meu Usuário": the operator's own technician, or none.
        app.click("#agenda-meu-usuario").await?;
        if seeded.mine == 0 {
            app.element("#agenda-sem-tecnicos").await?;
        } else {
            app.element(".agenda-column").await?;
        }
        app.gone(&format!(
            "{}:nth-child({})",
            ".agenda-column",
            seeded.mine + 1
        ))
        .await?;
        app.screenshot("meu-usuario").await;
        app.click("#agenda-todos").await?;
        app.element(&column(second)).await?;

        // A technician's box.
        app.click(&format!(
            "input[name=\"agenda-tecnico\"][value=\"{first}\"]"
        ))
        .await?;
        app.gone(&column(first)).await?;
        app.click("#agenda-todos").await?;
        app.element(&column(first)).await?;

        // The date picker: another day has none of today's visits.
        app.fill("#agenda-data", "01/01/2030\u{E007}").await?;
        app.text_at("#agenda-periodo", "01/01/2030").await?;
        app.gone(&visit(seeded.moved)).await?;
        app.click("#agenda-hoje").await?;
        app.element(&visit(seeded.moved)).await?;
        app.screenshot("hoje").await;
        Ok(())
    })
    .await;

    let store = Store::open(&database).await.expect("store");
    let moved = work_orders::visit(&store, seeded.moved)
        .await
        .expect("read")
        .expect("the moved visit");
    assert_eq!(
        moved.slot,
        Slot {
            technician_id: second,
            starts_at: today_at(11, 15),
            ends_at: today_at(12, 15),
        }
    );
    let resized = work_orders::visit(&store, seeded.resized)
        .await
        .expect("read")
        .expect("the resized visit");
    assert_eq!(
        (resized.slot.starts_at, resized.slot.ends_at),
        (today_at(13, 0), today_at(14, 0)),
        "the resize was undone"
    );
}
