//! What the hostile-push properties generate: valid rows of random syncable tables
//! (`SYNC_TABLES`), then batches that edit them, clash with them and mangle rows in the
//! ways a broken or tampered desktop could. Ids, protocols and huge strings are made fresh
//! when a case runs ([`Maker`]), so a case run again while shrinking meets none of the rows
//! of its earlier runs.
use helpdesk_core::clock;
use helpdesk_core::sync::{
    ColumnKind, FieldValue, FieldVersion, Rule, SyncColumn, SyncRow, SyncTable, Version,
    SYNC_TABLES,
};
use proptest::collection::vec;
use proptest::prelude::*;
use uuid::Uuid;

/// Seeded rows have stamps below this; an edit marked newer adds it to its stamps.
pub const SEED_STAMPS: i64 = 1_000_000;

/// A row as drawn: a table (an index into `SYNC_TABLES`), a value and a stamp per column.
#[derive(Debug, Clone)]
pub struct Drawn {
    pub table: usize,
    pub values: Vec<FieldValue>,
    pub stamps: Vec<i64>,
}

/// When a stamp in the future is.
#[derive(Debug, Clone)]
pub enum Future {
    /// That many minutes ahead of now (more than the 5 minutes allowed).
    Minutes(i64),
    /// `i64::MAX` minus this.
    NearMax(i64),
}

/// How a row is made hostile. Column indexes are taken modulo what fits.
#[derive(Debug, Clone)]
pub enum Harm {
    None,
    /// A value of another kind than its column's.
    WrongKind {
        column: usize,
        pick: usize,
    },
    /// NULL in a NOT NULL column.
    NullInNotNull {
        column: usize,
    },
    /// A text of `kib` KiB (multi-byte `filler`s after a fresh prefix).
    Huge {
        column: usize,
        kib: usize,
        filler: char,
    },
    /// A text with a NUL character inside.
    Nul {
        column: usize,
    },
    /// A column the table does not have.
    UnknownColumn(String),
    /// Only the columns marked (a merge group may be cut).
    Partial(Vec<bool>),
    /// A table that does not sync.
    UnknownTable(String),
    /// A field stamped in the future.
    Future {
        column: usize,
        when: Future,
    },
    /// A field with a negative stamp.
    Negative {
        column: usize,
        stamp: i64,
    },
    /// Every field claims another desktop's origin.
    Spoofed(u128),
    /// The table's first rule broken (tables without rules: no harm).
    BreakRule,
    /// An attachment's hash that is no lower-case SHA-256 hex.
    BadHash(String),
    /// An attachment's well-formed hash of a file never uploaded.
    MissingBlob([u8; 32]),
    /// No fields at all.
    Empty,
}

/// One row (or two) of a hostile batch.
#[derive(Debug, Clone)]
pub enum Op {
    /// A new row.
    New(Drawn, Harm),
    /// An edit of a seeded row: the `keep`-marked columns (merge groups whole) of `drawn`,
    /// stamped after the seed's stamps when `newer`.
    Edit {
        target: usize,
        drawn: Drawn,
        keep: Vec<bool>,
        newer: bool,
        harm: Harm,
    },
    /// A new ticket carrying a seeded ticket's protocol (or, without one, the protocol of
    /// the batch's first ticket).
    ProtocolClash(Drawn),
    /// Two new rows with the same value of a column unique on the desktops.
    UniqueClash(usize, Drawn, Drawn, String),
    /// An earlier row of the batch again: the same, or the same id with other stamps.
    Repeat { of: usize, exact: bool, shift: i64 },
}

/// A request-level harm, sent before the batch: answered with a documented 4xx.
#[derive(Debug, Clone)]
pub enum Mangle {
    TooManyRows,
    /// A body that is not a push request (index into [`MANGLED_BODIES`]).
    Body(usize),
}

