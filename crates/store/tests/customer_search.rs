//! The "Localizar Cliente" search on a real database: every field and condition.
mod common;

use helpdesk_core::customer::{CustomerSearch, SearchCondition, SearchField};
use helpdesk_store::customers;
use helpdesk_store::Store;

use SearchCondition::{Contains, EndsWith, Equals, StartsWith};
use SearchField::{Code, Document, Email, Login, Name, Phone};

async fn seeded() -> common::TestStore {
    let test = common::open().await;
    let network = common::network(&test.store).await;
    let people = [
        common::customer(
            "1001",
            "João da Conceição",
            "52998224725",
            &["joao.conceicao@gmail.com"],
            &["(11) 98765-4321"],
            &["joao.conceicao"],
            network,
        ),
        common::customer(
            "1002",
            "Maria Aparecida Gonçalves",
            "11222333000181",
            &["maria@padaria.com.br", "financeiro@padaria.com.br"],
            &["(19) 3456-7890", "(19) 99123-0001"],
            &["padaria_pao", "maria.goncalves"],
            network,
        ),
        common::customer(
            "1010",
            "Joana D'Arc 100% Fibra",
            "39053344705",
            &["joana@uol.com.br"],
            &["(21) 2222-3333"],
            &["joana100"],
            network,
        ),
    ];
    customers::insert_many(&test.store, &people)
        .await
        .expect("insert");
    test
}

async fn names(
    store: &Store,
    text: &str,
    field: SearchField,
    condition: SearchCondition,
) -> Vec<String> {
    let term = CustomerSearch {
        text: text.into(),
        field,
        condition,
        limit: 50,
    }
    .validate()
    .expect("valid search");
    customers::search(store, &term)
        .await
        .expect("search runs")
        .into_iter()
        .map(|c| c.name)
        .collect()
}

const JOAO: &str = "João da Conceição";
const MARIA: &str = "Maria Aparecida Gonçalves";
const JOANA: &str = "Joana D'Arc 100% Fibra";

#[tokio::test]
async fn every_field_and_condition_finds_the_right_customers() {
    let test = seeded().await;
    let s = &test.store;
    let cases: &[(&str, SearchField, SearchCondition, &[&str])] = &[
        ("jo", Name, StartsWith, &[JOANA, JOAO]),
        ("JOAO", Name, StartsWith, &[JOAO]),
        ("conceicao", Name, Contains, &[JOAO]),
        ("ão da", Name, Contains, &[JOAO]),
        ("gonçalves", Name, EndsWith, &[MARIA]),
        ("joão da conceição", Name, Equals, &[JOAO]),
        ("joão", Name, Equals, &[]),
        ("100", Code, StartsWith, &[JOAO, MARIA]),
        ("1", Code, StartsWith, &[JOAO, MARIA, JOANA]),
        ("1010", Code, Equals, &[JOANA]),
        ("01", Code, Contains, &[JOANA, JOAO]),
        ("02", Code, EndsWith, &[MARIA]),
        ("529.982", Document, StartsWith, &[JOAO]),
        ("11.222.333/0001-81", Document, Equals, &[MARIA]),
        ("0001", Document, Contains, &[MARIA]),
        ("4705", Document, EndsWith, &[JOANA]),
        ("padaria_", Login, StartsWith, &[MARIA]),
        ("maria.goncalves", Login, Equals, &[MARIA]),
        ("conceic", Login, Contains, &[JOAO]),
        ("100", Login, EndsWith, &[JOANA]),
        ("fin", Email, StartsWith, &[MARIA]),
        ("JOANA@UOL.COM.BR", Email, Equals, &[JOANA]),
        ("@padaria", Email, Contains, &[MARIA]),
        ("gmail.com", Email, EndsWith, &[JOAO]),
        ("(19) 99123", Phone, StartsWith, &[MARIA]),
        ("11 98765-4321", Phone, Equals, &[JOAO]),
        ("3456", Phone, Contains, &[MARIA]),
        ("3333", Phone, EndsWith, &[JOANA]),
    ];
    for (text, field, condition, expected) in cases {
        let found = names(s, text, *field, *condition).await;
        assert_eq!(&found, expected, "{text:?} {field:?} {condition:?}");
    }
}

#[tokio::test]
async fn ends_with_checks_each_value_of_a_multi_valued_field() {
    let test = seeded().await;
    // Maria's first e-mail ends with "padaria.com.br" although it is not the last one joined.
    let found = names(&test.store, "maria@padaria.com.br", Email, EndsWith).await;
    assert_eq!(found, [MARIA]);
}

#[tokio::test]
async fn metacharacters_are_matched_literally() {
    let test = seeded().await;
    let s = &test.store;
    assert_eq!(names(s, "100%", Name, Contains).await, [JOANA]);
    assert_eq!(names(s, "d'arc", Name, Contains).await, [JOANA]);
    assert_eq!(names(s, "%", Name, Contains).await, [JOANA]);
    assert!(names(s, "%%", Name, Contains).await.is_empty());
    assert_eq!(names(s, "_", Login, Contains).await, [MARIA]);
    assert!(names(s, "'; DROP TABLE customers; --", Name, StartsWith)
        .await
        .is_empty());
    assert!(names(s, "\"*[a]?", Name, Contains).await.is_empty());
    // The table is still there and searchable.
    assert_eq!(names(s, "maria", Name, StartsWith).await, [MARIA]);
}

#[tokio::test]
async fn results_carry_the_customer_details_and_respect_the_limit() {
    let test = seeded().await;
    let term = CustomerSearch {
        text: "1".into(),
        field: Code,
        condition: StartsWith,
        limit: 2,
    }
    .validate()
    .expect("valid");
    let found = customers::search(&test.store, &term).await.expect("search");
    assert_eq!(found.len(), 2);
    let maria = &found[1];
    assert_eq!(maria.document, "11.222.333/0001-81");
    assert_eq!(
        maria.emails,
        ["maria@padaria.com.br", "financeiro@padaria.com.br"]
    );
    assert_eq!(maria.logins, ["padaria_pao", "maria.goncalves"]);
    assert_eq!(maria.phones.len(), 2);
    assert_eq!(maria.city, "Campinas");
}

#[tokio::test]
async fn a_customer_is_listed_once_even_when_two_values_match() {
    let test = seeded().await;
    let found = names(&test.store, "padaria.com.br", Email, Contains).await;
    assert_eq!(found, [MARIA]);
    let found = names(&test.store, "19", Phone, StartsWith).await;
    assert_eq!(found, [MARIA]);
}

#[tokio::test]
async fn bulk_loads_are_searchable_after_a_rebuild() {
    let test = common::open().await;
    let network = common::network(&test.store).await;
    let bulk = [common::customer(
        "7",
        "Zélia Duncan",
        "52998224725",
        &[],
        &[],
        &[],
        network,
    )];
    customers::insert_many_unindexed(&test.store, &bulk)
        .await
        .expect("insert");
    assert!(names(&test.store, "zelia", Name, Contains).await.is_empty());
    customers::rebuild_search_index(&test.store)
        .await
        .expect("rebuild");
    assert_eq!(
        names(&test.store, "zelia", Name, Contains).await,
        ["Zélia Duncan"]
    );
}
