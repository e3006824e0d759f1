//! The password policy and the forms that set a password.
use serde::{Deserialize, Serialize};
use specta::Type;
use uuid::Uuid;

/// The shortest password accepted.
pub const MIN_PASSWORD_CHARS: usize = 10;

/// Field names of the password forms (the UI's `data-field`).
pub mod fields {
    pub const CURRENT: &str = "senha-atual";
    pub const NEW: &str = "senha-nova";
    pub const CONFIRMATION: &str = "senha-confirmacao";
}

/// "Trocar senha": the operator's own password.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct PasswordChange {
    pub current: String,
    pub new_password: String,
    pub confirmation: String,
}

/// "Redefinir senha": an administrator gives a user a new password, to be changed at the
/// user's next sign-in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct PasswordReset {
    pub user_id: Uuid,
    pub password: String,
}