/// Push bodies that do not parse as a push request.
pub const MANGLED_BODIES: &[&str] = &[
    r#"{"rows": [{"table": "roles", "id": "#,
    r#"{"rows": [{"table": "roles", "id": "not-a-uuid", "fields": {}}]}"#,
    r#"{"rows": [{"table": "roles", "id": "0190c2a0-0000-7000-8000-000000000001", "fields": {"name": {"value": {"t": "float", "v": 1.5}, "version": {"stamp": "1", "origin": "0190c2a0-0000-7000-8000-000000000001"}}}}]}"#,
    r#"{"rows": [{"table": "roles", "id": "0190c2a0-0000-7000-8000-000000000001", "fields": {"name": {"value": {"t": "blob", "v": "abc"}, "version": {"stamp": "1", "origin": "0190c2a0-0000-7000-8000-000000000001"}}}}]}"#,
    r#"{"rows": [{"table": "roles", "id": "0190c2a0-0000-7000-8000-000000000001", "fields": {"name": {"value": {"t": "text", "v": "x"}, "version": {"stamp": "99999999999999999999", "origin": "0190c2a0-0000-7000-8000-000000000001"}}}}]}"#,
    r#"{"rows": [{"table": "roles", "id": "0190c2a0-0000-7000-8000-000000000001", "fields": {"name": {"value": {"t": "integer", "v": 1e400}, "version": {"stamp": "1", "origin": "0190c2a0-0000-7000-8000-000000000001"}}}}]}"#,
    r#"{"rows": {"table": "roles"}}"#,
    r#"[]"#,
];

/// A generated case: valid rows stored first, then a hostile batch.
#[derive(Debug, Clone)]
pub struct Case {
    pub seeds: Vec<Drawn>,
    pub ops: Vec<Op>,
    pub mangle: Option<Mangle>,
}

/// Columns unique on the desktops' schema (the server keeps both rows of a clash).
pub const UNIQUE_COLUMNS: &[(&str, &str)] = &[
    ("roles", "name"),
    ("teams", "name"),
    ("users", "login"),
    ("customers", "code"),
    ("email_templates", "name"),
    ("work_order_types", "name"),
];

fn value(column: &SyncColumn) -> BoxedStrategy<FieldValue> {
    let kind = match column.kind {
        ColumnKind::Integer => prop_oneof![3 => 0i64..3, 1 => any::<i64>()]
            .prop_map(FieldValue::Integer)
            .boxed(),
        ColumnKind::Text => "\\PC{0,16}".prop_map(FieldValue::Text).boxed(),
        ColumnKind::Blob => prop_oneof![3 => vec(any::<u8>(), 16), 1 => vec(any::<u8>(), 0..40)]
            .prop_map(FieldValue::Blob)
            .boxed(),
    };
    if column.nullable {
        prop_oneof![1 => Just(FieldValue::Null), 3 => kind].boxed()
    } else {
        kind
    }
}

/// A row of table `table`.
pub fn drawn_of(table: usize) -> impl Strategy<Value = Drawn> {
    let columns = SYNC_TABLES[table].columns;
    let values: Vec<BoxedStrategy<FieldValue>> = columns.iter().map(value).collect();
    (values, vec(1..SEED_STAMPS, columns.len())).prop_map(move |(values, stamps)| Drawn {
        table,
        values,
        stamps,
    })
}

/// A row of any table.
pub fn drawn() -> impl Strategy<Value = Drawn> {
    (0..SYNC_TABLES.len()).prop_flat_map(drawn_of)
}

fn harm() -> impl Strategy<Value = Harm> {
    let column = 0usize..64;
    prop_oneof![
        6 => Just(Harm::None),
        2 => (column.clone(), 0usize..4).prop_map(|(column, pick)| Harm::WrongKind { column, pick }),
        1 => column.clone().prop_map(|column| Harm::NullInNotNull { column }),
        1 => (column.clone(), 200usize..1024, prop::sample::select(vec!['a', 'ç', '€', '🦀']))
            .prop_map(|(column, kib, filler)| Harm::Huge { column, kib, filler }),
        1 => column.clone().prop_map(|column| Harm::Nul { column }),
        1 => prop_oneof![
            "[a-z_]{1,12}",
            Just("id".to_owned()),
            Just("changed_at".to_owned()),
            Just("sync_versions".to_owned()),
            Just("name\u{0}".to_owned()),
            Just("\"; DROP TABLE sync_rows; --".to_owned()),
        ]
        .prop_map(Harm::UnknownColumn),
        1 => vec(any::<bool>(), 64).prop_map(Harm::Partial),
        1 => prop_oneof![
            "[a-z_]{1,16}",
            Just("sync_rows".to_owned()),
            Just("devices".to_owned()),
            Just("Roles".to_owned()),
            Just("roles ".to_owned()),
            Just("roles\u{0}".to_owned()),
            Just(String::new()),
        ]
        .prop_map(Harm::UnknownTable),
        2 => (
            column.clone(),
            prop_oneof![
                (6i64..10_000_000).prop_map(Future::Minutes),
                (0i64..1000).prop_map(Future::NearMax),
            ]
        )
            .prop_map(|(column, when)| Harm::Future { column, when }),
        1 => (column.clone(), prop_oneof![Just(i64::MIN), i64::MIN..0])
            .prop_map(|(column, stamp)| Harm::Negative { column, stamp }),
        1 => any::<u128>().prop_map(Harm::Spoofed),
        2 => Just(Harm::BreakRule),
        1 => prop_oneof![
            Just("../../etc/passwd".to_owned()),
            "[0-9a-f]{63}",
            "[0-9A-F]{64}",
            "[0-9a-f]{65}",
        ]
        .prop_map(Harm::BadHash),
        1 => any::<[u8; 32]>().prop_map(Harm::MissingBlob),
        1 => Just(Harm::Empty),
    ]
}

