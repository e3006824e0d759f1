//! What the app holds while it runs: the store, the attachments folder and the operator's
//! session.
//!
//! A session is checked on every command: the operator's account is read again (one look-up
//! by key), so a deactivation ends the session at its next command, and a new role or
//! administrative flag holds at once. While the operator must change their password, or the
//! session is locked after the idle time, operator commands are refused.
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use helpdesk_api::{CommandError, ErrorCode, Operator};
use helpdesk_core::attachment::DEFAULT_MAX_BYTES;
use helpdesk_core::sync::DesktopProfile;
use helpdesk_mail::OutboxWaker;
use helpdesk_store::attachment_files::AttachmentFiles;
use helpdesk_store::secret_vault::SecretVault;
use helpdesk_store::{people, sync, Store};
use helpdesk_sync::{ClientConfig, SyncWaker};
use tokio::sync::watch;
use uuid::Uuid;

use crate::error::internal;
use crate::mailbox_watcher::MailboxBoard;
use crate::{FilePicker, ImportSession, Opener};

/// Environment variable with the biggest attachment, in MB (25 when unset).
pub const ATTACHMENT_MAX_MB_ENV: &str = "HELPDESK_ATTACHMENT_MAX_MB";

/// Where attachments go and how big they may be.
#[derive(Debug, Clone)]
pub struct Attachments {
    pub files: AttachmentFiles,
    pub max_bytes: u64,
}

impl Attachments {
    /// The folder beside the database at `database`, with the size limit of
    /// `$HELPDESK_ATTACHMENT_MAX_MB` (a positive whole number of MB) or 25 MB.
    pub fn beside(database: &Path) -> Self {
        let configured = std::env::var(ATTACHMENT_MAX_MB_ENV).ok();
        let max_bytes = match configured.as_deref().map(str::parse::<u64>) {
            None => DEFAULT_MAX_BYTES,
            Some(Ok(megabytes)) if megabytes > 0 => megabytes.saturating_mul(1024 * 1024),
            Some(_) => {
                log::warn!(
                    "{ATTACHMENT_MAX_MB_ENV} is not a positive whole number of MB; using 25 MB"
                );
                DEFAULT_MAX_BYTES
            }
        };
        Self {
            files: AttachmentFiles::beside(database),
            max_bytes,
        }
    }
}

/// Ends the app and starts it again.
pub struct Restart(pub Box<dyn Fn() + Send + Sync>);

impl std::fmt::Debug for Restart {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Restart(..)")
    }
}

/// What the e-mail commands need: the vault of the SMTP password and the outbox worker's bell.
#[derive(Debug, Clone)]
pub struct EmailState {
    pub vault: Arc<SecretVault>,
    pub waker: OutboxWaker,
}

/// What the sync commands need: the vault of the device credential, the worker's bell, and
/// how the client connects.
#[derive(Debug, Clone)]
pub struct SyncHandle {
    pub vault: Arc<SecretVault>,
    pub waker: SyncWaker,
    pub client: ClientConfig,
}

/// What the local mailbox's commands need: the vault of its password and the watcher's
/// board.
#[derive(Debug, Clone)]
pub struct LocalMailbox {
    pub vault: Arc<SecretVault>,
    pub board: MailboxBoard,
}

/// The state every command can read.
#[derive(Debug)]
pub struct AppState {
    pub store: Store,
    pub attachments: Attachments,
    /// The database file, which a restore replaces; `None` in tests without one.
    pub database: Option<PathBuf>,
    /// Ends the app and starts it again; `None` where there is no real app (tests).
    pub restart: Option<Restart>,
    /// Wakes the scheduled backups' worker (new settings: a backup may be due at once).
    pub backup_bell: Arc<tokio::sync::Notify>,
    /// The system's file picker; `None` where there is no real window (tests).
    pub file_picker: Option<FilePicker>,
    /// The system's viewer for attached files; `None` where there is no real window (most
    /// tests).
    pub opener: Option<Opener>,
    /// The e-mail outbox's vault and worker; `None` where no worker runs (most tests).
    pub email: Option<EmailState>,
    /// The sync worker's handle; `None` where no worker runs (most tests).
    pub sync: Option<SyncHandle>,
    /// The desktop's own mailbox watcher's board and the vault of its password; `None`
    /// where no watcher runs (most tests).
    pub mailbox: Option<LocalMailbox>,
    /// The import window's picked files and current import.
    pub imports: ImportSession,
    /// The app's version, as "Sobre" shows it.
    pub version: String,
    /// The folder of the app's log files; `None` where nothing is logged to files (tests).
    pub log_folder: Option<PathBuf>,
    session: Mutex<Option<Session>>,
    /// The operator whose session is open (signed in and not locked), for what follows it
    /// (the assignment notifier).
    open_session: watch::Sender<Option<Uuid>>,
}

