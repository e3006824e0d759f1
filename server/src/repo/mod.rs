//! The SQL of the server, one module per table. Table and column names are fixed here;
//! request data only ever travels as bound parameters.
pub mod blobs;
pub mod devices;
pub mod intake;
pub mod integrations;
pub mod lineage;
pub mod mailboxes;
pub mod protocols;
pub mod rows;
pub mod snapshots;