fn edit(seeds: &[Drawn]) -> BoxedStrategy<Op> {
    let tables: Vec<usize> = seeds.iter().map(|seed| seed.table).collect();
    (0..tables.len())
        .prop_flat_map(move |target| {
            let table = tables[target];
            let width = SYNC_TABLES[table].columns.len();
            (
                Just(target),
                drawn_of(table),
                vec(any::<bool>(), width),
                prop::bool::weighted(0.8),
                harm(),
            )
        })
        .prop_map(|(target, drawn, keep, newer, harm)| Op::Edit {
            target,
            drawn,
            keep,
            newer,
            harm,
        })
        .boxed()
}

fn ops(seeds: &[Drawn]) -> impl Strategy<Value = Vec<Op>> {
    let tickets = SyncTable::named("tickets").map_or(0, |tickets| {
        SYNC_TABLES
            .iter()
            .position(|table| table.name == tickets.name)
            .unwrap_or(0)
    });
    let unique = (0..UNIQUE_COLUMNS.len()).prop_flat_map(|at| {
        let table = table_index(UNIQUE_COLUMNS[at].0);
        (Just(at), drawn_of(table), drawn_of(table), "\\PC{0,12}")
    });
    let op = prop_oneof![
        4 => (drawn(), harm()).prop_map(|(drawn, harm)| Op::New(drawn, harm)),
        4 => edit(seeds),
        1 => drawn_of(tickets).prop_map(Op::ProtocolClash),
        1 => unique.prop_map(|(at, a, b, value)| Op::UniqueClash(at, a, b, value)),
        1 => (0usize..16, any::<bool>(), -5i64..5)
            .prop_map(|(of, exact, shift)| Op::Repeat { of, exact, shift }),
    ];
    vec(op, 1..10)
}

/// A whole case.
pub fn case() -> impl Strategy<Value = Case> {
    vec(drawn(), 1..5).prop_flat_map(|seeds| {
        let mangle = prop_oneof![
            6 => Just(None),
            1 => Just(Some(Mangle::TooManyRows)),
            2 => (0..MANGLED_BODIES.len()).prop_map(|at| Some(Mangle::Body(at))),
        ];
        (ops(&seeds), mangle, Just(seeds)).prop_map(|(ops, mangle, seeds)| Case {
            seeds,
            ops,
            mangle,
        })
    })
}

/// The index of `name` in `SYNC_TABLES`.
pub fn table_index(name: &str) -> usize {
    SYNC_TABLES
        .iter()
        .position(|table| table.name == name)
        .unwrap_or_else(|| panic!("{name} syncs"))
}

/// Makes the rows of a case when it runs: fresh ids and protocols, rows that keep their
/// table's rules, written by `origin`.
pub struct Maker {
    /// Unique to this run: starts every protocol and huge text.
    pub prefix: String,
    pub origin: Uuid,
    /// The hash of a file the server holds.
    pub held_hash: String,
    protocols: usize,
}

impl Maker {
    pub fn new(origin: Uuid, held_hash: &str) -> Maker {
        Maker {
            prefix: Uuid::now_v7().simple().to_string(),
            origin,
            held_hash: held_hash.to_owned(),
            protocols: 0,
        }
    }

    /// A protocol no other ticket has.
    pub fn protocol(&mut self) -> String {
        self.protocols += 1;
        format!("{}-{}", self.prefix, self.protocols)
    }

