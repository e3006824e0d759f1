//! The syncable tables and their columns: the one list desktops and the server agree on.
//! SQL names come only from here, never from a request.
use super::FieldValue;

/// How a column's values are kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnKind {
    Integer,
    Text,
    Blob,
}

/// A column of a syncable table (the id and `changed_at` are not columns here: the id names
/// the row and `changed_at` is the latest of its fields' versions).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SyncColumn {
    pub name: &'static str,
    pub kind: ColumnKind,
    pub nullable: bool,
}

impl SyncColumn {
    /// Whether `value` may be stored in this column.
    pub fn accepts(&self, value: &FieldValue) -> bool {
        matches!(
            (self.kind, value),
            (_, FieldValue::Null) if self.nullable
        ) || matches!(
            (self.kind, value),
            (ColumnKind::Integer, FieldValue::Integer(_))
                | (ColumnKind::Text, FieldValue::Text(_))
                | (ColumnKind::Blob, FieldValue::Blob(_))
        )
    }
}

/// A syncable table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SyncTable {
    pub name: &'static str,
    /// What its rows are, in pt-BR and plural ("ordens de serviço"), for messages.
    pub label: &'static str,
    pub columns: &'static [SyncColumn],
}

impl SyncTable {
    /// The table named `name`, if it syncs.
    pub fn named(name: &str) -> Option<&'static SyncTable> {
        SYNC_TABLES.iter().find(|table| table.name == name)
    }

    /// The column named `name`, if the table has it.
    pub fn column(&self, name: &str) -> Option<&'static SyncColumn> {
        self.columns.iter().find(|column| column.name == name)
    }

    /// The groups of this table's columns that merge as one unit ([`MERGE_GROUPS`]).
    pub fn merge_groups(&self) -> &'static [&'static [&'static str]] {
        MERGE_GROUPS
            .iter()
            .find(|(table, _)| *table == self.name)
            .map_or(&[], |(_, groups)| *groups)
    }
}

/// Columns that only make sense together, by table: each group merges as one unit (the
/// whole group is taken from the row whose greatest version among the group's fields is
/// greater), so a merge never pairs one desktop's half with another's. One group per
/// multi-column CHECK of the desktop's schema: a visit's technician and hours (moved on one
/// desktop, resized on another, it must not end before it starts), a ticket type's
/// destination (a user or a role, never both), a day's business hours.
pub static MERGE_GROUPS: &[(&str, &[&[&str]])] = &[
    ("work_orders", &[&["technician_id", "starts_at", "ends_at"]]),
    ("ticket_types", &[&["destined_user_id", "destined_role_id"]]),
    ("business_hours", &[&["opens_at", "closes_at"]]),
];

const fn column(name: &'static str, kind: ColumnKind, nullable: bool) -> SyncColumn {
    SyncColumn {
        name,
        kind,
        nullable,
    }
}

use ColumnKind::{Blob, Integer, Text};

