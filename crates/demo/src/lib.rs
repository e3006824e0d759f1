//! Demo data for the help desk of a Brazilian internet provider: operators and their roles,
//! technicians in teams, plans, routing points, ticket and work-order types, the business
//! hours and national holidays its SLAs count in, two
//! troubleshooting scripts, e-mail templates, customers (people with CPF, companies with
//! CNPJ) and the messages they sent to the online support channel; and, as a step of its
//! own ([`seed_tickets`]), tickets of the last weeks with their history and tasks.
//!
//! The content is deterministic: the same [`DemoConfig`] gives the same names, codes,
//! documents, addresses, e-mails, logins and message texts. Ids and change stamps are made
//! by the store, and messages are dated over the year before the moment of seeding (so the
//! app's "last N days" filters find them), so those differ between runs.
#![warn(clippy::unwrap_used, clippy::panic)]

mod calendar;
mod catalog;
mod customers;
mod messages;
mod names;
mod network;
mod places;
mod random;
pub mod scripts;
mod tickets;
mod visits;

use std::fmt;

use helpdesk_store::customers::NewCustomer;
use helpdesk_store::support_messages::NewSupportMessage;
use helpdesk_store::{Store, StoreError};
use tokio::sync::mpsc;

use crate::customers::CustomerGenerator;
use crate::messages::MessageGenerator;

/// Rows written per transaction.
const BATCH_SIZE: usize = 5_000;

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemoConfig {
    /// Decides every generated name, number and text.
    pub seed: u64,
    /// How many customers, with codes from 1001 on.
    pub customers: usize,
    /// How many online-support messages.
    pub messages: usize,
}

impl DemoConfig {
    /// The app's demo database: 2,000 customers and 8,000 messages.
    pub fn small() -> Self {
        Self {
            seed: 42,
            customers: 2_000,
            messages: 8_000,
        }
    }

    /// The scale of a large provider, for benchmarks: 500,000 customers and 2,000,000
    /// messages.
    pub fn benchmark() -> Self {
        Self {
            seed: 42,
            customers: 500_000,
            messages: 2_000_000,
        }
    }
}

impl Default for DemoConfig {
    fn default() -> Self {
        Self::small()
    }
}

/// An operator account of the demo.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemoCredential {
    pub login: &'static str,
    pub password: &'static str,
    pub name: &'static str,
    /// The role ("Cargo").
    pub role: &'static str,
}

/// The demo's administrator log-in.
pub const ADMIN: DemoCredential = catalog::OPERATORS[0];

/// The demo's first-level support operator log-in.
pub const OPERATOR: DemoCredential = catalog::OPERATORS[1];

/// What was written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DemoSummary {
    pub roles: usize,
    pub teams: usize,
    pub users: usize,
    pub technicians: usize,
    pub plans: usize,
    pub routing_points: usize,
    pub ticket_types: usize,
    pub work_order_types: usize,
    pub work_order_statuses: usize,
    pub scripts: usize,
    pub email_templates: usize,
    pub customers: usize,
    /// Of the customers, how many are companies (CNPJ).
    pub companies: usize,
    pub customer_emails: usize,
    pub customer_phones: usize,
    pub customer_plans: usize,
    pub messages: usize,
    /// Of the messages, how many came from a customer's e-mail address.
    pub messages_from_customers: usize,
    /// Every operator account, with its password.
    pub credentials: Vec<DemoCredential>,
}

impl fmt::Display for DemoSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} roles, {} teams, {} users, {} technicians",
            self.roles, self.teams, self.users, self.technicians
        )?;
        writeln!(
            f,
            "{} plans, {} routing points, {} ticket types, {} work-order types, \
             {} work-order statuses, {} scripts, {} e-mail templates",
            self.plans,
            self.routing_points,
            self.ticket_types,
            self.work_order_types,
            self.work_order_statuses,
            self.scripts,
            self.email_templates
        )?;
        writeln!(
            f,
            "{} customers ({} companies), {} e-mails, {} phones, {} contracted plans",
            self.customers,
            self.companies,
            self.customer_emails,
            self.customer_phones,
            self.customer_plans
        )?;
        writeln!(
            f,
            "{} support messages ({} from customers' addresses)",
            self.messages, self.messages_from_customers
        )?;
        write!(f, "log-ins:")?;
        for credential in &self.credentials {
            write!(
                f,
                "\n  {} / {}  ({}, {})",
                credential.login, credential.password, credential.name, credential.role
            )?;
        }
        Ok(())
    }
}

/// A batch of generated rows, written in one transaction.
enum Batch {
    Customers {
        rows: Vec<NewCustomer>,
        companies: usize,
    },
    Messages {
        rows: Vec<NewSupportMessage>,
        from_customers: usize,
    },
}

