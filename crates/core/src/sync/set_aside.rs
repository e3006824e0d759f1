//! Rows set aside ("Pendências"): a pulled row this desktop cannot apply, or a local change
//! the server refused for good. Neither stops the exchange: the row waits apart, with its
//! reason for the administrator, and the rest goes on.
use serde::{Deserialize, Serialize};
use specta::Type;
use uuid::Uuid;

use super::SyncTable;

/// Which way the row was going.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum SetAsideDirection {
    /// Pulled from the server; this desktop could not apply it.
    Pull,
    /// Changed here; the server refused it.
    Push,
}

impl SetAsideDirection {
    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            Self::Pull => "pull",
            Self::Push => "push",
        }
    }

    /// The direction stored as `code`.
    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "pull" => Some(Self::Pull),
            "push" => Some(Self::Push),
            _ => None,
        }
    }

    /// "Recebida" or "Enviada".
    pub fn label(self) -> &'static str {
        match self {
            Self::Pull => "Recebida",
            Self::Push => "Enviada",
        }
    }
}

/// One set-aside row, named.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct SetAsideKey {
    pub direction: SetAsideDirection,
    pub table: String,
    pub id: Uuid,
}

/// A set-aside row as the administrator sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct SetAsideEntry {
    pub key: SetAsideKey,
    /// The table in pt-BR words, or its name when it has none (a table this desktop does
    /// not know).
    pub table_label: String,
    /// Why, in pt-BR.
    pub reason: String,
    /// The raw error, for whoever fixes it.
    pub error: String,
    /// When it was set aside (Unix ms).
    #[specta(type = f64)]
    pub at: i64,
}

/// The table's pt-BR words (its name when it does not sync here).
pub fn table_label(table: &str) -> String {
    SyncTable::named(table).map_or_else(|| table.to_owned(), |table| table.label.to_owned())
}

/// What kind of refusal kept a pulled row out of this desktop's tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApplyRefusal {
    /// A CHECK constraint or a trigger's rule.
    Check,
    /// A unique value held by another row that cannot be renamed.
    Unique,
    /// A reference to a row that does not exist here.
    ForeignKey,
    /// A required field empty.
    Required,
    /// A field this desktop does not have, or a value of the wrong kind.
    Unfit,
    /// A table this desktop does not have.
    UnknownTable,
}

impl ApplyRefusal {
    /// Why the row was set aside (pt-BR), from the refusal and the database's `detail`.
    pub fn reason(self, table: &str, detail: &str) -> String {
        match self {
            Self::Check if table == "work_orders" && detail.contains("ends_at > starts_at") => {
                "A ordem de serviço termina antes de começar.".into()
            }
            Self::Check if table == "work_orders" && detail.contains("24 hours") => {
                "A visita dura mais de 24 horas.".into()
            }
            Self::Check if table == "ticket_types" && detail.contains("destined_role_id") => {
                "O tipo de atendimento está destinado a um usuário e a um cargo ao mesmo tempo."
                    .into()
            }
            Self::Check => {
                "Os dados recebidos não passam em uma verificação deste computador.".into()
            }
            Self::Unique => "Um valor que deve ser único já pertence a outro registro neste \
                             computador e não pode ser renomeado."
                .into(),
            Self::ForeignKey => "O registro cita outro que não existe neste computador.".into(),
            Self::Required => "Um campo obrigatório chegou vazio.".into(),
            Self::Unfit => "Um campo não existe neste computador ou chegou com um valor de tipo \
                            errado; talvez esta versão do programa seja antiga."
                .into(),
            Self::UnknownTable => "Este computador não conhece esta tabela; talvez esta versão \
                                   do programa seja antiga."
                .into(),
        }
    }
}

/// The server's refusal codes that concern rows, not the desktop or the request: a batch
/// refused whole with one of them is sent again in halves to find the rows, and those are
/// set aside.
pub const ROW_REFUSAL_CODES: [&str; 3] = ["table_forbidden", "user_forbidden", "protocol_taken"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_work_order_ending_before_it_starts_is_named() {
        assert_eq!(
            ApplyRefusal::Check.reason(
                "work_orders",
                "CHECK constraint failed: ends_at > starts_at"
            ),
            "A ordem de serviço termina antes de começar."
        );
        assert!(ApplyRefusal::Check
            .reason(
                "ticket_types",
                "CHECK constraint failed: destined_user_id IS NULL OR destined_role_id IS NULL"
            )
            .contains("a um usuário e a um cargo"));
        assert!(ApplyRefusal::Check
            .reason("customers", "CHECK constraint failed: x")
            .starts_with("Os dados recebidos"));
    }

    #[test]
    fn directions_and_labels_read_back() {
        for direction in [SetAsideDirection::Pull, SetAsideDirection::Push] {
            assert_eq!(
                SetAsideDirection::from_code(direction.code()),
                Some(direction)
            );
        }
        assert_eq!(table_label("work_orders"), "ordens de serviço");
        assert_eq!(table_label("nao_existe"), "nao_existe");
    }
}
