//! A pulled page applied on a real SQLite file: its rows written together, and one at a
//! time only when the table refuses one; the customer search entries written again only
//! where what they hold changed.
mod common;

use helpdesk_core::customer::{SearchCondition, SearchField, SearchTerm};
use helpdesk_core::sync::{FieldValue, PullCursor, SyncRow, Version, SYNC_TABLES};
use helpdesk_store::customers;
use helpdesk_store::sync::{self, SearchRefresh};
use helpdesk_store::Store;
use uuid::Uuid;

async fn one_customer(store: &Store, code: &str, name: &str, emails: &[&str]) -> Uuid {
    let network = common::network(store).await;
    let customer = common::customer(code, name, "39053344705", emails, &[], &[], network);
    customers::insert_many(store, &[customer])
        .await
        .expect("customer")[0]
}

/// Everything waiting on `store`, as one page (and acknowledged there).
async fn pending(store: &Store) -> Vec<SyncRow> {
    let batch = sync::pending(store, 10_000)
        .await
        .expect("pending")
        .expect("changes wait");
    sync::acknowledge(store, &batch).await.expect("ack");
    batch.rows
}

/// `rows` applied on `store` as a page, the search index kept with it.
async fn apply(store: &Store, rows: &[SyncRow]) -> sync::ApplyReport {
    sync::apply(store, rows, PullCursor::default(), SearchRefresh::WithPage)
        .await
        .expect("applied")
}

