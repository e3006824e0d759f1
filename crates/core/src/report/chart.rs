//! The bar chart of a report, computed here so the UI only draws: a bar per row of the
//! chart column, its length as a share of the longest (of 100% for a share).
use serde::{Deserialize, Serialize};
use specta::Type;

use super::kind::{Column, ColumnKind};
use super::table::{value_text, ReportRow};

/// A bar of the chart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Bar {
    pub label: String,
    /// The value as the table shows it.
    pub text: String,
    /// The bar's length, 0 to 1.
    pub share: f64,
}

/// A report's bar chart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Chart {
    /// The column drawn ("Atendimentos", "% cumprido").
    pub title: String,
    pub bars: Vec<Bar>,
}

impl Chart {
    /// The chart of `column` (at `index`) over `rows`; no bars when every value is zero.
    pub(super) fn of(column: &Column, index: usize, rows: &[ReportRow]) -> Chart {
        let value = |row: &ReportRow| row.values.get(index).copied().flatten();
        let longest = match column.kind {
            ColumnKind::Percent { .. } => 1000,
            _ => rows.iter().filter_map(value).max().unwrap_or(0),
        };
        let bars = if rows.iter().filter_map(value).any(|v| v != 0) && longest > 0 {
            rows.iter()
                .map(|row| {
                    let v = value(row).unwrap_or(0);
                    Bar {
                        label: row.label.clone(),
                        text: value(row)
                            .map_or_else(|| "—".into(), |v| value_text(&column.kind, v, true)),
                        share: (v as f64 / longest as f64).clamp(0.0, 1.0),
                    }
                })
                .collect()
        } else {
            Vec::new()
        };
        Chart {
            title: column.name.clone(),
            bars,
        }
    }
}
