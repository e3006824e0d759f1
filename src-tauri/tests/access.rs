//! Who may call each command, over the whole list of `helpdesk_api`: signed out, only the
//! public commands answer; signed in as an operator, the administrative ones are refused.
//! A command added to the list without a sample request below fails both tests, so no
//! command can forget its check.
mod common;

use std::collections::BTreeMap;

use common::DemoApp;
use helpdesk_api::{
    Access, AgendaQuery, CommandError, ContactEdit, ContractForm, CustomerForm, ErrorCode,
    MessageQuery, NewContact, Reschedule, ScriptDraft, Slot, StatusForm, TicketAction,
    TicketListQuery, TicketSubmission, TicketUpdate, Uuid, WizardDraft, WorkOrderFilter, COMMANDS,
    COMMAND_NAMES,
};
use helpdesk_core::script::ScriptDefinition;
use helpdesk_core::support::MessagePeriod;
use helpdesk_demo::{DemoConfig, ADMIN, OPERATOR};
use serde_json::{json, Value};

/// A tiny demo: these tests only need its operators.
const DEMO: DemoConfig = DemoConfig {
    seed: 42,
    customers: 20,
    messages: 40,
};

/// A request of every command that decodes (a request that does not decode is refused before
/// the command runs, so it would test nothing); `null` for the commands without one.
fn samples() -> BTreeMap<&'static str, Value> {
    let id = Uuid::nil();
    let hour = 3_600_000;
    let email_draft = json!({"recipients": ["cliente@exemplo.com.br"], "copy": false,
        "template_id": null, "subject": "Assunto", "body": "Texto", "attachments": []});
    let email_context = json!({"customer": "Cliente", "protocol": "261128-001-00042",
        "contacted_at": "2026-11-28T14:30:00", "plan": "", "problem": "Sem conexão",
        "visit": null, "operator": "", "ticket_type": ""});
    BTreeMap::from([
        ("login", json!({"login": "ninguem", "password": "errada"})),
        ("logout", Value::Null),
        ("current_operator", Value::Null),
        (
            "search_customers",
            json!({"text": "ana", "field": "Name", "condition": "StartsWith", "limit": 10}),
        ),
        ("suggest_support_emails", json!("ana")),
        (
            "find_support_messages",
            json!(MessageQuery {
                email: Some("ana@exemplo.com.br".into()),
                period: MessagePeriod::LastDays(30),
                limit: 10,
                mail_only: false,
            }),
        ),
        ("take_support_message", json!(id)),
        ("load_customer", json!(id)),
        (
            "add_contact",
            json!({"customer_id": id, "name": "Maria", "phone": "(81) 97777-6666",
                   "email": "", "relation": "Outro"}),
        ),
        ("save_draft", json!(WizardDraft::default())),
        ("load_draft", Value::Null),
        ("discard_draft", Value::Null),
        ("reserve_protocol", Value::Null),
        (
            "save_ticket",
            json!(TicketSubmission {
                draft: WizardDraft::default(),
                resolved: false,
                email_context: None,
            }),
        ),
        ("find_ticket", json!("261128-001-00042")),
        ("ticket_history", json!(id)),
        ("list_ticket_types", Value::Null),
        ("list_assignees", Value::Null),
        ("pick_attachment", Value::Null),
        ("load_work_order_catalog", Value::Null),
        (
            "load_agenda",
            json!(AgendaQuery {
                from: 0,
                to: hour,
                technician_ids: Vec::new(),
                kind: None,
            }),
        ),
        (
            "reschedule_visit",
            json!(Reschedule {
                visit_id: id,
                slot: Slot {
                    technician_id: id,
                    starts_at: 0,
                    ends_at: hour,
                },
                changed_at: 0,
                allow_clash: false,
            }),
        ),
        ("export_agenda_ics", json!(id)),
        ("list_work_orders", json!(WorkOrderFilter::default())),
        ("load_work_order", json!(id)),
        (
            "change_work_order_status",
            json!(StatusForm {
                work_order_id: id,
                changed_at: 0,
                status_id: None,
                started_at: String::new(),
                finished_at: String::new(),
                outcome: None,
                report: String::new(),
                resolve_ticket: false,
            }),
        ),
        ("list_scripts", Value::Null),
        ("load_script", json!({"script_id": id, "version": null})),
        (
            "publish_script",
            json!(ScriptDraft {
                id: None,
                name: "Sem energia".into(),
                keywords: String::new(),
                definition: ScriptDefinition::default(),
            }),
        ),
        ("list_tickets", json!(TicketListQuery::default())),
        ("load_ticket_details", json!(id)),
        (
            "update_ticket",
            json!(TicketUpdate {
                ticket_id: id,
                action: TicketAction::Close,
            }),
        ),
        ("my_tasks", Value::Null),
        ("load_queue", Value::Null),
        ("complete_task", json!(id)),
        (
            "add_to_ticket",
            json!({"ticket_id": id, "addition": {"Task": {"title": "Ligar", "description": "",
                   "assignee": null, "due": "01/01/2030"}}}),
        ),
        ("resend_email", json!(id)),
        ("cancel_email", json!(id)),
        ("open_attachment", json!(id)),
        ("save_attachment_as", json!(id)),
        ("list_email_templates", Value::Null),
        (
            "preview_email",
            json!({"draft": email_draft, "context": email_context}),
        ),
        ("admin_list_email_templates", Value::Null),
        (
            "save_email_template",
            json!({"id": null, "name": "Modelo", "subject": "Assunto", "body": "Olá, {cliente}!",
                   "role_ids": []}),
        ),
        ("delete_email_template", json!(id)),
        ("load_smtp_settings", Value::Null),
        (
            "save_smtp_settings",
            json!({"settings": {"host": "smtp.exemplo.com.br", "port": 587,
                   "security": "StartTls", "username": "", "from_address": "a@exemplo.com.br",
                   "copy_address": ""}, "password": null}),
        ),
        ("load_local_mailbox", Value::Null),
        (
            "save_local_mailbox",
            json!({"settings": {"host": "imap.exemplo.com.br", "port": 993, "tls": "Implicit",
                   "login": "suporte", "folder": "INBOX", "move_handled_to": null},
                   "password": "segredo"}),
        ),
        ("load_sync_status", Value::Null),
        ("sync_now", Value::Null),
        ("load_set_aside", Value::Null),
        (
            "retry_set_aside",
            json!({"direction": "pull", "table": "work_orders", "id": id}),
        ),
        (
            "register_desktop",
            json!({"server_url": "https://sync.exemplo.com.br", "enrollment_token": "x",
                   "name": "Loja", "profile": "administration"}),
        ),
        ("load_setup_state", Value::Null),
        (
            "create_provider",
            json!({"provider_name": "Provedor", "admin_name": "Chefe", "login": "chefe",
                   "email": "chefe@exemplo.com.br", "password": "uma senha longa e rara",
                   "confirmation": "uma senha longa e rara"}),
        ),
        (
            "join_server",
            json!({"server_url": "https://sync.exemplo.com.br", "enrollment_token": "x",
                   "name": "Loja", "profile": "service"}),
        ),
        ("lock_session", Value::Null),
        ("unlock_session", json!("errada")),
        (
            "change_password",
            json!({"current": "errada", "new_password": "x", "confirmation": "y"}),
        ),
        ("list_users", Value::Null),
        (
            "save_user",
            json!({"id": null, "name": "Maria", "login": "maria", "email": "", "role_id": id,
                   "team_id": null, "password": "x"}),
        ),
        ("set_user_active", json!({"id": id, "active": false})),
        ("reset_password", json!({"user_id": id, "password": "x"})),
        ("list_catalog", json!("plans")),
        (
            "save_catalog_entry",
            json!({"id": null, "fields": {"catalog": "teams", "name": ""}}),
        ),
        (
            "set_catalog_entry_active",
            json!({"kind": "plans", "id": id, "active": false}),
        ),
        (
            "save_provider_settings",
            json!({"name": "Provedor", "idle_lock_minutes": "15"}),
        ),
        ("load_business_hours", Value::Null),
        (
            "save_business_hours",
            json!({"days": [[], [{"opens_at": "08:00", "closes_at": "18:00"}], [], [], [], [], []]}),
        ),
        ("list_holidays", json!(2026)),
        (
            "add_holiday",
            json!({"day": "24/12/2026", "name": "Véspera de Natal"}),
        ),
        ("remove_holiday", json!(id)),
        ("add_national_holidays", json!(2026)),
        ("load_sla_calendar", Value::Null),
        ("list_contact_roles", Value::Null),
        (
            "save_customer",
            json!(CustomerForm {
                name: "Ana".into(),
                ..CustomerForm::default()
            }),
        ),
        (
            "save_contract",
            json!(ContractForm {
                customer_id: id,
                ..ContractForm::default()
            }),
        ),
        (
            "update_contact",
            json!(ContactEdit {
                id,
                contact: NewContact::default(),
            }),
        ),
        ("remove_contact", json!(id)),
        ("list_customer_changes", json!(id)),
        ("list_plan_choices", Value::Null),
        ("pick_import_file", json!("Customers")),
        (
            "run_import",
            json!({"files": [{"kind": "Customers", "mapping": {"columns": ["nome"]}}],
                   "match_by": "Code", "dry_run": true}),
        ),
        ("import_progress", Value::Null),
        ("cancel_import", Value::Null),
        ("list_pending_imports", Value::Null),
        ("resume_imports", Value::Null),
        ("save_import_report", Value::Null),
        ("export_customers", Value::Null),
        ("list_mailboxes", json!("token-do-administrador")),
        (
            "save_mailbox",
            json!({"token": "token-do-administrador", "id": null, "password": "segredo",
                   "settings": {"host": "imap.provedor.com.br", "port": 993, "tls": "Implicit",
                                "login": "suporte", "folder": "INBOX", "move_handled_to": null}}),
        ),
        (
            "set_mailbox_enabled",
            json!({"token": "token-do-administrador", "id": id, "enabled": false}),
        ),
        ("list_integrations", json!("token-do-administrador")),
        (
            "create_integration",
            json!({"token": "token-do-administrador", "name": "Site"}),
        ),
        (
            "revoke_integration",
            json!({"token": "token-do-administrador", "id": id}),
        ),
        ("run_report", report_request()),
        ("export_report_csv", report_request()),
        ("load_backups", Value::Null),
        (
            "save_backup_settings",
            json!({"folder": "/tmp", "every_hours": "24", "keep": "7"}),
        ),
        ("backup_now", Value::Null),
        (
            "restore_backup",
            json!({"name": "helpdesk-20261205-101500"}),
        ),
        ("restart_app", Value::Null),
        (
            "log_ui_error",
            json!({"kind": "Page", "source": "main.js:1", "message": "falhou"}),
        ),
        ("save_theme", json!("Dark")),
        ("load_about", Value::Null),
        ("export_diagnostics", Value::Null),
    ])
}

