//! A report as a CSV file for spreadsheets: what Brazilian Excel opens as is, `;` between
//! fields (the comma is the decimal separator) and UTF-8 with a BOM (else the accents come
//! out wrong). A title line and the period first, then the header, the rows and the total;
//! counts as plain integers, shares as "12,5", durations as "h:mm".
use super::table::{value_text, Report, ReportRow};

/// The field separator.
pub const CSV_DELIMITER: u8 = b';';

const BOM: &str = "\u{feff}";

/// The report's CSV file, BOM included.
pub fn to_csv(report: &Report) -> String {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(CSV_DELIMITER)
        .flexible(true)
        .from_writer(Vec::new());
    let mut lines: Vec<Vec<String>> = vec![
        vec![report.title.clone()],
        vec![format!("Período: {}", report.period)],
    ];
    lines.push(
        std::iter::once(report.label_header.clone())
            .chain(report.columns.iter().map(|column| column.name.clone()))
            .collect(),
    );
    for row in report.rows.iter().chain(std::iter::once(&report.total)) {
        lines.push(cells(report, row));
    }
    for line in lines {
        // Writing to memory does not fail.
        let _ = writer.write_record(&line);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    format!("{BOM}{}", String::from_utf8_lossy(&bytes))
}

fn cells(report: &Report, row: &ReportRow) -> Vec<String> {
    std::iter::once(row.label.clone())
        .chain(report.columns.iter().enumerate().map(|(index, column)| {
            row.values
                .get(index)
                .copied()
                .flatten()
                .map_or_else(String::new, |v| value_text(&column.kind, v, false))
        }))
        .collect()
}

/// The file name the save dialog suggests: "atendimentos-por-origem-01-12-2026.csv".
pub fn csv_file_name(report: &Report) -> String {
    let title = crate::text::fold(&report.title).replace(' ', "-");
    let from = report
        .period
        .split(' ')
        .next()
        .unwrap_or("")
        .replace('/', "-");
    format!("{title}-{from}.csv")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{RawRow, ReportFilters, ReportKind, ReportRequest};

    fn report() -> Report {
        let period = ReportRequest {
            kind: ReportKind::FirstContactByOperator,
            from: "01/12/2026".into(),
            to: "31/12/2026".into(),
            filters: ReportFilters::default(),
        }
        .period(-180)
        .expect("valid");
        Report::new(
            ReportKind::FirstContactByOperator,
            &period,
            vec![
                RawRow {
                    label: "Silva; \"Ana\"".into(),
                    values: vec![1500, 300],
                },
                RawRow {
                    label: "José".into(),
                    values: vec![8, 1],
                },
            ],
        )
    }

    #[test]
    fn the_csv_parses_back() {
        let text = to_csv(&report());
        let body = text.strip_prefix('\u{feff}').expect("a BOM first");
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(CSV_DELIMITER)
            .has_headers(false)
            .flexible(true)
            .from_reader(body.as_bytes());
        let records: Vec<Vec<String>> = reader
            .records()
            .map(|record| record.expect("parses").iter().map(String::from).collect())
            .collect();
        assert_eq!(records[0], ["Resolução no primeiro contato"]);
        assert_eq!(records[1], ["Período: 01/12/2026 a 31/12/2026"]);
        assert_eq!(
            records[2],
            [
                "Operador",
                "Atendimentos",
                "Resolvidos no primeiro contato",
                "% no primeiro contato"
            ]
        );
        assert_eq!(records[3], ["Silva; \"Ana\"", "1500", "300", "20,0"]);
        assert_eq!(records[4], ["José", "8", "1", "12,5"]);
        assert_eq!(records[5], ["Total", "1508", "301", "20,0"]);
        assert_eq!(records.len(), 6);
    }

    #[test]
    fn a_file_name_without_accents_or_slashes() {
        assert_eq!(
            csv_file_name(&report()),
            "resolucao-no-primeiro-contato-01-12-2026.csv"
        );
    }
}
