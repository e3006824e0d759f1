//! "Dados Cliente" on a real database: one customer's record with its e-mails, phones,
//! contacts and contracted plans, and "Novo Contato".
mod common;

use helpdesk_core::contact::NewContact;
use helpdesk_core::customer::{CustomerSearch, SearchCondition, SearchField};
use helpdesk_store::catalog::{self, NewPlan, NewRoutingPoint};
use helpdesk_store::customers::{self, NewCustomerPlan};
use helpdesk_store::{contacts, customer_records, Store};
use uuid::Uuid;

/// Two plans on two routing points, contracted in the opposite order of installation.
async fn customer_with_two_plans(store: &Store) -> Uuid {
    let plans = catalog::insert_plans(
        store,
        &[
            NewPlan {
                name: "FIBRA 300M".into(),
                technology: "Fibra".into(),
                download_mbps: 300,
                upload_mbps: 150,
                price_cents: 9990,
            },
            NewPlan {
                name: "RADIO 20M".into(),
                technology: "Rádio".into(),
                download_mbps: 20,
                upload_mbps: 5,
                price_cents: 5990,
            },
        ],
    )
    .await
    .expect("plans");
    let points = catalog::insert_routing_points(
        store,
        &[
            NewRoutingPoint {
                name: "OLT-CENTRO-01".into(),
                kind: "OLT".into(),
                address: "Rua Central, 100".into(),
                ip: "10.0.0.1".into(),
                status: "Operacional".into(),
            },
            NewRoutingPoint {
                name: "POP-SITIO".into(),
                kind: "POP".into(),
                address: "Estrada do Sítio, km 3".into(),
                ip: "10.0.9.1".into(),
                status: "Manutenção".into(),
            },
        ],
    )
    .await
    .expect("routing points");
    let mut padaria = common::customer(
        "1002",
        "Padaria Pão Quente Ltda",
        "11222333000181",
        &["maria@padaria.com.br", "financeiro@padaria.com.br"],
        &["(19) 3456-7890", "(19) 99123-0001"],
        &[],
        (plans[0], points[0]),
    );
    padaria.plans = vec![
        NewCustomerPlan {
            plan_id: plans[1],
            routing_point_id: points[1],
            login: "padaria_sitio".into(),
            status: "Suspenso".into(),
            installed_on: "2025-06-10".into(),
        },
        NewCustomerPlan {
            plan_id: plans[0],
            routing_point_id: points[0],
            login: "padaria_pao".into(),
            status: "Ativo".into(),
            installed_on: "2023-01-15".into(),
        },
    ];
    let other = common::customer(
        "1003",
        "Outro Cliente",
        "52998224725",
        &["outro@example.com"],
        &[],
        &["outro"],
        (plans[0], points[0]),
    );
    customers::insert_many(store, &[padaria, other])
        .await
        .expect("customers")[0]
}

fn contact(customer_id: Uuid, name: &str, phone: &str, email: &str) -> NewContact {
    NewContact {
        customer_id,
        name: name.into(),
        phone: phone.into(),
        email: email.into(),
        relation: "Sócio".into(),
    }
    .validate()
    .expect("valid contact")
}

