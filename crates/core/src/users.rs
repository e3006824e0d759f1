//! "Usuários": the operator accounts an administrator keeps.
use serde::{Deserialize, Serialize};
use specta::Type;
use uuid::Uuid;

/// Field names of the user form (the UI's `data-field`).
pub mod fields {
    pub const NAME: &str = "usuario-nome";
    pub const LOGIN: &str = "usuario-login";
    pub const EMAIL: &str = "usuario-email";
    pub const ROLE: &str = "usuario-cargo";
    pub const TEAM: &str = "usuario-equipe";
    pub const PASSWORD: &str = "usuario-senha";
}

/// A user as the administrator's list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct UserAccount {
    pub id: Uuid,
    pub login: String,
    pub name: String,
    pub email: String,
    pub role_id: Uuid,
    pub role_name: String,
    pub team_id: Option<Uuid>,
    pub team_name: Option<String>,
    pub active: bool,
    /// Must choose a new password at the next sign-in.
    pub must_change_password: bool,
}

/// "Novo usuário" or a user's changes, as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct UserForm {
    /// `None` creates a user.
    pub id: Option<Uuid>,
    pub name: String,
    pub login: String,
    pub email: String,
    pub role_id: Option<Uuid>,
    pub team_id: Option<Uuid>,
    /// The first password, when creating (ignored when changing a user); the user must
    /// change it at the first sign-in.
    pub password: String,
}

/// Deactivating (`active: false`) or reactivating a user or a catalog entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ActiveChange {
    pub id: Uuid,
    pub active: bool,
}
