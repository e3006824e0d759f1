//! The `#[tauri::command]`s, one module per aggregate, each named after its `helpdesk_api`
//! command, taking its [`Request`](helpdesk_api::Request) (none when it is `()`) and
//! answering its [`Reply`](helpdesk_api::Reply), as [`handles`] checks. They are re-exported
//! here, with the macros Tauri and specta generate beside them, for the list in `lib.rs`.
mod attachments;
mod auth;
mod backup;
mod business_hours;
mod catalogs;
mod customer_data;
mod customer_edits;
mod customers;
mod diagnostics;
mod drafts;
mod email;
mod imports;
mod integrations;
mod local_mailbox;
mod mailboxes;
mod protocols;
mod reports;
mod scripts;
mod setup;
mod support;
mod sync;
mod ticket_additions;
mod ticket_pages;
mod ticket_types;
mod tickets;
mod users;
mod work_orders;

use std::future::Future;

use helpdesk_api::{Command, Reply, Request};
use tauri::State;

use crate::AppState;

pub(crate) use self::sync::status as sync_status;

pub use self::{
    attachments::*, auth::*, backup::*, business_hours::*, catalogs::*, customer_data::*,
    customer_edits::*, customers::*, diagnostics::*, drafts::*, email::*, imports::*,
    integrations::*, local_mailbox::*, mailboxes::*, protocols::*, reports::*, scripts::*,
    setup::*, support::*, sync::*, ticket_additions::*, ticket_pages::*, ticket_types::*,
    tickets::*, users::*, work_orders::*,
};

/// Implemented by the async functions that can handle the command `C`: taking its request
/// and the app's state, or only the state when its request is `()`, and answering its reply.
/// `Shape` tells the two apart; callers let it be inferred.
#[diagnostic::on_unimplemented(
    message = "this function does not handle the command `{C}`",
    note = "it must be async, take `request: Request<{C}>` (nothing when that is `()`) and \
            the `State`, and answer `Reply<{C}>`"
)]
pub trait Handles<C, Shape> {}

impl<'a, C, F, Answer> Handles<C, (Request<C>, State<'a, AppState>, Answer)> for F
where
    C: Command,
    F: Fn(Request<C>, State<'a, AppState>) -> Answer,
    Answer: Future<Output = Reply<C>>,
{
}

impl<'a, C, F, Answer> Handles<C, (State<'a, AppState>, Answer)> for F
where
    C: Command<Request = ()>,
    F: Fn(State<'a, AppState>) -> Answer,
    Answer: Future<Output = Reply<C>>,
{
}

/// Compiles only when `handler` handles the command `C` (see [`Handles`]): the shell's side
/// of a command cannot drift from the UI's.
pub const fn handles<C, Shape, F: Handles<C, Shape>>(_handler: &F) {}
