//! Customers created and changed in the Clientes module and by imports: their own fields,
//! e-mails and phones, with a line in the change log for each difference and the search
//! entry kept right, in the caller's transaction. Forms come validated
//! (`CustomerForm::validate`), so what is compared is what is stored.
use helpdesk_core::customer_change;
use helpdesk_core::customer_form::{fields, CustomerForm, PersonKind};
use helpdesk_core::document::format_digits;
use helpdesk_core::form::FieldError;
use helpdesk_core::text;
use sqlx::query::Query;
use sqlx::sqlite::SqliteArguments;
use sqlx::{Sqlite, SqliteConnection, Transaction};
use uuid::Uuid;

use crate::customers::{index_many, split_list};
use crate::{customer_changes, new_id, now_millis, Result, Store};

/// Which field finds the stored customer an imported row updates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchBy {
    Code,
    Document,
}

/// What a write did to one customer (or contract).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Upserted {
    Created(Uuid),
    Updated(Uuid),
    /// Already as given: nothing written, nothing queued for sync.
    Unchanged(Uuid),
    /// Refused at a field (a code or document of another customer), nothing written.
    Refused(FieldError),
}

impl Upserted {
    /// The customer written or found, unless refused.
    pub fn id(&self) -> Option<Uuid> {
        match self {
            Upserted::Created(id) | Upserted::Updated(id) | Upserted::Unchanged(id) => Some(*id),
            Upserted::Refused(_) => None,
        }
    }
}

/// What saving the customer form did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveOutcome {
    Saved(Uuid),
    Refused(FieldError),
    /// The customer being changed does not exist any more.
    NotFound,
}

/// Creates the customer of `form` (no id) or changes it, in one transaction, as `user`.
pub async fn save(store: &Store, user: Uuid, form: &CustomerForm) -> Result<SaveOutcome> {
    let mut tx = store.pool().begin_with("BEGIN IMMEDIATE").await?;
    let written = match form.id {
        None => create_in(&mut tx, store, user, form).await?,
        Some(id) => match stored_form(&mut tx, id).await? {
            None => return Ok(SaveOutcome::NotFound),
            Some(before) => update_in(&mut tx, store, user, &before, form).await?,
        },
    };
    let outcome = match written {
        Upserted::Refused(error) => return Ok(SaveOutcome::Refused(error)),
        written => SaveOutcome::Saved(written.id().unwrap_or_default()),
    };
    tx.commit().await?;
    Ok(outcome)
}

/// Creates or updates the customer an imported row describes, found by `by`, in the
/// caller's transaction; the search entries are the caller's to refresh
/// ([`crate::customers::reindex_in`]) once per batch.
pub async fn upsert_in(
    tx: &mut Transaction<'_, Sqlite>,
    store: &Store,
    user: Uuid,
    form: &CustomerForm,
    by: MatchBy,
) -> Result<Upserted> {
    let existing = match by {
        MatchBy::Code => id_with(tx, "code", &form.code, None).await?,
        MatchBy::Document => id_with(tx, "document", &form.document, None).await?,
    };
    match existing {
        None => insert_checked(tx, store, user, form).await,
        Some(id) => {
            let Some(before) = stored_form(tx, id).await? else {
                return insert_checked(tx, store, user, form).await;
            };
            let form = CustomerForm {
                id: Some(id),
                ..form.clone()
            };
            write_update(tx, store, user, &before, &form).await
        }
    }
}

async fn create_in(
    tx: &mut Transaction<'_, Sqlite>,
    store: &Store,
    user: Uuid,
    form: &CustomerForm,
) -> Result<Upserted> {
    let written = insert_checked(tx, store, user, form).await?;
    if let Some(id) = written.id() {
        index_many(tx, &[id]).await?;
    }
    Ok(written)
}

async fn update_in(
    tx: &mut Transaction<'_, Sqlite>,
    store: &Store,
    user: Uuid,
    before: &CustomerForm,
    form: &CustomerForm,
) -> Result<Upserted> {
    let written = write_update(tx, store, user, before, form).await?;
    if let Upserted::Updated(id) = written {
        index_many(tx, &[id]).await?;
    }
    Ok(written)
}

/// Inserts a new customer unless its code or document is another's; an empty code gets the
/// next free number.
async fn insert_checked(
    tx: &mut Transaction<'_, Sqlite>,
    store: &Store,
    user: Uuid,
    form: &CustomerForm,
) -> Result<Upserted> {
    if let Some(refusal) = taken(tx, form, None).await? {
        return Ok(Upserted::Refused(refusal));
    }
    let code = match form.code.is_empty() {
        true => next_code(tx).await?,
        false => form.code.clone(),
    };
    let form = CustomerForm {
        code,
        ..form.clone()
    };
    let id = new_id();
    let stamp = store.stamp();
    let insert = sqlx::query(
        "INSERT INTO customers (kind, code, name, name_folded, trade_name, document,
                                postal_code, street, number, complement, district, city, state,
                                notes, changed_at, id, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
    );
    bind_fields(insert, &form, stamp)
        .bind(id)
        .bind(now_millis())
        .execute(&mut **tx)
        .await?;
    write_list(tx, stamp, id, List::Emails, &[], &form.emails).await?;
    write_list(tx, stamp, id, List::Phones, &[], &form.phones).await?;
    let lines = customer_change::describe(None, &form);
    customer_changes::append_in(tx, stamp, id, user, &lines).await?;
    Ok(Upserted::Created(id))
}