/// The signed-in operator, as last read, and whether the window is locked.
#[derive(Debug, Clone)]
struct Session {
    operator: Operator,
    locked: bool,
}

/// Whether a check lets through an operator who must still change their password.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PasswordDue {
    Refused,
    Allowed,
}

impl AppState {
    pub fn new(store: Store, attachments: Attachments) -> Self {
        Self {
            store,
            attachments,
            database: None,
            restart: None,
            backup_bell: Arc::new(tokio::sync::Notify::new()),
            file_picker: None,
            opener: None,
            email: None,
            sync: None,
            mailbox: None,
            imports: ImportSession::default(),
            version: env!("CARGO_PKG_VERSION").to_owned(),
            log_folder: None,
            session: Mutex::new(None),
            open_session: watch::Sender::new(None),
        }
    }

    /// The state with the system's file picker.
    pub fn with_file_picker(self, picker: FilePicker) -> Self {
        Self {
            file_picker: Some(picker),
            ..self
        }
    }

    /// The state with the system's viewer for attached files.
    pub fn with_opener(self, opener: Opener) -> Self {
        Self {
            opener: Some(opener),
            ..self
        }
    }

    /// The state of the database file at `path`, in an app that restarts with `restart`.
    pub fn with_database(self, path: PathBuf, restart: Restart) -> Self {
        Self {
            database: Some(path),
            restart: Some(restart),
            ..self
        }
    }

    /// The state of the app at `version` (its package's), logging in `log_folder`.
    pub fn with_log_folder(self, version: String, log_folder: PathBuf) -> Self {
        Self {
            version,
            log_folder: Some(log_folder),
            ..self
        }
    }

    /// The state with the e-mail outbox's key and worker.
    pub fn with_email(self, email: EmailState) -> Self {
        Self {
            email: Some(email),
            ..self
        }
    }

    /// The state with the sync worker's handle.
    pub fn with_sync(self, sync: SyncHandle) -> Self {
        Self {
            sync: Some(sync),
            ..self
        }
    }

    /// The state with the desktop's own mailbox watcher.
    pub fn with_mailbox(self, mailbox: LocalMailbox) -> Self {
        Self {
            mailbox: Some(mailbox),
            ..self
        }
    }

    /// Follows the operator whose session is open: `Some` from sign-in (or unlock), `None`
    /// once signed out, locked or ended.
    pub fn watch_open_session(&self) -> watch::Receiver<Option<Uuid>> {
        self.open_session.subscribe()
    }

    /// The signed-in operator as last read, if any (locked or not).
    pub fn operator(&self) -> Option<Operator> {
        self.lock().as_ref().map(|session| session.operator.clone())
    }

    /// The signed-in operator as the store has them now, or the error that sends the UI to
    /// the sign-in (signed out, or the account deactivated: the session ends), to its lock
    /// screen, or to "Trocar senha".
    pub async fn require_operator(&self) -> Result<Operator, CommandError> {
        self.checked_operator(PasswordDue::Refused).await
    }

    /// [`Self::require_operator`], letting through an operator who must change their
    /// password: for changing it, and for locking the window meanwhile.
    pub async fn require_session(&self) -> Result<Operator, CommandError> {
        self.checked_operator(PasswordDue::Allowed).await
    }

    async fn checked_operator(&self, password_due: PasswordDue) -> Result<Operator, CommandError> {
        let session = self
            .lock()
            .clone()
            .ok_or_else(CommandError::not_authenticated)?;
        if session.locked {
            return Err(CommandError::session_locked());
        }
        let operator = self.reread(&session.operator).await?;
        if operator.must_change_password && password_due == PasswordDue::Refused {
            return Err(CommandError::must_change_password());
        }
        Ok(operator)
    }

