//! Exporting the customer base: every customer with each of its contracts, one row each,
//! under the import's own column labels, so an exported file imports again by itself.
use helpdesk_core::contract::fields as contract_fields;
use helpdesk_core::customer_form::fields as customer_fields;
use helpdesk_core::date::format_date;
use helpdesk_core::import::ImportKind;
use uuid::Uuid;

use crate::{customer_edits, Store, StoreError};

/// One line of the export: a customer and one of its contracts (or none).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportRow {
    pub customer: helpdesk_core::customer_form::CustomerForm,
    /// Login, plan name, routing point name, installation address, installed on
    /// ("dd/mm/aaaa"), situation; all empty for a customer without contracts.
    pub contract: [String; 6],
}

/// The export's header: the import's labels, so an exported file maps by itself.
pub fn export_header() -> Vec<&'static str> {
    let customer = ImportKind::Customers
        .targets()
        .iter()
        .map(|target| target.label);
    let contract = [
        contract_fields::LOGIN,
        contract_fields::PLAN,
        contract_fields::ROUTING_POINT,
        contract_fields::INSTALLATION_ADDRESS,
        contract_fields::INSTALLED_ON,
        contract_fields::STATUS,
    ]
    .into_iter()
    .filter_map(|field| {
        ImportKind::Contracts
            .target(field)
            .map(|target| target.label)
    });
    customer.chain(contract).collect()
}

impl ExportRow {
    /// The row's values, in the order of [`export_header`].
    pub fn values(&self) -> Vec<String> {
        let customer = &self.customer;
        let mut values: Vec<String> = ImportKind::Customers
            .targets()
            .iter()
            .map(|target| match target.name {
                customer_fields::CODE => customer.code.clone(),
                customer_fields::KIND => match customer.kind {
                    helpdesk_core::customer_form::PersonKind::Person => "F".into(),
                    helpdesk_core::customer_form::PersonKind::Company => "J".into(),
                },
                customer_fields::NAME => customer.name.clone(),
                customer_fields::TRADE_NAME => customer.trade_name.clone(),
                customer_fields::DOCUMENT => customer.document.clone(),
                customer_fields::POSTAL_CODE => customer.postal_code.clone(),
                customer_fields::STREET => customer.street.clone(),
                customer_fields::NUMBER => customer.number.clone(),
                customer_fields::COMPLEMENT => customer.complement.clone(),
                customer_fields::DISTRICT => customer.district.clone(),
                customer_fields::CITY => customer.city.clone(),
                customer_fields::STATE => customer.state.clone(),
                customer_fields::EMAILS => customer.emails.join(", "),
                customer_fields::PHONES => customer.phones.join(", "),
                _ => customer.notes.clone(),
            })
            .collect();
        values.extend(self.contract.iter().cloned());
        values
    }
}

/// Every customer with each of its contracts, by code, handed to `write` one row at a
/// time (a customer without contracts has one row); reads in pages, so memory stays flat.
/// Stops at `write`'s first error.
pub async fn export<E: From<StoreError>>(
    store: &Store,
    mut write: impl FnMut(ExportRow) -> std::result::Result<(), E>,
) -> std::result::Result<u64, E> {
    const PAGE: i64 = 1_000;
    let mut after: Option<(i64, String)> = None;
    let mut rows = 0u64;
    let mut conn = store.pool().acquire().await.map_err(StoreError::from)?;
    loop {
        let (length, code) = after.clone().unwrap_or((-1, String::new()));
        let page: Vec<(Uuid, String)> = sqlx::query_as(
            "SELECT id, code FROM customers WHERE deleted = 0
               AND (length(code) > ?1 OR (length(code) = ?1 AND code > ?2))
             ORDER BY length(code), code LIMIT ?3",
        )
        .bind(length)
        .bind(&code)
        .bind(PAGE)
        .fetch_all(&mut *conn)
        .await
        .map_err(StoreError::from)?;
        let Some((_, last)) = page.last() else {
            return Ok(rows);
        };
        after = Some((i64::try_from(last.len()).unwrap_or(i64::MAX), last.clone()));
        for (id, _) in page {
            let Some(customer) = customer_edits::stored_form(&mut conn, id).await? else {
                continue;
            };
            let contracts: Vec<(String, String, String, String, String, String)> = sqlx::query_as(
                "SELECT cp.login, p.name, rp.name, cp.installation_address,
                            cp.installed_on, cp.status
                     FROM customer_plans cp
                     JOIN plans p ON p.id = cp.plan_id
                     JOIN routing_points rp ON rp.id = cp.routing_point_id
                     WHERE cp.customer_id = ?1 AND cp.deleted = 0 ORDER BY cp.login",
            )
            .bind(id)
            .fetch_all(&mut *conn)
            .await
            .map_err(StoreError::from)?;
            let lines: Vec<[String; 6]> = match contracts.is_empty() {
                true => vec![Default::default()],
                false => contracts
                    .into_iter()
                    .map(|(login, plan, point, address, installed_on, status)| {
                        let date = chrono::NaiveDate::parse_from_str(&installed_on, "%Y-%m-%d")
                            .map_or(installed_on, format_date);
                        [login, plan, point, address, date, status]
                    })
                    .collect(),
            };
            for contract in lines {
                write(ExportRow {
                    customer: customer.clone(),
                    contract,
                })?;
                rows += 1;
            }
        }
    }
}