    /// `drawn` as a whole valid row of a fresh id (or of `id`), its rules kept.
    pub fn valid(&mut self, drawn: &Drawn, id: Option<Uuid>, shift: i64) -> SyncRow {
        let table = &SYNC_TABLES[drawn.table];
        let fields = table
            .columns
            .iter()
            .zip(drawn.values.iter().zip(&drawn.stamps))
            .map(|(column, (value, stamp))| {
                let field = FieldVersion {
                    value: value.clone(),
                    version: Version {
                        stamp: stamp + shift,
                        origin: self.origin,
                    },
                };
                (column.name.to_owned(), field)
            })
            .collect();
        let mut row = SyncRow {
            table: table.name.to_owned(),
            id: id.unwrap_or_else(Uuid::now_v7),
            fields,
        };
        self.keep_rules(&mut row);
        row
    }

    /// Repairs what the table's rules and the server's uniqueness of protocols would
    /// refuse, deterministically from the drawn values.
    fn keep_rules(&mut self, row: &mut SyncRow) {
        let integer = |row: &SyncRow, column: &str| match row.value(column) {
            Some(FieldValue::Integer(value)) => *value,
            _ => 0,
        };
        let table = SyncTable::named(&row.table).unwrap_or_else(|| panic!("a synced table"));
        for rule in table.rules() {
            match *rule {
                Rule::Range { column, min, max } => {
                    let value = min + integer(row, column).rem_euclid(max - min + 1);
                    set(row, column, FieldValue::Integer(value));
                }
                Rule::OneOf { column, values } => {
                    let at = integer(row, "position").unsigned_abs() as usize % values.len();
                    set(row, column, FieldValue::Text(values[at].to_owned()));
                }
                Rule::Before { start, end } => {
                    let from = integer(row, start).rem_euclid(1 << 40);
                    let to = from + 1 + integer(row, end).rem_euclid(1 << 20);
                    let to = if row.table == "business_hours" {
                        let from = from.rem_euclid(1440);
                        set(row, start, FieldValue::Integer(from));
                        from + 1 + (to - from - 1).rem_euclid(1440 - from)
                    } else {
                        set(row, start, FieldValue::Integer(from));
                        to
                    };
                    set(row, end, FieldValue::Integer(to));
                }
                Rule::Exclusive { first, second } => {
                    if !matches!(row.value(first), Some(FieldValue::Null)) {
                        set(row, second, FieldValue::Null);
                    }
                }
                Rule::Sha256 { column } => {
                    set(row, column, FieldValue::Text(self.held_hash.clone()));
                }
                // Only the protocol has one, and it is made below.
                Rule::MaxLength { .. } => {}
            }
        }
        if row.table == "tickets" {
            let protocol = self.protocol();
            set(row, "protocol", FieldValue::Text(protocol));
        }
    }

