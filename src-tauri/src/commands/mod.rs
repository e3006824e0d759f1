//! The `#[tauri::command]`s, one module per aggregate. Names and types match `helpdesk_api`.
pub mod attachments;
pub mod auth;
pub mod customer_data;
pub mod customers;
pub mod drafts;
pub mod email;
pub mod protocols;
pub mod scripts;
pub mod support;
pub mod sync;
pub mod ticket_pages;
pub mod ticket_types;
pub mod tickets;
pub mod work_orders;