/// Writes what differs between the stored customer and `form` (whose id is set), or nothing.
async fn write_update(
    tx: &mut Transaction<'_, Sqlite>,
    store: &Store,
    user: Uuid,
    before: &CustomerForm,
    form: &CustomerForm,
) -> Result<Upserted> {
    let id = before.id.unwrap_or_default();
    // The code is kept when none is given (an import matched by document without codes).
    let form = CustomerForm {
        code: match form.code.is_empty() {
            true => before.code.clone(),
            false => form.code.clone(),
        },
        ..form.clone()
    };
    if &form == before {
        return Ok(Upserted::Unchanged(id));
    }
    if let Some(refusal) = taken(tx, &form, Some(id)).await? {
        return Ok(Upserted::Refused(refusal));
    }
    let stamp = store.stamp();
    let update = sqlx::query(
        "UPDATE customers SET kind = ?1, code = ?2, name = ?3, name_folded = ?4,
                trade_name = ?5, document = ?6, postal_code = ?7, street = ?8, number = ?9,
                complement = ?10, district = ?11, city = ?12, state = ?13, notes = ?14,
                changed_at = ?15
         WHERE id = ?16",
    );
    bind_fields(update, &form, stamp)
        .bind(id)
        .execute(&mut **tx)
        .await?;
    write_list(tx, stamp, id, List::Emails, &before.emails, &form.emails).await?;
    write_list(tx, stamp, id, List::Phones, &before.phones, &form.phones).await?;
    let lines = customer_change::describe(Some(before), &form);
    customer_changes::append_in(tx, stamp, id, user, &lines).await?;
    Ok(Upserted::Updated(id))
}

/// Binds a customer's own fields as `?1`–`?14` and its sync stamp as `?15`, in the column
/// order both the insert and the update name.
fn bind_fields<'q>(
    query: Query<'q, Sqlite, SqliteArguments<'q>>,
    form: &'q CustomerForm,
    stamp: i64,
) -> Query<'q, Sqlite, SqliteArguments<'q>> {
    query
        .bind(form.kind.code())
        .bind(&form.code)
        .bind(&form.name)
        .bind(text::fold(&form.name))
        .bind(&form.trade_name)
        .bind(&form.document)
        .bind(&form.postal_code)
        .bind(&form.street)
        .bind(&form.number)
        .bind(&form.complement)
        .bind(&form.district)
        .bind(&form.city)
        .bind(&form.state)
        .bind(&form.notes)
        .bind(stamp)
}

/// The stored customer an imported row found by `by` updates, as its form, if any.
pub async fn stored_match(
    conn: &mut SqliteConnection,
    form: &CustomerForm,
    by: MatchBy,
) -> Result<Option<CustomerForm>> {
    let id = match by {
        MatchBy::Code => id_with(conn, "code", &form.code, None).await?,
        MatchBy::Document => id_with(conn, "document", &form.document, None).await?,
    };
    match id {
        Some(id) => stored_form(conn, id).await,
        None => Ok(None),
    }
}

/// Refreshes the search entries of customers written by [`upsert_in`].
pub async fn reindex_in(tx: &mut Transaction<'_, Sqlite>, ids: &[Uuid]) -> Result<()> {
    index_many(tx, ids).await
}

/// The customer as its form would be saved again unchanged, or `None` when it is gone.
pub async fn stored_form(conn: &mut SqliteConnection, id: Uuid) -> Result<Option<CustomerForm>> {
    let row: Option<StoredCustomer> = sqlx::query_as(
        "SELECT c.kind, c.code, c.name, c.trade_name, c.document, c.postal_code, c.street,
            c.number, c.complement, c.district, c.city, c.state, c.notes,
            (SELECT group_concat(email, char(31) ORDER BY rowid) FROM customer_emails
             WHERE customer_id = c.id AND deleted = 0) AS emails,
            (SELECT group_concat(phone, char(31) ORDER BY rowid) FROM customer_phones
             WHERE customer_id = c.id AND deleted = 0) AS phones
         FROM customers c WHERE c.id = ?1 AND c.deleted = 0",
    )
    .bind(id)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|row| CustomerForm {
        id: Some(id),
        kind: PersonKind::from_code(&row.kind),
        code: row.code,
        name: row.name,
        trade_name: row.trade_name,
        document: row.document,
        postal_code: row.postal_code,
        street: row.street,
        number: row.number,
        complement: row.complement,
        district: row.district,
        city: row.city,
        state: row.state,
        emails: split_list(row.emails),
        phones: split_list(row.phones),
        notes: row.notes,
    }))
}

