//! The desktop's side of sync on real SQLite files: local writes captured with a version
//! per field, pulled rows merged field by field, two desktops converging.
mod common;

use helpdesk_core::customer::{SearchCondition, SearchField, SearchTerm};
use helpdesk_core::sync::{ColumnKind, FieldValue, PullCursor, SyncRow, SYNC_TABLES};
use helpdesk_store::customers;
use helpdesk_store::sync::{self, ApplyReport, SearchRefresh};
use helpdesk_store::Store;
use uuid::Uuid;

async fn one_customer(store: &Store, code: &str, name: &str) -> Uuid {
    let network = common::network(store).await;
    let customer = common::customer(code, name, "39053344705", &[], &[], &[], network);
    customers::insert_many(store, &[customer])
        .await
        .expect("customer")[0]
}

/// Everything waiting, pushed as one batch (and acknowledged).
async fn push_all(store: &Store) -> Vec<SyncRow> {
    let batch = sync::pending(store, 10_000)
        .await
        .expect("pending")
        .expect("changes wait");
    sync::acknowledge(store, &batch).await.expect("ack");
    batch.rows
}

async fn set_city(store: &Store, customer: Uuid, city: &str) {
    sqlx::query("UPDATE customers SET city = ?1, changed_at = ?2 WHERE id = ?3")
        .bind(city)
        .bind(store.stamp())
        .bind(customer)
        .execute(store.pool())
        .await
        .expect("city");
}

async fn set_name(store: &Store, customer: Uuid, name: &str) {
    sqlx::query(
        "UPDATE customers SET name = ?1, name_folded = lower(?1), changed_at = ?2 WHERE id = ?3",
    )
    .bind(name)
    .bind(store.stamp())
    .bind(customer)
    .execute(store.pool())
    .await
    .expect("name");
}

async fn customer_row(store: &Store, customer: Uuid) -> (String, String, i64) {
    sqlx::query_as("SELECT name, city, changed_at FROM customers WHERE id = ?1")
        .bind(customer)
        .fetch_one(store.pool())
        .await
        .expect("customer row")
}

/// Asserts that every customer has one search entry, found by its key.
async fn assert_search_keyed(store: &Store) {
    let count = |sql: &'static str| {
        let pool = store.pool().clone();
        async move {
            sqlx::query_scalar::<_, i64>(sql)
                .fetch_one(&pool)
                .await
                .expect("count")
        }
    };
    let customers = count("SELECT count(*) FROM customers WHERE deleted = 0").await;
    assert_eq!(
        count("SELECT count(*) FROM customer_search").await,
        customers
    );
    assert_eq!(
        count(
            "SELECT count(*) FROM customer_search_keys k
             JOIN customer_search s ON s.rowid = k.search_rowid AND s.customer_id = k.customer_id"
        )
        .await,
        customers
    );
}

/// Applies `rows` as a page pulled from the start, the search index refreshed with it.
async fn apply_page(store: &Store, rows: &[SyncRow]) -> helpdesk_store::Result<ApplyReport> {
    sync::apply(store, rows, PullCursor::default(), SearchRefresh::WithPage).await
}

fn named(rows: &[SyncRow], table: &str, id: Uuid) -> SyncRow {
    rows.iter()
        .find(|row| row.table == table && row.id == id)
        .cloned()
        .unwrap_or_else(|| panic!("{table} {id} is in the batch"))
}

#[tokio::test]
async fn every_syncable_table_matches_the_shared_column_list_and_has_its_triggers() {
    let test = common::open().await;
    for table in SYNC_TABLES {
        let columns: Vec<(String, String, bool)> = sqlx::query_as(
            "SELECT name, type, \"notnull\" FROM pragma_table_info(?1)
             WHERE name NOT IN ('id', 'changed_at', 'sync_versions', 'sync_origin') ORDER BY name",
        )
        .bind(table.name)
        .fetch_all(test.store.pool())
        .await
        .expect("columns");
        let mut expected: Vec<(String, String, bool)> = table
            .columns
            .iter()
            .map(|column| {
                let kind = match column.kind {
                    ColumnKind::Integer => "INTEGER",
                    ColumnKind::Text => "TEXT",
                    ColumnKind::Blob => "BLOB",
                };
                (column.name.to_owned(), kind.to_owned(), !column.nullable)
            })
            .collect();
        expected.sort();
        assert_eq!(columns, expected, "the columns of {}", table.name);
        let triggers: Vec<String> = sqlx::query_scalar(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?1
             AND name LIKE '%_sync_%' ORDER BY name",
        )
        .bind(table.name)
        .fetch_all(test.store.pool())
        .await
        .expect("triggers");
        assert_eq!(
            triggers,
            [
                format!("{}_sync_insert", table.name),
                format!("{}_sync_update", table.name)
            ]
        );
        let update: String = sqlx::query_scalar(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?1",
        )
        .bind(format!("{}_sync_update", table.name))
        .fetch_one(test.store.pool())
        .await
        .expect("update trigger");
        for column in table.columns {
            let name = column.name;
            for part in [
                format!("OLD.{name} IS NOT NEW.{name}"),
                format!("SELECT '{name}', json_array("),
            ] {
                assert!(
                    update.contains(&part),
                    "{}_sync_update misses {part}",
                    table.name
                );
            }
        }
    }
}

