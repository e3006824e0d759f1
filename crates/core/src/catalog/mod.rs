//! The catalogs an administrator keeps and the wizard chooses from: roles, teams, ticket
//! types, work-order types and statuses, technicians, routing points, plans and contact
//! roles. Every entry has a name unique in its catalog (ignoring case and accents) and can
//! be deactivated: it leaves the wizard's choices and stays on what already uses it.
mod kind;
mod price;
mod validate;
mod values;

use serde::{Deserialize, Serialize};
use specta::Type;
use uuid::Uuid;

use crate::ticket_type::Assignee;
use crate::work_order_life::WorkOrderStage;
pub use price::{format_price, parse_price};
pub use validate::{
    MAX_NAME_CHARS, MAX_PLAN_MBPS, MAX_SLA_HOURS, MAX_TEXT_CHARS, MAX_WORK_ORDER_MINUTES,
};
pub use values::CatalogValues;

/// Field names of the catalog forms (the UI's `data-field`), one per input.
pub mod fields {
    /// Every catalog's "Nome".
    pub const NAME: &str = "cadastro-nome";
    /// A role's "Administrador" checkbox.
    pub const ADMINISTRATOR: &str = "cadastro-administrador";
    pub const EDITS_CUSTOMERS: &str = "cadastro-edita-clientes";
    /// A ticket type's "Destinado a" (a user or a role).
    pub const DESTINATION: &str = "cadastro-destino";
    /// A ticket type's "SLA (horas)".
    pub const SLA_HOURS: &str = "cadastro-sla-horas";
    /// A ticket type's "Prazo em horas corridas" checkbox.
    pub const SLA_CALENDAR: &str = "cadastro-sla-corridas";
    /// A work-order type's "Duração usual (minutos)".
    pub const MINUTES: &str = "cadastro-duracao";
    /// A work-order type's "Site Survey" checkbox.
    pub const SITE_SURVEY: &str = "cadastro-site-survey";
    /// A work-order type's or status's "Cor".
    pub const COLOR: &str = "cadastro-cor";
    /// A work-order status's "Etapa" (what it means for the visit's life).
    pub const STAGE: &str = "cadastro-etapa";
    /// A technician's "Equipe".
    pub const TEAM: &str = "cadastro-equipe";
    /// A technician's "Usuário".
    pub const USER: &str = "cadastro-usuario";
    /// A technician's "Telefone".
    pub const PHONE: &str = "cadastro-telefone";
    /// A routing point's "Tipo".
    pub const KIND: &str = "cadastro-tipo";
    /// A routing point's "Endereço".
    pub const ADDRESS: &str = "cadastro-endereco";
    /// A routing point's "IP".
    pub const IP: &str = "cadastro-ip";
    /// A routing point's "Situação".
    pub const STATUS: &str = "cadastro-situacao";
    /// A plan's "Tecnologia".
    pub const TECHNOLOGY: &str = "cadastro-tecnologia";
    /// A plan's "Download (Mbps)".
    pub const DOWNLOAD: &str = "cadastro-download";
    /// A plan's "Upload (Mbps)".
    pub const UPLOAD: &str = "cadastro-upload";
    /// A plan's "Preço".
    pub const PRICE: &str = "cadastro-preco";

    /// Every field of the catalog forms.
    pub const ALL: [&str; 21] = [
        NAME,
        ADMINISTRATOR,
        EDITS_CUSTOMERS,
        DESTINATION,
        SLA_HOURS,
        SLA_CALENDAR,
        MINUTES,
        SITE_SURVEY,
        COLOR,
        STAGE,
        TEAM,
        USER,
        PHONE,
        KIND,
        ADDRESS,
        IP,
        STATUS,
        TECHNOLOGY,
        DOWNLOAD,
        UPLOAD,
        PRICE,
    ];
}

/// Which catalog.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum CatalogKind {
    /// "Cargos".
    Roles,
    /// "Equipes".
    Teams,
    /// "Tipos de Atendimento".
    TicketTypes,
    /// "Tipos de OS".
    WorkOrderTypes,
    /// "Status de OS".
    WorkOrderStatuses,
    /// "Técnicos".
    Technicians,
    /// "Pontos de Roteamento".
    RoutingPoints,
    /// "Planos".
    Plans,
    /// "Funções de contato".
    ContactRoles,
}

/// An entry's fields, by catalog; numbers are kept as typed so a refused form keeps them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(tag = "catalog", rename_all = "snake_case")]
pub enum CatalogFields {
    Roles {
        name: String,
        /// Its users administer the help desk.
        administrator: bool,
        /// Its users create and change customers ("Edita clientes").
        edits_customers: bool,
    },
    Teams {
        name: String,
    },
    TicketTypes {
        name: String,
        /// Who its tickets go to (a user or a role), or nobody.
        destination: Option<Assignee>,
        /// Whole hours, as typed.
        sla_hours: String,
        /// "Prazo em horas corridas": the SLA counts calendar hours, not the provider's
        /// business hours.
        #[serde(default)]
        sla_calendar: bool,
    },
    WorkOrderTypes {
        name: String,
        /// The usual duration in minutes, as typed (a multiple of 15).
        minutes: String,
        site_survey: bool,
        /// `#rrggbb`.
        color: String,
    },
    WorkOrderStatuses {
        name: String,
        /// "Etapa": what the status means for the visit's life (done and cancelled are
        /// final).
        stage: WorkOrderStage,
        /// `#rrggbb`.
        color: String,
    },
    Technicians {
        name: String,
        team_id: Option<Uuid>,
        /// The user the technician signs in as, if any.
        user_id: Option<Uuid>,
        phone: String,
    },
    RoutingPoints {
        name: String,
        /// "Tipo" (POP, OLT, concentrador…).
        kind: String,
        address: String,
        ip: String,
        /// "Situação".
        status: String,
    },
    Plans {
        name: String,
        technology: String,
        /// Whole Mbps, as typed.
        download_mbps: String,
        upload_mbps: String,
        /// "R$ 99,90", as typed.
        price: String,
    },
    ContactRoles {
        name: String,
    },
}

/// An entry as the administrator's list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct CatalogEntry {
    pub id: Uuid,
    pub fields: CatalogFields,
    pub active: bool,
}

/// "Novo" or an entry's changes, as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct CatalogForm {
    /// `None` creates an entry.
    pub id: Option<Uuid>,
    pub fields: CatalogFields,
}

/// Deactivating (`active: false`) or reactivating a catalog entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct CatalogActiveChange {
    pub kind: CatalogKind,
    pub id: Uuid,
    pub active: bool,
}
