//! What each catalog is called (pt-BR) and where it is kept.
use super::{CatalogFields, CatalogKind};

impl CatalogKind {
    /// Every catalog, in the order the administrator's menu lists them.
    pub const ALL: [CatalogKind; 9] = [
        CatalogKind::TicketTypes,
        CatalogKind::WorkOrderTypes,
        CatalogKind::WorkOrderStatuses,
        CatalogKind::Technicians,
        CatalogKind::Teams,
        CatalogKind::RoutingPoints,
        CatalogKind::Plans,
        CatalogKind::Roles,
        CatalogKind::ContactRoles,
    ];

    /// The catalog's title, e.g. "Tipos de Atendimento".
    pub fn label(self) -> &'static str {
        match self {
            CatalogKind::Roles => "Cargos",
            CatalogKind::Teams => "Equipes",
            CatalogKind::TicketTypes => "Tipos de Atendimento",
            CatalogKind::WorkOrderTypes => "Tipos de OS",
            CatalogKind::WorkOrderStatuses => "Status de OS",
            CatalogKind::Technicians => "Técnicos",
            CatalogKind::RoutingPoints => "Pontos de Roteamento",
            CatalogKind::Plans => "Planos",
            CatalogKind::ContactRoles => "Funções de contato",
        }
    }

    /// One entry, with its article, as a message names it: "um plano", "uma equipe".
    pub fn one(self) -> &'static str {
        match self {
            CatalogKind::Roles => "um cargo",
            CatalogKind::Teams => "uma equipe",
            CatalogKind::TicketTypes => "um tipo de atendimento",
            CatalogKind::WorkOrderTypes => "um tipo de OS",
            CatalogKind::WorkOrderStatuses => "um status de OS",
            CatalogKind::Technicians => "um técnico",
            CatalogKind::RoutingPoints => "um ponto de roteamento",
            CatalogKind::Plans => "um plano",
            CatalogKind::ContactRoles => "uma função de contato",
        }
    }

    /// "Já existe um plano com este nome.": a name is unique in its catalog, ignoring case
    /// and accents.
    pub fn name_taken(self) -> String {
        format!("Já existe {} com este nome.", self.one())
    }

    /// The table its entries are kept in.
    pub fn table(self) -> &'static str {
        match self {
            CatalogKind::Roles => "roles",
            CatalogKind::Teams => "teams",
            CatalogKind::TicketTypes => "ticket_types",
            CatalogKind::WorkOrderTypes => "work_order_types",
            CatalogKind::WorkOrderStatuses => "work_order_statuses",
            CatalogKind::Technicians => "technicians",
            CatalogKind::RoutingPoints => "routing_points",
            CatalogKind::Plans => "plans",
            CatalogKind::ContactRoles => "contact_roles",
        }
    }
}

impl CatalogFields {
    /// The catalog these fields belong to.
    pub fn kind(&self) -> CatalogKind {
        match self {
            CatalogFields::Roles { .. } => CatalogKind::Roles,
            CatalogFields::Teams { .. } => CatalogKind::Teams,
            CatalogFields::TicketTypes { .. } => CatalogKind::TicketTypes,
            CatalogFields::WorkOrderTypes { .. } => CatalogKind::WorkOrderTypes,
            CatalogFields::WorkOrderStatuses { .. } => CatalogKind::WorkOrderStatuses,
            CatalogFields::Technicians { .. } => CatalogKind::Technicians,
            CatalogFields::RoutingPoints { .. } => CatalogKind::RoutingPoints,
            CatalogFields::Plans { .. } => CatalogKind::Plans,
            CatalogFields::ContactRoles { .. } => CatalogKind::ContactRoles,
        }
    }

    /// The entry's name, as typed.
    pub fn name(&self) -> &str {
        match self {
            CatalogFields::Roles { name, .. }
            | CatalogFields::Teams { name }
            | CatalogFields::TicketTypes { name, .. }
            | CatalogFields::WorkOrderTypes { name, .. }
            | CatalogFields::WorkOrderStatuses { name, .. }
            | CatalogFields::Technicians { name, .. }
            | CatalogFields::RoutingPoints { name, .. }
            | CatalogFields::Plans { name, .. }
            | CatalogFields::ContactRoles { name } => name,
        }
    }

    /// The entry's name, to change as typed.
    pub fn name_mut(&mut self) -> &mut String {
        match self {
            CatalogFields::Roles { name, .. }
            | CatalogFields::Teams { name }
            | CatalogFields::TicketTypes { name, .. }
            | CatalogFields::WorkOrderTypes { name, .. }
            | CatalogFields::WorkOrderStatuses { name, .. }
            | CatalogFields::Technicians { name, .. }
            | CatalogFields::RoutingPoints { name, .. }
            | CatalogFields::Plans { name, .. }
            | CatalogFields::ContactRoles { name } => name,
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn every_catalog_has_its_own_label_and_table() {
        let labels: HashSet<_> = CatalogKind::ALL.iter().map(|kind| kind.label()).collect();
        let tables: HashSet<_> = CatalogKind::ALL.iter().map(|kind| kind.table()).collect();
        assert_eq!((labels.len(), tables.len()), (9, 9));
        assert_eq!(
            CatalogKind::Plans.name_taken(),
            "Já existe um plano com este nome."
        );
        assert_eq!(
            CatalogKind::Teams.name_taken(),
            "Já existe uma equipe com este nome."
        );
    }
}
