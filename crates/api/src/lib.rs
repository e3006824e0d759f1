//! The command surface between the UI and the shell.
//!
//! Each command is a type implementing [`Command`]: its IPC name, its request and its
//! response. The list below is the only list of commands: the shell registers a
//! `#[tauri::command]` of each name through [`for_each_command!`] (one taking
//! [`Request<C>`] as its argument named `request` and answering [`Reply<C>`]), its build
//! script grants each one to the window, and the UI calls them through its typed `invoke`.
//! Both sides compile against this crate, so a renamed field or command, or a command
//! without its handler, breaks the build, not the running app.
#![warn(clippy::unwrap_used, clippy::panic)]

mod error;

pub use error::{CommandError, ErrorCode};
pub use helpdesk_core::attachment::DraftAttachment;
pub use helpdesk_core::auth::{Credentials, Operator};
pub use helpdesk_core::backup::{BackupChoice, BackupLine, BackupPanel, BackupSettings};
pub use helpdesk_core::business_hours::{Holiday, HolidayForm, SlaCalendar, Week, WeekForm};
pub use helpdesk_core::catalog::{
    CatalogActiveChange, CatalogEntry, CatalogFields, CatalogForm, CatalogKind,
};
pub use helpdesk_core::contact::{Contact, ContactEdit, NewContact};
pub use helpdesk_core::contract::{ContractForm, ContractStatus, PlanChoices, PlanOption};
pub use helpdesk_core::customer::{CustomerSearch, CustomerSummary};
pub use helpdesk_core::customer_change::CustomerChange;
pub use helpdesk_core::customer_form::{CustomerForm, PersonKind};
pub use helpdesk_core::customer_record::CustomerRecord;
pub use helpdesk_core::diagnostics::{AboutInfo, UiReport, UiReportKind};
pub use helpdesk_core::email::{
    EmailContext, EmailDraft, EmailPreview, EmailPreviewRequest, EmailTemplate, EmailTemplateDraft,
    SmtpSecurity, SmtpSettings, SmtpSettingsForm, SmtpSettingsView,
};
pub use helpdesk_core::import::job::{FileInspection, ImportRequest, ImportStatus, PendingImport};
pub use helpdesk_core::import::ImportKind;
pub use helpdesk_core::local_mailbox::{LocalMailboxForm, LocalMailboxView, MailboxStatusView};
pub use helpdesk_core::mailbox::{MailboxSettings, Tls};
pub use helpdesk_core::password::{PasswordChange, PasswordReset};
pub use helpdesk_core::protocol::Protocol;
pub use helpdesk_core::queue::{Queue, QueueCount, QueueGroup, TicketGroup};
pub use helpdesk_core::report::{Report, ReportFilters, ReportKind, ReportRequest};
pub use helpdesk_core::script::{PublishedScript, ScriptDraft, ScriptSummary, ScriptVersionRef};
pub use helpdesk_core::server_admin::{
    CreatedIntegration, IntegrationRevocation, IntegrationSummary, MailboxEnabledChange,
    MailboxSave, MailboxSummary, NewIntegration, ServerToken, WatcherStatus,
};
pub use helpdesk_core::setup::{ProviderSettings, ProviderSetup, SetupState};
pub use helpdesk_core::support::{ListedMessage, MessageQuery, MessageState, SupportMessage};
pub use helpdesk_core::sync::{RegistrationForm, SetAsideEntry, SetAsideKey, SyncStatus};
pub use helpdesk_core::task_list::TaskSummary;
pub use helpdesk_core::theme::Theme;
pub use helpdesk_core::ticket::{
    SavedTicket, TicketEvent, TicketStatus, TicketSubmission, TicketSummary,
};
pub use helpdesk_core::ticket::{TicketCursor, TicketFilter};
pub use helpdesk_core::ticket_addition::{TicketAdd, TicketAddition};
pub use helpdesk_core::ticket_details::{
    AttachmentInfo, OriginMessage, OutboxState, TicketDetails, TicketEmailLine, TicketOrigin,
    TicketWorkOrder,
};
pub use helpdesk_core::ticket_list::TicketListQuery;
pub use helpdesk_core::ticket_type::{Assignee, TicketType};
pub use helpdesk_core::ticket_update::{TicketAction, TicketState, TicketUpdate};
pub use helpdesk_core::users::{ActiveChange, UserAccount, UserForm};
pub use helpdesk_core::wizard::{SavedDraft, WizardDraft};
pub use helpdesk_core::work_order::{
    AgendaQuery, Reschedule, Slot, Technician, Visit, VisitKind, WorkOrderCatalog, WorkOrderStatus,
    WorkOrderType,
};
pub use helpdesk_core::work_order_life::{StatusForm, VisitOutcome, WorkOrderStage};
pub use helpdesk_core::work_order_list::{WorkOrderCursor, WorkOrderFilter, WorkOrderLine};

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