    /// `operator` read again and kept in the session, or the session ended when their account
    /// is no longer active.
    pub async fn reread(&self, operator: &Operator) -> Result<Operator, CommandError> {
        let current = people::active_operator(&self.store, operator.id)
            .await
            .map_err(internal)?;
        let mut session = self.lock();
        let same = |kept: &Session| kept.operator.id == operator.id;
        match current {
            Some(current) => {
                if let Some(kept) = session.as_mut().filter(|kept| same(kept)) {
                    kept.operator = current.clone();
                }
                Ok(current)
            }
            None => {
                if session.as_ref().is_some_and(same) {
                    log::info!(
                        "operator {} no longer active: session ended",
                        operator.login
                    );
                    *session = None;
                    self.publish(&session);
                }
                Err(CommandError::access_ended())
            }
        }
    }

    /// The logged-in administrator, or the error saying that only administrators may do
    /// `what` ("alterar as configurações de e-mail"), or that this desktop's profile does
    /// not administer (what it would write could never be synced).
    pub async fn require_administrator(&self, what: &str) -> Result<Operator, CommandError> {
        let operator = self.require_operator().await?;
        if !operator.is_administrator() {
            return Err(CommandError::forbidden(what));
        }
        self.require_administering_desktop(what).await?;
        Ok(operator)
    }

    /// The logged-in operator, if their role edits customers (administrators always do);
    /// else the error saying so.
    pub async fn require_customer_editor(&self) -> Result<Operator, CommandError> {
        let operator = self.require_operator().await?;
        if !operator.may_edit_customers() {
            return Err(CommandError::new(
                ErrorCode::Forbidden,
                "Seu cargo não cadastra nem altera clientes. Peça a um administrador \
                 (Catálogos → Cargos → Edita clientes).",
            ));
        }
        Ok(operator)
    }

    /// Nothing, or the error saying that this desktop's profile does not administer, so it
    /// may not do `what`: what it would write to users and catalogs could never be synced.
    pub async fn require_administering_desktop(&self, what: &str) -> Result<(), CommandError> {
        match self.desktop_profile().await? {
            Some(profile) if !profile.may_administer() => {
                Err(CommandError::not_on_this_desktop(what, profile.label()))
            }
            _ => Ok(()),
        }
    }

    /// Nothing, or the error saying that `operator` may not change their password on this
    /// desktop: a service desktop sends its operators' new passwords, but the server refuses
    /// an administrator's there (`DesktopProfile::may_change_password`).
    pub async fn require_password_desktop(&self, operator: &Operator) -> Result<(), CommandError> {
        match self.desktop_profile().await? {
            Some(profile) if !profile.may_change_password(operator.is_administrator()) => {
                Err(CommandError::not_on_this_desktop(
                    "trocar a senha de um administrador",
                    profile.label(),
                ))
            }
            _ => Ok(()),
        }
    }

    /// The profile this desktop registered with, if it did.
    async fn desktop_profile(&self) -> Result<Option<DesktopProfile>, CommandError> {
        Ok(sync::load_state(&self.store)
            .await
            .map_err(internal)?
            .profile())
    }

    /// Starts (`Some`, unlocked) or ends (`None`) the operator's session.
    pub fn set_operator(&self, operator: Option<Operator>) {
        let mut session = self.lock();
        *session = operator.map(|operator| Session {
            operator,
            locked: false,
        });
        self.publish(&session);
    }

    /// Locks the session of `operator` (still the one signed in).
    pub fn lock_session(&self, operator: &Operator) {
        let mut session = self.lock();
        if let Some(kept) = session.as_mut() {
            if kept.operator.id == operator.id {
                kept.locked = true;
            }
        }
        self.publish(&session);
    }

    /// Tells the followers of [`Self::watch_open_session`] whose session is open now.
    fn publish(&self, session: &Option<Session>) {
        let open = session
            .as_ref()
            .filter(|session| !session.locked)
            .map(|session| session.operator.id);
        self.open_session.send_if_modified(|current| {
            let changed = *current != open;
            *current = open;
            changed
        });
    }

    /// The operator whose session is locked, if it is.
    pub fn locked_operator(&self) -> Option<Operator> {
        self.lock()
            .as_ref()
            .filter(|session| session.locked)
            .map(|session| session.operator.clone())
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Option<Session>> {
        self.session
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
