//! A syncable row with a version per field, and the merge every node applies.
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{ColumnKind, FieldValue, SyncTable};

/// Who wrote a field and when: ordered by stamp (a hybrid-logical-clock stamp,
/// `crate::clock`), then by device, so two writes never tie.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Version {
    /// Serialized as text: stamps pass 2^53.
    #[serde(with = "crate::clock::stamp_text")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, pattern = "^-?[0-9]{1,19}$"))]
    pub stamp: i64,
    pub origin: Uuid,
}

/// The origin of a write every node makes alike, so no one's: the rename that settles two
/// rows given the same unique value ("(conflito …)"). The server keeps it as pushed.
pub const SETTLEMENT_ORIGIN: Uuid = Uuid::nil();

/// A field's value and the version that wrote it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FieldVersion {
    pub value: FieldValue,
    pub version: Version,
}

/// A row of a syncable table: its id and every column but the id, each with its version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SyncRow {
    #[cfg_attr(feature = "openapi", schema(schema_with = table_name_schema))]
    pub table: String,
    pub id: Uuid,
    pub fields: BTreeMap<String, FieldVersion>,
}

/// The OpenAPI schema of a row's table: one of [`super::SYNC_TABLES`] (a row of another
/// table is refused, `corrupted_row`).
#[cfg(feature = "openapi")]
fn table_name_schema() -> utoipa::openapi::Object {
    use utoipa::openapi::{Object, Type};
    let mut object = Object::with_type(Type::String);
    object.description = Some("A syncable table; a row of another is refused.".to_owned());
    object.enum_values = Some(
        super::SYNC_TABLES
            .iter()
            .map(|table| table.name.into())
            .collect(),
    );
    object
}

/// What a merge did to the row merged into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MergeOutcome {
    /// Nothing newer came: the row is as it was (a batch sent again, an old write).
    Unchanged,
    /// At least one field took the incoming value.
    Changed,
}

impl SyncRow {
    /// Merges `incoming` (the same table and id) into this row: each field keeps the value
    /// of the greater version, except the columns of a merge group
    /// ([`SyncTable::merge_groups`]), which are taken together from the row whose greatest
    /// version among them is greater.
    pub fn merge(&mut self, incoming: &SyncRow) -> MergeOutcome {
        debug_assert_eq!((&self.table, self.id), (&incoming.table, incoming.id));
        let groups = SyncTable::named(&self.table).map_or(&[][..], SyncTable::merge_groups);
        self.merge_grouped(incoming, groups)
    }

    /// [`SyncRow::merge`] with the given groups. Every field outside them is a group of its
    /// own. A group's state is ordered by its greatest version, then (only for writes that
    /// claim the same version, which a node never makes twice) by its fields, so the merge
    /// is the greater of two states: commutative, associative and idempotent.
    fn merge_grouped(&mut self, incoming: &SyncRow, groups: &[&[&str]]) -> MergeOutcome {
        let mut outcome = MergeOutcome::Unchanged;
        for group in groups {
            if self.take_group(incoming, group) {
                outcome = MergeOutcome::Changed;
            }
        }
        for name in incoming.fields.keys() {
            let grouped = groups.iter().any(|group| group.contains(&name.as_str()));
            if !grouped && self.take_group(incoming, &[name.as_str()]) {
                outcome = MergeOutcome::Changed;
            }
        }
        outcome
    }

    /// Takes `incoming`'s fields of `group` in place of this row's when their state is the
    /// greater; whether it did.
    fn take_group(&mut self, incoming: &SyncRow, group: &[&str]) -> bool {
        let theirs = group_state(incoming, group);
        if theirs.1.is_empty() || theirs <= group_state(self, group) {
            return false;
        }
        let taken: Vec<(String, FieldVersion)> = theirs
            .1
            .into_iter()
            .map(|(name, field)| (name.clone(), field.clone()))
            .collect();
        for name in group {
            self.fields.remove(*name);
        }
        self.fields.extend(taken);
        true
    }

    /// The greatest version among the fields: the row's `changed_at` once merged.
    pub fn latest(&self) -> Option<Version> {
        self.fields.values().map(|field| field.version).max()
    }

    /// The value of `column`, if the row has it.
    pub fn value(&self, column: &str) -> Option<&FieldValue> {
        self.fields.get(column).map(|field| &field.value)
    }

    /// A new row of `table`, every field written at `version`: the given `values`, and
    /// every other column empty (NULL where it may be, else "", 0 or no bytes). `None` when
    /// a value names no column of the table or does not fit its column.
    pub fn created(
        table: &SyncTable,
        id: Uuid,
        values: Vec<(&str, FieldValue)>,
        version: Version,
    ) -> Option<SyncRow> {
        let mut fields: BTreeMap<String, FieldVersion> = table
            .columns
            .iter()
            .map(|column| {
                let empty = match (column.nullable, column.kind) {
                    (true, _) => FieldValue::Null,
                    (false, ColumnKind::Integer) => FieldValue::Integer(0),
                    (false, ColumnKind::Text) => FieldValue::Text(String::new()),
                    (false, ColumnKind::Blob) => FieldValue::Blob(Vec::new()),
                };
                let field = FieldVersion {
                    value: empty,
                    version,
                };
                (column.name.to_owned(), field)
            })
            .collect();
        for (name, value) in values {
            if !table.column(name)?.accepts(&value) {
                return None;
            }
            fields.insert(name.to_owned(), FieldVersion { value, version });
        }
        Some(SyncRow {
            table: table.name.to_owned(),
            id,
            fields,
        })
    }
}

