//! "Cópia de segurança": where this desktop's backups go, how often, how many are kept, and
//! when the next one is due. The copying itself is the store's.
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::form::{FieldError, FieldErrors};

/// The form's fields.
pub mod fields {
    /// "Pasta das cópias".
    pub const FOLDER: &str = "backup-pasta";
    /// "Fazer uma cópia a cada (horas)".
    pub const EVERY_HOURS: &str = "backup-intervalo";
    /// "Manter as últimas".
    pub const KEEP: &str = "backup-manter";
}

/// The longest wait between scheduled backups: a week.
pub const MAX_EVERY_HOURS: u32 = 168;
/// The most backups kept.
pub const MAX_KEEP: u32 = 365;
/// Backups kept when the administrator has not said.
pub const DEFAULT_KEEP: u32 = 7;
const MAX_FOLDER_CHARS: usize = 1024;

/// The settings as typed by an administrator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct BackupSettings {
    /// A folder of this computer (or a mounted network share), as a full path.
    pub folder: String,
    /// Whole hours between scheduled backups; empty or 0: only on demand.
    pub every_hours: String,
    /// How many backups are kept in the folder (the oldest go first).
    pub keep: String,
}

/// The settings checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupPlan {
    /// Empty while no folder is chosen.
    pub folder: String,
    /// 0: only on demand.
    pub every_hours: u32,
    pub keep: u32,
}

impl BackupSettings {
    /// The settings to store, or every reason at its field: a folder of control characters
    /// or too long, a schedule that needs a folder, hours or a count out of range.
    pub fn validate(&self) -> Result<BackupPlan, Vec<FieldError>> {
        let mut errors = FieldErrors::default();
        let folder = self.folder.trim();
        if folder.chars().count() > MAX_FOLDER_CHARS || folder.chars().any(char::is_control) {
            errors.add(fields::FOLDER, "Informe o caminho completo de uma pasta.");
        }
        let every_hours = match self.every_hours.trim() {
            "" => Some(0),
            typed => typed
                .parse::<u32>()
                .ok()
                .filter(|hours| *hours <= MAX_EVERY_HOURS),
        };
        match every_hours {
            None => errors.add(
                fields::EVERY_HOURS,
                format!(
                    "Informe um número inteiro de horas, de 1 a {MAX_EVERY_HOURS} (0 para só fazer cópias quando pedir)."
                ),
            ),
            Some(hours) if hours > 0 && folder.is_empty() => errors.add(
                fields::FOLDER,
                "Escolha a pasta onde as cópias automáticas serão guardadas.",
            ),
            Some(_) => {}
        }
        let keep = self
            .keep
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|keep| (1..=MAX_KEEP).contains(keep));
        if keep.is_none() {
            errors.add(
                fields::KEEP,
                format!("Informe quantas cópias manter, de 1 a {MAX_KEEP}."),
            );
        }
        errors.into_result(|| BackupPlan {
            folder: folder.to_owned(),
            every_hours: every_hours.unwrap_or(0),
            keep: keep.unwrap_or(DEFAULT_KEEP),
        })
    }
}

impl BackupPlan {
    /// The settings as the form shows them.
    pub fn settings(&self) -> BackupSettings {
        BackupSettings {
            folder: self.folder.clone(),
            every_hours: self.every_hours.to_string(),
            keep: self.keep.to_string(),
        }
    }

    /// Whether a scheduled backup is due at `now_ms`, the newest one made at `newest_ms`.
    pub fn due(&self, newest_ms: Option<i64>, now_ms: i64) -> bool {
        if self.every_hours == 0 || self.folder.is_empty() {
            return false;
        }
        let every_ms = i64::from(self.every_hours) * 3_600_000;
        newest_ms.is_none_or(|newest| now_ms.saturating_sub(newest) >= every_ms)
    }
}

impl Default for BackupPlan {
    fn default() -> Self {
        Self {
            folder: String::new(),
            every_hours: 0,
            keep: DEFAULT_KEEP,
        }
    }
}

/// The folder cannot hold backups (missing, not a folder, not writable, not a full path).
pub fn folder_unusable(detail: &str) -> FieldError {
    FieldError::new(
        fields::FOLDER,
        format!("Esta pasta não pode receber cópias: {detail}."),
    )
}

/// A backup in the folder, for the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct BackupLine {
    /// The backup's folder name, which also names it to "Restaurar".
    pub name: String,
    #[specta(type = f64)]
    pub created_at_ms: i64,
    #[specta(type = f64)]
    pub database_bytes: u64,
    #[specta(type = f64)]
    pub files: u64,
}

/// "Cópia de segurança" as the page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct BackupPanel {
    pub settings: BackupSettings,
    /// Newest first.
    pub backups: Vec<BackupLine>,
    /// Why the folder's backups cannot be listed, if they cannot.
    pub folder_problem: Option<String>,
    /// Why the last scheduled backup failed, if it did.
    pub last_error: Option<String>,
    /// The backup that will be restored at the next start, if one was chosen.
    pub restore_staged: Option<String>,
}

/// "Restaurar": the backup chosen, by its name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct BackupChoice {
    pub name: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(folder: &str, every: &str, keep: &str) -> BackupSettings {
        BackupSettings {
            folder: folder.into(),
            every_hours: every.into(),
            keep: keep.into(),
        }
    }

    fn fields_of(result: Result<BackupPlan, Vec<FieldError>>) -> Vec<String> {
        result
            .err()
            .unwrap_or_default()
            .into_iter()
            .map(|error| error.field)
            .collect()
    }

    #[test]
    fn a_schedule_needs_a_folder_and_numbers_in_range() {
        assert_eq!(
            settings(" /srv/copias ", "24", "7").validate(),
            Ok(BackupPlan {
                folder: "/srv/copias".into(),
                every_hours: 24,
                keep: 7
            })
        );
        assert_eq!(
            settings("", "", "3").validate().map(|p| p.every_hours),
            Ok(0)
        );
        assert_eq!(
            fields_of(settings("", "24", "7").validate()),
            [fields::FOLDER]
        );
        assert_eq!(
            fields_of(settings("/a\nb", "169", "0").validate()),
            [fields::FOLDER, fields::EVERY_HOURS, fields::KEEP]
        );
    }

    #[test]
    fn a_backup_is_due_after_its_hours_and_never_without_a_schedule() {
        let plan = BackupPlan {
            folder: "/srv/copias".into(),
            every_hours: 2,
            keep: 7,
        };
        let hour = 3_600_000;
        assert!(plan.due(None, 10 * hour));
        assert!(!plan.due(Some(9 * hour), 10 * hour));
        assert!(plan.due(Some(8 * hour), 10 * hour));
        assert!(plan.due(Some(i64::MIN), i64::MAX), "no overflow");
        let manual = BackupPlan {
            every_hours: 0,
            ..plan
        };
        assert!(!manual.due(None, 10 * hour));
    }
}
