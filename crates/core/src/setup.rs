//! "Primeira configuração": what a desktop needs before anyone can sign in, the provider's
//! settings, and the mark of a demonstration database.
use serde::{Deserialize, Serialize};
use specta::Type;

/// How long a window may stay idle before it locks, when the administrator set nothing.
pub const DEFAULT_IDLE_LOCK_MINUTES: u32 = 15;

/// Field names of the first-run and provider forms (the UI's `data-field`).
pub mod fields {
    pub const PROVIDER_NAME: &str = "provedor-nome";
    pub const ADMIN_NAME: &str = "admin-nome";
    pub const ADMIN_LOGIN: &str = "admin-login";
    pub const ADMIN_EMAIL: &str = "admin-email";
    pub const ADMIN_PASSWORD: &str = "admin-senha";
    pub const ADMIN_CONFIRMATION: &str = "admin-senha-confirmacao";
    pub const IDLE_LOCK_MINUTES: &str = "bloqueio-minutos";
}

/// What the window shows before anyone signs in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct SetupState {
    /// The database has no user and the desktop joined no server: "Primeira configuração".
    pub needs_setup: bool,
    /// The desktop joined a server and its users have not arrived yet.
    pub awaiting_users: bool,
    /// The database was made with `--demo` ("Dados de demonstração").
    pub demo: bool,
    /// The provider's name, once known.
    pub provider_name: Option<String>,
    /// Minutes of inactivity after which the window locks.
    pub idle_lock_minutes: u32,
}

/// "Criar provedor": the provider's name and its first administrator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ProviderSetup {
    pub provider_name: String,
    pub admin_name: String,
    pub login: String,
    pub email: String,
    pub password: String,
    /// "Confirmar senha".
    pub confirmation: String,
}

/// "Provedor": the provider's name and the idle time, as typed by an administrator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ProviderSettings {
    pub name: String,
    /// Whole minutes, as typed.
    pub idle_lock_minutes: String,
}
