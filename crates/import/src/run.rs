//! Running one file's import (or dry run): its records read on a blocking thread and
//! turned into forms there, sent in batches through a short channel (so memory holds a
//! few batches, whatever the file's size) to be committed by the store; cancelled between
//! batches; resumed after the last committed batch.
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use helpdesk_core::customer_form::fields as customer_fields;
use helpdesk_core::import::row::{self, MappedRow, RowError};
use helpdesk_core::import::{ImportCounts, ImportKind, MatchCustomersBy};
use helpdesk_store::customer_import::{self, Batch, ImportRun, Item, RunStatus};
use helpdesk_store::Store;
use tokio::sync::mpsc;
use uuid::Uuid;

use crate::read::{Inspection, Records};
use crate::ImportError;

/// Customers or contracts per transaction.
pub const BATCH_ROWS: usize = 1_000;
/// Plans or routing points per batch (each is saved through the catalog on its own).
const CATALOG_BATCH_ROWS: usize = 50;

/// How far a run is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub counts: ImportCounts,
    pub bytes_read: u64,
    pub bytes_total: u64,
}

/// How a run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    Done,
    /// Stopped between batches; what was committed stays, and the run can resume.
    Cancelled,
}

/// Runs (or resumes) `run` over the file at its path, as `user`, until the end or until
/// `cancel` is set; `today` ("aaaa-mm-dd") dates contracts' situations. The file must be
/// the one the run started with (same size and SHA-256).
pub async fn run_file(
    store: &Store,
    user: Uuid,
    run: &mut ImportRun,
    today: &str,
    cancel: &AtomicBool,
    mut on_progress: impl FnMut(Progress),
) -> Result<Ended, ImportError> {
    let path = Path::new(&run.file.path).to_owned();
    let inspection = tokio::task::spawn_blocking({
        let path = path.clone();
        move || crate::read::inspect(&path)
    })
    .await
    .map_err(helpdesk_store::StoreError::from)??;
    if inspection.size != run.file.size || inspection.hash != run.file.hash {
        return Err(ImportError::File(format!(
            "O arquivo {} mudou desde o início da importação: escolha-o de novo para importá-lo desde o começo.",
            run.file.name
        )));
    }
    let (sender, mut batches) = mpsc::channel::<Result<Batch, ImportError>>(2);
    let stop = Arc::new(AtomicBool::new(false));
    let reader = {
        let run = run.clone();
        let stop = stop.clone();
        let bytes = Arc::new(std::sync::atomic::AtomicU64::new(0));
        let bytes_seen = bytes.clone();
        let handle = tokio::task::spawn_blocking(move || {
            read_batches(&path, &inspection, &run, &stop, &bytes, &sender)
        });
        (handle, bytes_seen)
    };
    let mut ended = Ended::Done;
    while let Some(batch) = batches.recv().await {
        customer_import::commit_batch(store, user, run, batch?, today).await?;
        on_progress(Progress {
            counts: run.counts,
            bytes_read: reader.1.load(Ordering::Relaxed),
            bytes_total: run.file.size,
        });
        if cancel.load(Ordering::Relaxed) {
            ended = Ended::Cancelled;
            break;
        }
    }
    stop.store(true, Ordering::Relaxed);
    drop(batches);
    reader.0.await.map_err(helpdesk_store::StoreError::from)?;
    let status = match ended {
        Ended::Done => RunStatus::Done,
        Ended::Cancelled => RunStatus::Cancelled,
    };
    customer_import::set_status(store, run.id, status).await?;
    run.status = status;
    Ok(ended)
}

/// Reads the records past those already committed and sends them, converted, in batches.
fn read_batches(
    path: &Path,
    inspection: &Inspection,
    run: &ImportRun,
    stop: &AtomicBool,
    bytes: &std::sync::atomic::AtomicU64,
    sender: &mpsc::Sender<Result<Batch, ImportError>>,
) {
    let mut records = match Records::open(path, inspection, u64::from(run.counts.read)) {
        Ok(records) => records,
        Err(error) => {
            let _ = sender.blocking_send(Err(error));
            return;
        }
    };
    if records.headers != run.headers {
        let _ = sender.blocking_send(Err(ImportError::File(
            "O cabeçalho do arquivo não é o da associação de colunas: escolha-o de novo.".into(),
        )));
        return;
    }
    let size = match run.kind {
        ImportKind::Plans | ImportKind::RoutingPoints => CATALOG_BATCH_ROWS,
        _ => BATCH_ROWS,
    };
    let mut pending = Pending::new(run.kind);
    loop {
        let record = match records.next() {
            None => break,
            Some(Err(error)) => {
                let _ = sender.blocking_send(Err(error));
                return;
            }
            Some(Ok(record)) => record,
        };
        pending.push(run, record.line, &record.values);
        if pending.len() >= size {
            bytes.store(
                records.bytes_read.load(Ordering::Relaxed),
                Ordering::Relaxed,
            );
            let batch = std::mem::replace(&mut pending, Pending::new(run.kind));
            if stop.load(Ordering::Relaxed) || sender.blocking_send(Ok(batch.0)).is_err() {
                return;
            }
        }
    }
    bytes.store(
        records.bytes_read.load(Ordering::Relaxed),
        Ordering::Relaxed,
    );
    if pending.len() > 0 {
        let _ = sender.blocking_send(Ok(pending.0));
    }
}

/// The batch being filled.
struct Pending(Batch);

impl Pending {
    fn new(kind: ImportKind) -> Self {
        Pending(match kind {
            ImportKind::Customers => Batch::Customers(Vec::with_capacity(BATCH_ROWS)),
            ImportKind::Contracts => Batch::Contracts(Vec::with_capacity(BATCH_ROWS)),
            ImportKind::Plans | ImportKind::RoutingPoints => Batch::Catalog(Vec::new()),
        })
    }

    fn len(&self) -> usize {
        match &self.0 {
            Batch::Customers(items) => items.len(),
            Batch::Contracts(items) => items.len(),
            Batch::Catalog(items) => items.len(),
        }
    }

    /// Converts the record (or refuses its shape) and adds it.
    fn push(&mut self, run: &ImportRun, line: u64, values: &[String]) {
        let shape = (values.len() != run.headers.len())
            .then(|| vec![row::shape_error(values.len(), run.headers.len())]);
        let mapped = MappedRow::new(&run.mapping, values);
        match &mut self.0 {
            Batch::Customers(items) => items.push(Item {
                line,
                row: match shape {
                    Some(problems) => Err(problems),
                    None => row::customer(&mapped).and_then(|form| {
                        if run.match_by == MatchCustomersBy::Code && form.code.is_empty() {
                            return Err(vec![RowError {
                                field: Some(customer_fields::CODE.to_owned()),
                                message: "Preencha o código: esta importação encontra os clientes pelo código.".into(),
                            }]);
                        }
                        Ok(form)
                    }),
                },
            }),
            Batch::Contracts(items) => items.push(Item {
                line,
                row: match shape {
                    Some(problems) => Err(problems),
                    None => row::contract(&mapped),
                },
            }),
            Batch::Catalog(items) => items.push(Item {
                line,
                row: match shape {
                    Some(problems) => Err(problems),
                    None => row::catalog_entry(run.kind, &mapped),
                },
            }),
        }
    }
}
