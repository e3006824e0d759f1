//! Customers with their e-mails, phones and contracted plans, and the "Localizar Cliente"
//! search over them.
//!
//! "Começa com" and "Igual" walk the B-tree index of the searched column in order and stop
//! at the limit; rows come in the order of that field. "Contém" and "Termina com" use the
//! FTS5 trigram index `customer_search` (kept in the same transaction as the rows), re-check
//! the exact condition, so what the operator typed is always matched literally, and stop at
//! the limit; those rows are shown in name order. Either way the cost grows with the rows
//! returned, not with the number of customers.
use std::collections::{HashMap, HashSet};

use futures_util::TryStreamExt;
use helpdesk_core::customer::{CustomerSummary, SearchCondition, SearchField, SearchTerm};
use helpdesk_core::document::format_digits;
use helpdesk_core::text;
use sqlx::{Row, Sqlite, Transaction};
use uuid::Uuid;

use crate::{new_id, now_millis, prefix_upper_bound, Result, Store};

/// A customer to create, with everything the search indexes.
#[derive(Debug, Clone)]
pub struct NewCustomer {
    pub code: String,
    pub name: String,
    /// CPF or CNPJ digits.
    pub document: String,
    pub street: String,
    pub number: String,
    pub district: String,
    pub city: String,
    pub state: String,
    pub postal_code: String,
    pub emails: Vec<String>,
    pub phones: Vec<String>,
    pub plans: Vec<NewCustomerPlan>,
}

/// A plan contracted by a new customer.
#[derive(Debug, Clone)]
pub struct NewCustomerPlan {
    pub plan_id: Uuid,
    pub routing_point_id: Uuid,
    /// The PPPoE login of the connection.
    pub login: String,
    pub status: String,
    /// The installation date, `YYYY-MM-DD`.
    pub installed_on: String,
}

/// Creates customers in one transaction, with their search index rows; returns their ids.
pub async fn insert_many(store: &Store, customers: &[NewCustomer]) -> Result<Vec<Uuid>> {
    let mut tx = store.pool().begin().await?;
    let mut ids = Vec::with_capacity(customers.len());
    for customer in customers {
        let id = insert_rows(&mut tx, store, customer).await?;
        ids.push(id);
    }
    index_many(&mut tx, &ids).await?;
    tx.commit().await?;
    Ok(ids)
}