#[tokio::test]
async fn local_writes_are_queued_with_a_version_per_field() {
    let test = common::open().await;
    let store = &test.store;
    let customer = one_customer(store, "C-1", "Maria Souza").await;
    let first = named(&push_all(store).await, "customers", customer);
    let created = first.fields["name"].version;
    assert!(first.fields.values().all(|field| field.version == created));
    assert_eq!(
        first.value("city"),
        Some(&FieldValue::Text("Campinas".into()))
    );
    assert_eq!(sync::waiting(store).await.expect("waiting"), 0);

    set_city(store, customer, "Sumaré").await;
    set_city(store, customer, "Hortolândia").await;
    assert_eq!(sync::waiting(store).await.expect("waiting"), 2);
    let rows = push_all(store).await;
    assert_eq!(rows.len(), 1, "a row changed twice travels once: {rows:?}");
    let edited = &rows[0];
    assert_eq!(
        edited.value("city"),
        Some(&FieldValue::Text("Hortolândia".into()))
    );
    assert!(edited.fields["city"].version > created);
    assert_eq!(
        edited.fields["name"].version, created,
        "untouched fields keep theirs"
    );
    assert_eq!(edited.fields["deleted"].version, created);
    assert!(sync::pending(store, 100).await.expect("pending").is_none());
}

#[tokio::test]
async fn pulled_rows_merge_per_field_and_are_not_queued_again() {
    let test = common::open().await;
    let store = &test.store;
    let customer = one_customer(store, "C-2", "João Lima").await;
    let mut remote = named(&push_all(store).await, "customers", customer);
    // Another desktop renamed the customer later; this one then changed the city.
    let other = Uuid::from_u128(0xdead);
    let renamed = remote.fields["name"].version.stamp + 1_000_000;
    for column in ["name", "name_folded"] {
        let field = remote.fields.get_mut(column).expect("field");
        field.value = FieldValue::Text(
            if column == "name" {
                "João Lima Neto"
            } else {
                "joao lima neto"
            }
            .into(),
        );
        field.version.stamp = renamed;
        field.version.origin = other;
    }
    store.observe(renamed);
    set_city(store, customer, "Valinhos").await;
    let waiting = sync::waiting(store).await.expect("waiting");

    let report = sync::apply(
        store,
        &[remote.clone()],
        PullCursor {
            epoch: 0,
            transaction: 7,
            sequence: 3,
        },
        SearchRefresh::WithPage,
    )
    .await
    .expect("applied");
    assert_eq!(
        report,
        ApplyReport {
            changed: 1,
            unchanged: 0,
            set_aside: 0
        }
    );
    let (name, city, _) = customer_row(store, customer).await;
    assert_eq!(
        (name.as_str(), city.as_str()),
        ("João Lima Neto", "Valinhos")
    );
    assert_eq!(
        sync::waiting(store).await.expect("waiting"),
        waiting,
        "nothing queued"
    );
    let state = sync::load_state(store).await.expect("state");
    assert_eq!(
        state.cursor(),
        PullCursor {
            epoch: 0,
            transaction: 7,
            sequence: 3
        }
    );
    // The search index follows the pulled name.
    let found = customers::search(
        store,
        &SearchTerm {
            needle: "neto".into(),
            field: SearchField::Name,
            condition: SearchCondition::Contains,
            limit: 10,
        },
    )
    .await
    .expect("search");
    assert_eq!(found.len(), 1);
    assert_search_keyed(store).await;
    // The same page again changes nothing.
    let again = sync::apply(
        store,
        &[remote],
        PullCursor {
            epoch: 0,
            transaction: 7,
            sequence: 3,
        },
        SearchRefresh::WithPage,
    )
    .await
    .expect("applied again");
    assert_eq!(
        again,
        ApplyReport {
            changed: 0,
            unchanged: 1,
            set_aside: 0
        }
    );
}

