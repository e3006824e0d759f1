//! The command surface between the UI and the shell.
//!
//! Each command is a type implementing [`Command`]: its IPC name, its request and its
//! response. The shell registers a `#[tauri::command]` of that name taking one argument named
//! `request`; the UI calls it through its typed `invoke`. Both sides compile against this
//! crate, so a renamed field or command breaks the build, not the running app.
#![warn(clippy::unwrap_used, clippy::panic)]

mod error;

pub use error::{CommandError, ErrorCode};
pub use helpdesk_core::attachment::DraftAttachment;
pub use helpdesk_core::auth::{Credentials, Operator};
pub use helpdesk_core::contact::{Contact, NewContact};
pub use helpdesk_core::customer::{CustomerSearch, CustomerSummary};
pub use helpdesk_core::customer_record::CustomerRecord;
pub use helpdesk_core::email::{
    EmailContext, EmailDraft, EmailPreview, EmailPreviewRequest, EmailTemplate, EmailTemplateDraft,
    SmtpSecurity, SmtpSettings, SmtpSettingsForm, SmtpSettingsView,
};
pub use helpdesk_core::protocol::Protocol;
pub use helpdesk_core::script::{PublishedScript, ScriptDraft, ScriptSummary, ScriptVersionRef};
pub use helpdesk_core::support::{MessageQuery, SupportMessage};
pub use helpdesk_core::sync::{RegistrationForm, SyncStatus};
pub use helpdesk_core::task_list::TaskSummary;
pub use helpdesk_core::ticket::{
    SavedTicket, TicketEvent, TicketStatus, TicketSubmission, TicketSummary,
};
pub use helpdesk_core::ticket::{TicketCursor, TicketFilter};
pub use helpdesk_core::ticket_details::{AttachmentInfo, TicketDetails};
pub use helpdesk_core::ticket_list::TicketListQuery;
pub use helpdesk_core::ticket_type::{Assignee, TicketType};
pub use helpdesk_core::ticket_update::{TicketAction, TicketState, TicketUpdate};
pub use helpdesk_core::wizard::{SavedDraft, WizardDraft};
pub use helpdesk_core::work_order::{
    AgendaQuery, Reschedule, Slot, Technician, Visit, VisitKind, WorkOrderCatalog, WorkOrderStatus,
    WorkOrderType,
};

use serde::{de::DeserializeOwned, Serialize};
pub use uuid::Uuid;

/// The name of the single argument every command takes.
pub const REQUEST_ARG: &str = "request";

/// A command the UI can invoke.
pub trait Command {
    /// The IPC name, the same as the shell's `#[tauri::command]` function.
    const NAME: &'static str;
    type Request: Serialize + DeserializeOwned;
    type Response: Serialize + DeserializeOwned;
}

