//! What a desktop may sync. The administrator gives each desktop a profile when it
//! registers: a service desktop ("Atendimento") writes only what the ticket flow writes and
//! never receives the administrators' password hashes; an administration desktop
//! ("Administração") writes everything. The server enforces it; the desktop follows it so
//! nothing it writes is refused later.
use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use specta::Type;
use uuid::Uuid;

use super::{FieldValue, SyncRow};

/// The profile of a registered desktop.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum DesktopProfile {
    /// "Atendimento": operators serving customers.
    Service,
    /// "Administração": also scripts, templates, the catalog, users and roles.
    Administration,
}

/// The tables a service desktop writes: customers' contact details and everything a ticket
/// makes (its history, work orders, tasks, attachments). Every other table (users, roles,
/// teams, technicians, the catalog, contracts, scripts, e-mail templates) is written only
/// by administration desktops.
pub const SERVICE_TABLES: &[&str] = &[
    "customers",
    "customer_emails",
    "customer_phones",
    "contacts",
    "support_messages",
    "tickets",
    "ticket_events",
    "work_orders",
    "tasks",
    "attachments",
];

/// What a service desktop receives in place of an administrator's password hash: no
/// password matches it, so administrators cannot sign in there.
pub const WITHHELD_PASSWORD_HASH: &str = "";

impl DesktopProfile {
    /// Both profiles, in the order the registration form offers them.
    pub const ALL: [DesktopProfile; 2] = [DesktopProfile::Service, DesktopProfile::Administration];

    /// The stable name stored and sent ("service", "administration").
    pub fn code(self) -> &'static str {
        match self {
            DesktopProfile::Service => "service",
            DesktopProfile::Administration => "administration",
        }
    }

    /// The profile stored as `code`.
    pub fn from_code(code: &str) -> Option<DesktopProfile> {
        DesktopProfile::ALL
            .into_iter()
            .find(|profile| profile.code() == code)
    }

    /// The pt-BR name the window shows.
    pub fn label(self) -> &'static str {
        match self {
            DesktopProfile::Service => "Atendimento",
            DesktopProfile::Administration => "Administração",
        }
    }

    /// Whether a desktop of this profile may write rows of `table`.
    pub fn may_write(self, table: &str) -> bool {
        self == DesktopProfile::Administration || SERVICE_TABLES.contains(&table)
    }

    /// Whether an operator may administer (scripts, templates, settings) on such a desktop.
    pub fn may_administer(self) -> bool {
        self == DesktopProfile::Administration
    }

    /// `row` as a desktop of this profile may read it: on a service desktop, a user whose
    /// role is one of `administrator_roles` comes without its password hash (its version is
    /// kept, so the field still merges as any other).
    pub fn readable(self, mut row: SyncRow, administrator_roles: &HashSet<Uuid>) -> SyncRow {
        if self == DesktopProfile::Administration || row.table != "users" {
            return row;
        }
        let administrator = matches!(
            row.value("role_id"),
            Some(FieldValue::Blob(id)) if Uuid::from_slice(id)
                .is_ok_and(|id| administrator_roles.contains(&id))
        );
        if administrator {
            if let Some(hash) = row.fields.get_mut("password_hash") {
                hash.value = FieldValue::Text(WITHHELD_PASSWORD_HASH.to_owned());
            }
        }
        row
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync::{FieldVersion, SyncTable, Version};

    fn user(role: Uuid) -> SyncRow {
        let version = Version {
            stamp: 7,
            origin: Uuid::from_u128(9),
        };
        let field = |value| FieldVersion { value, version };
        SyncRow {
            table: "users".into(),
            id: Uuid::from_u128(1),
            fields: [
                ("login".to_owned(), field(FieldValue::Text("ana".into()))),
                (
                    "password_hash".to_owned(),
                    field(FieldValue::Text("$argon2id$v=19$...".into())),
                ),
                (
                    "role_id".to_owned(),
                    field(FieldValue::Blob(role.as_bytes().to_vec())),
                ),
            ]
            .into_iter()
            .collect(),
        }
    }

    #[test]
    fn service_desktops_write_only_what_the_ticket_flow_writes() {
        for table in SERVICE_TABLES {
            assert!(SyncTable::named(table).is_some(), "{table} does not sync");
            assert!(DesktopProfile::Service.may_write(table));
        }
        for table in ["users", "roles", "scripts", "email_templates", "plans"] {
            assert!(!DesktopProfile::Service.may_write(table), "{table}");
            assert!(DesktopProfile::Administration.may_write(table), "{table}");
        }
        assert!(!DesktopProfile::Service.may_administer());
        assert!(DesktopProfile::Administration.may_administer());
    }

    #[test]
    fn service_desktops_never_see_an_administrators_password_hash() {
        let administrators = HashSet::from([Uuid::from_u128(2)]);
        let admin = user(Uuid::from_u128(2));
        let operator = user(Uuid::from_u128(3));

        let withheld = DesktopProfile::Service.readable(admin.clone(), &administrators);
        assert_eq!(
            withheld.value("password_hash"),
            Some(&FieldValue::Text(WITHHELD_PASSWORD_HASH.into()))
        );
        assert_eq!(
            withheld.fields["password_hash"].version,
            admin.fields["password_hash"].version
        );
        assert_eq!(withheld.value("login"), admin.value("login"));

        assert_eq!(
            DesktopProfile::Service.readable(operator.clone(), &administrators),
            operator
        );
        assert_eq!(
            DesktopProfile::Administration.readable(admin.clone(), &administrators),
            admin
        );
    }

    #[test]
    fn every_table_is_named_in_pt_br_for_messages() {
        let labels: HashSet<&str> = crate::sync::SYNC_TABLES
            .iter()
            .map(|table| table.label)
            .collect();
        assert_eq!(
            labels.len(),
            crate::sync::SYNC_TABLES.len(),
            "labels repeat"
        );
        assert!(!labels.contains(""));
    }

    #[test]
    fn codes_round_trip() {
        for profile in DesktopProfile::ALL {
            assert_eq!(DesktopProfile::from_code(profile.code()), Some(profile));
            assert_eq!(
                serde_json::to_string(&profile).expect("json"),
                format!("\"{}\"", profile.code())
            );
        }
        assert_eq!(DesktopProfile::from_code("root"), None);
    }
}
