//! What a row of a syncable table must be, beyond its columns' kinds: the CHECKs of the
//! desktop's schema (enumerations, ranges, a start before its end, one destination), the
//! format of attachment hashes. The server checks every pushed row against them, so no node
//! is ever handed a row its database would refuse; desktops may check with the same rules.
use super::{FieldValue, SyncColumn, SyncRow, SyncTable};

/// A rule over the fields of a row. A rule over fields a row does not have passes (a
/// partial row is checked once merged).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// An integer column within `min..=max`.
    Range {
        column: &'static str,
        min: i64,
        max: i64,
    },
    /// A text column holding one of `values`.
    OneOf {
        column: &'static str,
        values: &'static [&'static str],
    },
    /// `end` after `start` (integers).
    Before {
        start: &'static str,
        end: &'static str,
    },
    /// At most one of the two columns set (not NULL).
    Exclusive {
        first: &'static str,
        second: &'static str,
    },
    /// A SHA-256 in lower-case hex (64 characters).
    Sha256 { column: &'static str },
    /// A text of at most `max` characters (one the server indexes: PostgreSQL refuses an
    /// index entry of more than about 2,700 bytes, which would fail the whole push).
    MaxLength { column: &'static str, max: usize },
}

const FLAG: i64 = 1;

/// The longest protocol a ticket may carry (the desktops give 14 digits; the server keeps
/// one claim per protocol, in an index).
pub const MAX_PROTOCOL_CHARS: usize = 64;

/// The rules of each table (tables not named have none besides their columns' kinds).
pub static ROW_RULES: &[(&str, &[Rule])] = &[
    (
        "business_hours",
        &[
            Rule::Range {
                column: "weekday",
                min: 0,
                max: 6,
            },
            Rule::Range {
                column: "opens_at",
                min: 0,
                max: 1440,
            },
            Rule::Range {
                column: "closes_at",
                min: 0,
                max: 1440,
            },
            Rule::Before {
                start: "opens_at",
                end: "closes_at",
            },
        ],
    ),
    (
        "ticket_types",
        &[
            Rule::Exclusive {
                first: "destined_user_id",
                second: "destined_role_id",
            },
            Rule::Range {
                column: "sla_calendar",
                min: 0,
                max: FLAG,
            },
        ],
    ),
    (
        "work_order_statuses",
        &[Rule::OneOf {
            column: "stage",
            values: &["open", "in_progress", "done", "cancelled"],
        }],
    ),
    (
        "tickets",
        &[
            Rule::Range {
                column: "first_contact_resolved",
                min: 0,
                max: FLAG,
            },
            Rule::MaxLength {
                column: "protocol",
                max: MAX_PROTOCOL_CHARS,
            },
        ],
    ),
    (
        "work_orders",
        &[Rule::Before {
            start: "starts_at",
            end: "ends_at",
        }],
    ),
    (
        "attachments",
        &[Rule::Sha256 {
            column: "content_hash",
        }],
    ),
    (
        "support_message_attachments",
        &[Rule::Sha256 {
            column: "content_hash",
        }],
    ),
];

/// Why a row does not fit its table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowProblem {
    /// The table does not sync.
    UnknownTable,
    /// The table has no such column.
    UnknownColumn(String),
    /// The value does not fit the column's kind (or is NULL where it may not be).
    WrongKind(&'static SyncColumn),
    /// A text holds the null character (U+0000), which PostgreSQL's text cannot keep.
    NulInText(&'static SyncColumn),
    /// The row has some columns of a merge group but not all (a group travels whole).
    IncompleteGroup(&'static [&'static str]),
    /// A rule is broken.
    Broken(Rule),
}

impl RowProblem {
    /// Why, in pt-BR, naming the table and what is wrong.
    pub fn message(&self, table: &str) -> String {
        match self {
            RowProblem::UnknownTable => format!("a tabela \"{table}\" não é sincronizada"),
            RowProblem::UnknownColumn(column) => {
                format!("a tabela \"{table}\" não tem a coluna \"{column}\"")
            }
            RowProblem::WrongKind(column) => format!(
                "o valor da coluna \"{table}.{}\" não é do tipo esperado ({}{})",
                column.name,
                match column.kind {
                    super::ColumnKind::Integer => "inteiro",
                    super::ColumnKind::Text => "texto",
                    super::ColumnKind::Blob => "binário",
                },
                if column.nullable { " ou nulo" } else { "" }
            ),
            RowProblem::NulInText(column) => format!(
                "o texto da coluna \"{table}.{}\" contém o caractere nulo (U+0000), que o servidor não guarda",
                column.name
            ),
            RowProblem::IncompleteGroup(group) => format!(
                "as colunas {} da tabela \"{table}\" só podem ser enviadas juntas",
                group.join(", ")
            ),
            RowProblem::Broken(rule) => rule_message(table, rule),
        }
    }
}

fn rule_message(table: &str, rule: &Rule) -> String {
    match rule {
        Rule::Range { column, min, max } => {
            format!("\"{table}.{column}\" deve estar entre {min} e {max}")
        }
        Rule::OneOf { column, values } => {
            format!("\"{table}.{column}\" deve ser um de: {}", values.join(", "))
        }
        Rule::Before { start, end } => {
            format!("\"{table}.{end}\" deve ser depois de \"{table}.{start}\"")
        }
        Rule::Exclusive { first, second } => format!(
            "\"{table}.{first}\" e \"{table}.{second}\" não podem estar preenchidos ao mesmo tempo"
        ),
        Rule::Sha256 { column } => format!(
            "\"{table}.{column}\" deve ser um SHA-256 em hexadecimal minúsculo (64 caracteres)"
        ),
        Rule::MaxLength { column, max } => {
            format!("\"{table}.{column}\" deve ter no máximo {max} caracteres")
        }
    }
}

impl SyncTable {
    /// The rules of this table's rows ([`ROW_RULES`]).
    pub fn rules(&self) -> &'static [Rule] {
        ROW_RULES
            .iter()
            .find(|(table, _)| *table == self.name)
            .map_or(&[], |(_, rules)| *rules)
    }
}