macro_rules! commands {
    ($($(#[$doc:meta])* $ty:ident = $name:literal: $req:ty => $resp:ty;)*) => {
        $(
            $(#[$doc])*
            pub struct $ty;
            impl Command for $ty {
                const NAME: &'static str = $name;
                type Request = $req;
                type Response = $resp;
            }
        )*
        /// The names of every command, for checks that the shell registers them all.
        pub const COMMAND_NAMES: &[&str] = &[$($name),*];
    };
}

commands! {
    /// Logs an operator in with login and password.
    Login = "login": Credentials => Operator;
    /// Ends the operator's session.
    Logout = "logout": () => ();
    /// The logged-in operator, if any (the UI asks at start-up).
    CurrentOperator = "current_operator": () => Option<Operator>;
    /// "Localizar Cliente": customers matching a search, ordered by name.
    SearchCustomers = "search_customers": CustomerSearch => Vec<CustomerSummary>;
    /// "E-mail Suporte Online": up to ten sender addresses starting with what was typed.
    SuggestSupportEmails = "suggest_support_emails": String => Vec<String>;
    /// "Localizar Reg.": one sender's messages in a period, newest first.
    FindSupportMessages = "find_support_messages": MessageQuery => Vec<SupportMessage>;
    /// "Dados Cliente" and "Dados Atend.": a customer's record, contacts and plans.
    LoadCustomer = "load_customer": Uuid => CustomerRecord;
    /// "Novo Contato": adds a contact to a customer at once.
    AddContact = "add_contact": NewContact => Contact;
    /// Saves the operator's wizard draft (an older revision than the saved one is ignored).
    SaveDraft = "save_draft": WizardDraft => ();
    /// The operator's wizard draft left from before, if any.
    LoadDraft = "load_draft": () => Option<SavedDraft>;
    /// Drops the operator's wizard draft.
    DiscardDraft = "discard_draft": () => ();
    /// Gives the operator the next protocol number of this desktop for today.
    ReserveProtocol = "reserve_protocol": () => Protocol;
    /// Saves the wizard's ticket whole (and ends its draft), or says what is missing.
    SaveTicket = "save_ticket": TicketSubmission => SavedTicket;
    /// A ticket by its protocol number, as typed (any separators).
    FindTicket = "find_ticket": String => Option<TicketSummary>;
    /// A ticket's history, in order.
    TicketHistory = "ticket_history": Uuid => Vec<TicketEvent>;
    /// "Tipo de Atendimento": the ticket types, by name, with who their tickets go to.
    ListTicketTypes = "list_ticket_types": () => Vec<TicketType>;
    /// Who tickets and tasks can be given to: the active users, then the roles, by name.
    ListAssignees = "list_assignees": () => Vec<Assignee>;
    /// "Pesquisar ou Criar": the system's file picker, then the file stored in the
    /// attachments folder; `None` when the operator closed the picker.
    PickAttachment = "pick_attachment": () => Option<DraftAttachment>;
    /// The work-order types and statuses, and the active technicians with their teams.
    LoadWorkOrderCatalog = "load_work_order_catalog": () => WorkOrderCatalog;
    /// The visits of the agenda's range, technicians and kind, by start.
    LoadAgenda = "load_agenda": AgendaQuery => Vec<Visit>;
    /// A saved visit moved or resized, unless it clashes (not accepted) or was changed by
    /// someone else since it was shown (`ErrorCode::Conflict`).
    RescheduleVisit = "reschedule_visit": Reschedule => Visit;
    /// A technician's visits as an iCalendar file, saved where the operator chooses; the
    /// path written, or `None` when they closed the dialog.
    ExportAgendaIcs = "export_agenda_ics": Uuid => Option<String>;
    /// The scripts, each at its latest published version, by name.
    ListScripts = "list_scripts": () => Vec<ScriptSummary>;
    /// A published version of a script (the latest when no version is given).
    LoadScript = "load_script": ScriptVersionRef => PublishedScript;
    /// Publishes a new script or a new version of one (administrators only).
    PublishScript = "publish_script": ScriptDraft => PublishedScript;
    /// "Atendimentos": tickets by the list's filters, newest first, a page at a time; a
    /// protocol typed in the filter finds that one ticket.
    ListTickets = "list_tickets": TicketListQuery => Vec<TicketSummary>;
    /// The ticket page below the summary: history, attachments and tasks.
    LoadTicketDetails = "load_ticket_details": Uuid => TicketDetails;
    /// A follow-up contact, a change of status, a reassignment or closing; the ticket's
    /// state afterwards.
    UpdateTicket = "update_ticket": TicketUpdate => TicketState;
    /// "Minhas Tarefas": the operator's tasks and their role's, open ones first.
    MyTasks = "my_tasks": () => Vec<TaskSummary>;
    /// "Concluir": marks one of the operator's tasks done.
    CompleteTask = "complete_task": Uuid => TaskSummary;
    /// "Modelo de E-mail": the templates the operator's role may use, by name.
    ListEmailTemplates = "list_email_templates": () => Vec<EmailTemplate>;
    /// "Pré-visualizar": the e-mail filled from the ticket, and what still stops it.
    PreviewEmail = "preview_email": EmailPreviewRequest => EmailPreview;
    /// Every e-mail template with its roles (administrators only).
    AdminListEmailTemplates = "admin_list_email_templates": () => Vec<EmailTemplate>;
    /// Creates or changes an e-mail template (administrators only).
    SaveEmailTemplate = "save_email_template": EmailTemplateDraft => EmailTemplate;
    /// Deletes an e-mail template (administrators only).
    DeleteEmailTemplate = "delete_email_template": Uuid => ();
    /// The SMTP settings; the password is never sent, only whether one is stored.
    LoadSmtpSettings = "load_smtp_settings": () => SmtpSettingsView;
    /// Saves the SMTP settings and, if given, the password (administrators only).
    SaveSmtpSettings = "save_smtp_settings": SmtpSettingsForm => SmtpSettingsView;
    /// Where sync stands: the server, the last exchange, the changes waiting, the last error.
    LoadSyncStatus = "load_sync_status": () => SyncStatus;
    /// "Sincronizar agora": starts an exchange at once and answers the status.
    SyncNow = "sync_now": () => SyncStatus;
    /// An administrator registers this desktop with the sync server.
    RegisterDesktop = "register_desktop": RegistrationForm => SyncStatus;
}
