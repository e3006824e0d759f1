//! Visits on the demo database for the agenda's command tests: a ticket of a demo customer
//! and its work orders, written with plain SQL as the wizard's save writes them.
#![allow(dead_code)]

use helpdesk_api::Uuid;
use helpdesk_core::work_order::{WorkOrderCatalog, MINUTE};
use helpdesk_store::{new_id, work_orders, Store};

pub const HOUR: i64 = 60 * MINUTE;
pub const DAY: i64 = 24 * HOUR;
/// São Paulo's offset, UTC−03:00, in ms.
pub const SAO_PAULO: i64 = -3 * HOUR;

/// The start of the day after `now`'s in São Paulo, in Unix ms.
pub fn tomorrow(now: i64) -> i64 {
    (now + SAO_PAULO).div_euclid(DAY) * DAY - SAO_PAULO + DAY
}

/// A ticket and the demo catalog to give its work orders.
pub struct Visits {
    pub catalog: WorkOrderCatalog,
    pub ticket: Uuid,
    pub customer: Uuid,
}

impl Visits {
    /// A ticket of the first demo customer (renamed `customer_name`), opened by the first
    /// demo operator, with protocol `261128-009-<sequence>`.
    pub async fn new(store: &Store, customer_name: &str, sequence: u32) -> Self {
        let customer: Uuid = sqlx::query_scalar("SELECT id FROM customers ORDER BY code LIMIT 1")
            .fetch_one(store.pool())
            .await
            .expect("a demo customer");
        sqlx::query("UPDATE customers SET name = ?2 WHERE id = ?1")
            .bind(customer)
            .bind(customer_name)
            .execute(store.pool())
            .await
            .expect("rename");
        let operator: Uuid = sqlx::query_scalar("SELECT id FROM users ORDER BY login LIMIT 1")
            .fetch_one(store.pool())
            .await
            .expect("a demo operator");
        let ticket = new_id();
        sqlx::query(
            "INSERT INTO tickets (id, protocol, origin, customer_id, problem, status, opened_by,
                                  opened_at, changed_at)
             VALUES (?1, ?2, 'Telefone', ?3, 'Sem internet', 'Aberto', ?4, 0, 1)",
        )
        .bind(ticket)
        .bind(format!("261128009{sequence:05}"))
        .bind(customer)
        .bind(operator)
        .execute(store.pool())
        .await
        .expect("ticket");
        Self {
            catalog: work_orders::catalog(store).await.expect("catalog"),
            ticket,
            customer,
        }
    }

    /// The `n`-th active demo technician.
    pub fn technician(&self, n: usize) -> Uuid {
        self.catalog.technicians[n].id
    }

    /// A work order of the ticket, of the first type and the first (open) status.
    pub async fn visit(
        &self,
        store: &Store,
        technician: Uuid,
        starts_at: i64,
        ends_at: i64,
        description: &str,
    ) -> Uuid {
        let id = new_id();
        sqlx::query(
            "INSERT INTO work_orders (id, ticket_id, customer_id, technician_id, type_id,
                                      status_id, starts_at, ends_at, description, address,
                                      changed_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        )
        .bind(id)
        .bind(self.ticket)
        .bind(self.customer)
        .bind(technician)
        .bind(self.catalog.types[0].id)
        .bind(self.catalog.statuses[0].id)
        .bind(starts_at)
        .bind(ends_at)
        .bind(description)
        .bind("Rua das Palmeiras, 250; apto 12, Centro - Campinas/SP")
        .bind(store.stamp())
        .execute(store.pool())
        .await
        .expect("work order");
        id
    }
}
