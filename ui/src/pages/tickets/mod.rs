//! Tickets after the wizard: the list ("Atendimentos") and a ticket's page.
mod actions;
mod assignee_value;
mod attachments;
mod change_type;
mod filters;
mod history;
mod list;
mod new_email;
mod new_task;
mod new_work_order;
mod page;
mod save_addition;
mod sections;

pub use history::History;
pub use list::TicketList;
pub use page::TicketPage;