/// The versions stored beside a customer: `sync_versions` and `sync_origin`.
async fn stored_versions(store: &Store, customer: Uuid) -> (Option<String>, Option<Vec<u8>>) {
    sqlx::query_as("SELECT sync_versions, sync_origin FROM customers WHERE id = ?1")
        .bind(customer)
        .fetch_one(store.pool())
        .await
        .expect("versions")
}

#[tokio::test]
async fn a_pulled_row_keeps_only_the_versions_that_differ_from_its_latest() {
    let (a, b) = (common::open().await, common::open().await);
    let customer = one_customer(&a.store, "C-9", "Rita Paz").await;
    let written = named(&push_all(&a.store).await, "customers", customer);
    let a_origin = written.fields["name"].version.origin;
    let cursor = PullCursor {
        epoch: 0,
        transaction: 1,
        sequence: 1,
    };
    sync::apply(
        &b.store,
        std::slice::from_ref(&written),
        cursor,
        SearchRefresh::WithPage,
    )
    .await
    .expect("applied");
    // Written once: its origin, and no field named.
    assert_eq!(
        stored_versions(&b.store, customer).await,
        (None, Some(a_origin.as_bytes().to_vec()))
    );

    // A later rename elsewhere: only the fields left at the older version are named.
    let mut renamed = written.clone();
    let other = Uuid::from_u128(0xbeef);
    let stamp = written.fields["name"].version.stamp + 1_000_000;
    for column in ["name", "name_folded"] {
        let field = renamed.fields.get_mut(column).expect("field");
        field.value = FieldValue::Text("rita paz".into());
        field.version.stamp = stamp;
        field.version.origin = other;
    }
    b.store.observe(stamp);
    sync::apply(
        &b.store,
        &[renamed.clone()],
        cursor,
        SearchRefresh::WithPage,
    )
    .await
    .expect("applied");
    let (named_fields, origin) = stored_versions(&b.store, customer).await;
    assert_eq!(origin, Some(other.as_bytes().to_vec()));
    let named_fields: std::collections::BTreeMap<String, (String, String)> =
        serde_json::from_str(&named_fields.expect("some fields named")).expect("json");
    assert_eq!(named_fields.len(), renamed.fields.len() - 2);
    assert!(!named_fields.contains_key("name") && named_fields.contains_key("city"));

    // A local edit here: the fields it did not change keep the versions pulled.
    set_city(&b.store, customer, "Jundiaí").await;
    let sent = named(&push_all(&b.store).await, "customers", customer);
    for (column, field) in &sent.fields {
        match column.as_str() {
            "city" => assert!(field.version.stamp > stamp && field.version.origin != other),
            "name" | "name_folded" => assert_eq!(field.version, renamed.fields[column].version),
            _ => assert_eq!(field.version, written.fields[column].version, "{column}"),
        }
    }
    assert_eq!(stored_versions(&b.store, customer).await.1, None);
}

#[tokio::test]
async fn two_desktops_exchanging_changes_converge() {
    let (a, b) = (common::open().await, common::open().await);
    let customer = one_customer(&a.store, "C-3", "Ana Dias").await;
    let initial = push_all(&a.store).await;
    apply_page(&b.store, &initial).await.expect("b pulls");
    assert!(sync::pending(&b.store, 100)
        .await
        .expect("pending")
        .is_none());

    // Offline, both edit the same customer: A the name, then the city; B the city, later.
    set_name(&a.store, customer, "Ana Dias Prado").await;
    set_city(&a.store, customer, "Indaiatuba").await;
    b.store.observe(a.store.stamp());
    set_city(&b.store, customer, "Jundiaí").await;

    let from_a = push_all(&a.store).await;
    let from_b = push_all(&b.store).await;
    apply_page(&a.store, &from_b).await.expect("a pulls");
    apply_page(&b.store, &from_a).await.expect("b pulls");
    let (on_a, on_b) = (
        customer_row(&a.store, customer).await,
        customer_row(&b.store, customer).await,
    );
    assert_eq!(on_a, on_b);
    assert_eq!(
        (on_a.0.as_str(), on_a.1.as_str()),
        ("Ana Dias Prado", "Jundiaí")
    );
}