/// A group's state in `row`: its greatest version, then its fields.
fn group_state<'a>(
    row: &'a SyncRow,
    group: &[&str],
) -> (Option<Version>, Vec<(&'a String, &'a FieldVersion)>) {
    let fields: Vec<(&String, &FieldVersion)> = group
        .iter()
        .filter_map(|name| row.fields.get_key_value(*name))
        .collect();
    let latest = fields.iter().map(|(_, field)| field.version).max();
    (latest, fields)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_created_row_has_every_column_and_refuses_what_its_table_has_not() {
        let table = SyncTable::named("support_messages").expect("a synced table");
        let version = Version {
            stamp: 7 << 16,
            origin: Uuid::from_u128(1),
        };
        let id = Uuid::from_u128(2);
        let text = |value: &str| FieldValue::Text(value.to_owned());
        let row =
            SyncRow::created(table, id, vec![("subject", text("Oi"))], version).expect("fits");
        assert_eq!(row.fields.len(), table.columns.len());
        assert_eq!(row.value("subject"), Some(&text("Oi")));
        assert_eq!(row.value("body"), Some(&text("")));
        assert_eq!(row.value("received_at"), Some(&FieldValue::Integer(0)));
        assert_eq!(row.latest(), Some(version));
        assert_eq!(
            SyncRow::created(table, id, vec![("no_such_column", text("x"))], version),
            None
        );
        assert_eq!(
            SyncRow::created(
                table,
                id,
                vec![("subject", FieldValue::Integer(1))],
                version
            ),
            None
        );
    }

    const DEVICES: [u128; 3] = [1, 2, 3];

    fn row(fields: &[(&str, i64, i64, u128)]) -> SyncRow {
        SyncRow {
            table: "customers".into(),
            id: Uuid::from_u128(7),
            fields: fields
                .iter()
                .map(|(name, value, stamp, origin)| {
                    let field = FieldVersion {
                        value: FieldValue::Integer(*value),
                        version: Version {
                            stamp: *stamp,
                            origin: Uuid::from_u128(*origin),
                        },
                    };
                    ((*name).to_owned(), field)
                })
                .collect(),
        }
    }

    #[test]
    fn each_field_keeps_its_latest_write() {
        let mut here = row(&[("name", 1, 10, 1), ("city", 1, 10, 1)]);
        let there = row(&[("name", 2, 20, 2), ("city", 2, 5, 2)]);
        assert_eq!(here.merge(&there), MergeOutcome::Changed);
        assert_eq!(here.value("name"), Some(&FieldValue::Integer(2)));
        assert_eq!(here.value("city"), Some(&FieldValue::Integer(1)));
        assert_eq!(here.merge(&there), MergeOutcome::Unchanged);
        assert_eq!(here.latest().map(|version| version.stamp), Some(20));
    }

    #[test]
    fn equal_stamps_are_ordered_by_device() {
        let mut here = row(&[("name", 1, 10, 1)]);
        assert_eq!(
            here.merge(&row(&[("name", 3, 10, 3)])),
            MergeOutcome::Changed
        );
        assert_eq!(
            here.merge(&row(&[("name", 2, 10, 2)])),
            MergeOutcome::Unchanged
        );
        assert_eq!(here.value("name"), Some(&FieldValue::Integer(3)));
    }

    #[test]
    fn versions_travel_as_text() {
        let json = serde_json::to_string(&Version {
            stamp: (1 << 62) + 1,
            origin: Uuid::nil(),
        })
        .expect("json");
        assert!(json.contains("\"4611686018427387905\""), "{json}");
    }

    fn writes() -> impl Strategy<Value = Vec<SyncRow>> {
        // A device never stamps two writes alike, so a version determines its value.
        let field = (0..3usize, 0i64..6, 0..DEVICES.len());
        let version = proptest::collection::vec(field, 1..4).prop_map(|fields| {
            let named: Vec<(String, i64, i64, u128)> = fields
                .into_iter()
                .map(|(name, stamp, device)| {
                    let value = name as i64 * 100 + stamp * 10 + device as i64;
                    let column = ["name", "city", "deleted"][name].to_owned();
                    (column, value, stamp, DEVICES[device])
                })
                .collect();
            let borrowed: Vec<(&str, i64, i64, u128)> = named
                .iter()
                .map(|(name, value, stamp, device)| (name.as_str(), *value, *stamp, *device))
                .collect();
            row(&borrowed)
        });
        proptest::collection::vec(version, 1..8)
    }

    /// Groups for the property test: none (every field alone), or `name` and `city` as one.
    const GROUPINGS: [&[&[&str]]; 2] = [&[], &[&["name", "city"]]];

    fn merged(rows: &[SyncRow], groups: &[&[&str]]) -> SyncRow {
        let mut result = SyncRow {
            table: "customers".into(),
            id: Uuid::from_u128(7),
            fields: BTreeMap::new(),
        };
        for row in rows {
            result.merge_grouped(row, groups);
        }
        result
    }

    fn work_order(fields: &[(&str, i64, i64, u128)]) -> SyncRow {
        SyncRow {
            table: "work_orders".into(),
            ..row(fields)
        }
    }

    #[test]
    fn a_visit_moved_here_and_resized_there_keeps_one_of_the_two_whole() {
        // Created 9h-10h with technician 1; desktop 1 moves it to 11h-12h, desktop 2 (later)
        // makes it end at 10h30 without touching its start.
        let created = [
            ("technician_id", 1, 10, 1),
            ("starts_at", 540, 10, 1),
            ("ends_at", 600, 10, 1),
        ];
        let mut moved = work_order(&created);
        moved.merge(&work_order(&[
            ("technician_id", 1, 10, 1),
            ("starts_at", 660, 20, 1),
            ("ends_at", 720, 20, 1),
        ]));
        let mut resized = work_order(&created);
        resized.merge(&work_order(&[
            ("technician_id", 1, 10, 1),
            ("starts_at", 540, 10, 1),
            ("ends_at", 630, 30, 2),
        ]));

        for (mut here, there) in [
            (moved.clone(), resized.clone()),
            (resized.clone(), moved.clone()),
        ] {
            here.merge(&there);
            assert_eq!(here.value("starts_at"), Some(&FieldValue::Integer(540)));
            assert_eq!(here.value("ends_at"), Some(&FieldValue::Integer(630)));
            assert_eq!(here, resized);
        }
        // Alone, each field would have taken its latest write: 11h to 10h30.
        let mut per_field = moved.clone();
        per_field.merge_grouped(&resized, &[]);
        assert_eq!(
            per_field.value("starts_at"),
            Some(&FieldValue::Integer(660))
        );
        assert_eq!(per_field.value("ends_at"), Some(&FieldValue::Integer(630)));
    }

    #[test]
    fn a_ticket_type_is_destined_to_a_user_or_a_role_never_both() {
        let field = |value, stamp, origin| FieldVersion {
            value,
            version: Version {
                stamp,
                origin: Uuid::from_u128(origin),
            },
        };
        let destined = |user, role| SyncRow {
            table: "ticket_types".into(),
            id: Uuid::from_u128(7),
            fields: [
                ("destined_user_id".to_owned(), user),
                ("destined_role_id".to_owned(), role),
            ]
            .into_iter()
            .collect(),
        };
        let id = |n: u8| FieldValue::Blob(vec![n]);
        // Desktop 1 redirects it to a role (and clears the user); desktop 2, later, to a
        // user, leaving the role it saw empty as it was.
        let to_role = destined(field(FieldValue::Null, 20, 1), field(id(2), 20, 1));
        let to_user = destined(field(id(3), 25, 2), field(FieldValue::Null, 5, 9));
        for (mut here, there) in [
            (to_role.clone(), to_user.clone()),
            (to_user.clone(), to_role.clone()),
        ] {
            here.merge(&there);
            assert_eq!(here, to_user);
        }
        let mut per_field = to_role.clone();
        per_field.merge_grouped(&to_user, &[]);
        assert_eq!(per_field.value("destined_user_id"), Some(&id(3)));
        assert_eq!(per_field.value("destined_role_id"), Some(&id(2)));
    }

    proptest! {
        /// Any order, any repetition, any grouping of the merges, with or without merge
        /// groups: the same row.
        #[test]
        fn merging_converges_whatever_the_order(rows in writes(), seed in any::<u64>()) {
            let mut shuffled = rows.clone();
            let mut state = seed;
            for at in (1..shuffled.len()).rev() {
                state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                shuffled.swap(at, (state >> 33) as usize % (at + 1));
            }
            shuffled.extend(rows.iter().take(2).cloned());
            let (left, right) = rows.split_at(rows.len() / 2);
            for groups in GROUPINGS {
                let mut split = merged(left, groups);
                split.merge_grouped(&merged(right, groups), groups);
                prop_assert_eq!(merged(&rows, groups), merged(&shuffled, groups));
                prop_assert_eq!(merged(&rows, groups), split);
                // A group is always some write's whole group.
                if let [group] = groups {
                    let result = merged(&rows, groups);
                    let state = group_state(&result, group);
                    prop_assert!(rows.iter().any(|row| group_state(row, group) == state));
                }
            }
        }
    }
}