#[derive(sqlx::FromRow)]
struct StoredCustomer {
    kind: String,
    code: String,
    name: String,
    trade_name: String,
    document: String,
    postal_code: String,
    street: String,
    number: String,
    complement: String,
    district: String,
    city: String,
    state: String,
    notes: String,
    emails: Option<String>,
    phones: Option<String>,
}

/// Why `form`'s code or document cannot be saved: another customer (not `id`) has it.
async fn taken(
    conn: &mut SqliteConnection,
    form: &CustomerForm,
    id: Option<Uuid>,
) -> Result<Option<FieldError>> {
    if !form.document.is_empty() {
        if let Some(other) = id_with(conn, "document", &form.document, id).await? {
            let (code, name) = code_and_name(conn, other).await?;
            return Ok(Some(FieldError::new(
                fields::DOCUMENT,
                format!(
                    "O CPF/CNPJ {} já é do cliente {code} – {name}.",
                    format_digits(&form.document)
                ),
            )));
        }
    }
    if !form.code.is_empty() {
        if let Some(other) = id_with(conn, "code", &form.code, id).await? {
            let (code, name) = code_and_name(conn, other).await?;
            return Ok(Some(FieldError::new(
                fields::CODE,
                format!("O código {code} já é do cliente {name}."),
            )));
        }
    }
    Ok(None)
}

/// The customer, other than `except`, whose `column` (a name from this module, never from
/// a request) holds `value`.
async fn id_with(
    conn: &mut SqliteConnection,
    column: &'static str,
    value: &str,
    except: Option<Uuid>,
) -> Result<Option<Uuid>> {
    let sql = match column {
        "code" => "SELECT id FROM customers WHERE code = ?1 AND deleted = 0 AND id IS NOT ?2",
        _ => "SELECT id FROM customers WHERE document = ?1 AND deleted = 0 AND id IS NOT ?2",
    };
    Ok(sqlx::query_scalar(sql)
        .bind(value)
        .bind(except)
        .fetch_optional(conn)
        .await?)
}

async fn code_and_name(conn: &mut SqliteConnection, id: Uuid) -> Result<(String, String)> {
    Ok(
        sqlx::query_as("SELECT code, name FROM customers WHERE id = ?1")
            .bind(id)
            .fetch_one(conn)
            .await?,
    )
}

/// One more than the highest numeric code (codes are numbers), from 1.
async fn next_code(conn: &mut SqliteConnection) -> Result<String> {
    let highest: Option<String> = sqlx::query_scalar(
        "SELECT code FROM customers WHERE code GLOB '[0-9]*' AND code NOT GLOB '*[^0-9]*'
         ORDER BY length(code) DESC, code DESC LIMIT 1",
    )
    .fetch_optional(conn)
    .await?;
    let next = highest
        .and_then(|code| code.parse::<u64>().ok())
        .map_or(1, |code| code.saturating_add(1));
    Ok(next.to_string())
}

#[derive(Clone, Copy)]
enum List {
    Emails,
    Phones,
}

/// Makes the customer's e-mails or phones `after`: those no longer there are deleted (kept
/// as tombstones for sync), new ones added, the rest left untouched.
async fn write_list(
    conn: &mut SqliteConnection,
    stamp: i64,
    customer: Uuid,
    list: List,
    before: &[String],
    after: &[String],
) -> Result<()> {
    let (delete, insert) = match list {
        List::Emails => (
            "UPDATE customer_emails SET deleted = 1, changed_at = ?1
             WHERE customer_id = ?2 AND email = ?3 AND deleted = 0",
            "INSERT INTO customer_emails (id, customer_id, email, email_folded, changed_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        ),
        List::Phones => (
            "UPDATE customer_phones SET deleted = 1, changed_at = ?1
             WHERE customer_id = ?2 AND phone = ?3 AND deleted = 0",
            "INSERT INTO customer_phones (id, customer_id, phone, digits, changed_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        ),
    };
    for gone in before.iter().filter(|value| !after.contains(value)) {
        sqlx::query(delete)
            .bind(stamp)
            .bind(customer)
            .bind(gone)
            .execute(&mut *conn)
            .await?;
    }
    for added in after.iter().filter(|value| !before.contains(value)) {
        let key = match list {
            List::Emails => text::fold(added),
            List::Phones => text::digits(added),
        };
        sqlx::query(insert)
            .bind(new_id())
            .bind(customer)
            .bind(added)
            .bind(key)
            .bind(stamp)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}
