//! Why the server refuses one pushed row for good, with a stable code and a pt-BR message
//! ([`RefusedRow`]). The rest of the batch is merged; the same row sent again is refused
//! again.
use uuid::Uuid;

use super::{DesktopProfile, Refusal, RefusedRow, RowProblem, SyncRow, SyncTable};

/// The tables whose rows are history: inserted once, never changed nor deleted afterwards
/// (a ticket's events, the script reports among them; a customer's record of changes; a
/// ticket's attachments).
pub const HISTORY_TABLES: &[&str] = &["ticket_events", "customer_changes", "attachments"];

/// The tables whose rows name a file by its content hash (`content_hash`): the file must
/// be on the server before the row.
pub const BLOB_TABLES: &[&str] = &["attachments", "support_message_attachments"];

/// Why a pushed row is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowRefusal {
    /// The desktop's profile may not write it (`table_forbidden`, `user_forbidden`).
    Access(DesktopProfile, Refusal),
    /// Unknown table or column, or a value of the wrong kind (`corrupted_row`).
    Corrupted(RowProblem),
    /// It breaks a rule of its table once merged (`rule_violation`).
    Rule(RowProblem),
    /// Its file was never uploaded (`unknown_blob`).
    UnknownBlob(String),
    /// It changes or deletes a history row the server holds (`history_rewrite`).
    HistoryRewrite,
    /// A field is stamped more than [`crate::clock::MAX_STAMP_AHEAD_MS`] ahead of the
    /// server's clock (`stamp_in_future`).
    StampInFuture(String),
    /// Its protocol belongs to another ticket or desktop (`protocol_taken`).
    ProtocolTaken(String),
}

/// Every code a [`RefusedRow`] may carry.
pub const REFUSAL_CODES: &[&str] = &[
    "table_forbidden",
    "user_forbidden",
    "corrupted_row",
    "rule_violation",
    "unknown_blob",
    "history_rewrite",
    "stamp_in_future",
    "protocol_taken",
];

impl RowRefusal {
    /// The stable code.
    pub fn code(&self) -> &'static str {
        match self {
            RowRefusal::Access(_, Refusal::Table(_)) => "table_forbidden",
            RowRefusal::Access(_, _) => "user_forbidden",
            RowRefusal::Corrupted(_) => "corrupted_row",
            RowRefusal::Rule(_) => "rule_violation",
            RowRefusal::UnknownBlob(_) => "unknown_blob",
            RowRefusal::HistoryRewrite => "history_rewrite",
            RowRefusal::StampInFuture(_) => "stamp_in_future",
            RowRefusal::ProtocolTaken(_) => "protocol_taken",
        }
    }

    /// Why, in pt-BR, for the administrator: what the row is and what is wrong.
    pub fn message(&self, table: &str, id: Uuid) -> String {
        let label = SyncTable::named(table).map_or(table, |known| known.label);
        let reason = match self {
            RowRefusal::Access(profile, Refusal::Table(_)) => format!(
                "este computador é de {} e não pode alterar {label}; essa alteração só pode ser feita num computador de Administração",
                profile.label()
            ),
            RowRefusal::Access(profile, Refusal::UnknownUser(_)) => format!(
                "este computador é de {} e enviou um usuário que o servidor não tem; usuários só são criados num computador de Administração",
                profile.label()
            ),
            RowRefusal::Access(profile, Refusal::Administrator(_)) => format!(
                "este computador é de {} e não pode alterar a senha de um administrador; ela só pode ser trocada num computador de Administração",
                profile.label()
            ),
            RowRefusal::Corrupted(problem) => {
                format!("pedido corrompido: {}", problem.message(table))
            }
            RowRefusal::Rule(problem) => {
                format!("a linha não respeita uma regra: {}", problem.message(table))
            }
            RowRefusal::UnknownBlob(hash) => format!(
                "o arquivo {hash} nunca foi enviado ao servidor; anexe o arquivo de novo"
            ),
            RowRefusal::HistoryRewrite => {
                "o histórico não pode ser alterado nem apagado depois de gravado".to_owned()
            }
            RowRefusal::StampInFuture(column) => format!(
                "a alteração de \"{column}\" tem data mais de 5 minutos à frente do relógio do servidor; acerte o relógio deste computador"
            ),
            RowRefusal::ProtocolTaken(protocol) => format!(
                "o protocolo {protocol} já pertence a outro computador ou atendimento; fale com o administrador"
            ),
        };
        format!("Recusado ({label}, {id}): {reason}. Essa linha não foi gravada.")
    }

    /// The answer naming `row` and this reason.
    pub fn refused(&self, row: &SyncRow) -> RefusedRow {
        RefusedRow {
            table: row.table.clone(),
            id: row.id,
            code: self.code().to_owned(),
            message: self.message(&row.table, row.id),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync::Rule;

    #[test]
    fn every_refusal_has_a_listed_code_and_a_message_naming_the_row() {
        let id = Uuid::from_u128(5);
        let all = [
            RowRefusal::Access(DesktopProfile::Service, Refusal::Table("roles".into())),
            RowRefusal::Access(DesktopProfile::Service, Refusal::UnknownUser(id)),
            RowRefusal::Access(DesktopProfile::Service, Refusal::Administrator(id)),
            RowRefusal::Corrupted(RowProblem::UnknownColumn("salary".into())),
            RowRefusal::Rule(RowProblem::Broken(Rule::Before {
                start: "starts_at",
                end: "ends_at",
            })),
            RowRefusal::UnknownBlob("ab".repeat(32)),
            RowRefusal::HistoryRewrite,
            RowRefusal::StampInFuture("name".into()),
            RowRefusal::ProtocolTaken("261205-002-00001".into()),
        ];
        for refusal in all {
            assert!(REFUSAL_CODES.contains(&refusal.code()), "{refusal:?}");
            let message = refusal.message("roles", id);
            assert!(message.contains("cargos") && message.contains(&id.to_string()));
        }
        for table in HISTORY_TABLES.iter().chain(BLOB_TABLES) {
            assert!(SyncTable::named(table).is_some(), "{table}");
        }
    }
}
