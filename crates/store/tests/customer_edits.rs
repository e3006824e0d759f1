//! The Clientes module on a real database: customers, contracts and contacts created and
//! changed, with who changed what, the search kept right, and imports' upserts that write
//! nothing when nothing changed.
mod common;

use helpdesk_core::contact::NewContact;
use helpdesk_core::contract::{ContractForm, ContractStatus};
use helpdesk_core::customer::{CustomerSearch, SearchCondition, SearchField};
use helpdesk_core::customer_form::{fields, CustomerForm, PersonKind};
use helpdesk_store::catalog;
use helpdesk_store::customer_edits::{self, MatchBy, SaveOutcome, Upserted};
use helpdesk_store::{contacts, contracts, customer_changes, customer_records, customers, Store};
use uuid::Uuid;

/// A company as `CustomerForm::validate` leaves it.
fn padaria() -> CustomerForm {
    CustomerForm {
        id: None,
        kind: PersonKind::Company,
        code: String::new(),
        name: "Padaria Pão Quente Ltda".into(),
        trade_name: "Pão Quente".into(),
        document: "12ABC34501DE35".into(),
        postal_code: "13010-000".into(),
        street: "Rua das Flores".into(),
        number: "10".into(),
        complement: "Loja 2".into(),
        district: "Centro".into(),
        city: "Campinas".into(),
        state: "SP".into(),
        emails: vec!["contato@paoquente.com.br".into()],
        phones: vec!["(19) 3333-4444".into()],
        notes: "Entrega pelos fundos.".into(),
    }
}

async fn saved(store: &Store, user: Uuid, form: &CustomerForm) -> Uuid {
    match customer_edits::save(store, user, form).await.expect("save") {
        SaveOutcome::Saved(id) => id,
        other => panic!("not saved: {other:?}"),
    }
}

async fn find(store: &Store, field: SearchField, text: &str) -> Vec<String> {
    let search = CustomerSearch {
        text: text.into(),
        field,
        condition: SearchCondition::Contains,
        limit: 10,
    };
    customers::search(store, &search.validate().expect("search"))
        .await
        .expect("search")
        .into_iter()
        .map(|customer| customer.name)
        .collect()
}

async fn outbox(store: &Store) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM sync_outbox")
        .fetch_one(store.pool())
        .await
        .expect("outbox")
}

async fn operator(store: &Store) -> Uuid {
    let role = catalog::insert_role(store, "Atendente", false)
        .await
        .expect("role");
    common::user(store, "ana", "Ana Souza", role).await
}

#[tokio::test]
async fn a_new_customer_gets_the_next_code_and_a_change_line_by_its_author() {
    let test = common::open().await;
    let store = &test.store;
    let ana = operator(store).await;
    let network = common::network(store).await;
    customers::insert_many(
        store,
        &[common::customer(
            "1041",
            "Maria",
            "39053344705",
            &[],
            &[],
            &[],
            network,
        )],
    )
    .await
    .expect("existing customer");

    let id = saved(store, ana, &padaria()).await;
    let record = customer_records::record(store, id)
        .await
        .expect("record")
        .expect("found");
    assert_eq!(record.code, "1042");
    assert_eq!(record.kind, PersonKind::Company);
    assert_eq!(record.trade_name, "Pão Quente");
    assert_eq!(record.document, "12.ABC.345/01DE-35");
    assert_eq!(record.complement, "Loja 2");
    assert_eq!(record.notes, "Entrega pelos fundos.");
    assert_eq!(record.phones, ["(19) 3333-4444"]);
    assert_eq!(
        find(store, SearchField::Name, "quente").await,
        std::slice::from_ref(&record.name)
    );

    let changes = customer_changes::list(store, id).await.expect("changes");
    assert_eq!(changes.len(), 1);
    assert_eq!(changes[0].user, "Ana Souza");
    assert!(!changes[0].summary.is_empty());
}