/// Checks `row` against its table: known columns, values of their kinds (texts without
/// U+0000), merge groups
/// whole or absent, and the table's rules, over the fields the row has.
pub fn check_row(row: &SyncRow) -> Result<(), RowProblem> {
    let table = SyncTable::named(&row.table).ok_or(RowProblem::UnknownTable)?;
    for (name, field) in &row.fields {
        let column = table
            .column(name)
            .ok_or_else(|| RowProblem::UnknownColumn(name.clone()))?;
        if !column.accepts(&field.value) {
            return Err(RowProblem::WrongKind(column));
        }
        if matches!(&field.value, FieldValue::Text(text) if text.contains('\0')) {
            return Err(RowProblem::NulInText(column));
        }
    }
    for group in table.merge_groups() {
        let present = group
            .iter()
            .filter(|column| row.fields.contains_key(**column))
            .count();
        if present != 0 && present != group.len() {
            return Err(RowProblem::IncompleteGroup(group));
        }
    }
    match table.rules().iter().find(|rule| !holds(rule, row)) {
        Some(rule) => Err(RowProblem::Broken(*rule)),
        None => Ok(()),
    }
}

/// Whether `row` keeps `rule` (a rule over a field it lacks holds).
fn holds(rule: &Rule, row: &SyncRow) -> bool {
    let integer = |column: &str| match row.value(column) {
        Some(FieldValue::Integer(value)) => Some(*value),
        _ => None,
    };
    let set = |column: &str| !matches!(row.value(column), None | Some(FieldValue::Null));
    match *rule {
        Rule::Range { column, min, max } => {
            integer(column).is_none_or(|value| (min..=max).contains(&value))
        }
        Rule::OneOf { column, values } => match row.value(column) {
            Some(FieldValue::Text(value)) => values.contains(&value.as_str()),
            _ => true,
        },
        Rule::Before { start, end } => match (integer(start), integer(end)) {
            (Some(start), Some(end)) => end > start,
            _ => true,
        },
        Rule::Exclusive { first, second } => !(set(first) && set(second)),
        Rule::Sha256 { column } => match row.value(column) {
            Some(FieldValue::Text(hash)) => is_sha256_hex(hash),
            _ => true,
        },
        Rule::MaxLength { column, max } => match row.value(column) {
            Some(FieldValue::Text(text)) => text.chars().count() <= max,
            _ => true,
        },
    }
}