#[tokio::test]
async fn a_pulled_row_that_does_not_fit_is_set_aside_and_the_rest_applies() {
    let test = common::open().await;
    let store = &test.store;
    let customer = one_customer(store, "C-4", "Rita Alves").await;
    let rows = push_all(store).await;
    let mut good = named(&rows, "customers", customer);
    let name = good.fields.get_mut("name").expect("name");
    name.value = FieldValue::Text("Rita Alves Costa".into());
    name.version.stamp += 1_000_000;
    let mut bad = good.clone();
    bad.id = Uuid::now_v7();
    let mut wrong = bad.fields["name"].clone();
    wrong.value = FieldValue::Integer(1);
    bad.fields.insert("name".into(), wrong);
    let bad_id = bad.id;
    let cursor = PullCursor {
        epoch: 0,
        transaction: 1,
        sequence: 1,
    };
    let report = sync::apply(store, &[good.clone(), bad], cursor, SearchRefresh::WithPage)
        .await
        .expect("no row is a wall");
    assert_eq!((report.changed, report.set_aside), (1, 1));
    assert_eq!(customer_row(store, customer).await.0, "Rita Alves Costa");
    assert_eq!(
        sync::load_state(store).await.expect("state").cursor(),
        cursor
    );
    let entries = sync::set_aside_list(store).await.expect("set aside");
    assert_eq!(entries.len(), 1);
    assert_eq!(
        (entries[0].key.table.as_str(), entries[0].key.id),
        ("customers", bad_id)
    );
    assert!(
        entries[0].error.contains("does not fit"),
        "{}",
        entries[0].error
    );
}

#[tokio::test]
async fn the_clock_moves_past_pulled_stamps_and_restarts_after_them() {
    let test = common::open().await;
    let customer = one_customer(&test.store, "C-5", "Paulo Reis").await;
    let mut row = named(&push_all(&test.store).await, "customers", customer);
    // A stamp four minutes ahead of this desktop's wall clock (within
    // `clock::MAX_STAMP_AHEAD_MS`: a clock does not follow stamps further ahead, which the
    // server refuses anyway).
    let ahead = row.fields["city"].version.stamp + (240_000 << 16);
    let city = row.fields.get_mut("city").expect("city");
    city.value = FieldValue::Text("Americana".into());
    city.version.stamp = ahead;
    city.version.origin = Uuid::from_u128(0xbeef);
    apply_page(&test.store, &[row]).await.expect("applied");
    assert!(test.store.stamp() > ahead);
    let path = test.store_path();
    test.store.close().await;
    let reopened = Store::open(&path).await.expect("reopen");
    assert!(
        reopened.stamp() > ahead,
        "the clock restarts after what it saw"
    );
    // A local edit made after it wins over the pulled one.
    set_city(&reopened, customer, "Limeira").await;
    let mine = push_all(&reopened).await;
    assert!(mine[0].fields["city"].version.stamp > ahead);
}

/// A pulled stamp an hour ahead (a desktop whose clock ran ahead, before the server refused
/// such stamps) is applied as a value but not followed: neither now nor after a restart does
/// this desktop stamp its writes an hour in the future.
#[tokio::test]
async fn a_pulled_stamp_far_ahead_is_not_followed_even_after_a_restart() {
    let test = common::open().await;
    let customer = one_customer(&test.store, "C-6", "Lia Prado").await;
    let mut row = named(&push_all(&test.store).await, "customers", customer);
    let ahead = row.fields["city"].version.stamp + (3_600_000 << 16);
    let city = row.fields.get_mut("city").expect("city");
    city.value = FieldValue::Text("Indaiatuba".into());
    city.version.stamp = ahead;
    city.version.origin = Uuid::from_u128(0xbeef);
    apply_page(&test.store, &[row]).await.expect("applied");
    assert_eq!(customer_row(&test.store, customer).await.1, "Indaiatuba");
    assert!(test.store.stamp() < ahead, "not followed now");
    let path = test.store_path();
    test.store.close().await;
    let reopened = Store::open(&path).await.expect("reopen");
    assert!(reopened.stamp() < ahead, "nor after a restart");
}

/// A new e-mail template named `name`.
fn template(name: &str) -> helpdesk_core::email::EmailTemplate {
    helpdesk_core::email::EmailTemplate {
        id: helpdesk_store::new_id(),
        name: name.into(),
        subject: format!("Assunto de {name}"),
        body: "Olá, {cliente}.".into(),
        role_ids: Vec::new(),
    }
}