#[tokio::test]
async fn a_change_rewrites_only_what_differs_and_the_search_follows() {
    let test = common::open().await;
    let store = &test.store;
    let ana = operator(store).await;
    let id = saved(store, ana, &padaria()).await;
    let before = outbox(store).await;

    let mut form =
        customer_edits::stored_form(&mut store.pool().acquire().await.expect("conn"), id)
            .await
            .expect("stored")
            .expect("found");
    form.city = "Jundiaí".into();
    form.phones.push("(11) 98765-4321".into());
    saved(store, ana, &form).await;

    let record = customer_records::record(store, id)
        .await
        .expect("record")
        .expect("found");
    assert_eq!(record.city, "Jundiaí");
    assert_eq!(record.phones, ["(19) 3333-4444", "(11) 98765-4321"]);
    assert_eq!(find(store, SearchField::Phone, "98765").await.len(), 1);
    // The customer's row and one new phone: the kept phone and e-mail are not rewritten.
    assert_eq!(
        outbox(store).await - before,
        4,
        "customer, phone, a change line each for the city and the phone"
    );

    form.phones.remove(0);
    saved(store, ana, &form).await;
    assert!(find(store, SearchField::Phone, "33334444").await.is_empty());
    let changes = customer_changes::list(store, id).await.expect("changes");
    let mut lines: Vec<&str> = changes
        .iter()
        .map(|change| change.summary.as_str())
        .collect();
    assert_eq!(lines.len(), 4, "created, two lines, one line: {lines:?}");
    assert_eq!(lines[0], "Telefone (19) 3333-4444 removido", "newest first");
    lines.sort_unstable();
    assert_eq!(
        lines,
        [
            "Cidade: Campinas → Jundiaí",
            "Cliente cadastrado",
            "Telefone (11) 98765-4321 incluído",
            "Telefone (19) 3333-4444 removido",
        ]
    );
}

#[tokio::test]
async fn a_document_or_code_of_another_customer_is_refused_at_its_field() {
    let test = common::open().await;
    let store = &test.store;
    let ana = operator(store).await;
    let first = saved(store, ana, &padaria()).await;
    let first_code = customer_records::record(store, first)
        .await
        .expect("record")
        .expect("found")
        .code;

    let same_document = CustomerForm {
        name: "Outra Padaria".into(),
        ..padaria()
    };
    let SaveOutcome::Refused(error) = customer_edits::save(store, ana, &same_document)
        .await
        .expect("save")
    else {
        panic!("duplicate document saved");
    };
    assert_eq!(error.field, fields::DOCUMENT);
    assert!(
        error.message.contains("Padaria Pão Quente Ltda"),
        "{}",
        error.message
    );

    let same_code = CustomerForm {
        code: first_code,
        document: "39053344705".into(),
        kind: PersonKind::Person,
        ..padaria()
    };
    let SaveOutcome::Refused(error) = customer_edits::save(store, ana, &same_code)
        .await
        .expect("save")
    else {
        panic!("duplicate code saved");
    };
    assert_eq!(error.field, fields::CODE);
    let count: i64 = sqlx::query_scalar("SELECT count(*) FROM customers")
        .fetch_one(store.pool())
        .await
        .expect("count");
    assert_eq!(count, 1, "nothing half-written");
}

#[tokio::test]
async fn an_upsert_of_the_same_row_writes_nothing_and_a_newer_one_updates_by_code_or_document() {
    let test = common::open().await;
    let store = &test.store;
    let ana = operator(store).await;
    let row = CustomerForm {
        code: "77".into(),
        ..padaria()
    };
    let upsert = |form: CustomerForm, by: MatchBy| async move {
        let mut tx = store.pool().begin().await.expect("tx");
        let written = customer_edits::upsert_in(&mut tx, store, ana, &form, by)
            .await
            .expect("upsert");
        if let Some(id) = written.id() {
            customer_edits::reindex_in(&mut tx, &[id])
                .await
                .expect("index");
        }
        tx.commit().await.expect("commit");
        written
    };
    let Upserted::Created(id) = upsert(row.clone(), MatchBy::Code).await else {
        panic!("not created");
    };
    let queued = outbox(store).await;
    assert_eq!(
        upsert(row.clone(), MatchBy::Code).await,
        Upserted::Unchanged(id)
    );
    assert_eq!(
        upsert(row.clone(), MatchBy::Document).await,
        Upserted::Unchanged(id)
    );
    assert_eq!(outbox(store).await, queued, "nothing queued for sync");

    let newer = CustomerForm {
        name: "Padaria Pão Quente Eireli".into(),
        ..row.clone()
    };
    assert_eq!(upsert(newer, MatchBy::Code).await, Upserted::Updated(id));
    // By document, a row without a code keeps the stored code.
    let by_document = CustomerForm {
        code: String::new(),
        city: "Valinhos".into(),
        name: "Padaria Pão Quente Eireli".into(),
        ..row.clone()
    };
    assert_eq!(
        upsert(by_document, MatchBy::Document).await,
        Upserted::Updated(id)
    );
    let record = customer_records::record(store, id)
        .await
        .expect("record")
        .expect("found");
    assert_eq!(
        (record.code.as_str(), record.city.as_str()),
        ("77", "Valinhos")
    );
    assert_eq!(find(store, SearchField::Name, "eireli").await.len(), 1);
}

