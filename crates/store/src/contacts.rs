//! A customer's contact people ("Novo Contato").
use helpdesk_core::contact::{Contact, NewContact};

use crate::{new_id, Result, Store};

/// Adds a contact, already validated (`NewContact::validate`), to its customer; `None` when
/// the customer does not exist or was deleted, in which case nothing is written.
pub async fn insert(store: &Store, contact: &NewContact) -> Result<Option<Contact>> {
    let id = new_id();
    // One statement: the customer is checked and the contact written atomically.
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
    .bind(store.stamp())
    .execute(store.pool())
    .await?
    .rows_affected();
    Ok((inserted == 1).then(|| Contact {
        id,
        name: contact.name.clone(),
        phone: contact.phone.clone(),
        email: contact.email.clone(),
        relation: contact.relation.clone(),
    }))
}
