//! Importing a provider's base from the CSV files its current ERP exports, and exporting
//! customers back to CSV. Files are read as a stream ([`read`]): `;` or `,` separated,
//! UTF-8 with or without BOM or Windows-1252, quoted fields with line breaks; a 2 GB file
//! uses no more memory than a small one. Rows become the window's forms (the core's
//! `import::row`) and are written in batches through the store ([`run`]).
#![warn(clippy::unwrap_used, clippy::panic)]

pub mod export;
pub mod read;
pub mod report;
pub mod run;

use helpdesk_store::StoreError;

/// Why a file cannot be imported (in pt-BR, for the operator) or the store failed.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file is missing, empty, binary, or not a CSV with a header.
    #[error("{0}")]
    File(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl ImportError {
    fn io(action: &str, error: &std::io::Error) -> Self {
        ImportError::File(format!("Não foi possível {action} o arquivo: {error}."))
    }
}