#[tokio::test]
async fn two_rows_given_the_same_unique_name_offline_are_told_apart_alike_everywhere() {
    let (a, b) = (common::open().await, common::open().await);
    let first = template("Boas-vindas");
    let second = template("Boas-vindas");
    helpdesk_store::email_templates::save(&a.store, &first)
        .await
        .expect("saved on A");
    helpdesk_store::email_templates::save(&b.store, &second)
        .await
        .expect("saved on B");

    let from_a = push_all(&a.store).await;
    let from_b = push_all(&b.store).await;
    apply_page(&a.store, &from_b).await.expect("A pulls");
    apply_page(&b.store, &from_a).await.expect("B pulls");
    // Each settled the clash the same way, and queued the rename for the others.
    let renames_a = push_all(&a.store).await;
    let renames_b = push_all(&b.store).await;
    apply_page(&a.store, &renames_b).await.expect("A pulls");
    apply_page(&b.store, &renames_a).await.expect("B pulls");
    let names = |store: &Store| {
        let pool = store.pool().clone();
        async move {
            sqlx::query_as::<_, (Uuid, String)>("SELECT id, name FROM email_templates ORDER BY id")
                .fetch_all(&pool)
                .await
                .expect("names")
        }
    };
    let (on_a, on_b) = (names(&a.store).await, names(&b.store).await);
    assert_eq!(on_a, on_b);
    let (older, newer) = (first.id.min(second.id), first.id.max(second.id));
    assert_eq!(on_a[0], (older, "Boas-vindas".to_owned()));
    assert_eq!(
        on_a[1],
        (
            newer,
            format!(
                "Boas-vindas (conflito {})",
                &newer.simple().to_string()[..12]
            )
        )
    );
    let (rows_a, rows_b) = (
        sync::snapshot(&a.store).await.expect("A"),
        sync::snapshot(&b.store).await.expect("B"),
    );
    let templates = |rows: Vec<SyncRow>| -> Vec<SyncRow> {
        let mut found: Vec<SyncRow> = rows
            .into_iter()
            .filter(|row| row.table == "email_templates")
            .collect();
        found.sort_by_key(|row| row.id);
        found
    };
    assert_eq!(templates(rows_a), templates(rows_b));
}

#[tokio::test]
async fn a_service_desktop_settles_a_name_clash_without_sending_the_rename() {
    let (a, b, service) = (
        common::open().await,
        common::open().await,
        common::open().await,
    );
    sqlx::query("UPDATE sync_state SET profile = 'service'")
        .execute(service.store.pool())
        .await
        .expect("a service desktop");
    let (first, second) = (template("Cobrança"), template("Cobrança"));
    for (desktop, made) in [(&a, &first), (&b, &second)] {
        helpdesk_store::email_templates::save(&desktop.store, made)
            .await
            .expect("saved");
    }
    // Both reach the server before any administration desktop settled the clash.
    let mut both = push_all(&a.store).await;
    both.extend(push_all(&b.store).await);
    apply_page(&service.store, &both)
        .await
        .expect("the service desktop pulls both");

    let names: Vec<String> = sqlx::query_scalar("SELECT name FROM email_templates ORDER BY id")
        .fetch_all(service.store.pool())
        .await
        .expect("names");
    let newer = first.id.max(second.id);
    assert_eq!(
        names,
        [
            "Cobrança".to_owned(),
            format!("Cobrança (conflito {})", &newer.simple().to_string()[..12])
        ]
    );
    assert_eq!(
        sync::waiting(&service.store).await.expect("waiting"),
        0,
        "a service desktop may not send templates: the administration desktops do"
    );
}

/// The customers whose name contains `needle`, by the search index.
async fn found_by_name(store: &Store, needle: &str) -> Vec<Uuid> {
    let term = SearchTerm {
        needle: needle.into(),
        field: SearchField::Name,
        condition: SearchCondition::Contains,
        limit: 10,
    };
    customers::search(store, &term)
        .await
        .expect("search")
        .into_iter()
        .map(|found| found.id)
        .collect()
}

#[tokio::test]
async fn a_deferred_search_refresh_is_recorded_with_the_page_and_done_whole_later() {
    let (source, desktop) = (common::open().await, common::open().await);
    let customer = one_customer(&source.store, "C-9", "Marta Quintino").await;
    let rows = push_all(&source.store).await;
    let cursor = PullCursor {
        epoch: 0,
        transaction: 3,
        sequence: 1,
    };
    sync::apply(&desktop.store, &rows, cursor, SearchRefresh::Deferred)
        .await
        .expect("applied");
    assert!(
        found_by_name(&desktop.store, "quintino").await.is_empty(),
        "not searchable yet"
    );

    // The exchange was cut here: the need survives a restart.
    let path = desktop.store_path();
    desktop.store.close().await;
    let reopened = Store::open(&path).await.expect("reopen");
    assert!(sync::refresh_stale_search(&reopened)
        .await
        .expect("refresh"));
    assert_eq!(found_by_name(&reopened, "quintino").await, [customer]);
    assert!(
        !sync::refresh_stale_search(&reopened)
            .await
            .expect("refresh"),
        "done once"
    );
}
