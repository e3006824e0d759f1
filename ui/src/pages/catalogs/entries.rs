//! What the catalog screens need of an entry, with no DOM: its name and a line about it,
//! a blank entry of each catalog, the choices of a `<select>` of entries, and who a
//! ticket type goes to as a `<select>`'s value.
use helpdesk_api::{Assignee, CatalogEntry, CatalogFields, CatalogKind, UserAccount, Uuid};

/// The `<select>` value of "nobody" / "none".
pub const NONE: &str = "";
const USER_PREFIX: &str = "usuario:";
const ROLE_PREFIX: &str = "cargo:";

/// The colour a new O.S. type or status starts with.
const NEW_COLOR: &str = "#1f5fbf";

/// Changes the entry's name.
pub fn set_name(fields: &mut CatalogFields, typed: String) {
    *fields.name_mut() = typed;
}

/// An entry of catalog `kind` with nothing typed ("Novo").
pub fn blank(kind: CatalogKind) -> CatalogFields {
    let name = String::new();
    match kind {
        CatalogKind::Roles => CatalogFields::Roles {
            name,
            administrator: false,
            edits_customers: false,
        },
        CatalogKind::Teams => CatalogFields::Teams { name },
        CatalogKind::TicketTypes => CatalogFields::TicketTypes {
            name,
            destination: None,
            sla_hours: String::new(),
            sla_calendar: false,
        },
        CatalogKind::WorkOrderTypes => CatalogFields::WorkOrderTypes {
            name,
            minutes: String::new(),
            site_survey: false,
            color: NEW_COLOR.into(),
        },
        CatalogKind::WorkOrderStatuses => CatalogFields::WorkOrderStatuses {
            name,
            stage: helpdesk_core::work_order_life::WorkOrderStage::Open,
            color: NEW_COLOR.into(),
        },
        CatalogKind::Technicians => CatalogFields::Technicians {
            name,
            team_id: None,
            user_id: None,
            phone: String::new(),
        },
        CatalogKind::RoutingPoints => CatalogFields::RoutingPoints {
            name,
            kind: String::new(),
            address: String::new(),
            ip: String::new(),
            status: String::new(),
        },
        CatalogKind::Plans => CatalogFields::Plans {
            name,
            technology: String::new(),
            download_mbps: String::new(),
            upload_mbps: String::new(),
            price: String::new(),
        },
        CatalogKind::ContactRoles => CatalogFields::ContactRoles { name },
    }
}

/// The list's "Detalhes": what sets the entry apart besides its name.
pub fn details(fields: &CatalogFields) -> String {
    let joined = |parts: &[&str]| {
        parts
            .iter()
            .filter(|part| !part.trim().is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" · ")
    };
    match fields {
        CatalogFields::Roles {
            administrator,
            edits_customers,
            ..
        } => joined(&[
            if *administrator { "Administrativo" } else { "" },
            if *edits_customers {
                "Edita clientes"
            } else {
                ""
            },
        ]),
        CatalogFields::Teams { .. } | CatalogFields::ContactRoles { .. } => String::new(),
        CatalogFields::TicketTypes {
            destination,
            sla_hours,
            sla_calendar,
            ..
        } => {
            let to = match destination {
                Some(Assignee::User { name, .. }) => format!("Usuário: {name}"),
                Some(Assignee::Role { name, .. }) => format!("Cargo: {name}"),
                None => String::new(),
            };
            let sla = (!sla_hours.is_empty()).then(|| {
                let counted = if *sla_calendar { " corridas" } else { "" };
                format!("SLA {sla_hours} h{counted}")
            });
            joined(&[&to, sla.as_deref().unwrap_or_default()])
        }
        CatalogFields::WorkOrderTypes {
            minutes,
            site_survey,
            ..
        } => {
            let duration = format!("{minutes} min");
            joined(&[&duration, if *site_survey { "Site Survey" } else { "" }])
        }
        CatalogFields::WorkOrderStatuses { stage, .. } => stage.label().to_owned(),
        CatalogFields::Technicians { phone, .. } => phone.clone(),
        CatalogFields::RoutingPoints {
            kind, ip, status, ..
        } => joined(&[kind, ip, status]),
        CatalogFields::Plans {
            technology,
            download_mbps,
            upload_mbps,
            price,
            ..
        } => {
            let speeds = format!("{download_mbps}/{upload_mbps} Mbps");
            joined(&[technology, &speeds, price])
        }
    }
}

/// One option of a `<select>` of entries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub id: Uuid,
    pub label: String,
}

/// What a `<select>` of `entries` offers: the active ones, and the one `chosen` even when
/// inactive (marked so), by the list's order.
pub fn choices(entries: &[CatalogEntry], chosen: Option<Uuid>) -> Vec<Choice> {
    entries
        .iter()
        .filter(|entry| entry.active || Some(entry.id) == chosen)
        .map(|entry| {
            let name = entry.fields.name();
            Choice {
                id: entry.id,
                label: if entry.active {
                    name.to_owned()
                } else {
                    format!("{name} (inativo)")
                },
            }
        })
        .collect()
}

/// The id a `<select>`'s value stands for; `None` for [`NONE`].
pub fn parse_choice(value: &str) -> Option<Uuid> {
    Uuid::parse_str(value).ok()
}

