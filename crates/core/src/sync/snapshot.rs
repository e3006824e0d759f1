//! A snapshot of the server's rows for a new desktop's first sync: every row as of one
//! moment, prepared ahead by the server in chunks, each chunk consecutive rows of one table
//! in a compact form (values in the table's column order; one version for the row and only
//! the fields written at another named apart), so a desktop that holds none of them can
//! write them as they come. After the last chunk the desktop pulls from the snapshot's
//! cursor as usual: whatever changed meanwhile comes again and merges.
use std::collections::BTreeMap;
use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use uuid::Uuid;

use super::{ColumnKind, FieldValue, FieldVersion, PullCursor, SyncRow, SyncTable, Version};
use crate::hex;

/// The rows in one chunk, at most (a chunk of tickets is about 1 MB of JSON before it is
/// compressed).
pub const SNAPSHOT_CHUNK_ROWS: usize = 2_000;

/// What `GET /v1/snapshot` answers: the latest snapshot the server prepared.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SnapshotManifest {
    pub id: Uuid,
    /// Where the pull goes on once every chunk is applied: every row written after it is
    /// pulled again (some may be in the snapshot already: they merge as unchanged).
    pub cursor: PullCursor,
    /// Chunks are numbered from 0.
    pub chunks: u32,
    pub rows: u64,
    /// When the server took it, in Unix milliseconds.
    pub taken_at_ms: i64,
}

/// One chunk: rows of `table` (by id), compact; `loose` holds rows of the table that do not
/// fit its columns as this version knows them, as they travel, to be merged (or set aside)
/// as pulled rows are.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SnapshotChunk {
    pub table: String,
    pub rows: Vec<CompactRow>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub loose: Vec<SyncRow>,
}

/// Versions of a row's fields written at another version than the row's latest, as the
/// desktop keeps them (`{"column": ["stamp", "origin hex"]}`).
pub type OtherVersions = BTreeMap<String, (String, String)>;

/// A row in a chunk: `[id, latest stamp, latest origin, other versions or null, [values]]`,
/// the values in the order of the table's columns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompactRow(
    pub Uuid,
    pub i64,
    pub Uuid,
    pub Option<OtherVersions>,
    pub Vec<CompactValue>,
);

/// A value in a compact row: JSON null, an integer or a string (a blob column's bytes in
/// lower-case hex: the column says which).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CompactValue {
    Null,
    Integer(i64),
    Text(String),
}

impl CompactRow {
    /// `row` of `table`, compact; `None` when it does not fit the table's columns (a column
    /// missing or unknown, a value of another kind).
    pub fn of(table: &SyncTable, row: &SyncRow) -> Option<CompactRow> {
        if row.fields.len() != table.columns.len() {
            return None;
        }
        let latest = row.latest()?;
        let mut values = Vec::with_capacity(table.columns.len());
        let mut others = OtherVersions::new();
        for column in table.columns {
            let field = row.fields.get(column.name)?;
            if !column.accepts(&field.value) {
                return None;
            }
            values.push(match &field.value {
                FieldValue::Null => CompactValue::Null,
                FieldValue::Integer(number) => CompactValue::Integer(*number),
                FieldValue::Text(text) => CompactValue::Text(text.clone()),
                FieldValue::Blob(bytes) => CompactValue::Text(hex::encode(bytes)),
            });
            if field.version != latest {
                others.insert(
                    column.name.to_owned(),
                    (
                        field.version.stamp.to_string(),
                        field.version.origin.simple().to_string(),
                    ),
                );
            }
        }
        let others = (!others.is_empty()).then_some(others);
        Some(CompactRow(
            row.id,
            latest.stamp,
            latest.origin,
            others,
            values,
        ))
    }

    /// The row as it travels, or why it cannot be read as a row of `table`.
    pub fn expand(&self, table: &SyncTable) -> Result<SyncRow, String> {
        let CompactRow(id, stamp, origin, others, values) = self;
        if values.len() != table.columns.len() {
            return Err(format!("{} {id}: {} values", table.name, values.len()));
        }
        let latest = Version {
            stamp: *stamp,
            origin: *origin,
        };
        let mut fields = BTreeMap::new();
        for (column, value) in table.columns.iter().zip(values) {
            let value = match (value, column.kind) {
                (CompactValue::Null, _) => FieldValue::Null,
                (CompactValue::Integer(number), ColumnKind::Integer) => {
                    FieldValue::Integer(*number)
                }
                (CompactValue::Text(text), ColumnKind::Text) => FieldValue::Text(text.clone()),
                (CompactValue::Text(text), ColumnKind::Blob) => {
                    FieldValue::Blob(hex::decode(text).ok_or_else(|| {
                        format!("{} {id}: {} is not hex", table.name, column.name)
                    })?)
                }
                _ => {
                    return Err(format!(
                        "{} {id}: {} of another kind",
                        table.name, column.name
                    ))
                }
            };
            let version = match others.as_ref().and_then(|others| others.get(column.name)) {
                Some((stamp, origin)) => Version {
                    stamp: stamp
                        .parse()
                        .map_err(|_| format!("{} {id}: stamp {stamp:?}", table.name))?,
                    origin: Uuid::parse_str(origin)
                        .map_err(|_| format!("{} {id}: origin {origin:?}", table.name))?,
                },
                None => latest,
            };
            fields.insert(column.name.to_owned(), FieldVersion { value, version });
        }
        Ok(SyncRow {
            table: table.name.to_owned(),
            id: *id,
            fields,
        })
    }
}

