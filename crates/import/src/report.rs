//! The report of a run's refused rows as a CSV file ("Arquivo;Linha;Coluna;Motivo"), in
//! UTF-8 with a BOM so that spreadsheets show its accents.
use std::io::Write;
use std::path::Path;

use helpdesk_core::import::{RejectedRow, REPORT_HEADER};

use crate::ImportError;

/// Writes `rows` to `path`.
pub fn write_report(path: &Path, rows: &[RejectedRow]) -> Result<(), ImportError> {
    let mut file = std::fs::File::create(path).map_err(|error| ImportError::io("criar", &error))?;
    file.write_all(b"\xEF\xBB\xBF")
        .map_err(|error| ImportError::io("gravar", &error))?;
    let mut writer = csv::WriterBuilder::new().delimiter(b';').from_writer(file);
    let written = (|| {
        writer.write_record(REPORT_HEADER)?;
        for row in rows {
            writer.write_record([
                row.file.as_str(),
                &row.line.to_string(),
                &row.column,
                &row.reason,
            ])?;
        }
        writer.flush()?;
        Ok::<(), csv::Error>(())
    })();
    written.map_err(|error| {
        ImportError::File(format!("Não foi possível gravar o relatório: {error}."))
    })
}
