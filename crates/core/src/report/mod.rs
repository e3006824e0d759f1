//! "Relatórios": the reports the desktop computes on its own data, their query (a period
//! of local dates and filters, checked here with pt-BR messages at the field), their result
//! table (rows of label + counts, durations and derived shares), the bar chart the UI draws
//! from it, and its CSV file.
mod chart;
mod csv_file;
mod kind;
mod query;
mod table;

pub use chart::{Bar, Chart};
pub use csv_file::{csv_file_name, to_csv, CSV_DELIMITER};
pub use kind::{Column, ColumnKind, FilterKind, ReportKind, SlaColumn};
pub use query::{fields, ReportFilters, ReportPeriod, ReportRequest, MAX_PERIOD_DAYS};
pub use table::{RawRow, Report, ReportRow};
