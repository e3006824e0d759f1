//! What a desktop may sync. The administrator gives each desktop a profile when it
//! registers: a service desktop ("Atendimento") writes only what the ticket flow writes and
//! never receives the administrators' password hashes; an administration desktop
//! ("Administração") writes everything. The one exception: every operator changes their
//! own password, so a service desktop also sends `users` rows, of which only the password
//! fields count, and only for users who do not administer ([`DesktopProfile::writable`]).
//! The server enforces it; the desktop follows it so nothing it writes is refused later.
use std::borrow::Cow;
use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use specta::Type;
use uuid::Uuid;

use super::{FieldValue, SyncRow};

/// The profile of a registered desktop.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DesktopProfile {
    /// "Atendimento": operators serving customers.
    Service,
    /// "Administração": also scripts, templates, the catalog, users and roles.
    Administration,
}

/// The tables a service desktop writes: customers (their contracts and the record of who
/// changed them; which roles edit customers is the roles' `edits_customers`) and
/// everything a ticket makes (its history, work orders, tasks, attachments). Every other
/// table (users, roles, teams, technicians, the catalog, scripts, e-mail templates) is
/// written only by administration desktops.
pub const SERVICE_TABLES: &[&str] = &[
    "customers",
    "customer_emails",
    "customer_phones",
    "customer_plans",
    "contacts",
    "customer_changes",
    "support_messages",
    "support_message_attachments",
    "tickets",
    "ticket_events",
    "work_orders",
    "tasks",
    "attachments",
];

/// The fields of a `users` row a service desktop may send: an operator's own password
/// change. Every other field of such a row (login, name, role, activation...) is left out.
pub const SERVICE_USER_FIELDS: &[&str] = &["password_hash", "must_change_password"];

/// Why a desktop may not write a row it sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The desktop's profile never writes rows of this table.
    Table(String),
    /// A service desktop sent a user the node does not hold (users are created only on
    /// administration desktops).
    UnknownUser(Uuid),
    /// A service desktop sent the row of a user whose role administers.
    Administrator(Uuid),
}

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

    /// Whether a desktop of this profile may write whole rows of `table` (a service desktop
    /// also sends `users` rows, reduced by [`DesktopProfile::writable`]).
    pub fn may_write(self, table: &str) -> bool {
        self == DesktopProfile::Administration || SERVICE_TABLES.contains(&table)
    }

    /// Whether an operator may administer (scripts, templates, settings) on such a desktop.
    pub fn may_administer(self) -> bool {
        self == DesktopProfile::Administration
    }

    /// Whether an operator (an administrator or not) may change their own password on a
    /// desktop of this profile: everywhere but an administrator on a service desktop, whose
    /// row the server would refuse (and who cannot sign in there anyway).
    pub fn may_change_password(self, administrator: bool) -> bool {
        self == DesktopProfile::Administration || !administrator
    }

    /// What of `row`, sent by a desktop of this profile, the node takes, or why it takes
    /// none of the batch. `stored` is the node's own row of the same table and id (`None`,
    /// or a row without fields, when it holds none); a user's role is read from it, never
    /// from what the desktop sent.
    ///
    /// An administration desktop writes every row whole. A service desktop writes whole
    /// rows of [`SERVICE_TABLES`] and, of a `users` row, only [`SERVICE_USER_FIELDS`], for a
    /// user the node holds whose role is not one of `administrator_roles`.
    pub fn writable<'a>(
        self,
        row: &'a SyncRow,
        stored: Option<&SyncRow>,
        administrator_roles: &HashSet<Uuid>,
    ) -> Result<Cow<'a, SyncRow>, Refusal> {
        if self.may_write(&row.table) {
            return Ok(Cow::Borrowed(row));
        }
        if row.table != "users" {
            return Err(Refusal::Table(row.table.clone()));
        }
        let Some(stored) = stored.filter(|stored| !stored.fields.is_empty()) else {
            return Err(Refusal::UnknownUser(row.id));
        };
        if !self.may_change_password(administers(stored, administrator_roles)) {
            return Err(Refusal::Administrator(row.id));
        }
        let mut reduced = row.clone();
        reduced
            .fields
            .retain(|name, _| SERVICE_USER_FIELDS.contains(&name.as_str()));
        Ok(Cow::Owned(reduced))
    }

    /// `row` as a desktop of this profile may read it: on a service desktop, a user whose
    /// role is one of `administrator_roles` comes without its password hash (its version is
    /// kept, so the field still merges as any other).
    pub fn readable(self, mut row: SyncRow, administrator_roles: &HashSet<Uuid>) -> SyncRow {
        if self == DesktopProfile::Administration || row.table != "users" {
            return row;
        }
        if administers(&row, administrator_roles) {
            if let Some(hash) = row.fields.get_mut("password_hash") {
                hash.value = FieldValue::Text(WITHHELD_PASSWORD_HASH.to_owned());
            }
        }
        row
    }
}

/// Marks that the user `row` started or stopped administering (its role changed, or its
/// role's `is_administrator`): its password hash takes a version just above its own, with
/// `origin`, and the same value. Every desktop then takes the field again as its profile
/// reads it: a service desktop the empty hash of a user just promoted, the real hash of one
/// just demoted (the field's version did not move otherwise, so it kept the old one). Just
/// above: a password change made after it still wins.
pub fn administration_changed(row: &mut SyncRow, origin: Uuid) {
    if let Some(hash) = row.fields.get_mut("password_hash") {
        hash.version = super::Version {
            stamp: hash.version.stamp.saturating_add(1),
            origin,
        };
    }
}

