//! The catalog commands through Tauri's real IPC path, on a real SQLite database filled by
//! the demo: an administrator keeps a catalog and the wizard's choices follow; bad input and
//! the store's refusals come back at their field, in pt-BR; a service desktop refuses every
//! change, even to an administrator; operators get the contact roles only.
mod common;

use common::DemoApp;
use helpdesk_api::{
    CatalogActiveChange, CatalogEntry, CatalogFields, CatalogForm, CatalogKind, ErrorCode,
    TicketType, Uuid,
};
use helpdesk_core::catalog::fields;
use helpdesk_demo::{DemoConfig, ADMIN, OPERATOR};
use serde_json::{json, Value};

/// The demo's catalog with few customers: the catalogs do not need them.
const DEMO: DemoConfig = DemoConfig {
    seed: 5,
    customers: 15,
    messages: 20,
};

fn ticket_type(name: &str, sla_hours: &str) -> CatalogForm {
    CatalogForm {
        id: None,
        fields: CatalogFields::TicketTypes {
            name: name.into(),
            destination: None,
            sla_hours: sla_hours.into(),
            sla_calendar: false,
        },
    }
}

impl DemoApp {
    fn catalog(&self, kind: CatalogKind) -> Vec<CatalogEntry> {
        self.call("list_catalog", kind)
    }

    fn entry(&self, kind: CatalogKind, name: &str) -> CatalogEntry {
        self.catalog(kind)
            .into_iter()
            .find(|entry| entry.fields.name() == name)
            .unwrap_or_else(|| panic!("{name} in {kind:?}"))
    }

    /// Whether the plan is still as it was (active), read from the store.
    async fn catalog_unchanged(&self, plan: &CatalogEntry) -> bool {
        helpdesk_store::catalog::list(self.store(), CatalogKind::Plans)
            .await
            .expect("plans")
            .contains(plan)
    }

    fn wizard_types(&self) -> Vec<String> {
        self.call::<Vec<TicketType>>("list_ticket_types", Value::Null)
            .into_iter()
            .map(|kind| kind.name)
            .collect()
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn an_administrator_keeps_a_catalog_and_the_wizards_choices_follow() {
    let app = DemoApp::new(&DEMO).await;
    app.log_in(&ADMIN);
    assert_eq!(
        app.catalog(CatalogKind::TicketTypes).len(),
        app.summary.ticket_types
    );

    let refused = app.refuse("save_catalog_entry", ticket_type("Religação", "1,5"));
    assert_eq!(refused.code, ErrorCode::InvalidInput);
    assert_eq!(refused.field.as_deref(), Some(fields::SLA_HOURS));
    let taken = app.refuse("save_catalog_entry", ticket_type(" sem CONEXAO ", "4"));
    assert_eq!(taken.field.as_deref(), Some(fields::NAME));
    assert_eq!(
        taken.message,
        "Já existe um tipo de atendimento com este nome."
    );

    let saved: CatalogEntry = app.call("save_catalog_entry", ticket_type(" Religação ", "6"));
    assert_eq!(saved.fields.name(), "Religação");
    assert!(app.wizard_types().contains(&"Religação".to_owned()));
    let change = CatalogActiveChange {
        kind: CatalogKind::TicketTypes,
        id: saved.id,
        active: false,
    };
    let deactivated: CatalogEntry = app.call("set_catalog_entry_active", change);
    assert!(!deactivated.active);
    assert!(!app.wizard_types().contains(&"Religação".to_owned()));
    assert!(
        !app.entry(CatalogKind::TicketTypes, "Religação").active,
        "still in the administrator's list"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn roles_in_use_and_the_last_administrator_are_refused_plainly() {
    let app = DemoApp::new(&DEMO).await;
    app.log_in(&ADMIN);
    let n1 = app.entry(CatalogKind::Roles, "Atendente N1");
    let refused = app.refuse(
        "set_catalog_entry_active",
        CatalogActiveChange {
            kind: CatalogKind::Roles,
            id: n1.id,
            active: false,
        },
    );
    assert_eq!(
        refused.message,
        "O cargo tem 3 usuários ativos: mude o cargo deles antes."
    );
    let admins = app.entry(CatalogKind::Roles, "Administrador");
    let demote = CatalogForm {
        id: Some(admins.id),
        fields: CatalogFields::Roles {
            name: "Administrador".into(),
            administrator: false,
            edits_customers: false,
        },
    };
    let refused = app.refuse("save_catalog_entry", demote);
    assert_eq!(refused.field.as_deref(), Some(fields::ADMINISTRATOR));
    assert!(
        refused.message.contains("nenhum administrador"),
        "{refused:?}"
    );
    assert!(app.log_in(&ADMIN).administrator, "still an administrator");

    let gone = app.refuse(
        "set_catalog_entry_active",
        CatalogActiveChange {
            kind: CatalogKind::Plans,
            id: Uuid::nil(),
            active: false,
        },
    );
    assert_eq!(gone.code, ErrorCode::NotFound);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_service_desktop_refuses_catalog_changes_even_to_an_administrator() {
    let app = DemoApp::new(&DEMO).await;
    app.log_in(&ADMIN);
    let plan = app.catalog(CatalogKind::Plans).remove(0);
    // As a service desktop's registration leaves it.
    sqlx::query(
        "UPDATE sync_state SET server_url = 'https://sync.provedor.com.br', profile = 'service'",
    )
    .execute(app.store().pool())
    .await
    .expect("profile");
    for (command, request) in [
        ("list_catalog", json!(CatalogKind::Plans)),
        ("save_catalog_entry", json!(ticket_type("Religação", "6"))),
        (
            "set_catalog_entry_active",
            json!(CatalogActiveChange {
                kind: CatalogKind::Plans,
                id: plan.id,
                active: false,
            }),
        ),
    ] {
        let refused = app.refuse(command, request);
        assert_eq!(refused.code, ErrorCode::Forbidden, "{command}");
        assert!(
            refused.message.contains("computador de Administração"),
            "{command}: {}",
            refused.message
        );
    }
    assert!(app.catalog_unchanged(&plan).await);
}

#[tokio::test(flavor = "multi_thread")]
async fn operators_get_the_contact_roles_but_not_the_catalogs() {
    let app = DemoApp::new(&DEMO).await;
    app.log_in(&OPERATOR);
    let refused = app.refuse("list_catalog", CatalogKind::ContactRoles);
    assert_eq!(refused.code, ErrorCode::Forbidden);
    let names: Vec<String> = app.call("list_contact_roles", Value::Null);
    assert!(
        names.contains(&"Responsável financeiro".to_owned()),
        "{names:?}"
    );
    assert!(names.contains(&"Síndico".to_owned()), "{names:?}");
}
