//! A report's result: its rows (label + values), the total, the chart, and each value's
//! text.
use serde::{Deserialize, Serialize};
use specta::Type;

use super::chart::Chart;
use super::kind::{Column, ColumnKind, ReportKind};
use super::query::ReportPeriod;
use crate::date::format_date;

/// A row as the query gives it: its label and the values of the columns the query gives
/// ([`ColumnKind::from_query`]), in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawRow {
    pub label: String,
    pub values: Vec<i64>,
}

/// A row of the table: its label and a value per column (`None`: a share or average of
/// nothing).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ReportRow {
    pub label: String,
    #[specta(type = Vec<Option<f64>>)]
    pub values: Vec<Option<i64>>,
}

/// A report computed: what the page shows, prints and exports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Report {
    pub kind: ReportKind,
    pub title: String,
    /// "01/12/2026 a 31/12/2026".
    pub period: String,
    /// The header of the label column.
    pub label_header: String,
    pub columns: Vec<Column>,
    pub rows: Vec<ReportRow>,
    /// The sums, and the shares and averages of the sums.
    pub total: ReportRow,
    pub chart: Chart,
}

impl Report {
    /// The report of `kind` over `period` from the query's rows: derived columns computed,
    /// rows ordered (the biggest first; for a per-day report every day of the period in
    /// order, days with no row at zero), the total and the chart added.
    pub fn new(kind: ReportKind, period: &ReportPeriod, raw: Vec<RawRow>) -> Report {
        let columns = kind.columns();
        let sources = columns.iter().filter(|c| c.kind.from_query()).count();
        let raw = if kind.per_day() {
            period
                .days()
                .map(|day| {
                    let label = format_date(day);
                    raw.iter()
                        .find(|row| row.label == label)
                        .cloned()
                        .unwrap_or(RawRow {
                            label,
                            values: vec![0; sources],
                        })
                })
                .collect()
        } else {
            raw
        };
        let mut sums = vec![0_i64; sources];
        for row in &raw {
            for (sum, value) in sums.iter_mut().zip(&row.values) {
                *sum += value;
            }
        }
        let mut rows: Vec<ReportRow> = raw
            .into_iter()
            .map(|row| expand(&columns, row.label, &row.values))
            .collect();
        if !kind.per_day() {
            let by = sort_column(kind);
            rows.sort_by(|a, b| {
                b.values[by]
                    .cmp(&a.values[by])
                    .then_with(|| a.label.cmp(&b.label))
            });
        }
        let total = expand(&columns, "Total".into(), &sums);
        let chart = Chart::of(&columns[kind.chart_column()], kind.chart_column(), &rows);
        Report {
            kind,
            title: kind.title().into(),
            period: period.text(),
            label_header: kind.label_header().into(),
            columns,
            rows,
            total,
            chart,
        }
    }

    /// Whether the period had nothing to count.
    pub fn is_empty(&self) -> bool {
        self.total
            .values
            .iter()
            .zip(&self.columns)
            .filter(|(_, column)| column.kind.from_query())
            .all(|(value, _)| value.unwrap_or(0) == 0)
    }

    /// The text of `row`'s value in column `column`, as the table shows it ("1.234",
    /// "12,5%", "2:05", "—").
    pub fn cell_text(&self, row: &ReportRow, column: usize) -> String {
        let value = row.values.get(column).copied().flatten();
        match (value, self.columns.get(column).map(|c| &c.kind)) {
            (None, _) | (_, None) => "—".into(),
            (Some(value), Some(kind)) => value_text(kind, value, true),
        }
    }
}

/// `value` of a column of `kind`: counts with thousands separators when `grouped`, shares
/// as "12,5%" (or "12,5" when not grouped, for CSV), durations as "h:mm".
pub(super) fn value_text(kind: &ColumnKind, value: i64, grouped: bool) -> String {
    match kind {
        ColumnKind::Count if grouped => thousands(value),
        ColumnKind::Count => value.to_string(),
        ColumnKind::Duration | ColumnKind::Average { .. } => {
            let minutes = (value + 30_000).div_euclid(60_000);
            format!("{}:{:02}", minutes / 60, minutes % 60)
        }
        ColumnKind::Percent { .. } => {
            let text = format!("{},{}", value / 10, value % 10);
            if grouped {
                format!("{text}%")
            } else {
                text
            }
        }
    }
}