/// Whether the user `row` holds a role of `administrator_roles`.
pub fn administers(row: &SyncRow, administrator_roles: &HashSet<Uuid>) -> bool {
    matches!(
        row.value("role_id"),
        Some(FieldValue::Blob(id)) if Uuid::from_slice(id)
            .is_ok_and(|id| administrator_roles.contains(&id))
    )
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

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
    fn a_service_desktop_sends_only_the_password_of_a_user_who_does_not_administer() {
        let (administrators, support) = (Uuid::from_u128(2), Uuid::from_u128(3));
        let roles = HashSet::from([administrators]);
        let stored = user(support);
        // The desktop says the user administers, changes the login, the activation and
        // the password: only the password fields count, and the role is the stored one.
        let mut sent = user(administrators);
        let newer = Version {
            stamp: 8,
            origin: Uuid::from_u128(10),
        };
        for (name, value) in [
            ("login", FieldValue::Text("intruso".into())),
            ("password_hash", FieldValue::Text("$argon2id$nova".into())),
            ("must_change_password", FieldValue::Integer(0)),
            ("active", FieldValue::Integer(0)),
        ] {
            let field = FieldVersion {
                value,
                version: newer,
            };
            sent.fields.insert(name.to_owned(), field);
        }

        let taken = DesktopProfile::Service
            .writable(&sent, Some(&stored), &roles)
            .expect("taken");
        let names: Vec<&str> = taken.fields.keys().map(String::as_str).collect();
        assert_eq!(names, ["must_change_password", "password_hash"]);
        for name in SERVICE_USER_FIELDS {
            assert_eq!(taken.fields[*name], sent.fields[*name], "{name}");
        }
        assert_eq!(
            DesktopProfile::Administration.writable(&sent, Some(&stored), &roles),
            Ok(Cow::Borrowed(&sent))
        );
    }

    #[test]
    fn a_service_desktop_may_not_send_an_administrator_an_unknown_user_or_a_catalog() {
        let administrators = Uuid::from_u128(2);
        let roles = HashSet::from([administrators]);
        let sent = user(Uuid::from_u128(3));
        let service = DesktopProfile::Service;

        let admin = user(administrators);
        assert_eq!(
            service.writable(&sent, Some(&admin), &roles),
            Err(Refusal::Administrator(sent.id))
        );
        let empty = SyncRow {
            fields: BTreeMap::new(),
            ..sent.clone()
        };
        for stored in [None, Some(&empty)] {
            assert_eq!(
                service.writable(&sent, stored, &roles),
                Err(Refusal::UnknownUser(sent.id))
            );
        }
        let role = SyncRow {
            table: "roles".into(),
            ..empty.clone()
        };
        assert_eq!(
            service.writable(&role, None, &roles),
            Err(Refusal::Table("roles".into()))
        );
        let ticket = SyncRow {
            table: "tickets".into(),
            ..sent.clone()
        };
        assert_eq!(
            service.writable(&ticket, None, &roles),
            Ok(Cow::Borrowed(&ticket))
        );

        assert!(service.may_change_password(false));
        assert!(!service.may_change_password(true));
        assert!(DesktopProfile::Administration.may_change_password(true));
    }

    #[test]
    fn a_user_who_starts_or_stops_administering_reaches_service_desktops_again() {
        let (admins, support) = (Uuid::from_u128(2), Uuid::from_u128(3));
        let roles = HashSet::from([admins]);
        let server = Uuid::from_u128(99);
        let mut operator = user(support);
        assert!(!administers(&operator, &roles));
        // What a service desktop holds: the real hash.
        let mut on_service = DesktopProfile::Service.readable(operator.clone(), &roles);

        // Promoted: the server's row takes the admin role and a newer hash version.
        operator.fields.insert(
            "role_id".into(),
            FieldVersion {
                value: FieldValue::Blob(admins.as_bytes().to_vec()),
                version: Version {
                    stamp: 8,
                    origin: Uuid::from_u128(9),
                },
            },
        );
        assert!(administers(&operator, &roles));
        let unmoved = DesktopProfile::Service.readable(operator.clone(), &roles);
        let mut stale = on_service.clone();
        stale.merge(&unmoved);
        assert_ne!(
            stale.value("password_hash"),
            Some(&FieldValue::Text(WITHHELD_PASSWORD_HASH.into())),
            "without a new version the service desktop keeps the hash"
        );
        administration_changed(&mut operator, server);
        on_service.merge(&DesktopProfile::Service.readable(operator.clone(), &roles));
        assert_eq!(
            on_service.value("password_hash"),
            Some(&FieldValue::Text(WITHHELD_PASSWORD_HASH.into()))
        );

        // Demoted: the real hash comes back.
        operator.fields.insert(
            "role_id".into(),
            FieldVersion {
                value: FieldValue::Blob(support.as_bytes().to_vec()),
                version: Version {
                    stamp: 9,
                    origin: Uuid::from_u128(9),
                },
            },
        );
        administration_changed(&mut operator, server);
        on_service.merge(&DesktopProfile::Service.readable(operator.clone(), &roles));
        assert_eq!(
            on_service.value("password_hash"),
            operator.value("password_hash")
        );
        assert_eq!(on_service, operator);
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
