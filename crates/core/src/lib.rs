//! The help desk's domain: types and rules with no IO.
//!
//! Compiled for both the native shell and the wasm UI, so both sides validate input with the
//! same code and the same pt-BR messages.
#![warn(clippy::unwrap_used, clippy::panic)]

pub mod agenda;
pub mod attachment;
pub mod attachment_copy;
pub mod auth;
pub mod backup;
pub mod br;
pub mod business_hours;
pub mod calendar;
pub mod catalog;
pub mod clock;
pub mod contact;
pub mod contract;
pub mod customer;
pub mod customer_change;
pub mod customer_form;
pub mod customer_record;
pub mod date;
pub mod destined;
pub mod diagnostics;
pub mod document;
pub mod email;
pub mod form;
pub mod hex;
pub mod host;
pub mod ics;
pub mod import;
pub mod local_mailbox;
pub mod mailbox;
pub mod password;
pub mod plural;
pub mod portal;
pub mod protocol;
pub mod queue;
pub mod report;
pub mod script;
pub mod server_admin;
pub mod setup;
pub mod shortcuts;
pub mod sla_state;
pub mod support;
pub mod support_attachment;
pub mod support_intake;
pub mod sync;
pub mod task;
pub mod task_list;
pub mod text;
pub mod theme;
pub mod ticket;
pub mod ticket_addition;
pub mod ticket_details;
pub mod ticket_history;
pub mod ticket_list;
pub mod ticket_type;
pub mod ticket_update;
pub mod users;
pub mod wizard;
pub mod work_order;
pub mod work_order_form;
pub mod work_order_life;
pub mod work_order_list;
