//! Checks a pushed batch against the shared list of syncable tables before anything is
//! written: an unknown table or column, or a value of the wrong kind, is a corrupted request.
use helpdesk_core::sync::{ColumnKind, SyncRow, SyncTable, MAX_BATCH_ROWS};

use crate::error::ApiError;

/// Checks every row of a batch; the error names the first offending table or column.
pub fn batch(rows: &[SyncRow]) -> Result<(), ApiError> {
    if rows.len() > MAX_BATCH_ROWS {
        return Err(ApiError::batch_too_large(rows.len()));
    }
    rows.iter().try_for_each(row)
}

/// Checks one row.
pub fn row(row: &SyncRow) -> Result<(), ApiError> {
    let table = SyncTable::named(&row.table).ok_or_else(|| {
        ApiError::corrupted(format!(
            "a tabela \"{}\" não é sincronizada (linha {}).",
            row.table, row.id
        ))
    })?;
    for (name, field) in &row.fields {
        let column = table.column(name).ok_or_else(|| {
            ApiError::corrupted(format!(
                "a tabela \"{}\" não tem a coluna \"{name}\" (linha {}).",
                table.name, row.id
            ))
        })?;
        if !column.accepts(&field.value) {
            return Err(ApiError::corrupted(format!(
                "o valor da coluna \"{}.{name}\" não é do tipo esperado ({}{}) (linha {}).",
                table.name,
                kind_name(column.kind),
                if column.nullable { " ou nulo" } else { "" },
                row.id
            )));
        }
    }
    Ok(())
}

/// The pt-BR name of a column kind.
fn kind_name(kind: ColumnKind) -> &'static str {
    match kind {
        ColumnKind::Integer => "inteiro",
        ColumnKind::Text => "texto",
        ColumnKind::Blob => "binário",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use helpdesk_core::sync::{FieldValue, FieldVersion, Version};
    use uuid::Uuid;

    fn row(table: &str, column: &str, value: FieldValue) -> SyncRow {
        let field = FieldVersion {
            value,
            version: Version {
                stamp: 1,
                origin: Uuid::nil(),
            },
        };
        SyncRow {
            table: table.into(),
            id: Uuid::nil(),
            fields: [(column.to_owned(), field)].into_iter().collect(),
        }
    }

    #[test]
    fn known_rows_pass() {
        assert_eq!(
            batch(&[row("roles", "name", FieldValue::Text("Suporte".into()))]),
            Ok(())
        );
        assert_eq!(
            batch(&[row("tasks", "ticket_id", FieldValue::Null)]),
            Ok(())
        );
    }

    #[test]
    fn unknown_tables_columns_and_kinds_are_named() {
        let error = batch(&[row("secrets", "name", FieldValue::Null)]).expect_err("table");
        assert!(error.message.contains("secrets"), "{error}");
        let error = batch(&[row("roles", "salary", FieldValue::Integer(1))]).expect_err("column");
        assert!(error.message.contains("salary"), "{error}");
        let error = batch(&[row("roles", "name", FieldValue::Integer(1))]).expect_err("kind");
        assert!(error.message.contains("roles.name"), "{error}");
        let error = batch(&[row("roles", "name", FieldValue::Null)]).expect_err("null");
        assert_eq!(error.code, "corrupted_request");
    }

    #[test]
    fn oversized_batches_are_refused() {
        let rows = vec![row("roles", "deleted", FieldValue::Integer(0)); MAX_BATCH_ROWS + 1];
        assert_eq!(batch(&rows).expect_err("too many").code, "batch_too_large");
    }
}
