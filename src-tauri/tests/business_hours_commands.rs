//! "Expediente e feriados" and "Alterar tipo" through Tauri's real IPC path (mock runtime,
//! the app's real config and capabilities) on a real SQLite database filled by the demo
//! data generator, whose provider works Monday to Friday 08:00–18:00 and Saturday morning.
//!
//! Expected values are read through the store's own functions, never from the command
//! under test.
mod common;

use common::DemoApp;
use helpdesk_api::{
    ErrorCode, Holiday, HolidayForm, SlaCalendar, TicketAction, TicketFilter, TicketState,
    TicketStatus, TicketUpdate, Week, WeekForm,
};
use helpdesk_core::business_hours::{fields, national_holidays, Interval, IntervalForm};
use helpdesk_demo::{DemoConfig, ADMIN, OPERATOR};
use helpdesk_store::{business_hours, holidays, ticket_types, tickets};
use serde_json::Value;

/// Ten tickets of the last weeks.
const DEMO: DemoConfig = DemoConfig {
    seed: 18,
    customers: 80,
    messages: 10,
};

fn interval(opens_at: &str, closes_at: &str) -> IntervalForm {
    IntervalForm {
        opens_at: opens_at.into(),
        closes_at: closes_at.into(),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_administrator_keeps_the_week_and_the_holidays() {
    let app = DemoApp::new(&DEMO).await;
    let store = app.store();
    app.log_in(&ADMIN);

    let week: Week = app.call("load_business_hours", Value::Null);
    assert_eq!(week, business_hours::week(store).await.expect("week"));
    let full_day = Interval {
        opens_at: 8 * 60,
        closes_at: 18 * 60,
    };
    assert_eq!(week.day(1), [full_day], "the demo's Monday");
    assert!(week.day(0).is_empty(), "closed on Sunday");

    // An interval overlapping Monday's is refused at its field, and nothing is written.
    let mut form = WeekForm::of(&week);
    form.days[1].push(interval("17:00", "19:00"));
    let error = app.refuse("save_business_hours", &form);
    assert_eq!(error.code, ErrorCode::InvalidInput);
    assert_eq!(error.field, Some(fields::opens(1, 1)));
    assert_eq!(
        error.message,
        "Este intervalo se sobrepõe a 08:00–18:00 no mesmo dia."
    );
    assert_eq!(business_hours::week(store).await.expect("week"), week);

    // Monday with a lunch break.
    form.days[1] = vec![interval("08:00", "12:00"), interval("13:00", "18:00")];
    let saved: Week = app.call("save_business_hours", &form);
    assert_eq!(saved, business_hours::week(store).await.expect("week"));
    assert_eq!(saved.day(1).len(), 2);
    assert_eq!(saved.day(2), [full_day], "the other days kept");

    // The national holidays of a year, once.
    let year = 2031;
    let none: Vec<Holiday> = app.call("list_holidays", year);
    assert!(none.is_empty());
    let added: Vec<Holiday> = app.call("add_national_holidays", year);
    assert_eq!(added.len(), national_holidays(year).len());
    let again: Vec<Holiday> = app.call("add_national_holidays", year);
    assert!(again.is_empty(), "idempotent");
    let listed: Vec<Holiday> = app.call("list_holidays", year);
    assert_eq!(
        listed,
        holidays::of_year(store, year).await.expect("holidays")
    );
    assert_eq!(listed.len(), added.len());

    // Christmas is one already; Christmas Eve is added, then removed.
    let christmas = HolidayForm {
        day: "25/12/2031".into(),
        name: "Natal da empresa".into(),
    };
    let error = app.refuse("add_holiday", &christmas);
    assert_eq!(error.field.as_deref(), Some(fields::HOLIDAY_DAY));
    assert_eq!(error.message, "Este dia já é feriado: Natal.");
    let wrong = HolidayForm {
        day: "32/12/2031".into(),
        name: String::new(),
    };
    assert_eq!(
        app.refuse("add_holiday", &wrong).field.as_deref(),
        Some(fields::HOLIDAY_DAY)
    );
    let eve = HolidayForm {
        day: "24/12/2031".into(),
        name: "Véspera de Natal".into(),
    };
    let added: Holiday = app.call("add_holiday", &eve);
    assert_eq!(added.name, "Véspera de Natal");
    assert!(holidays::of_year(store, year)
        .await
        .expect("holidays")
        .contains(&added));
    app.call::<()>("remove_holiday", added.id);
    assert_eq!(
        app.refuse("remove_holiday", added.id).code,
        ErrorCode::NotFound
    );
    assert_eq!(
        app.refuse("list_holidays", 1800).field.as_deref(),
        Some(fields::YEAR)
    );

    // An operator reads the calendar (for the wizard), not the administrator's screen.
    app.log_out();
    app.log_in(&OPERATOR);
    let calendar: SlaCalendar = app.call("load_sla_calendar", Value::Null);
    assert_eq!(
        calendar,
        business_hours::calendar(store).await.expect("calendar")
    );
    assert_eq!(
        app.refuse("load_business_hours", Value::Null).code,
        ErrorCode::Forbidden
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn an_operator_changes_a_tickets_type_and_its_due_time_follows() {
    let app = DemoApp::new(&DEMO).await;
    let store = app.store();
    helpdesk_demo::seed_tickets(store, &DEMO)
        .await
        .expect("demo tickets");
    app.log_in(&OPERATOR);

    let open = TicketFilter {
        status: Some(TicketStatus::Open),
        limit: 100,
        ..TicketFilter::default()
    };
    let ticket = tickets::list(store, &open)
        .await
        .expect("tickets")
        .into_iter()
        .next()
        .expect("an open demo ticket");
    // A type counting business hours, other than the ticket's.
    let kind = ticket_types::list(store)
        .await
        .expect("types")
        .into_iter()
        .find(|kind| {
            Some(kind.id) != ticket.ticket_type_id && kind.is_assignable() && !kind.sla_calendar
        })
        .expect("another type");

    let update = TicketUpdate {
        ticket_id: ticket.id,
        action: TicketAction::ChangeType {
            ticket_type_id: kind.id,
        },
    };
    let state: TicketState = app.call("update_ticket", &update);
    let calendar = business_hours::calendar(store).await.expect("calendar");
    let due = calendar.due_at(ticket.opened_at, &kind);
    assert!(calendar.counts_business_hours(&kind), "the demo sets hours");
    assert_eq!(state.due_at, Some(due));
    assert_eq!(state.ticket_type_id, Some(kind.id));
    assert_eq!(state.ticket_type_name.as_deref(), Some(kind.name.as_str()));
    assert_eq!(
        state.assignee,
        kind.assignee.clone().or(ticket.assignee.clone())
    );

    let found = tickets::find_by_protocol(store, &ticket.protocol)
        .await
        .expect("find")
        .expect("the ticket");
    assert_eq!(
        (found.due_at, found.ticket_type_id),
        (Some(due), Some(kind.id))
    );
    let last = tickets::history(store, ticket.id)
        .await
        .expect("history")
        .pop()
        .expect("an event");
    assert_eq!(last.kind, "type_changed");
    assert_eq!(last.user_name, OPERATOR.name);

    // The same type again is refused at the field.
    let error = app.refuse("update_ticket", &update);
    assert_eq!(error.field.as_deref(), Some("alterar-tipo"));
}
