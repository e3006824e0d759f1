//! A catalog entry's values once checked: numbers as numbers, what the store writes and
//! reads back.
use uuid::Uuid;

use super::{format_price, CatalogFields, CatalogKind};
use crate::ticket_type::Assignee;
use crate::work_order_life::WorkOrderStage;

/// The checked values of an entry, by catalog ([`CatalogFields::parse`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CatalogValues {
    Roles {
        name: String,
        administrator: bool,
        edits_customers: bool,
    },
    Teams {
        name: String,
    },
    TicketTypes {
        name: String,
        destination: Option<Assignee>,
        sla_hours: u32,
        /// Calendar hours ("Prazo em horas corridas"), not business hours.
        sla_calendar: bool,
    },
    WorkOrderTypes {
        name: String,
        /// A multiple of 15, at most a day.
        minutes: u32,
        site_survey: bool,
        color: String,
    },
    WorkOrderStatuses {
        name: String,
        stage: WorkOrderStage,
        color: String,
    },
    Technicians {
        name: String,
        team_id: Uuid,
        user_id: Option<Uuid>,
        phone: String,
    },
    RoutingPoints {
        name: String,
        kind: String,
        address: String,
        /// As `std::net::IpAddr` writes it.
        ip: String,
        status: String,
    },
    Plans {
        name: String,
        technology: String,
        download_mbps: u32,
        upload_mbps: u32,
        price_cents: i64,
    },
    ContactRoles {
        name: String,
    },
}

impl CatalogValues {
    /// The catalog these values belong to.
    pub fn kind(&self) -> CatalogKind {
        match self {
            CatalogValues::Roles { .. } => CatalogKind::Roles,
            CatalogValues::Teams { .. } => CatalogKind::Teams,
            CatalogValues::TicketTypes { .. } => CatalogKind::TicketTypes,
            CatalogValues::WorkOrderTypes { .. } => CatalogKind::WorkOrderTypes,
            CatalogValues::WorkOrderStatuses { .. } => CatalogKind::WorkOrderStatuses,
            CatalogValues::Technicians { .. } => CatalogKind::Technicians,
            CatalogValues::RoutingPoints { .. } => CatalogKind::RoutingPoints,
            CatalogValues::Plans { .. } => CatalogKind::Plans,
            CatalogValues::ContactRoles { .. } => CatalogKind::ContactRoles,
        }
    }

    /// The entry's name.
    pub fn name(&self) -> &str {
        match self {
            CatalogValues::Roles { name, .. }
            | CatalogValues::Teams { name }
            | CatalogValues::TicketTypes { name, .. }
            | CatalogValues::WorkOrderTypes { name, .. }
            | CatalogValues::WorkOrderStatuses { name, .. }
            | CatalogValues::Technicians { name, .. }
            | CatalogValues::RoutingPoints { name, .. }
            | CatalogValues::Plans { name, .. }
            | CatalogValues::ContactRoles { name } => name,
        }
    }

    /// The values as the form shows them: numbers written out, the price as "R$ 99,90".
    pub fn fields(&self) -> CatalogFields {
        match self.clone() {
            CatalogValues::Roles {
                name,
                administrator,
                edits_customers,
            } => CatalogFields::Roles {
                name,
                administrator,
                edits_customers,
            },
            CatalogValues::Teams { name } => CatalogFields::Teams { name },
            CatalogValues::TicketTypes {
                name,
                destination,
                sla_hours,
                sla_calendar,
            } => CatalogFields::TicketTypes {
                name,
                destination,
                sla_hours: sla_hours.to_string(),
                sla_calendar,
            },
            CatalogValues::WorkOrderTypes {
                name,
                minutes,
                site_survey,
                color,
            } => CatalogFields::WorkOrderTypes {
                name,
                minutes: minutes.to_string(),
                site_survey,
                color,
            },
            CatalogValues::WorkOrderStatuses { name, stage, color } => {
                CatalogFields::WorkOrderStatuses { name, stage, color }
            }
            CatalogValues::Technicians {
                name,
                team_id,
                user_id,
                phone,
            } => CatalogFields::Technicians {
                name,
                team_id: Some(team_id),
                user_id,
                phone,
            },
            CatalogValues::RoutingPoints {
                name,
                kind,
                address,
                ip,
                status,
            } => CatalogFields::RoutingPoints {
                name,
                kind,
                address,
                ip,
                status,
            },
            CatalogValues::Plans {
                name,
                technology,
                download_mbps,
                upload_mbps,
                price_cents,
            } => CatalogFields::Plans {
                name,
                technology,
                download_mbps: download_mbps.to_string(),
                upload_mbps: upload_mbps.to_string(),
                price: format_price(price_cents),
            },
            CatalogValues::ContactRoles { name } => CatalogFields::ContactRoles { name },
        }
    }
}