/// Creates customers in one transaction without touching the search index; for bulk loads,
/// which call [`rebuild_search_index`] once at the end.
pub async fn insert_many_unindexed(store: &Store, customers: &[NewCustomer]) -> Result<()> {
    let mut tx = store.pool().begin().await?;
    for customer in customers {
        insert_rows(&mut tx, store, customer).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Rebuilds the whole search index from the customer tables, in one transaction.
pub async fn rebuild_search_index(store: &Store) -> Result<()> {
    let mut tx = store.pool().begin().await?;
    reindex_all(&mut tx).await?;
    tx.commit().await?;
    Ok(())
}

async fn insert_rows(
    tx: &mut Transaction<'_, Sqlite>,
    store: &Store,
    customer: &NewCustomer,
) -> Result<Uuid> {
    let id = new_id();
    let stamp = store.stamp();
    sqlx::query(
        "INSERT INTO customers (id, code, name, name_folded, document, street, number, district,
                                city, state, postal_code, created_at, changed_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )
    .bind(id)
    .bind(&customer.code)
    .bind(&customer.name)
    .bind(text::fold(&customer.name))
    .bind(&customer.document)
    .bind(&customer.street)
    .bind(&customer.number)
    .bind(&customer.district)
    .bind(&customer.city)
    .bind(&customer.state)
    .bind(&customer.postal_code)
    .bind(now_millis())
    .bind(stamp)
    .execute(&mut **tx)
    .await?;
    for email in &customer.emails {
        sqlx::query(
            "INSERT INTO customer_emails (id, customer_id, email, email_folded, changed_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )
        .bind(new_id())
        .bind(id)
        .bind(email)
        .bind(text::fold(email))
        .bind(stamp)
        .execute(&mut **tx)
        .await?;
    }
    for phone in &customer.phones {
        sqlx::query(
            "INSERT INTO customer_phones (id, customer_id, phone, digits, changed_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )
        .bind(new_id())
        .bind(id)
        .bind(phone)
        .bind(text::digits(phone))
        .bind(stamp)
        .execute(&mut **tx)
        .await?;
    }
    for plan in &customer.plans {
        sqlx::query(
            "INSERT INTO customer_plans (id, customer_id, plan_id, routing_point_id, login,
                                         status, installed_on, status_changed_on, changed_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8)",
        )
        .bind(new_id())
        .bind(id)
        .bind(plan.plan_id)
        .bind(plan.routing_point_id)
        .bind(text::fold(&plan.login))
        .bind(&plan.status)
        .bind(&plan.installed_on)
        .bind(stamp)
        .execute(&mut **tx)
        .await?;
    }
    Ok(id)
}

/// Writes the search entries of `ids` again: their old entries are found by rowid through
/// `customer_search_keys`, so the cost grows with the customers refreshed, not with the index.
pub(crate) async fn index_many(tx: &mut Transaction<'_, Sqlite>, ids: &[Uuid]) -> Result<()> {
    let hex: Vec<String> = ids.iter().map(|id| id.simple().to_string()).collect();
    let ids = serde_json::to_string(&hex)?;
    sqlx::query(
        "DELETE FROM customer_search WHERE rowid IN (
             SELECT search_rowid FROM customer_search_keys
             WHERE customer_id IN (SELECT unhex(value) FROM json_each(?1)))",
    )
    .bind(&ids)
    .execute(&mut **tx)
    .await?;
    sqlx::query(
        "DELETE FROM customer_search_keys
         WHERE customer_id IN (SELECT unhex(value) FROM json_each(?1))",
    )
    .bind(&ids)
    .execute(&mut **tx)
    .await?;
    write_entries(tx, Some(&ids)).await
}

/// What a customer's search entry is made of ([`write_entries`]): each table, the column
/// naming the customer, and the columns whose values the entry holds. A row changed in no
/// other column leaves the entry as it was.
pub(crate) const SEARCH_SOURCES: [(&str, &str, &[&str]); 4] = [
    (
        "customers",
        "id",
        &["name_folded", "code", "document", "deleted"],
    ),
    (
        "customer_emails",
        "customer_id",
        &["email_folded", "deleted"],
    ),
    ("customer_phones", "customer_id", &["digits", "deleted"]),
    ("customer_plans", "customer_id", &["login", "deleted"]),
];

/// Writes every customer's search entry again.
pub(crate) async fn reindex_all(tx: &mut Transaction<'_, Sqlite>) -> Result<()> {
    sqlx::query("DELETE FROM customer_search")
        .execute(&mut **tx)
        .await?;
    sqlx::query("DELETE FROM customer_search_keys")
        .execute(&mut **tx)
        .await?;
    write_entries(tx, None).await
}

/// Writes the search entries of the customers in `ids` (a JSON array of hex ids), or of all
/// of them, and their keys; their old entries must be gone.
async fn write_entries(tx: &mut Transaction<'_, Sqlite>, ids: Option<&str>) -> Result<()> {
    let last: i64 =
        sqlx::query_scalar("SELECT rowid FROM customer_search ORDER BY rowid DESC LIMIT 1")
            .fetch_optional(&mut **tx)
            .await?
            .unwrap_or(0);
    // The filter is left out for all customers rather than written `?1 IS NULL OR …`:
    // SQLite cannot answer that from the primary key, and would read every customer to
    // refresh a few.
    let only = if ids.is_some() {
        "AND c.id IN (SELECT unhex(value) FROM json_each(?1))"
    } else {
        ""
    };
    let sql = format!(
        "INSERT INTO customer_search (customer_id, name, code, document, logins, emails, phones)
         SELECT c.id, c.name_folded, c.code, c.document,
            coalesce((SELECT group_concat(login, ' ') FROM customer_plans
                      WHERE customer_id = c.id AND deleted = 0), ''),
            coalesce((SELECT group_concat(email_folded, ' ') FROM customer_emails
                      WHERE customer_id = c.id AND deleted = 0), ''),
            coalesce((SELECT group_concat(digits, ' ') FROM customer_phones
                      WHERE customer_id = c.id AND deleted = 0), '')
         FROM customers c
         WHERE c.deleted = 0 {only}"
    );
    let mut insert = sqlx::query(&sql);
    if let Some(ids) = ids {
        insert = insert.bind(ids);
    }
    insert.execute(&mut **tx).await?;
    // New entries take rowids past the last one.
    sqlx::query(
        "INSERT INTO customer_search_keys (customer_id, search_rowid)
         SELECT customer_id, rowid FROM customer_search WHERE rowid > ?1",
    )
    .bind(last)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The customers matching a validated search, in the order of the searched field.
pub async fn search(store: &Store, term: &SearchTerm) -> Result<Vec<CustomerSummary>> {
    match term.condition {
        SearchCondition::StartsWith | SearchCondition::Equals => {
            summaries(store, &by_index(store, term).await?).await
        }
        SearchCondition::Contains | SearchCondition::EndsWith => {
            let mut found = summaries(store, &by_trigrams(store, term).await?).await?;
            found.sort_by_cached_key(|customer| text::fold(&customer.name));
            Ok(found)
        }
    }
}

/// The table and column holding a field's stored form, and the customer id beside it.
fn indexed_column(field: SearchField) -> (&'static str, &'static str, &'static str) {
    match field {
        SearchField::Name => ("customers", "name_folded", "id"),
        SearchField::Code => ("customers", "code", "id"),
        SearchField::Document => ("customers", "document", "id"),
        SearchField::Login => ("customer_plans", "login", "customer_id"),
        SearchField::Email => ("customer_emails", "email_folded", "customer_id"),
        SearchField::Phone => ("customer_phones", "digits", "customer_id"),
    }
}

async fn by_index(store: &Store, term: &SearchTerm) -> Result<Vec<Uuid>> {
    let (table, column, customer_id) = indexed_column(term.field);
    let join = if table == "customers" {
        String::new()
    } else {
        format!("JOIN customers c ON c.id = t.{customer_id} AND c.deleted = 0")
    };
    let (condition, upper) = match term.condition {
        SearchCondition::Equals => (format!("t.{column} = ?1"), None),
        _ => (
            format!("t.{column} >= ?1 AND t.{column} < ?2"),
            Some(prefix_upper_bound(&term.needle)),
        ),
    };
    let sql = format!(
        "SELECT t.{customer_id} FROM {table} t {join}
         WHERE {condition} AND t.deleted = 0 ORDER BY t.{column}"
    );
    let mut query = sqlx::query_scalar::<_, Uuid>(&sql).bind(&term.needle);
    if let Some(upper) = upper {
        query = query.bind(upper);
    }
    let mut rows = query.fetch(store.pool());
    first_distinct(&mut rows, term.limit).await
}

async fn by_trigrams(store: &Store, term: &SearchTerm) -> Result<Vec<Uuid>> {
    let column = match term.field {
        SearchField::Name => "name",
        SearchField::Code => "code",
        SearchField::Document => "document",
        SearchField::Login => "logins",
        SearchField::Email => "emails",
        SearchField::Phone => "phones",
    };
    // The LIKE narrows the candidates through the trigram index (wildcards in the needle
    // only widen it); instr() then checks the literal condition on each value, which the
    // index stores space-separated.
    let exact = match term.condition {
        SearchCondition::EndsWith => format!("instr({column} || ' ', ?2 || ' ') > 0"),
        _ => format!("instr({column}, ?2) > 0"),
    };
    // No ORDER BY: sorting every match of a common fragment ("gmail.com") would cost more
    // than the search; the first `limit` matches are taken and shown in name order.
    let sql = format!(
        "SELECT customer_id FROM customer_search
         WHERE {column} LIKE ?1 AND {exact} LIMIT ?3"
    );
    let ids = sqlx::query_scalar::<_, Uuid>(&sql)
        .bind(format!("%{}%", term.needle))
        .bind(&term.needle)
        .bind(term.limit)
        .fetch_all(store.pool())
        .await?;
    Ok(ids)
}

async fn first_distinct<S>(rows: &mut S, limit: u32) -> Result<Vec<Uuid>>
where
    S: futures_util::Stream<Item = std::result::Result<Uuid, sqlx::Error>> + Unpin,
{
    let limit = limit as usize;
    let mut seen = HashSet::with_capacity(limit);
    let mut ids = Vec::with_capacity(limit);
    while ids.len() < limit {
        match rows.try_next().await? {
            Some(id) if seen.insert(id) => ids.push(id),
            Some(_) => {}
            None => break,
        }
    }
    Ok(ids)
}

/// The result rows of the given customers, in the given order.
async fn summaries(store: &Store, ids: &[Uuid]) -> Result<Vec<CustomerSummary>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let placeholders = vec!["?"; ids.len()].join(", ");
    let sql = format!(
        "SELECT c.id, c.code, c.name, c.document, c.city,
            (SELECT group_concat(login, char(31)) FROM customer_plans
             WHERE customer_id = c.id AND deleted = 0) AS logins,
            (SELECT group_concat(email, char(31)) FROM customer_emails
             WHERE customer_id = c.id AND deleted = 0) AS emails,
            (SELECT group_concat(phone, char(31)) FROM customer_phones
             WHERE customer_id = c.id AND deleted = 0) AS phones
         FROM customers c WHERE c.id IN ({placeholders})"
    );
    let mut query = sqlx::query(&sql);
    for id in ids {
        query = query.bind(id);
    }
    let rows = query.fetch_all(store.pool()).await?;
    let mut found = Vec::with_capacity(rows.len());
    for row in rows {
        found.push(CustomerSummary {
            id: row.try_get("id")?,
            code: row.try_get("code")?,
            name: row.try_get("name")?,
            document: format_digits(row.try_get("document")?),
            city: row.try_get("city")?,
            logins: split_list(row.try_get("logins")?),
            emails: split_list(row.try_get("emails")?),
            phones: split_list(row.try_get("phones")?),
        });
    }
    let order: HashMap<Uuid, usize> = ids.iter().enumerate().map(|(at, id)| (*id, at)).collect();
    found.sort_by_key(|summary| order.get(&summary.id).copied());
    Ok(found)
}

/// A list SQL joined with `group_concat(value, char(31))`, split back; none when NULL.
pub(crate) fn split_list(joined: Option<String>) -> Vec<String> {
    joined
        .map(|joined| joined.split('\u{1f}').map(str::to_string).collect())
        .unwrap_or_default()
}