async fn search(store: &Store, field: SearchField, needle: &str) -> Vec<Uuid> {
    let term = SearchTerm {
        needle: needle.into(),
        field,
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

/// The rowid and e-mails of `customer`'s search entry.
async fn entry(store: &Store, customer: Uuid) -> (i64, String) {
    sqlx::query_as("SELECT rowid, emails FROM customer_search WHERE customer_id = ?1")
        .bind(customer)
        .fetch_one(store.pool())
        .await
        .expect("one entry")
}

fn visit(starts_at: i64, ends_at: i64) -> SyncRow {
    let table = SYNC_TABLES
        .iter()
        .find(|table| table.name == "work_orders")
        .expect("work_orders syncs");
    let reference = || FieldValue::Blob(Uuid::now_v7().as_bytes().to_vec());
    let values = vec![
        ("ticket_id", reference()),
        ("customer_id", reference()),
        ("technician_id", reference()),
        ("type_id", reference()),
        ("status_id", reference()),
        ("starts_at", FieldValue::Integer(starts_at)),
        ("ends_at", FieldValue::Integer(ends_at)),
        ("description", FieldValue::Text("Troca da ONU".into())),
    ];
    let version = Version {
        stamp: 1_000 << 16,
        origin: Uuid::now_v7(),
    };
    SyncRow::created(table, Uuid::now_v7(), values, version).expect("a work order")
}

#[tokio::test]
async fn a_row_refused_amid_a_page_is_set_aside_and_the_rows_around_it_apply() {
    let test = common::open().await;
    let store = &test.store;
    let hour = 3_600_000;
    let (before, after) = (visit(hour, 2 * hour), visit(5 * hour, 6 * hour));
    // Ends before it starts: the table's CHECK refuses it.
    let backwards = visit(4 * hour, 3 * hour);
    let cursor = PullCursor {
        epoch: 0,
        transaction: 7,
        sequence: 3,
    };
    let page = [before.clone(), backwards.clone(), after.clone()];
    let report = sync::apply(store, &page, cursor, SearchRefresh::WithPage)
        .await
        .expect("no row is a wall");
    assert_eq!((report.changed, report.set_aside), (2, 1));
    let held: Vec<Uuid> = sqlx::query_scalar("SELECT id FROM work_orders ORDER BY id")
        .fetch_all(store.pool())
        .await
        .expect("work orders");
    assert_eq!(held, [before.id, after.id]);
    let entries = sync::set_aside_list(store).await.expect("set aside");
    assert_eq!(entries.len(), 1);
    assert_eq!(
        (entries[0].key.table.as_str(), entries[0].key.id),
        ("work_orders", backwards.id)
    );
    assert_eq!(
        sync::load_state(store).await.expect("state").cursor(),
        cursor
    );
    assert_eq!(
        sync::waiting(store).await.expect("waiting"),
        0,
        "pulled rows are not queued"
    );
}

#[tokio::test]
async fn an_edit_outside_the_search_entry_keeps_it_and_a_name_change_writes_it_again() {
    let (source, desktop) = (common::open().await, common::open().await);
    let network = common::network(&source.store).await;
    let joana = common::customer("C-1", "Joana Prado", "39053344705", &[], &[], &[], network);
    let customer = customers::insert_many(&source.store, &[joana])
        .await
        .expect("customer")[0];
    apply(&desktop.store, &pending(&source.store).await).await;
    // Another entry after hers: hers written again would take a new rowid.
    let rui = common::customer("C-2", "Rui Prado", "39053344705", &[], &[], &[], network);
    customers::insert_many(&source.store, &[rui])
        .await
        .expect("customer");
    apply(&desktop.store, &pending(&source.store).await).await;
    let (kept, _) = entry(&desktop.store, customer).await;

    sqlx::query("UPDATE customers SET city = 'Bauru', changed_at = ?1 WHERE id = ?2")
        .bind(source.store.stamp())
        .bind(customer)
        .execute(source.store.pool())
        .await
        .expect("moved");
    let report = apply(&desktop.store, &pending(&source.store).await).await;
    assert_eq!(report.changed, 1);
    assert_eq!(
        entry(&desktop.store, customer).await.0,
        kept,
        "not written again"
    );

    sqlx::query(
        "UPDATE customers SET name = 'Joana Prado Lima', name_folded = 'joana prado lima',
                changed_at = ?1 WHERE id = ?2",
    )
    .bind(source.store.stamp())
    .bind(customer)
    .execute(source.store.pool())
    .await
    .expect("renamed");
    apply(&desktop.store, &pending(&source.store).await).await;
    assert_eq!(
        search(&desktop.store, SearchField::Name, "lima").await,
        [customer]
    );
}

#[tokio::test]
async fn an_email_moved_to_another_customer_leaves_the_entry_of_the_one_it_left() {
    let (source, desktop) = (common::open().await, common::open().await);
    let network = common::network(&source.store).await;
    let (first, second) = (
        common::customer(
            "C-1",
            "Joana Prado",
            "39053344705",
            &["joana@exemplo.com"],
            &[],
            &[],
            network,
        ),
        common::customer("C-2", "Rui Prado", "39053344705", &[], &[], &[], network),
    );
    let ids = customers::insert_many(&source.store, &[first, second])
        .await
        .expect("customers");
    let (first, second) = (ids[0], ids[1]);
    apply(&desktop.store, &pending(&source.store).await).await;

    sqlx::query(
        "UPDATE customer_emails SET customer_id = ?1, changed_at = ?2 WHERE customer_id = ?3",
    )
    .bind(second)
    .bind(source.store.stamp())
    .bind(first)
    .execute(source.store.pool())
    .await
    .expect("moved");
    apply(&desktop.store, &pending(&source.store).await).await;
    assert_eq!(entry(&desktop.store, first).await.1, "");
    assert_eq!(entry(&desktop.store, second).await.1, "joana@exemplo.com");
}

#[tokio::test]
async fn a_customer_renamed_to_settle_a_taken_code_is_found_by_its_new_code() {
    let (source, desktop) = (common::open().await, common::open().await);
    let theirs = one_customer(&source.store, "C-7", "Joana Prado", &[]).await;
    // Created later, so it is the one renamed.
    let mine = one_customer(&desktop.store, "C-7", "Rui Prado", &[]).await;
    assert!(mine > theirs);
    apply(&desktop.store, &pending(&source.store).await).await;
    assert_eq!(
        search(&desktop.store, SearchField::Code, "conflito").await,
        [mine]
    );
    assert_eq!(
        search(&desktop.store, SearchField::Name, "joana").await,
        [theirs]
    );
}

#[tokio::test]
async fn rows_changed_in_different_columns_are_written_many_to_a_statement_each_as_it_is() {
    let (source, desktop) = (common::open().await, common::open().await);
    let network = common::network(&source.store).await;
    let customers: Vec<_> = (0..150)
        .map(|n| {
            let name = format!("Cliente {n}");
            common::customer(
                &format!("C-{n}"),
                &name,
                "39053344705",
                &[],
                &[],
                &[],
                network,
            )
        })
        .collect();
    let ids = customers::insert_many(&source.store, &customers)
        .await
        .expect("customers");
    apply(&desktop.store, &pending(&source.store).await).await;

    // More rows than a statement takes moved to a city, some renamed, some both.
    for (n, id) in ids.iter().enumerate() {
        let sql = match n % 3 {
            0 => "UPDATE customers SET city = 'Bauru', changed_at = ?1 WHERE id = ?2",
            1 => "UPDATE customers SET name = name || ' Lima', changed_at = ?1 WHERE id = ?2",
            _ => "UPDATE customers SET city = 'Tatuí', name = 'Rui', changed_at = ?1 WHERE id = ?2",
        };
        sqlx::query(sql)
            .bind(source.store.stamp())
            .bind(id)
            .execute(source.store.pool())
            .await
            .expect("edited");
    }
    let report = apply(&desktop.store, &pending(&source.store).await).await;
    assert_eq!(report.changed, ids.len());
    assert_eq!(
        sync::snapshot(&desktop.store)
            .await
            .expect("desktop's rows"),
        sync::snapshot(&source.store).await.expect("source's rows")
    );
}