fn contract(customer: Uuid, network: (Uuid, Uuid), login: &str) -> ContractForm {
    ContractForm {
        id: None,
        customer_id: customer,
        plan_id: Some(network.0),
        routing_point_id: Some(network.1),
        login: login.into(),
        installation_address: String::new(),
        installed_on: "2026-11-02".into(),
        status: ContractStatus::Active,
    }
}

#[tokio::test]
async fn contracts_have_unique_logins_active_plans_and_the_date_their_situation_changed() {
    let test = common::open().await;
    let store = &test.store;
    let ana = operator(store).await;
    let network = common::network(store).await;
    let padaria = saved(store, ana, &padaria()).await;
    let save = |form: ContractForm, today: &'static str| async move {
        contracts::save(store, ana, &form, today)
            .await
            .expect("save")
    };

    let first = contract(padaria, network, "paoquente");
    assert_eq!(
        save(first.clone(), "2026-12-01").await,
        contracts::SaveOutcome::Saved(padaria)
    );
    assert_eq!(find(store, SearchField::Login, "paoquente").await.len(), 1);

    let other = saved(
        store,
        ana,
        &CustomerForm {
            kind: PersonKind::Person,
            name: "Maria".into(),
            trade_name: String::new(),
            document: "39053344705".into(),
            ..padaria_form_without_document()
        },
    )
    .await;
    let contracts::SaveOutcome::Refused(taken) =
        save(contract(other, network, "paoquente"), "2026-12-01").await
    else {
        panic!("a login twice");
    };
    assert_eq!(taken.field, helpdesk_core::contract::fields::LOGIN);

    let record = customer_records::record(store, padaria)
        .await
        .expect("record")
        .expect("found");
    let stored = &record.plans[0];
    assert_eq!(stored.status_changed_on, "2026-12-01");
    let suspended = ContractForm {
        id: Some(stored.id),
        status: ContractStatus::Suspended,
        ..first.clone()
    };
    save(suspended.clone(), "2026-12-04").await;
    let renamed = ContractForm {
        installation_address: "Rua B, 2".into(),
        ..suspended
    };
    save(renamed, "2026-12-05").await;
    let record = customer_records::record(store, padaria)
        .await
        .expect("record")
        .expect("found");
    assert_eq!(record.plans[0].status, ContractStatus::Suspended);
    assert_eq!(
        record.plans[0].status_changed_on, "2026-12-04",
        "only a new situation dates it"
    );
    assert_eq!(record.plans[0].installation_address, "Rua B, 2");

    // A plan taken out of the catalog is no choice for a new contract.
    sqlx::query("UPDATE plans SET active = 0")
        .execute(store.pool())
        .await
        .expect("deactivate");
    let contracts::SaveOutcome::Refused(inactive) =
        save(contract(padaria, network, "segundo"), "2026-12-05").await
    else {
        panic!("an inactive plan");
    };
    assert_eq!(inactive.field, helpdesk_core::contract::fields::PLAN);
    assert!(contracts::choices(store)
        .await
        .expect("choices")
        .plans
        .is_empty());
}

fn padaria_form_without_document() -> CustomerForm {
    CustomerForm {
        document: String::new(),
        ..padaria()
    }
}

#[tokio::test]
async fn contacts_are_changed_and_removed_with_their_lines() {
    let test = common::open().await;
    let store = &test.store;
    let ana = operator(store).await;
    let padaria = saved(store, ana, &padaria()).await;
    let maria = NewContact {
        customer_id: padaria,
        name: "Maria".into(),
        phone: "(19) 99123-0001".into(),
        email: String::new(),
        relation: "Sócia".into(),
    };
    let added = contacts::insert(store, ana, &maria)
        .await
        .expect("insert")
        .expect("customer");
    let changed = NewContact {
        email: "maria@paoquente.com.br".into(),
        ..maria.clone()
    };
    let updated = contacts::update(store, ana, added.id, &changed)
        .await
        .expect("update")
        .expect("found");
    assert_eq!(updated.email, "maria@paoquente.com.br");
    let elsewhere = NewContact {
        customer_id: Uuid::from_u128(9),
        ..changed.clone()
    };
    assert!(contacts::update(store, ana, added.id, &elsewhere)
        .await
        .expect("update")
        .is_none());

    assert!(contacts::remove(store, ana, added.id)
        .await
        .expect("remove"));
    assert!(!contacts::remove(store, ana, added.id).await.expect("again"));
    let record = customer_records::record(store, padaria)
        .await
        .expect("record")
        .expect("found");
    assert!(record.contacts.is_empty());
    let lines: Vec<String> = customer_changes::list(store, padaria)
        .await
        .expect("changes")
        .into_iter()
        .map(|change| change.summary)
        .collect();
    assert_eq!(lines.len(), 4, "{lines:?}");
    assert!(lines[0].contains("removido"), "{lines:?}");
}