/// The request of the command `C`, as the window sends it.
pub type Request<C> = <C as Command>::Request;

/// What the command `C` answers: its response, or the error the operator is shown.
pub type Reply<C> = Result<<C as Command>::Response, CommandError>;

/// Who may call a command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone, signed in or not: signing in and out, and asking who is signed in.
    Public,
    /// A signed-in operator; signed out, the answer is [`ErrorCode::NotAuthenticated`].
    Operator,
    /// A signed-in administrator, on a desktop whose profile administers; any other
    /// operator is answered [`ErrorCode::Forbidden`].
    Administrator,
}

/// A command's name and who may call it, for checks over every command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CommandInfo {
    pub name: &'static str,
    pub access: Access,
}

/// Declares each command's type, and the lists built from them. `$d` is a `$` token, so
/// that the exported [`for_each_command!`] can have metavariables of its own.
macro_rules! commands {
    ($d:tt $($(#[$doc:meta])* $ty:ident = $name:ident ($access:ident): $req:ty => $resp:ty;)*) => {
        $(
            $(#[$doc])*
            pub struct $ty;
            impl Command for $ty {
                const NAME: &'static str = stringify!($name);
                type Request = $req;
                type Response = $resp;
            }
        )*

        /// Every command with who may call it, in the order of the list.
        pub const COMMANDS: &[CommandInfo] = &[$(CommandInfo {
            name: stringify!($name),
            access: Access::$access,
        }),*];

        /// The names of every command, in the order of the list.
        pub const COMMAND_NAMES: &[&str] = &[$(stringify!($name)),*];

        /// Calls the macro `$then` with every command as `Type => handler_name`, comma
        /// separated: the shell builds its handler list from it, so the list is written once.
        #[macro_export]
        macro_rules! for_each_command {
            ($d then:ident) => {
                $d then! { $($ty => $name),* }
            };
        }
    };
}

commands! {
    $
    /// Logs an operator in with login and password.
    Login = login (Public): Credentials => Operator;
    /// Ends the operator's session.
    Logout = logout (Public): () => ();
    /// The logged-in operator, if any (the UI asks at start-up).
    CurrentOperator = current_operator (Public): () => Option<Operator>;
    /// Before anyone signs in: whether this desktop needs its first configuration, is a
    /// demonstration, and the provider's name and idle time.
    LoadSetupState = load_setup_state (Public): () => SetupState;
    /// "Primeira configuração": creates the provider and its first administrator on a
    /// database with no user, and signs that administrator in.
    CreateProvider = create_provider (Public): ProviderSetup => Operator;
    /// "Primeira configuração": registers a database with no user with a central server
    /// (the enrollment token is the proof); its users then arrive by sync.
    JoinServer = join_server (Public): RegistrationForm => SyncStatus;
    /// Locks the session after the idle time: every command but unlocking is refused.
    LockSession = lock_session (Operator): () => ();
    /// "Desbloquear": the locked operator's password ends the lock.
    UnlockSession = unlock_session (Public): String => Operator;
    /// "Trocar senha": the operator's own password (also when it must be changed).
    ChangePassword = change_password (Operator): PasswordChange => Operator;
    /// "Localizar Cliente": customers matching a search, ordered by name.
    SearchCustomers = search_customers (Operator): CustomerSearch => Vec<CustomerSummary>;
    /// "E-mail Suporte Online": up to ten sender addresses starting with what was typed.
    SuggestSupportEmails = suggest_support_emails (Operator): String => Vec<String>;
    /// "Localizar Reg.": the messages of a period (of one sender, or all), each with where it
    /// stands; new ones first, then newest first.
    FindSupportMessages = find_support_messages (Operator): MessageQuery => Vec<ListedMessage>;
    /// The operator took the message in the wizard: it shows "Em atendimento" by them.
    TakeSupportMessage = take_support_message (Operator): Uuid => ();
    /// "Dados Cliente" and "Dados Atend.": a customer's record, contacts and plans.
    LoadCustomer = load_customer (Operator): Uuid => CustomerRecord;
    /// "Novo Contato": adds a contact to a customer at once.
    AddContact = add_contact (Operator): NewContact => Contact;
    /// Saves the operator's wizard draft (an older revision than the saved one is ignored).
    SaveDraft = save_draft (Operator): WizardDraft => ();
    /// The operator's wizard draft left from before, if any.
    LoadDraft = load_draft (Operator): () => Option<SavedDraft>;
    /// Drops the operator's wizard draft.
    DiscardDraft = discard_draft (Operator): () => ();
    /// Gives the operator the next protocol number of this desktop for today.
    ReserveProtocol = reserve_protocol (Operator): () => Protocol;
    /// Saves the wizard's ticket whole (and ends its draft), or says what is missing.
    SaveTicket = save_ticket (Operator): TicketSubmission => SavedTicket;
    /// A ticket by its protocol number, as typed (any separators).
    FindTicket = find_ticket (Operator): String => Option<TicketSummary>;
    /// A ticket's history, in order.
    TicketHistory = ticket_history (Operator): Uuid => Vec<TicketEvent>;
    /// "Tipo de Atendimento": the ticket types, by name, with who their tickets go to.
    ListTicketTypes = list_ticket_types (Operator): () => Vec<TicketType>;
    /// Who tickets and tasks can be given to: the active users, then the roles, by name.
    ListAssignees = list_assignees (Operator): () => Vec<Assignee>;
    /// "Pesquisar ou Criar": the system's file picker, then the file stored in the
    /// attachments folder; `None` when the operator closed the picker.
    PickAttachment = pick_attachment (Operator): () => Option<DraftAttachment>;
    /// The work-order types and statuses, and the active technicians with their teams.
    LoadWorkOrderCatalog = load_work_order_catalog (Operator): () => WorkOrderCatalog;
    /// The visits of the agenda's range, technicians and kind, by start.
    LoadAgenda = load_agenda (Operator): AgendaQuery => Vec<Visit>;
    /// A saved visit moved or resized, unless it clashes (not accepted) or was changed by
    /// someone else since it was shown (`ErrorCode::Conflict`).
    RescheduleVisit = reschedule_visit (Operator): Reschedule => Visit;
    /// A technician's visits as an iCalendar file, saved where the operator chooses; the
    /// path written, or `None` when they closed the dialog.
    ExportAgendaIcs = export_agenda_ics (Operator): Uuid => Option<String>;
    /// "Ordens de Serviço": the work orders matching the filters, latest start first, a
    /// page at a time.
    ListWorkOrders = list_work_orders (Operator): WorkOrderFilter => Vec<WorkOrderLine>;
    /// One work order as the list shows it (the status dialog's visit), `None` when gone.
    LoadWorkOrder = load_work_order (Operator): Uuid => Option<WorkOrderLine>;
    /// A visit's new status with its actual times, report and outcome, and the ticket
    /// resolved when asked; refused at its field, or as `ErrorCode::Conflict` when someone
    /// else changed the visit since it was shown.
    ChangeWorkOrderStatus = change_work_order_status (Operator): StatusForm => WorkOrderLine;
    /// The scripts, each at its latest published version, by name.
    ListScripts = list_scripts (Operator): () => Vec<ScriptSummary>;
    /// A published version of a script (the latest when no version is given).
    LoadScript = load_script (Operator): ScriptVersionRef => PublishedScript;
    /// Publishes a new script or a new version of one (administrators only).
    PublishScript = publish_script (Administrator): ScriptDraft => PublishedScript;
    /// "Atendimentos": tickets by the list's filters, newest first, a page at a time; a
    /// protocol typed in the filter finds that one ticket.
    ListTickets = list_tickets (Operator): TicketListQuery => Vec<TicketSummary>;
    /// The ticket page below the summary: origin, history, attachments, tasks, work orders
    /// and e-mails.
    LoadTicketDetails = load_ticket_details (Operator): Uuid => TicketDetails;
    /// A follow-up contact, a change of status, a reassignment, a change of type (its routing
    /// and due time follow) or closing; the ticket's state afterwards.
    UpdateTicket = update_ticket (Operator): TicketUpdate => TicketState;
    /// The home screen's queue: new messages and the open tickets destined to the operator,
    /// to their role and to no one, soonest due first, with their counts.
    LoadQueue = load_queue (Operator): () => Queue;
    /// "Minhas Tarefas": the operator's tasks and their role's, open ones first.
    MyTasks = my_tasks (Operator): () => Vec<TaskSummary>;
    /// "Concluir": marks one of the operator's tasks done.
    CompleteTask = complete_task (Operator): Uuid => TaskSummary;
    /// From the ticket's page: a file, a task, a work order or an e-mail added to the ticket
    /// with its history entry; refused on a closed ticket.
    AddToTicket = add_to_ticket (Operator): TicketAdd => ();
    /// "Reenviar": a failed e-mail of a ticket queued again, its attempts from zero.
    ResendEmail = resend_email (Operator): Uuid => ();
    /// "Cancelar": a failed e-mail of a ticket cancelled, never sent.
    CancelEmail = cancel_email (Operator): Uuid => ();
    /// "Abrir": an attached file, checked against its hash, handed to the system's viewer.
    OpenAttachment = open_attachment (Operator): Uuid => ();
    /// "Salvar como…": an attached file, checked against its hash, saved where the operator
    /// chooses; the path written, or `None` when they closed the dialog.
    SaveAttachmentAs = save_attachment_as (Operator): Uuid => Option<String>;
    /// "Modelo de E-mail": the templates the operator's role may use, by name.
    ListEmailTemplates = list_email_templates (Operator): () => Vec<EmailTemplate>;
    /// "Pré-visualizar": the e-mail filled from the ticket, and what still stops it.
    PreviewEmail = preview_email (Operator): EmailPreviewRequest => EmailPreview;
    /// Every e-mail template with its roles (administrators only).
    AdminListEmailTemplates = admin_list_email_templates (Administrator): () => Vec<EmailTemplate>;
    /// Creates or changes an e-mail template (administrators only).
    SaveEmailTemplate = save_email_template (Administrator): EmailTemplateDraft => EmailTemplate;
    /// Deletes an e-mail template (administrators only).
    DeleteEmailTemplate = delete_email_template (Administrator): Uuid => ();
    /// The SMTP settings; the password is never sent, only whether one is stored.
    LoadSmtpSettings = load_smtp_settings (Operator): () => SmtpSettingsView;
    /// Saves the SMTP settings and, if given, the password (administrators only).
    SaveSmtpSettings = save_smtp_settings (Administrator): SmtpSettingsForm => SmtpSettingsView;
    /// "Caixa de correio deste computador": the mailbox this desktop reads while no sync
    /// server does, where its password is kept (never the password) and the reader's status.
    LoadLocalMailbox = load_local_mailbox (Administrator): () => LocalMailboxView;
    /// Saves the local mailbox's settings (an empty password keeps the stored one); the
    /// reader starts again with them.
    SaveLocalMailbox = save_local_mailbox (Administrator): LocalMailboxForm => LocalMailboxView;
    /// Where sync stands: the server, the last exchange, the changes waiting, the last error.
    LoadSyncStatus = load_sync_status (Operator): () => SyncStatus;
    /// "Sincronizar agora": starts an exchange at once and answers the status.
    SyncNow = sync_now (Operator): () => SyncStatus;
    /// An administrator registers this desktop with the sync server.
    RegisterDesktop = register_desktop (Administrator): RegistrationForm => SyncStatus;
    /// "Pendências": the rows sync set aside (pulled ones this desktop could not apply, local
    /// changes the server refused), newest first.
    LoadSetAside = load_set_aside (Administrator): () => Vec<SetAsideEntry>;
    /// "Tentar novamente": a pulled row is applied now if it can be; a refused change is
    /// queued to be sent again. Answers the list as it stands.
    RetrySetAside = retry_set_aside (Administrator): SetAsideKey => Vec<SetAsideEntry>;
    /// "Usuários": every user, active or not, by name (administrators only).
    ListUsers = list_users (Administrator): () => Vec<UserAccount>;
    /// Creates or changes a user (administrators only).
    SaveUser = save_user (Administrator): UserForm => UserAccount;
    /// Deactivates or reactivates a user; never the last active administrator.
    SetUserActive = set_user_active (Administrator): ActiveChange => UserAccount;
    /// "Redefinir senha": a new password the user must change at the next sign-in.
    ResetPassword = reset_password (Administrator): PasswordReset => UserAccount;
    /// A catalog's entries, active or not, by name (administrators only).
    ListCatalog = list_catalog (Administrator): CatalogKind => Vec<CatalogEntry>;
    /// Creates or changes a catalog entry (administrators only).
    SaveCatalogEntry = save_catalog_entry (Administrator): CatalogForm => CatalogEntry;
    /// Deactivates or reactivates a catalog entry (administrators only).
    SetCatalogEntryActive = set_catalog_entry_active (Administrator): CatalogActiveChange => CatalogEntry;
    /// "Provedor": the provider's name and the idle time before windows lock.
    SaveProviderSettings = save_provider_settings (Administrator): ProviderSettings => SetupState;
    // -- SLA in business hours (issue 18). --
    /// "Expediente e feriados": the provider's week of business hours (empty: none set, SLAs
    /// count calendar hours).
    LoadBusinessHours = load_business_hours (Administrator): () => Week;
    /// Replaces the week with the one typed, checked at each field; the week as stored.
    SaveBusinessHours = save_business_hours (Administrator): WeekForm => Week;
    /// The holidays of a year, by day.
    ListHolidays = list_holidays (Administrator): i32 => Vec<Holiday>;
    /// "Incluir feriado": a day with no business hours, unless it already is one.
    AddHoliday = add_holiday (Administrator): HolidayForm => Holiday;
    /// "Remover" a holiday.
    RemoveHoliday = remove_holiday (Administrator): Uuid => ();
    /// "Incluir feriados nacionais": Brazil's national holidays of a year not in the list yet;
    /// those added (none when all were there).
    AddNationalHolidays = add_national_holidays (Administrator): i32 => Vec<Holiday>;
    /// The week, the holidays and the UTC offset due times are counted in (the wizard shows
    /// a type's due time with it).
    LoadSlaCalendar = load_sla_calendar (Operator): () => SlaCalendar;
    /// "Novo Contato": the active contact roles ("Funções de contato"), by name.
    ListContactRoles = list_contact_roles (Operator): () => Vec<String>;
    /// "Clientes": creates or changes a customer (operators whose role edits customers).
    SaveCustomer = save_customer (Operator): CustomerForm => CustomerRecord;
    /// "Clientes": creates or changes one of a customer's contracts.
    SaveContract = save_contract (Operator): ContractForm => CustomerRecord;
    /// "Contatos": changes one of a customer's contacts.
    UpdateContact = update_contact (Operator): ContactEdit => Contact;
    /// "Contatos": removes one of a customer's contacts.
    RemoveContact = remove_contact (Operator): Uuid => ();
    /// A customer's "Alterações": who changed what, newest first.
    ListCustomerChanges = list_customer_changes (Operator): Uuid => Vec<CustomerChange>;
    /// The active plans and routing points, by name (contracts, "escolher um novo plano").
    ListPlanChoices = list_plan_choices (Operator): () => PlanChoices;
    // -- Importing and exporting customers (issue 16): the import's commands go below. --
    /// "Importar clientes": the system's picker for `kind`'s CSV file, read (encoding,
    /// delimiter, header, first rows) with its columns' fields suggested; `None` if closed.
    /// Administrators only: an import rewrites the base and the plans' catalog.
    PickImportFile = pick_import_file (Administrator): ImportKind => Option<FileInspection>;
    /// Simulates or runs the import of the picked files, in order (plans, routing points,
    /// customers, contracts), answering when it ends; `import_progress` follows it meanwhile.
    RunImport = run_import (Administrator): ImportRequest => ImportStatus;
    /// How the current or last import is going.
    ImportProgress = import_progress (Administrator): () => ImportStatus;
    /// "Cancelar": stops the import after the batch being written.
    CancelImport = cancel_import (Administrator): () => ();
    /// The imports cancelled or interrupted (the app closed, the desktop off), to resume.
    ListPendingImports = list_pending_imports (Administrator): () => Vec<PendingImport>;
    /// "Retomar": resumes the pending imports after their last committed batch.
    ResumeImports = resume_imports (Administrator): () => ImportStatus;
    /// Saves the last import's refused rows as CSV where the operator chooses; `false` if
    /// the dialog was closed.
    SaveImportReport = save_import_report (Administrator): () => bool;
    /// "Exportar clientes": every customer with its contracts as CSV where the operator
    /// chooses; how many lines, or `None` if the dialog was closed.
    ExportCustomers = export_customers (Administrator): () => Option<u32>;
    // -- The sync server's administration (issue 17): each request carries the server's
    // enrollment token, typed when the screen opens. --
    /// "Caixas de correio": the support mailboxes the sync server reads, with its reader's
    /// status, the oldest first.
    ListMailboxes = list_mailboxes (Administrator): ServerToken => Vec<MailboxSummary>;
    /// "Nova caixa", or a mailbox changed (an empty password keeps the stored one).
    SaveMailbox = save_mailbox (Administrator): MailboxSave => MailboxSummary;
    /// "Desativar" or "Ativar" a mailbox.
    SetMailboxEnabled = set_mailbox_enabled (Administrator): MailboxEnabledChange => MailboxSummary;
    /// "Integrações": the customer portal's integrations, the newest first (never their keys).
    ListIntegrations = list_integrations (Administrator): ServerToken => Vec<IntegrationSummary>;
    /// "Nova integração": its key is answered only this once.
    CreateIntegration = create_integration (Administrator): NewIntegration => CreatedIntegration;
    /// "Revogar": the integration's key is refused from now on.
    RevokeIntegration = revoke_integration (Administrator): IntegrationRevocation => IntegrationSummary;
    // -- "Relatórios" (issue 18): any signed-in operator, over all the desktop's data. --
    /// "Gerar": the report of a period (local dates, at most 366 days) and filters.
    RunReport = run_report (Operator): ReportRequest => Report;
    /// "Exportar CSV": the report as CSV (`;`, UTF-8 with a BOM) where the operator chooses;
    /// the path written, or `None` when they closed the dialog.
    ExportReportCsv = export_report_csv (Operator): ReportRequest => Option<String>;
    // -- "Cópia de segurança" (issue 19): this desktop's own database and attachments. --
    /// The settings, the backups in the folder, and a restore waiting for the next start.
    LoadBackups = load_backups (Administrator): () => BackupPanel;
    /// "Salvar": the folder (which must take files), the hours between backups, how many kept.
    SaveBackupSettings = save_backup_settings (Administrator): BackupSettings => BackupPanel;
    /// "Fazer cópia agora": a backup into the saved folder.
    BackupNow = backup_now (Administrator): () => BackupPanel;
    /// "Restaurar": checks the backup and stages it for the next start.
    RestoreBackup = restore_backup (Administrator): BackupChoice => BackupPanel;
    /// "Reiniciar agora": the app starts again (and puts a staged restore in place).
    RestartApp = restart_app (Administrator): () => ();
    // -- Desktop conventions (issue 20). --
    /// "Tema": keeps this desktop's colours ("Claro", "Escuro", "Sistema"); read back in
    /// [`SetupState::theme`] at start-up.
    SaveTheme = save_theme (Operator): Theme => ();
    // -- Support (issue 20): the log, "Sobre" and the diagnostic zip. --
    /// An error of the window (a panic, an error of a command it shows, an uncaught error of
    /// the page) written to the app's log; signed in or not, as errors come before sign-in.
    LogUiError = log_ui_error (Public): UiReport => ();
    /// "Sobre": the app's version, the database's path and size, how sync stands.
    LoadAbout = load_about (Operator): () => AboutInfo;
    /// "Exportar diagnóstico": a zip of the log files and a summary (no password, no secret,
    /// no message's text) where the operator chooses; the path written, or `None` when they
    /// closed the dialog. Any operator: support asks whoever is at the desk.
    ExportDiagnostics = export_diagnostics (Operator): () => Option<String>;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_has_one_snake_case_name() {
        for (index, info) in COMMANDS.iter().enumerate() {
            assert_eq!(info.name, COMMAND_NAMES[index]);
            assert!(
                info.name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '_'),
                "{}",
                info.name
            );
            assert!(
                !COMMAND_NAMES[..index].contains(&info.name),
                "{} twice",
                info.name
            );
        }
    }

    #[test]
    fn the_exported_list_names_each_type_with_its_name() {
        macro_rules! names {
            ($($ty:ident => $name:ident),*) => {
                [$((<$ty as Command>::NAME, stringify!($name))),*]
            };
        }
        let listed = for_each_command!(names);
        assert_eq!(listed.len(), COMMAND_NAMES.len());
        for (index, (name, handler)) in listed.into_iter().enumerate() {
            assert_eq!(name, handler);
            assert_eq!(name, COMMAND_NAMES[index]);
        }
    }

    #[test]
    fn only_signing_in_out_and_the_first_run_are_public() {
        let public: Vec<_> = COMMANDS
            .iter()
            .filter(|info| info.access == Access::Public)
            .map(|info| info.name)
            .collect();
        assert_eq!(
            public,
            [
                Login::NAME,
                Logout::NAME,
                CurrentOperator::NAME,
                LoadSetupState::NAME,
                CreateProvider::NAME,
                JoinServer::NAME,
                UnlockSession::NAME,
                LogUiError::NAME,
            ]
        );
    }
}