#[tokio::test]
async fn a_record_has_everything_of_the_customer_and_nothing_deleted() {
    let test = common::open().await;
    let s = &test.store;
    let id = customer_with_two_plans(s).await;
    let maria = contacts::insert(s, Uuid::nil(), &contact(id, "Maria", "19991230001", ""))
        .await
        .expect("insert")
        .expect("customer exists");
    assert_eq!(maria.phone, "(19) 99123-0001");
    let gone = contacts::insert(
        s,
        Uuid::nil(),
        &contact(id, "Ex-sócio", "", "ex@padaria.com.br"),
    )
    .await
    .expect("insert")
    .expect("customer exists");
    let jose = contacts::insert(
        s,
        Uuid::nil(),
        &contact(id, "José", "", "jose@padaria.com.br"),
    )
    .await
    .expect("insert")
    .expect("customer exists");
    for (table, row) in [("contacts", gone.id), ("customer_emails", Uuid::nil())] {
        let sql = format!("UPDATE {table} SET deleted = 1 WHERE id = ?1 OR email = ?2");
        sqlx::query(&sql)
            .bind(row)
            .bind("financeiro@padaria.com.br")
            .execute(s.pool())
            .await
            .expect("delete");
    }

    let record = customer_records::record(s, id)
        .await
        .expect("query")
        .expect("found");
    assert_eq!(record.id, id);
    assert_eq!(record.code, "1002");
    assert_eq!(record.name, "Padaria Pão Quente Ltda");
    assert_eq!(record.document, "11.222.333/0001-81");
    assert_eq!(
        (
            record.city.as_str(),
            record.state.as_str(),
            record.postal_code.as_str()
        ),
        ("Campinas", "SP", "13010-000")
    );
    assert!(record.created_at > 0);
    assert_eq!(record.emails, ["maria@padaria.com.br"]);
    assert_eq!(record.phones, ["(19) 3456-7890", "(19) 99123-0001"]);
    assert_eq!(record.contacts, [maria, jose]);

    let plans: Vec<_> = record
        .plans
        .iter()
        .map(|p| {
            (
                p.plan.as_str(),
                p.login.as_str(),
                p.installed_on.as_str(),
                p.routing_point.name.as_str(),
            )
        })
        .collect();
    assert_eq!(
        plans,
        [
            ("FIBRA 300M", "padaria_pao", "2023-01-15", "OLT-CENTRO-01"),
            ("RADIO 20M", "padaria_sitio", "2025-06-10", "POP-SITIO"),
        ]
    );
    let radio = &record.plans[1];
    assert_eq!(
        (
            radio.technology.as_str(),
            radio.download_mbps,
            radio.upload_mbps
        ),
        ("Rádio", 20, 5)
    );
    assert_eq!(
        radio.status,
        helpdesk_core::contract::ContractStatus::Suspended
    );
    assert_eq!(radio.routing_point.kind, "POP");
    assert_eq!(radio.routing_point.status, "Manutenção");
    assert_eq!(radio.routing_point.ip, "10.0.9.1");
    assert_ne!(record.plans[0].id, radio.id);

    // The record shows the document as the search results do.
    let search = CustomerSearch {
        text: "1002".into(),
        field: SearchField::Code,
        condition: SearchCondition::Equals,
        limit: 1,
    };
    let found = customers::search(s, &search.validate().expect("valid"))
        .await
        .expect("search");
    assert_eq!(found[0].document, record.document);
}

#[tokio::test]
async fn unknown_or_deleted_customers_have_no_record_and_take_no_contact() {
    let test = common::open().await;
    let s = &test.store;
    let id = customer_with_two_plans(s).await;
    let unknown = Uuid::now_v7();
    assert_eq!(
        customer_records::record(s, unknown).await.expect("query"),
        None
    );
    let added = contacts::insert(
        s,
        Uuid::nil(),
        &contact(unknown, "Ninguém", "", "n@example.com"),
    )
    .await
    .expect("insert");
    assert_eq!(added, None);

    sqlx::query("UPDATE customers SET deleted = 1 WHERE id = ?1")
        .bind(id)
        .execute(s.pool())
        .await
        .expect("delete");
    assert_eq!(customer_records::record(s, id).await.expect("query"), None);
    let added = contacts::insert(s, Uuid::nil(), &contact(id, "Maria", "", "m@example.com"))
        .await
        .expect("insert");
    assert_eq!(added, None);
    let stored: i64 = sqlx::query_scalar("SELECT count(*) FROM contacts")
        .fetch_one(s.pool())
        .await
        .expect("count");
    assert_eq!(stored, 0);
}

#[tokio::test]
async fn a_customer_without_contacts_or_plans_has_empty_lists() {
    let test = common::open().await;
    let s = &test.store;
    let network = common::network(s).await;
    let bare = common::customer("2000", "Sem Nada", "52998224725", &[], &[], &[], network);
    let id = customers::insert_many(s, &[bare]).await.expect("insert")[0];
    let record = customer_records::record(s, id)
        .await
        .expect("query")
        .expect("found");
    assert_eq!(record.document, "529.982.247-25");
    assert!(record.emails.is_empty() && record.phones.is_empty());
    assert!(record.contacts.is_empty() && record.plans.is_empty());
}