/// Every syncable table, parents before children (the order a first sync applies them in).
pub static SYNC_TABLES: &[SyncTable] = &[
    SyncTable {
        name: "roles",
        label: "cargos",
        columns: &[
            column("name", Text, false),
            column("deleted", Integer, false),
            column("is_administrator", Integer, false),
            column("active", Integer, false),
            column("edits_customers", Integer, false),
        ],
    },
    SyncTable {
        name: "teams",
        label: "equipes",
        columns: &[
            column("name", Text, false),
            column("deleted", Integer, false),
            column("active", Integer, false),
        ],
    },
    SyncTable {
        name: "contact_roles",
        label: "funções de contato",
        columns: &[
            column("name", Text, false),
            column("active", Integer, false),
            column("deleted", Integer, false),
        ],
    },
    SyncTable {
        name: "provider_settings",
        label: "dados do provedor",
        columns: &[
            column("name", Text, false),
            column("idle_lock_minutes", Integer, false),
            column("deleted", Integer, false),
        ],
    },
    SyncTable {
        name: "business_hours",
        label: "horários de atendimento",
        columns: &[
            column("weekday", Integer, false),
            column("opens_at", Integer, false),
            column("closes_at", Integer, false),
            column("deleted", Integer, false),
        ],
    },
    SyncTable {
        name: "holidays",
        label: "feriados",
        columns: &[
            column("day", Text, false),
            column("name", Text, false),
            column("deleted", Integer, false),
        ],
    },
    SyncTable {
        name: "users",
        label: "usuários",
        columns: &[
            column("login", Text, false),
            column("name", Text, false),
            column("email", Text, false),
            column("password_hash", Text, false),
            column("role_id", Blob, false),
            column("active", Integer, false),
            column("deleted", Integer, false),
            column("team_id", Blob, true),
            column("must_change_password", Integer, false),
        ],
    },
    SyncTable {
        name: "technicians",
        label: "técnicos",
        columns: &[
            column("name", Text, false),
            column("team_id", Blob, false),
            column("user_id", Blob, true),
            column("phone", Text, false),
            column("active", Integer, false),
            column("deleted", Integer, false),
        ],
    },
    SyncTable {
        name: "plans",
        label: "planos",
        columns: &[
            column("name", Text, false),
            column("technology", Text, false),
            column("download_mbps", Integer, false),
            column("upload_mbps", Integer, false),
            column("price_cents", Integer, false),
            column("deleted", Integer, false),
            column("active", Integer, false),
        ],
    },
    SyncTable {
        name: "routing_points",
        label: "pontos de roteamento",
        columns: &[
            column("name", Text, false),
            column("kind", Text, false),
            column("address", Text, false),
            column("ip", Text, false),
            column("status", Text, false),
            column("deleted", Integer, false),
            column("active", Integer, false),
        ],
    },
    SyncTable {
        name: "customers",
        label: "clientes",
        columns: &[
            column("code", Text, false),
            column("name", Text, false),
            column("name_folded", Text, false),
            column("document", Text, false),
            column("street", Text, false),
            column("number", Text, false),
            column("district", Text, false),
            column("city", Text, false),
            column("state", Text, false),
            column("postal_code", Text, false),
            column("created_at", Integer, false),
            column("deleted", Integer, false),
            column("kind", Text, false),
            column("trade_name", Text, false),
            column("complement", Text, false),
            column("notes", Text, false),
        ],
    },
    SyncTable {
        name: "customer_emails",
        label: "e-mails de clientes",
        columns: &[
            column("customer_id", Blob, false),
            column("email", Text, false),
            column("email_folded", Text, false),
            column("deleted", Integer, false),
        ],
    },
    SyncTable {
        name: "customer_phones",
        label: "telefones de clientes",
        columns: &[
            column("customer_id", Blob, false),
            column("phone", Text, false),
            column("digits", Text, false),
            column("deleted", Integer, false),
        ],
    },
    SyncTable {
        name: "customer_plans",
        label: "contratos de clientes",
        columns: &[
            column("customer_id", Blob, false),
            column("plan_id", Blob, false),
            column("routing_point_id", Blob, false),
            column("login", Text, false),
            column("status", Text, false),
            column("installed_on", Text, false),
            column("deleted", Integer, false),
            column("installation_address", Text, false),
            column("status_changed_on", Text, false),
        ],
    },
    SyncTable {
        name: "contacts",
        label: "contatos",
        columns: &[
            column("customer_id", Blob, false),
            column("name", Text, false),
            column("phone", Text, false),
            column("email", Text, false),
            column("relation", Text, false),
            column("deleted", Integer, false),
        ],
    },
    SyncTable {
        name: "customer_changes",
        label: "alterações de clientes",
        columns: &[
            column("customer_id", Blob, false),
            column("user_id", Blob, false),
            column("at", Integer, false),
            column("summary", Text, false),
            column("deleted", Integer, false),
        ],
    },
    SyncTable {
        name: "support_messages",
        label: "mensagens do suporte online",
        columns: &[
            column("email", Text, false),
            column("email_folded", Text, false),
            column("subject", Text, false),
            column("login", Text, false),
            column("body", Text, false),
            column("received_at", Integer, false),
            column("deleted", Integer, false),
            column("rfc_message_id", Text, false),
            column("rfc_references", Text, false),
            column("source", Text, false),
            column("taken_by", Blob, true),
            column("taken_at", Integer, true),
            column("sender_name", Text, false),
            column("document", Text, false),
            column("quoted", Text, false),
        ],
    },
    SyncTable {
        name: "support_message_attachments",
        label: "anexos das mensagens do suporte online",
        columns: &[
            column("message_id", Blob, false),
            column("file_name", Text, false),
            column("content_type", Text, false),
            column("content_hash", Text, false),
            column("size_bytes", Integer, false),
            column("deleted", Integer, false),
        ],
    },
    SyncTable {
        name: "ticket_types",
        label: "tipos de atendimento",
        columns: &[
            column("name", Text, false),
            column("destined_user_id", Blob, true),
            column("destined_role_id", Blob, true),
            column("sla_hours", Integer, false),
            column("deleted", Integer, false),
            column("active", Integer, false),
            column("sla_calendar", Integer, false),
        ],
    },
    SyncTable {
        name: "work_order_types",
        label: "tipos de ordem de serviço",
        columns: &[
            column("name", Text, false),
            column("is_site_survey", Integer, false),
            column("default_minutes", Integer, false),
            column("color", Text, false),
            column("deleted", Integer, false),
            column("active", Integer, false),
        ],
    },
    SyncTable {
        name: "work_order_statuses",
        label: "situações de ordem de serviço",
        columns: &[
            column("name", Text, false),
            column("color", Text, false),
            column("is_final", Integer, false),
            column("position", Integer, false),
            column("deleted", Integer, false),
            column("active", Integer, false),
            column("stage", Text, false),
        ],
    },
    SyncTable {
        name: "scripts",
        label: "scripts",
        columns: &[
            column("name", Text, false),
            column("keywords", Text, false),
            column("deleted", Integer, false),
        ],
    },
    SyncTable {
        name: "script_versions",
        label: "versões de scripts",
        columns: &[
            column("script_id", Blob, false),
            column("version", Integer, false),
            column("definition", Text, false),
            column("published_at", Integer, false),
            column("deleted", Integer, false),
            column("nodes", Integer, false),
        ],
    },
    SyncTable {
        name: "email_templates",
        label: "modelos de e-mail",
        columns: &[
            column("name", Text, false),
            column("subject", Text, false),
            column("body", Text, false),
            column("role_ids", Text, false),
            column("deleted", Integer, false),
        ],
    },
    SyncTable {
        name: "tickets",
        label: "atendimentos",
        columns: &[
            column("protocol", Text, false),
            column("origin", Text, false),
            column("customer_id", Blob, false),
            column("customer_plan_id", Blob, true),
            column("support_message_id", Blob, true),
            column("problem", Text, false),
            column("ticket_type_id", Blob, true),
            column("assigned_user_id", Blob, true),
            column("assigned_role_id", Blob, true),
            column("status", Text, false),
            column("opened_by", Blob, false),
            column("opened_at", Integer, false),
            column("due_at", Integer, true),
            column("resolved_at", Integer, true),
            column("deleted", Integer, false),
            column("new_plan_id", Blob, true),
            column("first_contact_resolved", Integer, false),
        ],
    },
    SyncTable {
        name: "ticket_events",
        label: "históricos de atendimento",
        columns: &[
            column("ticket_id", Blob, false),
            column("kind", Text, false),
            column("payload", Text, false),
            column("user_id", Blob, false),
            column("at", Integer, false),
        ],
    },
    SyncTable {
        name: "work_orders",
        label: "ordens de serviço",
        columns: &[
            column("ticket_id", Blob, false),
            column("customer_id", Blob, false),
            column("technician_id", Blob, false),
            column("type_id", Blob, false),
            column("status_id", Blob, false),
            column("starts_at", Integer, false),
            column("ends_at", Integer, false),
            column("description", Text, false),
            column("address", Text, false),
            column("deleted", Integer, false),
            column("started_at", Integer, true),
            column("finished_at", Integer, true),
            column("report", Text, false),
            column("outcome", Text, true),
        ],
    },
    SyncTable {
        name: "tasks",
        label: "tarefas",
        columns: &[
            column("ticket_id", Blob, true),
            column("title", Text, false),
            column("description", Text, false),
            column("assignee_user_id", Blob, true),
            column("assignee_role_id", Blob, true),
            column("due_at", Integer, true),
            column("done_at", Integer, true),
            column("created_by", Blob, false),
            column("deleted", Integer, false),
        ],
    },
    SyncTable {
        name: "attachments",
        label: "anexos",
        columns: &[
            column("ticket_id", Blob, false),
            column("file_name", Text, false),
            column("content_hash", Text, false),
            column("size_bytes", Integer, false),
            column("notes", Text, false),
            column("added_by", Blob, false),
            column("added_at", Integer, false),
            column("deleted", Integer, false),
        ],
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merge_groups_name_columns_of_their_table_once() {
        for (name, groups) in MERGE_GROUPS {
            let table = SyncTable::named(name).expect("a synced table");
            let mut seen = Vec::new();
            for group in *groups {
                assert!(group.len() > 1, "{name}: a group of one");
                for column in *group {
                    assert!(table.column(column).is_some(), "{name}.{column}");
                    assert!(!seen.contains(column), "{name}.{column} in two groups");
                    seen.push(*column);
                }
            }
            assert_eq!(table.merge_groups(), *groups);
        }
        let customers = SyncTable::named("customers").expect("a synced table");
        assert!(customers.merge_groups().is_empty());
    }
}