    /// Applies `harm` to `row`; `now_ms` places stamps in the future.
    pub fn harm(&mut self, row: &mut SyncRow, harm: &Harm, now_ms: i64) {
        let table = SyncTable::named(&row.table).unwrap_or_else(|| panic!("a synced table"));
        let present: Vec<&'static SyncColumn> = table
            .columns
            .iter()
            .filter(|column| row.fields.contains_key(column.name))
            .collect();
        let pick = |column: usize, wanted: &dyn Fn(&SyncColumn) -> bool| {
            let fitting: Vec<&'static SyncColumn> =
                present.iter().copied().filter(|c| wanted(c)).collect();
            (!fitting.is_empty()).then(|| fitting[column % fitting.len()])
        };
        match harm {
            Harm::None => {}
            Harm::WrongKind {
                column,
                pick: which,
            } => {
                if let Some(column) = pick(*column, &|_| true) {
                    let wrong: Vec<FieldValue> = [
                        FieldValue::Integer(*which as i64),
                        FieldValue::Text("x".into()),
                        FieldValue::Blob(vec![*which as u8]),
                        FieldValue::Null,
                    ]
                    .into_iter()
                    .filter(|value| !column.accepts(value))
                    .collect();
                    set(row, column.name, wrong[*which % wrong.len()].clone());
                }
            }
            Harm::NullInNotNull { column } => {
                if let Some(column) = pick(*column, &|column| !column.nullable) {
                    set(row, column.name, FieldValue::Null);
                }
            }
            Harm::Huge {
                column,
                kib,
                filler,
            } => {
                if let Some(column) = pick(*column, &|column| column.kind == ColumnKind::Text) {
                    let mut text = self.prefix.clone();
                    while text.len() < kib * 1024 {
                        text.push(*filler);
                    }
                    set(row, column.name, FieldValue::Text(text));
                }
            }
            Harm::Nul { column } => {
                if let Some(column) = pick(*column, &|column| column.kind == ColumnKind::Text) {
                    let text = format!("{}\u{0}fim", self.prefix);
                    set(row, column.name, FieldValue::Text(text));
                }
            }
            Harm::UnknownColumn(name) => {
                let name = if table.column(name).is_some() {
                    format!("x_{name}")
                } else {
                    name.clone()
                };
                let field = self.field(FieldValue::Integer(1), 5);
                row.fields.insert(name, field);
            }
            Harm::Partial(keep) => {
                let names: Vec<String> = row.fields.keys().cloned().collect();
                for (name, keep) in names.iter().zip(keep.iter().cycle()) {
                    if !keep {
                        row.fields.remove(name);
                    }
                }
            }
            Harm::UnknownTable(name) => {
                row.table = if SyncTable::named(name).is_some() {
                    format!("{name}_x")
                } else {
                    name.clone()
                };
            }
            Harm::Future { column, when } => {
                if let Some(column) = pick(*column, &|_| true) {
                    let stamp = match when {
                        Future::Minutes(minutes) => {
                            (now_ms + minutes * 60_000) << 16 | (*minutes & 0xffff)
                        }
                        Future::NearMax(below) => i64::MAX - below,
                    };
                    debug_assert!(clock::is_ahead(stamp, now_ms));
                    if let Some(field) = row.fields.get_mut(column.name) {
                        field.version.stamp = stamp;
                    }
                }
            }
            Harm::Negative { column, stamp } => {
                if let Some(column) = pick(*column, &|_| true) {
                    if let Some(field) = row.fields.get_mut(column.name) {
                        field.version.stamp = *stamp;
                    }
                }
            }
            Harm::Spoofed(origin) => {
                for field in row.fields.values_mut() {
                    field.version.origin = Uuid::from_u128(*origin);
                }
            }
            Harm::BreakRule => {
                if let Some(rule) = table.rules().first() {
                    self.break_rule(row, rule);
                }
            }
            Harm::BadHash(hash) => {
                if row.fields.contains_key("content_hash") {
                    set(row, "content_hash", FieldValue::Text(hash.clone()));
                }
            }
            Harm::MissingBlob(bytes) => {
                if row.fields.contains_key("content_hash") {
                    let hash = helpdesk_core::hex::encode(bytes);
                    set(row, "content_hash", FieldValue::Text(hash));
                }
            }
            Harm::Empty => row.fields.clear(),
        }
    }

    fn break_rule(&self, row: &mut SyncRow, rule: &Rule) {
        let stamp = row
            .latest()
            .map_or(SEED_STAMPS, |version| version.stamp.max(0))
            .saturating_add(1);
        let table = SyncTable::named(&row.table).unwrap_or_else(|| panic!("a synced table"));
        // A broken pair of columns comes with its whole merge group, so the row is not
        // refused as cut instead.
        let missing: Vec<&'static SyncColumn> = table
            .merge_groups()
            .iter()
            .flat_map(|group| group.iter())
            .filter_map(|name| table.column(name))
            .filter(|column| !row.fields.contains_key(column.name))
            .collect();
        let mut put = |column: &str, value: FieldValue| {
            let field = self.field(value, stamp);
            row.fields.insert(column.to_owned(), field);
        };
        match *rule {
            Rule::Range { column, max, .. } => put(column, FieldValue::Integer(max + 1)),
            Rule::OneOf { column, .. } => put(column, FieldValue::Text("perdido".into())),
            Rule::Before { start, end } => {
                for column in missing {
                    let value = match column.kind {
                        ColumnKind::Integer => FieldValue::Integer(0),
                        ColumnKind::Text => FieldValue::Text(String::new()),
                        ColumnKind::Blob => FieldValue::Blob(vec![3; 16]),
                    };
                    put(column.name, value);
                }
                put(start, FieldValue::Integer(600));
                put(end, FieldValue::Integer(540));
            }
            Rule::Exclusive { first, second } => {
                put(first, FieldValue::Blob(vec![1; 16]));
                put(second, FieldValue::Blob(vec![2; 16]));
            }
            Rule::Sha256 { column } => put(column, FieldValue::Text("ABC".into())),
            Rule::MaxLength { column, max } => put(column, FieldValue::Text("7".repeat(max + 1))),
        }
    }

    fn field(&self, value: FieldValue, stamp: i64) -> FieldVersion {
        FieldVersion {
            value,
            version: Version {
                stamp,
                origin: self.origin,
            },
        }
    }
}

/// Sets `column`'s value, keeping its version.
fn set(row: &mut SyncRow, column: &str, value: FieldValue) {
    if let Some(field) = row.fields.get_mut(column) {
        field.value = value;
    }
}
