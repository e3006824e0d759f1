//! "Ordens de Serviço": the list of work orders with its filters, and the status dialog of a
//! visit (also for the ticket's page).
mod filters;
mod list;
mod status_dialog;

pub use filters::Filters as WorkOrderFilters;
pub use list::{AgendaFocus, WorkOrdersPage};
pub use status_dialog::StatusDialog;