/// The `<select>` value of a ticket type going to the user `id`.
pub fn user_destination(id: Uuid) -> String {
    format!("{USER_PREFIX}{id}")
}

/// The `<select>` value of a ticket type going to the role `id`.
pub fn role_destination(id: Uuid) -> String {
    format!("{ROLE_PREFIX}{id}")
}

/// The `<select>` value of who a ticket type goes to.
pub fn destination_value(destination: Option<&Assignee>) -> String {
    match destination {
        Some(Assignee::User { id, .. }) => user_destination(*id),
        Some(Assignee::Role { id, .. }) => role_destination(*id),
        None => NONE.to_owned(),
    }
}

/// Who a ticket type goes to, from its `<select>` value, named from `users` and `roles`;
/// `None` for nobody, or for someone no longer in those lists.
pub fn destination_from(
    value: &str,
    users: &[UserAccount],
    roles: &[CatalogEntry],
) -> Option<Assignee> {
    if let Some(id) = value.strip_prefix(USER_PREFIX).and_then(parse_choice) {
        let user = users.iter().find(|user| user.id == id)?;
        return Some(Assignee::User {
            id,
            name: user.name.clone(),
            active: user.active,
        });
    }
    let id = value.strip_prefix(ROLE_PREFIX).and_then(parse_choice)?;
    let role = roles.iter().find(|role| role.id == id)?;
    Some(Assignee::Role {
        id,
        name: role.fields.name().to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn role(id: u128, name: &str, active: bool) -> CatalogEntry {
        CatalogEntry {
            id: Uuid::from_u128(id),
            fields: CatalogFields::Roles {
                name: name.into(),
                administrator: false,
                edits_customers: false,
            },
            active,
        }
    }

    fn user(id: u128, name: &str) -> UserAccount {
        UserAccount {
            id: Uuid::from_u128(id),
            login: name.to_lowercase(),
            name: name.into(),
            email: String::new(),
            role_id: Uuid::from_u128(1),
            role_name: "Suporte".into(),
            team_id: None,
            team_name: None,
            active: true,
            must_change_password: false,
        }
    }

    #[test]
    fn a_blank_entry_is_of_its_catalog_and_takes_its_name() {
        for kind in [
            CatalogKind::Plans,
            CatalogKind::WorkOrderTypes,
            CatalogKind::ContactRoles,
        ] {
            let mut fields = blank(kind);
            assert_eq!(fields.name(), "");
            set_name(&mut fields, "Fibra 300".into());
            assert_eq!(fields.name(), "Fibra 300");
            assert_eq!(
                std::mem::discriminant(&fields),
                std::mem::discriminant(&blank(kind))
            );
        }
    }

    #[test]
    fn the_details_say_what_sets_an_entry_apart() {
        let plan = CatalogFields::Plans {
            name: "Fibra".into(),
            technology: "FTTH".into(),
            download_mbps: "300".into(),
            upload_mbps: "150".into(),
            price: "R$ 99,90".into(),
        };
        assert_eq!(details(&plan), "FTTH · 300/150 Mbps · R$ 99,90");
        let ticket_type = CatalogFields::TicketTypes {
            name: "Sem conexão".into(),
            destination: Some(Assignee::Role {
                id: Uuid::from_u128(1),
                name: "Suporte".into(),
            }),
            sla_hours: "4".into(),
            sla_calendar: false,
        };
        assert_eq!(details(&ticket_type), "Cargo: Suporte · SLA 4 h");
        let calendar = CatalogFields::TicketTypes {
            name: "Sem conexão".into(),
            destination: None,
            sla_hours: "4".into(),
            sla_calendar: true,
        };
        assert_eq!(details(&calendar), "SLA 4 h corridas");
        let survey = CatalogFields::WorkOrderTypes {
            name: "Vistoria".into(),
            minutes: "90".into(),
            site_survey: true,
            color: NEW_COLOR.into(),
        };
        assert_eq!(details(&survey), "90 min · Site Survey");
    }

    #[test]
    fn the_choices_are_the_active_entries_and_the_one_chosen() {
        let roles = [role(1, "Suporte", true), role(2, "Antigo", false)];
        let labels = |chosen| {
            choices(&roles, chosen)
                .into_iter()
                .map(|choice| choice.label)
                .collect::<Vec<_>>()
        };
        assert_eq!(labels(None), ["Suporte"]);
        assert_eq!(
            labels(Some(Uuid::from_u128(2))),
            ["Suporte", "Antigo (inativo)"]
        );
        assert_eq!(parse_choice(NONE), None);
        assert_eq!(
            parse_choice(&Uuid::from_u128(2).to_string()),
            Some(Uuid::from_u128(2))
        );
    }

    #[test]
    fn the_destination_goes_to_the_select_and_back() {
        let users = [user(7, "Ana")];
        let roles = [role(1, "Suporte", true)];
        let to_role = Assignee::Role {
            id: Uuid::from_u128(1),
            name: "Suporte".into(),
        };
        let to_user = Assignee::User {
            id: Uuid::from_u128(7),
            name: "Ana".into(),
            active: true,
        };
        for destination in [Some(to_role), Some(to_user), None] {
            let value = destination_value(destination.as_ref());
            assert_eq!(destination_from(&value, &users, &roles), destination);
        }
        let gone = user_destination(Uuid::from_u128(9));
        assert_eq!(destination_from(&gone, &users, &roles), None);
    }
}
