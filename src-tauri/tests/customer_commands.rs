//! The Clientes commands through Tauri's real IPC path, on a real SQLite database filled by
//! the demo: who may edit customers is their role's "Edita clientes"; a customer, a contract
//! and a contact are created and changed, each change listed with its author.
mod common;

use common::DemoApp;
use helpdesk_api::{
    CatalogEntry, CatalogFields, CatalogForm, CatalogKind, ContactEdit, ContractForm,
    ContractStatus, CustomerChange, CustomerForm, CustomerRecord, CustomerSummary, ErrorCode,
    NewContact, Operator, PersonKind, PlanChoices,
};
use helpdesk_demo::{DemoConfig, ADMIN, OPERATOR};
use serde_json::json;

const DEMO: DemoConfig = DemoConfig {
    seed: 16,
    customers: 10,
    messages: 5,
};

fn company() -> CustomerForm {
    CustomerForm {
        kind: PersonKind::Company,
        name: "Mercado Bom Preço Ltda".into(),
        trade_name: "Bom Preço".into(),
        document: "12.ABC.345/01DE-35".into(),
        postal_code: "13010-000".into(),
        street: "Rua das Flores".into(),
        number: "10".into(),
        district: "Centro".into(),
        city: "Campinas".into(),
        state: "SP".into(),
        emails: vec!["compras@bompreco.com.br".into()],
        phones: vec!["(19) 3333-4444".into()],
        ..CustomerForm::default()
    }
}

fn role(app: &DemoApp, name: &str) -> CatalogEntry {
    app.call::<Vec<CatalogEntry>>("list_catalog", CatalogKind::Roles)
        .into_iter()
        .find(|entry| entry.fields.name() == name)
        .unwrap_or_else(|| panic!("role {name}"))
}

#[tokio::test(flavor = "multi_thread")]
async fn only_roles_that_edit_customers_create_and_change_them() {
    let app = DemoApp::new(&DEMO).await;
    let ana: Operator = app.log_in(&OPERATOR);
    assert!(
        !ana.may_edit_customers(),
        "the demo's first-level role does not"
    );
    let refused = app.refuse("save_customer", company());
    assert_eq!(refused.code, ErrorCode::Forbidden);
    assert!(
        refused.message.contains("Edita clientes"),
        "{}",
        refused.message
    );
    let customer_id = sqlx::query_scalar("SELECT id FROM customers LIMIT 1")
        .fetch_one(app.store().pool())
        .await
        .expect("a demo customer");
    let contact = NewContact {
        customer_id,
        name: "Síndico".into(),
        phone: "(19) 99999-0000".into(),
        email: String::new(),
        relation: "Outro".into(),
    };
    // "Novo Contato" stays every operator's, in the wizard; changing one is an editor's.
    let added: helpdesk_api::Contact = app.call("add_contact", &contact);
    let edit = ContactEdit {
        id: added.id,
        contact: contact.clone(),
    };
    assert_eq!(
        app.refuse("update_contact", &edit).code,
        ErrorCode::Forbidden
    );
    assert_eq!(
        app.refuse("remove_contact", added.id).code,
        ErrorCode::Forbidden
    );
    app.log_out();

    // The administrator gives ana's role "Edita clientes".
    app.log_in(&ADMIN);
    let entry = role(&app, "Atendente N1");
    let CatalogFields::Roles {
        name,
        administrator,
        ..
    } = entry.fields
    else {
        panic!("a role");
    };
    let _: CatalogEntry = app.call(
        "save_catalog_entry",
        CatalogForm {
            id: Some(entry.id),
            fields: CatalogFields::Roles {
                name,
                administrator,
                edits_customers: true,
            },
        },
    );
    app.log_out();

    let ana = app.log_in(&OPERATOR);
    assert!(ana.may_edit_customers());
    let record: CustomerRecord = app.call("save_customer", company());
    assert_eq!(record.name, "Mercado Bom Preço Ltda");
    assert_eq!(record.document, "12.ABC.345/01DE-35");
    let changes: Vec<CustomerChange> = app.call("list_customer_changes", record.id);
    assert_eq!(changes.len(), 1);
    assert_eq!(changes[0].user, ana.name);
}

#[tokio::test(flavor = "multi_thread")]
async fn an_administrator_adds_a_contract_and_finds_the_customer_by_its_login() {
    let app = DemoApp::new(&DEMO).await;
    app.log_in(&ADMIN);
    let record: CustomerRecord = app.call("save_customer", company());
    assert!(record.plans.is_empty());

    let choices: PlanChoices = app.call("list_plan_choices", ());
    assert!(!choices.plans.is_empty() && !choices.routing_points.is_empty());
    let contract = ContractForm {
        customer_id: record.id,
        plan_id: Some(choices.plans[0].id),
        routing_point_id: Some(choices.routing_points[0].id),
        login: "bompreco".into(),
        installed_on: "2026-12-01".into(),
        status: ContractStatus::Active,
        ..ContractForm::default()
    };
    let with_plan: CustomerRecord = app.call("save_contract", &contract);
    assert_eq!(with_plan.plans.len(), 1);
    assert_eq!(with_plan.plans[0].plan, choices.plans[0].name);
    assert_eq!(with_plan.plans[0].status, ContractStatus::Active);

    let found: Vec<CustomerSummary> = app.call(
        "search_customers",
        json!({"text": "bompreco", "field": "Login", "condition": "Equals", "limit": 5}),
    );
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].id, record.id);

    // The same login on a second contract is refused at its field, in pt-BR.
    let twice = app.refuse("save_contract", &contract);
    assert_eq!(twice.field.as_deref(), Some("login"));
    assert!(
        twice.message.contains("Mercado Bom Preço Ltda"),
        "{}",
        twice.message
    );

    // Suspending it dates the change and lists it.
    let suspended = ContractForm {
        id: Some(with_plan.plans[0].id),
        status: ContractStatus::Suspended,
        ..contract
    };
    let after: CustomerRecord = app.call("save_contract", &suspended);
    assert_eq!(after.plans[0].status, ContractStatus::Suspended);
    assert!(!after.plans[0].status_changed_on.is_empty());
    let changes: Vec<CustomerChange> = app.call("list_customer_changes", record.id);
    assert_eq!(
        changes.len(),
        3,
        "created, contract added, contract changed"
    );
}
