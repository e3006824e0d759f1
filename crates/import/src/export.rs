//! "Exportar clientes": every customer with its contracts as a CSV file with the import's
//! column names (one line per contract), `;` separated, UTF-8 with a BOM; written as read,
//! so memory stays flat.
use std::io::Write;
use std::path::Path;

use helpdesk_store::customer_export::{self, export_header};
use helpdesk_store::Store;

use crate::ImportError;

/// Writes the customers to `path`; returns how many lines were written (past the header).
pub async fn export_customers(store: &Store, path: &Path) -> Result<u64, ImportError> {
    let mut file = std::io::BufWriter::new(
        std::fs::File::create(path).map_err(|error| ImportError::io("criar", &error))?,
    );
    file.write_all(b"\xEF\xBB\xBF")
        .map_err(|error| ImportError::io("gravar", &error))?;
    let mut writer = csv::WriterBuilder::new().delimiter(b';').from_writer(file);
    writer
        .write_record(export_header())
        .map_err(write_problem)?;
    let rows = customer_export::export(store, |row| {
        writer.write_record(row.values()).map_err(write_problem)
    })
    .await?;
    writer
        .flush()
        .map_err(|error| ImportError::io("gravar", &error))?;
    Ok(rows)
}

fn write_problem(error: csv::Error) -> ImportError {
    ImportError::File(format!("Não foi possível gravar o arquivo: {error}."))
}