/// A report of this month's first day.
fn report_request() -> Value {
    json!({"kind": "TicketsByOrigin", "from": "01/12/2026", "to": "01/12/2026",
           "filters": {"origin": null, "ticket_type_id": null, "operator_id": null,
                       "assigned_user_id": null, "assigned_role_id": null,
                       "technician_id": null, "team_id": null}})
}

/// The sample of `name`; a command of the list without one fails the test here.
fn sample<'a>(samples: &'a BTreeMap<&str, Value>, name: &str) -> &'a Value {
    samples.get(name).unwrap_or_else(|| {
        panic!("{name} has no sample request in src-tauri/tests/access.rs: add one")
    })
}

/// The error `name` answers `request` with; a command that answers fails the test, named.
fn refused(app: &DemoApp, name: &str, request: &Value) -> CommandError {
    match app.invoke(name, request) {
        Ok(answer) => panic!("{name} answered {answer} instead of refusing"),
        Err(error) => serde_json::from_value(error.clone())
            .unwrap_or_else(|_| panic!("{name}: not a CommandError: {error}")),
    }
}

#[test]
fn every_sample_is_of_a_command_of_the_list() {
    for name in samples().keys() {
        assert!(COMMAND_NAMES.contains(name), "{name} is no command");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn signed_out_only_the_public_commands_answer() {
    let app = DemoApp::new(&DEMO).await;
    let samples = samples();
    // Before any sign-in, and after the operator signed out.
    for signed_in_before in [false, true] {
        if signed_in_before {
            app.log_in(&OPERATOR);
            app.log_out();
        }
        for command in COMMANDS {
            let request = sample(&samples, command.name);
            if command.access == Access::Public {
                let answer = app.invoke(command.name, request);
                let refusal = answer
                    .err()
                    .and_then(|error| serde_json::from_value::<CommandError>(error).ok());
                assert!(
                    refusal.is_none_or(|error| error.code != ErrorCode::NotAuthenticated),
                    "{} is public",
                    command.name
                );
            } else {
                let error = refused(&app, command.name, request);
                assert_eq!(error.code, ErrorCode::NotAuthenticated, "{}", command.name);
            }
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn an_operator_is_refused_every_administrative_command() {
    let app = DemoApp::new(&DEMO).await;
    let samples = samples();
    let operator = app.log_in(&OPERATOR);
    assert!(
        !operator.is_administrator(),
        "the demo's operator is no administrator"
    );
    let administrative: Vec<_> = COMMANDS
        .iter()
        .filter(|command| command.access == Access::Administrator)
        .collect();
    assert!(!administrative.is_empty());
    for command in &administrative {
        let error = refused(&app, command.name, sample(&samples, command.name));
        assert_eq!(error.code, ErrorCode::Forbidden, "{}", command.name);
        assert!(
            error.message.starts_with("Somente administradores podem "),
            "{}: {}",
            command.name,
            error.message
        );
    }
    // The samples are good enough for an administrator to get past the check.
    app.log_in(&ADMIN);
    for command in &administrative {
        if let Err(error) = app.invoke(command.name, sample(&samples, command.name)) {
            assert!(
                !error.to_string().contains("FORBIDDEN"),
                "{}: {error}",
                command.name
            );
        }
    }
}
