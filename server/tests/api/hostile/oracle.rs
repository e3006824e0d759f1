//! What the server must make of a hostile batch, from the core's rules only: which rows it
//! must refuse (and with which codes), and what a pull must show afterwards (the rows it
//! held, each merged with the pushed rows it took, by the core's merge).
use std::collections::{BTreeMap, BTreeSet, HashMap};

use helpdesk_core::clock;
use helpdesk_core::sync::{
    check_row, FieldValue, PullCursor, RowProblem, SyncRow, BLOB_TABLES, HISTORY_TABLES,
};
use uuid::Uuid;

use crate::common::TestApp;

/// A table and an id.
pub type Key = (String, Uuid);

/// Rows by table and id.
pub type Rows = BTreeMap<Key, SyncRow>;

/// The server's rows as pulls show them, kept up to date from a cursor.
#[derive(Default)]
pub struct Mirror {
    pub rows: Rows,
    cursor: PullCursor,
}

impl Mirror {
    /// Pulls what was written since the last refresh; answers those rows.
    pub async fn refresh(&mut self, app: &TestApp, credential: &str) -> Rows {
        app.settle().await;
        let mut pulled = Rows::new();
        loop {
            let page = app.pull(credential, self.cursor, 1000).await;
            for row in page.rows {
                let key = (row.table.clone(), row.id);
                self.rows.insert(key.clone(), row.clone());
                pulled.insert(key, row);
            }
            self.cursor = page.cursor;
            if !page.more {
                return pulled;
            }
        }
    }
}

/// What a pushed row may come to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Expect {
    /// The codes it may be refused with (none: it must be taken).
    pub codes: BTreeSet<&'static str>,
    /// Whether it must be refused (a problem it surely has, not only one it may have).
    pub refused: bool,
}

impl Expect {
    fn must(&mut self, code: &'static str) {
        self.codes.insert(code);
        self.refused = true;
    }
}

/// What the server knows besides the rows, for [`expect`].
pub struct Context<'a> {
    /// The pushing desktop's origin: every field it writes carries it.
    pub origin: Uuid,
    pub now_ms: i64,
    /// The only file the server holds.
    pub held_hash: &'a str,
    /// Protocols already claimed, and by which ticket.
    pub claims: &'a HashMap<String, Option<Uuid>>,
    /// Protocols two tickets of the batch carry.
    pub clashing: &'a BTreeSet<String>,
}

/// `row` as the server takes it over `current`: each field newer than the one held is
/// written by the pushing desktop, whatever origin the request claimed.
pub fn admitted(row: &SyncRow, current: &SyncRow, origin: Uuid) -> SyncRow {
    let mut admitted = row.clone();
    for (name, field) in &mut admitted.fields {
        if current
            .fields
            .get(name)
            .is_none_or(|held| field.version > held.version)
        {
            field.version.origin = origin;
        }
    }
    admitted
}

/// An empty row of `row`'s table and id (one the server does not hold).
pub fn empty(row: &SyncRow) -> SyncRow {
    SyncRow {
        table: row.table.clone(),
        id: row.id,
        fields: BTreeMap::new(),
    }
}

/// What `row`, alone of its table and id in the batch, may come to over `current` (the
/// row held, if any): refused for every problem it has, taken if it has none.
pub fn expect(row: &SyncRow, current: Option<&SyncRow>, context: &Context) -> Expect {
    let mut expect = Expect::default();
    match check_row(row) {
        Ok(()) | Err(RowProblem::Broken(_)) => {}
        Err(_) => {
            expect.must("corrupted_row");
            return expect;
        }
    }
    let current = current.cloned().unwrap_or_else(|| empty(row));
    let newer_ahead = row.fields.iter().any(|(name, field)| {
        current
            .fields
            .get(name)
            .is_none_or(|held| field.version > held.version)
            && clock::is_ahead(field.version.stamp, context.now_ms)
    });
    if newer_ahead {
        expect.must("stamp_in_future");
    }
    let mut merged = current.clone();
    if merged.merge(&admitted(row, &current, context.origin))
        == helpdesk_core::sync::MergeOutcome::Unchanged
    {
        return expect;
    }
    if check_row(&merged).is_err() {
        expect.must("rule_violation");
    }
    if HISTORY_TABLES.contains(&row.table.as_str()) && !current.fields.is_empty() {
        expect.must("history_rewrite");
    }
    if BLOB_TABLES.contains(&row.table.as_str()) {
        if let Some(FieldValue::Text(hash)) = merged.value("content_hash") {
            if hash != context.held_hash {
                expect.must("unknown_blob");
            }
        }
    }
    if row.table == "tickets" {
        if let Some(FieldValue::Text(protocol)) = merged.value("protocol") {
            match context.claims.get(protocol) {
                Some(owner) if *owner != Some(row.id) => expect.must("protocol_taken"),
                _ if context.clashing.contains(protocol) => {
                    expect.codes.insert("protocol_taken");
                }
                _ => {}
            }
        }
    }
    expect
}

/// The row a pull must show for one table and id: `before` merged with the rows of
/// `pushed` not refused, in the batch's order (`None` when nothing is held).
pub fn merged(before: Option<&SyncRow>, pushed: &[&SyncRow], origin: Uuid) -> Option<SyncRow> {
    let first = pushed.first()?;
    let mut current = before.cloned().unwrap_or_else(|| empty(first));
    for row in pushed {
        let admitted = admitted(row, &current, origin);
        current.merge(&admitted);
    }
    (!current.fields.is_empty()).then_some(current)
}

/// Every way of choosing `refused` of the rows `0..count` (a table and id pushed several
/// times in one batch: the answer names it, not which of its rows).
pub fn choices(count: usize, refused: usize) -> Vec<Vec<bool>> {
    (0u32..1 << count)
        .filter(|mask| mask.count_ones() as usize == refused)
        .map(|mask| (0..count).map(|at| mask & (1 << at) != 0).collect())
        .collect()
}

/// A value short enough to print: long texts by their length and ends.
pub fn shown(value: Option<&FieldValue>) -> String {
    match value {
        Some(FieldValue::Text(text)) if text.len() > 80 => {
            let head: String = text.chars().take(20).collect();
            let tail: String = text.chars().rev().take(10).collect();
            let tail: String = tail.chars().rev().collect();
            format!("Text({} bytes: {head:?}…{tail:?})", text.len())
        }
        other => format!("{other:?}"),
    }
}

/// Where `actual` differs from `expected`, field by field (versions too).
pub fn differences(expected: Option<&SyncRow>, actual: Option<&SyncRow>) -> Vec<String> {
    match (expected, actual) {
        (None, None) => Vec::new(),
        (Some(_), None) => vec!["expected stored, not pulled".to_owned()],
        (None, Some(row)) => vec![format!(
            "expected nothing, pulled {} fields",
            row.fields.len()
        )],
        (Some(expected), Some(actual)) => {
            let names: BTreeSet<&String> =
                expected.fields.keys().chain(actual.fields.keys()).collect();
            names
                .into_iter()
                .filter(|name| expected.fields.get(*name) != actual.fields.get(*name))
                .map(|name| {
                    let version = |row: &SyncRow| row.fields.get(name).map(|field| field.version);
                    format!(
                        "{name}: expected {} at {:?}, pulled {} at {:?}",
                        shown(expected.value(name)),
                        version(expected),
                        shown(actual.value(name)),
                        version(actual)
                    )
                })
                .collect()
        }
    }
}