impl Serialize for CompactValue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            CompactValue::Null => serializer.serialize_unit(),
            CompactValue::Integer(number) => serializer.serialize_i64(*number),
            CompactValue::Text(text) => serializer.serialize_str(text),
        }
    }
}

impl<'de> Deserialize<'de> for CompactValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(CompactValueVisitor)
    }
}

struct CompactValueVisitor;

impl Visitor<'_> for CompactValueVisitor {
    type Value = CompactValue;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("null, an integer or a string")
    }

    fn visit_unit<E: de::Error>(self) -> Result<CompactValue, E> {
        Ok(CompactValue::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<CompactValue, E> {
        Ok(CompactValue::Null)
    }

    fn visit_i64<E: de::Error>(self, number: i64) -> Result<CompactValue, E> {
        Ok(CompactValue::Integer(number))
    }

    fn visit_u64<E: de::Error>(self, number: u64) -> Result<CompactValue, E> {
        i64::try_from(number)
            .map(CompactValue::Integer)
            .map_err(|_| E::custom("integer out of range"))
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<CompactValue, E> {
        Ok(CompactValue::Text(text.to_owned()))
    }

    fn visit_string<E: de::Error>(self, text: String) -> Result<CompactValue, E> {
        Ok(CompactValue::Text(text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync::SYNC_TABLES;

    fn version(stamp: i64, origin: u128) -> Version {
        Version {
            stamp,
            origin: Uuid::from_u128(origin),
        }
    }

    fn attachment() -> Option<SyncRow> {
        let table = SyncTable::named("attachments")?;
        let mut row = SyncRow::created(table, Uuid::from_u128(7), Vec::new(), version(10, 1))?;
        for (at, field) in row.fields.values_mut().enumerate() {
            if at % 2 == 0 {
                field.version = version(5, 2);
            }
        }
        Some(row)
    }

    #[test]
    fn a_row_comes_back_whole_through_its_compact_form() {
        for table in SYNC_TABLES {
            let Some(row) = SyncRow::created(table, Uuid::from_u128(1), Vec::new(), version(9, 3))
            else {
                continue;
            };
            let compact = CompactRow::of(table, &row);
            assert_eq!(compact.as_ref().map(|c| c.3.is_none()), Some(true));
            let json = serde_json::to_string(&compact).unwrap_or_default();
            let back: Option<CompactRow> = serde_json::from_str(&json).ok().flatten();
            assert_eq!(
                back.map(|c| c.expand(table)),
                Some(Ok(row)),
                "{}",
                table.name
            );
        }
        let table = SyncTable::named("attachments");
        let row = attachment();
        let compact = table
            .zip(row.as_ref())
            .and_then(|(t, r)| CompactRow::of(t, r));
        let expanded = table.zip(compact).map(|(t, c)| c.expand(t));
        assert_eq!(expanded, row.map(Ok));
    }

    #[test]
    fn a_row_that_does_not_fit_its_table_is_not_made_compact() {
        let table = SyncTable::named("teams");
        let row =
            table.and_then(|t| SyncRow::created(t, Uuid::from_u128(2), Vec::new(), version(1, 1)));
        let mut unknown = row.clone();
        if let Some(row) = unknown.as_mut() {
            row.fields.insert(
                "colour".into(),
                FieldVersion {
                    value: FieldValue::Null,
                    version: version(1, 1),
                },
            );
        }
        let mut wrong = row.clone();
        if let Some(field) = wrong.as_mut().and_then(|row| row.fields.get_mut("name")) {
            field.value = FieldValue::Integer(3);
        }
        for bad in [unknown, wrong] {
            let compact = table.zip(bad.as_ref()).map(|(t, r)| CompactRow::of(t, r));
            assert_eq!(compact, Some(None));
        }
    }

    #[test]
    fn a_value_of_another_kind_than_its_column_does_not_expand() {
        let table = SyncTable::named("teams");
        let compact = CompactRow(
            Uuid::from_u128(3),
            1,
            Uuid::from_u128(1),
            None,
            vec![
                CompactValue::Integer(1),
                CompactValue::Integer(0),
                CompactValue::Integer(1),
            ],
        );
        assert!(table.map(|t| compact.expand(t).is_err()).unwrap_or(false));
    }
}