/// Fills an empty database with the demo data of `config` and rebuilds the customer search
/// index. Rows are generated on a blocking thread while the previous batch is written. The
/// database is marked as a demonstration first (`helpdesk_store::setup::mark_demo`): the
/// window says so, and it may never be registered with a sync server.
///
/// Messages are dated over the 365 days before now. A database that already has the demo
/// catalog (or any entry of the same name) fails with `StoreError::Refused` (the name is
/// taken): check `people::has_users` first.
pub async fn seed(store: &Store, config: &DemoConfig) -> Result<DemoSummary, StoreError> {
    helpdesk_store::setup::mark_demo(store).await?;
    let anchor_ms = helpdesk_store::now_millis();
    let mut summary = DemoSummary {
        credentials: catalog::OPERATORS.to_vec(),
        ..DemoSummary::default()
    };
    let seeded = catalog::seed(store, config.seed, &mut summary).await?;
    calendar::seed(store, anchor_ms).await?;

    let (sender, mut batches) = mpsc::channel(2);
    let config = *config;
    let generator =
        tokio::task::spawn_blocking(move || generate(&config, &seeded, anchor_ms, &sender));
    while let Some(batch) = batches.recv().await {
        match batch {
            Batch::Customers { rows, companies } => {
                helpdesk_store::customers::insert_many_unindexed(store, &rows).await?;
                summary.customers += rows.len();
                summary.companies += companies;
                for customer in &rows {
                    summary.customer_emails += customer.emails.len();
                    summary.customer_phones += customer.phones.len();
                    summary.customer_plans += customer.plans.len();
                }
            }
            Batch::Messages {
                rows,
                from_customers,
            } => {
                helpdesk_store::support_messages::insert_many(store, &rows).await?;
                summary.messages += rows.len();
                summary.messages_from_customers += from_customers;
            }
        }
    }
    generator.await?;
    helpdesk_store::customers::rebuild_search_index(store).await?;
    Ok(summary)
}

/// What [`seed_tickets`] wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DemoTickets {
    /// Tickets of the last weeks (one per eight customers, at most 250), with history.
    pub tickets: usize,
    /// Of them, how many have a task.
    pub tasks: usize,
    /// Of them, how many have a work order on the agenda of the days ahead.
    pub work_orders: usize,
}

impl fmt::Display for DemoTickets {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} tickets ({} with a task, {} with a work order)",
            self.tickets, self.tasks, self.work_orders
        )
    }
}

/// Adds the demo's tickets to a database [`seed`]ed with the same `config`: opened over the
/// 45 days before now (never today, so today's protocol numbers stay free), with follow-ups,
/// reassignments, status changes and tasks, some done; the first tasks go to [`OPERATOR`]
/// and her role. Written through the store's own operations, as the app writes them.
///
/// A step of its own, so that tests of an empty help desk (and the benchmarks, which write
/// their own tickets) start from [`seed`] alone.
pub async fn seed_tickets(store: &Store, config: &DemoConfig) -> Result<DemoTickets, StoreError> {
    tickets::seed(
        store,
        config.seed,
        config.customers,
        helpdesk_store::now_millis(),
    )
    .await
}

/// Generates every customer, then every message, sending them in batches; stops early when
/// the writer has gone.
fn generate(
    config: &DemoConfig,
    seeded: &catalog::SeededNetwork,
    anchor_ms: i64,
    sender: &mpsc::Sender<Batch>,
) {
    let mut customers = CustomerGenerator::new(
        config.seed,
        &seeded.network,
        &seeded.plan_ids,
        &seeded.point_ids,
    );
    let mut contacts = Vec::with_capacity(config.customers);
    let mut remaining = config.customers;
    while remaining > 0 {
        let size = remaining.min(BATCH_SIZE);
        remaining -= size;
        let mut rows = Vec::with_capacity(size);
        let mut companies = 0;
        for _ in 0..size {
            let generated = customers.next_customer();
            companies += usize::from(generated.company);
            contacts.push(generated.contact);
            rows.push(generated.customer);
        }
        if sender
            .blocking_send(Batch::Customers { rows, companies })
            .is_err()
        {
            return;
        }
    }
    drop(customers);

    let mut messages = MessageGenerator::new(config.seed, contacts, anchor_ms, config.messages);
    let mut remaining = config.messages;
    while remaining > 0 {
        let size = remaining.min(BATCH_SIZE);
        remaining -= size;
        let mut rows = Vec::with_capacity(size);
        let mut from_customers = 0;
        for _ in 0..size {
            let (message, from_customer) = messages.next_message();
            from_customers += usize::from(from_customer);
            rows.push(message);
        }
        rows.sort_by_key(|message| message.received_at);
        let batch = Batch::Messages {
            rows,
            from_customers,
        };
        if sender.blocking_send(batch).is_err() {
            return;
        }
    }
}