fn thousands(value: i64) -> String {
    let digits = value.unsigned_abs().to_string();
    let mut text = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            text.push('.');
        }
        text.push(digit);
    }
    if value < 0 {
        text.insert(0, '-');
    }
    text
}

/// The column rows are ordered by: the volume of tickets (or visits, or protocols).
fn sort_column(kind: ReportKind) -> usize {
    match kind {
        ReportKind::SlaByType => 4,
        _ => 0,
    }
}

/// A row of every column from the query's values (`sources`, one per source column).
fn expand(columns: &[Column], label: String, sources: &[i64]) -> ReportRow {
    let mut next = sources.iter();
    let mut values: Vec<Option<i64>> = columns
        .iter()
        .map(|column| {
            if column.kind.from_query() {
                Some(next.next().copied().unwrap_or(0))
            } else {
                None
            }
        })
        .collect();
    let source = |values: &[Option<i64>], index: u32| {
        values.get(index as usize).copied().flatten().unwrap_or(0)
    };
    for (index, column) in columns.iter().enumerate() {
        values[index] = match &column.kind {
            ColumnKind::Count | ColumnKind::Duration => values[index],
            ColumnKind::Percent { part, of } => {
                let whole: i64 = of.iter().map(|i| source(&values, *i)).sum();
                (whole > 0).then(|| (source(&values, *part) * 1000 + whole / 2) / whole)
            }
            ColumnKind::Average { total, count } => {
                let count = source(&values, *count);
                (count > 0).then(|| source(&values, *total) / count)
            }
        };
    }
    ReportRow { label, values }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{ReportFilters, ReportRequest};

    fn period(from: &str, to: &str) -> ReportPeriod {
        ReportRequest {
            kind: ReportKind::ProtocolsPerDay,
            from: from.into(),
            to: to.into(),
            filters: ReportFilters::default(),
        }
        .period(-180)
        .expect("valid")
    }

    fn raw(label: &str, values: &[i64]) -> RawRow {
        RawRow {
            label: label.into(),
            values: values.to_vec(),
        }
    }

    #[test]
    fn rows_by_volume_with_the_total_and_shares() {
        let report = Report::new(
            ReportKind::SlaByType,
            &period("01/12/2026", "31/12/2026"),
            vec![
                raw("Lentidão", &[1, 3, 0, 0, 4]),
                raw("Sem conexão", &[6, 2, 1, 1, 10]),
            ],
        );
        assert_eq!(report.rows[0].label, "Sem conexão");
        assert_eq!(report.rows[0].values[5], Some(750));
        assert_eq!(report.cell_text(&report.rows[1], 5), "25,0%");
        assert_eq!(report.total.values[4], Some(14));
        // 7 met of 12 met or missed.
        assert_eq!(report.total.values[5], Some(583));
        assert_eq!(report.chart.bars[0].text, "75,0%");
        assert!(!report.is_empty());
    }

    #[test]
    fn averages_and_durations() {
        let report = Report::new(
            ReportKind::WorkOrdersByTechnician,
            &period("01/12/2026", "01/12/2026"),
            vec![
                raw("Ana", &[3, 2, 2, 5_400_000]),
                raw("Bruno", &[1, 0, 0, 0]),
            ],
        );
        assert_eq!(report.cell_text(&report.rows[0], 3), "1:30");
        assert_eq!(report.cell_text(&report.rows[0], 4), "0:45");
        assert_eq!(report.cell_text(&report.rows[1], 4), "—");
    }

    #[test]
    fn every_day_of_a_per_day_report_and_an_empty_one() {
        let report = Report::new(
            ReportKind::ProtocolsPerDay,
            &period("30/11/2026", "02/12/2026"),
            vec![raw("01/12/2026", &[1200, 1000, 200])],
        );
        let labels: Vec<_> = report.rows.iter().map(|row| row.label.as_str()).collect();
        assert_eq!(labels, ["30/11/2026", "01/12/2026", "02/12/2026"]);
        assert_eq!(report.cell_text(&report.rows[1], 0), "1.200");
        assert_eq!(report.rows[0].values, [Some(0), Some(0), Some(0)]);
        let empty = Report::new(
            ReportKind::TicketsByOrigin,
            &period("30/11/2026", "02/12/2026"),
            vec![],
        );
        assert!(empty.is_empty());
        assert!(empty.chart.bars.is_empty());
    }
}