/// Whether `text` is a SHA-256 in lower-case hex.
pub fn is_sha256_hex(text: &str) -> bool {
    text.len() == 64 && text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync::{ColumnKind, FieldVersion, Version};
    use uuid::Uuid;

    fn row(table: &str, fields: &[(&str, FieldValue)]) -> SyncRow {
        let version = Version {
            stamp: 1,
            origin: Uuid::nil(),
        };
        SyncRow {
            table: table.into(),
            id: Uuid::nil(),
            fields: fields
                .iter()
                .map(|(name, value)| {
                    let field = FieldVersion {
                        value: value.clone(),
                        version,
                    };
                    ((*name).to_owned(), field)
                })
                .collect(),
        }
    }

    #[test]
    fn a_text_with_the_null_character_is_a_problem_of_its_column() {
        let problem = check_row(&row(
            "customers",
            &[("name", FieldValue::Text("Maria\0".into()))],
        ));
        assert!(
            matches!(&problem, Err(RowProblem::NulInText(column)) if column.name == "name"),
            "{problem:?}"
        );
        let message = problem.err().map(|problem| problem.message("customers"));
        assert!(
            message.is_some_and(|message| message.contains("customers.name")),
            "the message names the column"
        );
        assert_eq!(
            check_row(&row(
                "customers",
                &[("name", FieldValue::Text("Maria".into()))]
            )),
            Ok(())
        );
    }

    fn columns(rule: &Rule) -> Vec<&'static str> {
        match *rule {
            Rule::Range { column, .. }
            | Rule::OneOf { column, .. }
            | Rule::Sha256 { column }
            | Rule::MaxLength { column, .. } => vec![column],
            Rule::Before { start, end } => vec![start, end],
            Rule::Exclusive { first, second } => vec![first, second],
        }
    }

    #[test]
    fn rules_name_columns_of_their_table_and_multi_column_rules_merge_together() {
        for (name, rules) in ROW_RULES {
            let table = SyncTable::named(name).expect("a synced table");
            for rule in *rules {
                let names = columns(rule);
                for column in &names {
                    let column = table.column(column).expect("a column");
                    let kind = match rule {
                        Rule::OneOf { .. } | Rule::Sha256 { .. } | Rule::MaxLength { .. } => {
                            ColumnKind::Text
                        }
                        Rule::Exclusive { .. } => column.kind,
                        _ => ColumnKind::Integer,
                    };
                    assert_eq!(column.kind, kind, "{name}.{}", column.name);
                }
                if names.len() > 1 {
                    assert!(
                        table
                            .merge_groups()
                            .iter()
                            .any(|group| names.iter().all(|column| group.contains(column))),
                        "{name}: {names:?} must merge as one group"
                    );
                }
            }
        }
    }

    #[test]
    fn rows_breaking_a_rule_are_named() {
        let int = FieldValue::Integer;
        let hash = "ab".repeat(32);
        let good = [
            row(
                "work_orders",
                &[
                    ("technician_id", FieldValue::Blob(vec![1])),
                    ("starts_at", int(1)),
                    ("ends_at", int(2)),
                ],
            ),
            row("business_hours", &[("weekday", int(6))]),
            row(
                "ticket_types",
                &[
                    ("destined_user_id", FieldValue::Blob(vec![1])),
                    ("destined_role_id", FieldValue::Null),
                ],
            ),
            row("attachments", &[("content_hash", FieldValue::Text(hash))]),
            row(
                "work_order_statuses",
                &[("stage", FieldValue::Text("done".into()))],
            ),
        ];
        for row in &good {
            assert_eq!(check_row(row), Ok(()), "{row:?}");
        }
        assert!(matches!(
            check_row(&row("work_orders", &[("ends_at", int(2))])),
            Err(RowProblem::IncompleteGroup(_))
        ));
        let bad = [
            row("business_hours", &[("weekday", int(7))]),
            row(
                "work_orders",
                &[
                    ("technician_id", FieldValue::Blob(vec![1])),
                    ("starts_at", int(2)),
                    ("ends_at", int(2)),
                ],
            ),
            row(
                "business_hours",
                &[("opens_at", int(0)), ("closes_at", int(1441))],
            ),
            row("tickets", &[("first_contact_resolved", int(2))]),
            row(
                "tickets",
                &[(
                    "protocol",
                    FieldValue::Text("1".repeat(MAX_PROTOCOL_CHARS + 1)),
                )],
            ),
            row(
                "ticket_types",
                &[
                    ("destined_user_id", FieldValue::Blob(vec![1])),
                    ("destined_role_id", FieldValue::Blob(vec![2])),
                ],
            ),
            row(
                "attachments",
                &[("content_hash", FieldValue::Text("AB".repeat(32)))],
            ),
            row(
                "support_message_attachments",
                &[("content_hash", FieldValue::Text("../etc/passwd".into()))],
            ),
            row(
                "work_order_statuses",
                &[("stage", FieldValue::Text("lost".into()))],
            ),
        ];
        for row in &bad {
            let problem = check_row(row).expect_err("broken");
            assert!(matches!(problem, RowProblem::Broken(_)), "{row:?}");
            assert!(problem.message(&row.table).contains(&row.table));
        }
        assert_eq!(
            check_row(&row("secrets", &[])),
            Err(RowProblem::UnknownTable)
        );
        assert_eq!(
            check_row(&row("roles", &[("salary", int(1))])),
            Err(RowProblem::UnknownColumn("salary".into()))
        );
        assert!(matches!(
            check_row(&row("roles", &[("name", FieldValue::Null)])),
            Err(RowProblem::WrongKind(_))
        ));
        let nul = check_row(&row("roles", &[("name", FieldValue::Text("a\0b".into()))]));
        assert!(matches!(nul, Err(RowProblem::NulInText(_))), "{nul:?}");
    }
}
