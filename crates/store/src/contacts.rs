//! A customer's contact people ("Novo Contato", "Contatos"): the only module writing
//! `contacts`, each change with its line in the customer's change log.
use helpdesk_core::contact::{Contact, NewContact};
use sqlx::SqliteConnection;
use uuid::Uuid;

use crate::{customer_changes, new_id, Result, Store};

/// Adds a contact, already validated (`NewContact::validate`), to its customer, as `user`;
/// `None` when the customer does not exist or was deleted, in which case nothing is written.
pub async fn insert(store: &Store, user: Uuid, contact: &NewContact) -> Result<Option<Contact>> {
    let mut tx = store.pool().begin_with("BEGIN IMMEDIATE").await?;
    let id = new_id();
    let stamp = store.stamp();
    let inserted = sqlx::query(
        "INSERT INTO contacts (id, customer_id, name, phone, email, relation, changed_at)
         SELECT ?1, id, ?3, ?4, ?5, ?6, ?7 FROM customers WHERE id = ?2 AND deleted = 0",
    )
    .bind(id)
    .bind(contact.customer_id)
    .bind(&contact.name)
    .bind(&contact.phone)
    .bind(&contact.email)
    .bind(&contact.relation)
    .bind(stamp)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if inserted != 1 {
        return Ok(None);
    }
    let line = format!("Contato {} incluído ({})", contact.name, contact.relation);
    customer_changes::append_in(&mut tx, stamp, contact.customer_id, user, &[line]).await?;
    tx.commit().await?;
    Ok(Some(as_contact(id, contact)))
}

/// Changes contact `id` of `contact.customer_id` to `contact` (validated), as `user`; `None`
/// when there is no such contact of that customer.
pub async fn update(
    store: &Store,
    user: Uuid,
    id: Uuid,
    contact: &NewContact,
) -> Result<Option<Contact>> {
    let mut tx = store.pool().begin_with("BEGIN IMMEDIATE").await?;
    let Some(before) = stored(&mut tx, id, contact.customer_id).await? else {
        return Ok(None);
    };
    if before != *contact {
        let stamp = store.stamp();
        sqlx::query(
            "UPDATE contacts SET name = ?1, phone = ?2, email = ?3, relation = ?4,
                 changed_at = ?5
             WHERE id = ?6",
        )
        .bind(&contact.name)
        .bind(&contact.phone)
        .bind(&contact.email)
        .bind(&contact.relation)
        .bind(stamp)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        let line = match before.name == contact.name {
            true => format!("Contato {} alterado", contact.name),
            false => format!("Contato {} alterado para {}", before.name, contact.name),
        };
        customer_changes::append_in(&mut tx, stamp, contact.customer_id, user, &[line]).await?;
    }
    tx.commit().await?;
    Ok(Some(as_contact(id, contact)))
}

/// Removes contact `id` (a tombstone, for sync), as `user`; `false` when it was not there.
pub async fn remove(store: &Store, user: Uuid, id: Uuid) -> Result<bool> {
    let mut tx = store.pool().begin_with("BEGIN IMMEDIATE").await?;
    let row: Option<(Uuid, String)> =
        sqlx::query_as("SELECT customer_id, name FROM contacts WHERE id = ?1 AND deleted = 0")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
    let Some((customer, name)) = row else {
        return Ok(false);
    };
    let stamp = store.stamp();
    sqlx::query("UPDATE contacts SET deleted = 1, changed_at = ?1 WHERE id = ?2")
        .bind(stamp)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let line = format!("Contato {name} removido");
    customer_changes::append_in(&mut tx, stamp, customer, user, &[line]).await?;
    tx.commit().await?;
    Ok(true)
}

/// Contact `id` of `customer` as its form, if it is there.
async fn stored(
    conn: &mut SqliteConnection,
    id: Uuid,
    customer: Uuid,
) -> Result<Option<NewContact>> {
    let row: Option<(String, String, String, String)> = sqlx::query_as(
        "SELECT name, phone, email, relation FROM contacts
         WHERE id = ?1 AND customer_id = ?2 AND deleted = 0",
    )
    .bind(id)
    .bind(customer)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|(name, phone, email, relation)| NewContact {
        customer_id: customer,
        name,
        phone,
        email,
        relation,
    }))
}

fn as_contact(id: Uuid, contact: &NewContact) -> Contact {
    Contact {
        id,
        name: contact.name.clone(),
        phone: contact.phone.clone(),
        email: contact.email.clone(),
        relation: contact.relation.clone(),
    }
}
