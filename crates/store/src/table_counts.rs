//! How many rows each table of the database holds, for the diagnostic summary.
use crate::{Result, Store};

/// Every ordinary table of the database (SQLite's own, virtual tables and their shadow
/// tables left out) with its row count, by name.
pub async fn table_counts(store: &Store) -> Result<Vec<(String, u64)>> {
    let names: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM pragma_table_list
         WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'
         ORDER BY name",
    )
    .fetch_all(store.pool())
    .await?;
    let mut counts = Vec::with_capacity(names.len());
    for name in names {
        // A table's name cannot be a bound parameter: it comes from the schema itself and
        // is quoted as an identifier.
        let sql = format!("SELECT count(*) FROM \"{}\"", name.replace('"', "\"\""));
        let rows: i64 = sqlx::query_scalar(&sql).fetch_one(store.pool()).await?;
        counts.push((name, u64::try_from(rows).unwrap_or(0)));
    }
    Ok(counts)
}
